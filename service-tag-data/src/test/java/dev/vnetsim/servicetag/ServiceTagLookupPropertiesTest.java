package dev.vnetsim.servicetag;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpFamily;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The flat lookup answers exactly what a scan over every prefix of the file answers, on seeded random addresses:
 * inside prefixes, the first and last address of prefixes, one before and one past them, and addresses near or far
 * from any prefix. The oracle reads the prefix strings itself (Jackson tree + {@link Cidr#parse}) and loops over
 * plain numeric ranges, so it shares nothing with the reader, IpSet or the index.
 */
class ServiceTagLookupPropertiesTest {
  private static final int ADDRESSES_PER_FAMILY = 20_000;
  private static final long SEED = 20251020L;

  /** All prefixes of a file as numeric ranges with the tag name of each. */
  private static final class Oracle {
    final List<String> v4Tag = new ArrayList<>();
    long[] v4First = new long[0];
    long[] v4Last = new long[0];
    final List<String> v6Tag = new ArrayList<>();
    long[] v6FirstHi = new long[0];
    long[] v6FirstLo = new long[0];
    long[] v6LastHi = new long[0];
    long[] v6LastLo = new long[0];

    static Oracle of(String fileName) throws IOException {
      JsonNode root = new ObjectMapper().readTree(SharedData.serviceTags(fileName).toFile());
      List<Cidr> v4 = new ArrayList<>();
      List<Cidr> v6 = new ArrayList<>();
      Oracle o = new Oracle();
      for (JsonNode value : root.get("values")) {
        String name = value.get("name").asText();
        for (JsonNode p : value.get("properties").get("addressPrefixes")) {
          Cidr c = Cidr.parse(p.asText());
          if (c.family() == IpFamily.IPV4) {
            v4.add(c);
            o.v4Tag.add(name);
          } else {
            v6.add(c);
            o.v6Tag.add(name);
          }
        }
      }
      o.v4First = v4.stream().mapToLong(c -> c.first().lo()).toArray();
      o.v4Last = v4.stream().mapToLong(c -> c.last().lo()).toArray();
      o.v6FirstHi = v6.stream().mapToLong(c -> c.first().hi()).toArray();
      o.v6FirstLo = v6.stream().mapToLong(c -> c.first().lo()).toArray();
      o.v6LastHi = v6.stream().mapToLong(c -> c.last().hi()).toArray();
      o.v6LastLo = v6.stream().mapToLong(c -> c.last().lo()).toArray();
      return o;
    }

    List<String> v4(long a) {
      TreeSet<String> out = new TreeSet<>();
      for (int i = 0; i < v4First.length; i++) {
        if (v4First[i] <= a && a <= v4Last[i]) {
          out.add(v4Tag.get(i));
        }
      }
      return new ArrayList<>(out);
    }

    List<String> v6(long hi, long lo) {
      TreeSet<String> out = new TreeSet<>();
      for (int i = 0; i < v6FirstHi.length; i++) {
        if (le(v6FirstHi[i], v6FirstLo[i], hi, lo) && le(hi, lo, v6LastHi[i], v6LastLo[i])) {
          out.add(v6Tag.get(i));
        }
      }
      return new ArrayList<>(out);
    }

    private static boolean le(long ah, long al, long bh, long bl) {
      int c = Long.compareUnsigned(ah, bh);
      return c < 0 || (c == 0 && Long.compareUnsigned(al, bl) <= 0);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {SharedData.PUBLIC_20251020, SharedData.CHINA_20251020, SharedData.GOVERNMENT_20251020})
  void lookupV4_equalsScanOverAllPrefixes(String file) throws IOException {
    Oracle oracle = Oracle.of(file);
    ServiceTagCatalog catalog = SharedData.catalog(file);
    Random rnd = new Random(SEED);
    int nonEmpty = 0;
    for (int k = 0; k < ADDRESSES_PER_FAMILY; k++) {
      int i = rnd.nextInt(oracle.v4First.length);
      long first = oracle.v4First[i];
      long last = oracle.v4Last[i];
      long a = switch (rnd.nextInt(6)) {
        case 0 -> first + (long) (rnd.nextDouble() * (last - first + 1));
        case 1 -> first;
        case 2 -> last;
        case 3 -> last + 1;
        case 4 -> first - 1;
        default -> rnd.nextInt() & 0xFFFF_FFFFL;
      };
      a &= 0xFFFF_FFFFL;
      List<String> expected = oracle.v4(a);
      IpAddress address = IpAddress.v4(a);
      assertThat(catalog.tagSet(catalog.lookupV4((int) a)))
          .as("seed %d, address %s (case %d)", SEED, address, k)
          .containsExactlyElementsOf(expected);
      assertThat(catalog.tagsContaining(address)).containsExactlyElementsOf(expected);
      nonEmpty += expected.isEmpty() ? 0 : 1;
    }
    assertThat(nonEmpty).as("most sampled addresses are inside some tag").isGreaterThan(ADDRESSES_PER_FAMILY / 2);
  }

  @ParameterizedTest
  @ValueSource(strings = {SharedData.PUBLIC_20251020, SharedData.CHINA_20251020, SharedData.GOVERNMENT_20251020})
  void lookupV6_equalsScanOverAllPrefixes(String file) throws IOException {
    Oracle oracle = Oracle.of(file);
    ServiceTagCatalog catalog = SharedData.catalog(file);
    Random rnd = new Random(SEED + 6);
    int nonEmpty = 0;
    for (int k = 0; k < ADDRESSES_PER_FAMILY; k++) {
      int i = rnd.nextInt(oracle.v6FirstHi.length);
      long fh = oracle.v6FirstHi[i];
      long fl = oracle.v6FirstLo[i];
      long lh = oracle.v6LastHi[i];
      long ll = oracle.v6LastLo[i];
      long hi;
      long lo;
      switch (rnd.nextInt(7)) {
        case 0 -> { // inside: random bits under the prefix's host mask
          long maskHi = fh ^ lh;
          long maskLo = fl ^ ll;
          hi = fh | (rnd.nextLong() & maskHi);
          lo = fl | (rnd.nextLong() & maskLo);
        }
        case 1 -> {
          hi = fh;
          lo = fl;
        }
        case 2 -> {
          hi = lh;
          lo = ll;
        }
        case 3 -> { // one past the end
          lo = ll + 1;
          hi = lo == 0 ? lh + 1 : lh;
        }
        case 4 -> { // one before the start
          lo = fl - 1;
          hi = fl == 0 ? fh - 1 : fh;
        }
        case 5 -> { // same /32 as a prefix, anywhere in it
          hi = (fh & 0xFFFF_FFFF_0000_0000L) | (rnd.nextLong() >>> 32);
          lo = rnd.nextLong();
        }
        default -> {
          hi = rnd.nextLong();
          lo = rnd.nextLong();
        }
      }
      List<String> expected = oracle.v6(hi, lo);
      IpAddress address = new IpAddress(IpFamily.IPV6, hi, lo);
      assertThat(catalog.tagSet(catalog.lookupV6(hi, lo)))
          .as("seed %d, address %s (case %d)", SEED + 6, address, k)
          .containsExactlyElementsOf(expected);
      assertThat(catalog.tagsContaining(address)).containsExactlyElementsOf(expected);
      nonEmpty += expected.isEmpty() ? 0 : 1;
    }
    assertThat(nonEmpty).as("most sampled addresses are inside some tag").isGreaterThan(ADDRESSES_PER_FAMILY / 2);
  }
}
