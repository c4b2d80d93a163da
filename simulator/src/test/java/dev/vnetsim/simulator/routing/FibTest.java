package dev.vnetsim.simulator.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpFamily;
import dev.vnetsim.model.IpSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The flat LPM table against a linear-scan oracle on seeded random tables and addresses (DESIGN §5). */
class FibTest {

  /** Obviously correct: the longest prefix that contains the address, by scanning them all. */
  static int linear(Map<Cidr, Integer> prefixes, IpAddress a) {
    int best = -1;
    int bestLen = -1;
    for (Map.Entry<Cidr, Integer> e : prefixes.entrySet()) {
      if (e.getKey().contains(a) && e.getKey().prefixLength() > bestLen) {
        best = e.getValue();
        bestLen = e.getKey().prefixLength();
      }
    }
    return best;
  }

  static Map<Cidr, Integer> randomV4(Random r, int n) {
    Map<Cidr, Integer> m = new LinkedHashMap<>();
    List<Cidr> seeds = new ArrayList<>();
    while (m.size() < n) {
      int len = r.nextInt(33);
      long base;
      if (!seeds.isEmpty() && r.nextInt(3) == 0) {
        Cidr s = seeds.get(r.nextInt(seeds.size())); // nest inside an existing prefix
        len = Math.min(32, s.prefixLength() + 1 + r.nextInt(8));
        base = s.network().lo() | (r.nextLong() & 0xFFFF_FFFFL & ~mask(s.prefixLength()));
      } else {
        base = r.nextLong() & 0xFFFF_FFFFL;
      }
      Cidr c = Cidr.of(IpAddress.v4(base & mask(len)), len);
      if (!m.containsKey(c)) {
        m.put(c, m.size());
        seeds.add(c);
      }
    }
    return m;
  }

  private static long mask(int len) {
    return len == 0 ? 0 : (0xFFFF_FFFFL << (32 - len)) & 0xFFFF_FFFFL;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 1234, 98765})
  void lookupV4_equalsLinearScan(long seed) {
    Random r = new Random(seed);
    for (int size : new int[] {0, 1, 5, 40, 400}) {
      Map<Cidr, Integer> table = randomV4(r, size);
      Fib fib = Fib.build(table);
      List<Cidr> keys = new ArrayList<>(table.keySet());
      for (int i = 0; i < 3000; i++) {
        IpAddress a;
        if (!keys.isEmpty() && r.nextBoolean()) {
          Cidr c = keys.get(r.nextInt(keys.size()));
          a = IpAddress.v4(c.network().lo() | (r.nextLong() & 0xFFFF_FFFFL & ~mask(c.prefixLength())));
        } else {
          a = IpAddress.v4(r.nextInt());
        }
        assertThat(fib.lookupV4(a.v4Bits())).as("seed %d size %d address %s", seed, size, a)
            .isEqualTo(linear(table, a));
      }
      for (Cidr c : keys) { // the edges of every prefix
        for (IpAddress a : new IpAddress[] {c.first(), c.last()}) {
          assertThat(fib.lookupV4(a.v4Bits())).as("seed %d edge %s", seed, a).isEqualTo(linear(table, a));
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7, 8, 9})
  void lookupV6_equalsLinearScan(long seed) {
    Random r = new Random(seed);
    Map<Cidr, Integer> table = new LinkedHashMap<>();
    for (int i = 0; i < 200; i++) {
      int len = r.nextInt(129);
      IpAddress a = new IpAddress(IpFamily.IPV6, 0x2001_0db8_0000_0000L | (r.nextLong() & 0xFFFF_FFFFL), r.nextLong());
      Cidr c = Cidr.parseMasked(a + "/" + len);
      table.putIfAbsent(c, table.size());
    }
    Fib fib = Fib.build(table);
    List<Cidr> keys = new ArrayList<>(table.keySet());
    for (int i = 0; i < 3000; i++) {
      Cidr c = keys.get(r.nextInt(keys.size()));
      IpAddress a = r.nextBoolean() ? c.first() : r.nextBoolean() ? c.last()
          : new IpAddress(IpFamily.IPV6, c.first().hi(), c.first().lo() + (r.nextInt(16)));
      if (!c.contains(a)) {
        a = c.first();
      }
      assertThat(fib.lookup(a)).as("seed %d %s", seed, a).isEqualTo(linear(table, a));
    }
  }

  /** The values meeting an address set are those whose regions it meets, on seeded random tables and sets. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void valuesMeeting_areTheValuesWhoseRegionsMeetTheSet(long seed) {
    Random r = new Random(seed);
    Map<Cidr, Integer> table = randomV4(r, 5 + r.nextInt(200));
    table.put(Cidr.parse("2001:db8::/32"), table.size());
    table.put(Cidr.parse("2001:db8:1::/48"), table.size());
    Fib fib = Fib.build(table);
    Map<Integer, IpSet> regions = fib.regions();
    for (int k = 0; k < 200; k++) {
      IpSet d = IpSet.EMPTY;
      for (int j = 0, n = 1 + r.nextInt(4); j < n; j++) {
        int len = r.nextInt(33);
        d = d.union(IpSet.of(Cidr.of(IpAddress.v4(r.nextLong() & 0xFFFF_FFFFL & mask(len)), len)));
      }
      if (r.nextInt(4) == 0) {
        d = d.union(IpSet.parse(r.nextBoolean() ? "2001:db8:1:5::/64" : "2001:db9::/32"));
      }
      java.util.BitSet expected = new java.util.BitSet();
      for (Map.Entry<Integer, IpSet> e : regions.entrySet()) {
        if (e.getValue().intersects(d)) {
          expected.set(e.getKey());
        }
      }
      java.util.BitSet found = new java.util.BitSet();
      fib.valuesMeeting(d, found);
      assertThat(found).as("seed %d, %s", seed, d).isEqualTo(expected);
    }
  }

  @Test
  void regions_partitionTheCoveredSpaceByWinner() {
    Map<Cidr, Integer> table = new LinkedHashMap<>();
    table.put(Cidr.parse("0.0.0.0/0"), 0);
    table.put(Cidr.parse("10.0.0.0/8"), 1);
    table.put(Cidr.parse("10.1.0.0/16"), 2);
    Map<Integer, IpSet> regions = Fib.build(table).regions();
    assertThat(regions.get(2)).isEqualTo(IpSet.parse("10.1.0.0/16"));
    assertThat(regions.get(1)).isEqualTo(IpSet.parse("10.0.0.0/8").difference(IpSet.parse("10.1.0.0/16")));
    assertThat(regions.get(0)).isEqualTo(IpSet.ALL_V4.difference(IpSet.parse("10.0.0.0/8")));
  }
}
