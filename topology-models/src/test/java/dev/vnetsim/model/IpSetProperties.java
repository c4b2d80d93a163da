package dev.vnetsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link IpSet}, {@link Cidr} and {@link IpAddress} against an obviously-correct reference: a sorted list of
 * merged inclusive {@link BigInteger} intervals per family. Inputs are seeded random ranges and prefixes drawn from a
 * small window placed at interesting spots (address 0, the largest address, the IPv6 2^64 word boundary, random), so
 * that overlaps, adjacency and carries happen often. The seed is in each test's name.
 */
class IpSetProperties {

  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  static Stream<Long> seeds() {
    return IntStream.range(0, 300).mapToObj(i -> 0x5EEDL * 7919 + i);
  }

  // ---- the reference model

  /** Merged, sorted, disjoint, non-adjacent inclusive intervals of one family. */
  record Ref(IpFamily family, List<BigInteger[]> intervals) {

    static Ref of(IpFamily f, List<BigInteger[]> raw) {
      List<BigInteger[]> sorted = new ArrayList<>(raw);
      sorted.sort(Comparator.comparing((BigInteger[] r) -> r[0]));
      List<BigInteger[]> out = new ArrayList<>();
      for (BigInteger[] r : sorted) {
        if (!out.isEmpty() && r[0].compareTo(out.get(out.size() - 1)[1].add(BigInteger.ONE)) <= 0) {
          BigInteger[] last = out.get(out.size() - 1);
          last[1] = last[1].max(r[1]);
        } else {
          out.add(new BigInteger[] {r[0], r[1]});
        }
      }
      return new Ref(f, out);
    }

    Ref union(Ref o) {
      List<BigInteger[]> all = new ArrayList<>(intervals);
      all.addAll(o.intervals);
      return of(family, all);
    }

    Ref intersection(Ref o) {
      List<BigInteger[]> out = new ArrayList<>();
      for (BigInteger[] a : intervals) {
        for (BigInteger[] b : o.intervals) {
          BigInteger lo = a[0].max(b[0]);
          BigInteger hi = a[1].min(b[1]);
          if (lo.compareTo(hi) <= 0) {
            out.add(new BigInteger[] {lo, hi});
          }
        }
      }
      return of(family, out);
    }

    Ref difference(Ref o) {
      List<BigInteger[]> current = new ArrayList<>();
      intervals.forEach(r -> current.add(r.clone()));
      for (BigInteger[] b : o.intervals) {
        List<BigInteger[]> next = new ArrayList<>();
        for (BigInteger[] a : current) {
          if (b[1].compareTo(a[0]) < 0 || b[0].compareTo(a[1]) > 0) {
            next.add(a);
            continue;
          }
          if (a[0].compareTo(b[0]) < 0) {
            next.add(new BigInteger[] {a[0], b[0].subtract(BigInteger.ONE)});
          }
          if (a[1].compareTo(b[1]) > 0) {
            next.add(new BigInteger[] {b[1].add(BigInteger.ONE), a[1]});
          }
        }
        current.clear();
        current.addAll(next);
      }
      return of(family, current);
    }

    boolean contains(BigInteger x) {
      return intervals.stream().anyMatch(r -> r[0].compareTo(x) <= 0 && x.compareTo(r[1]) <= 0);
    }

    /** The greedy decomposition into largest aligned blocks: the unique minimal prefix cover. */
    List<String> cidrs() {
      List<String> out = new ArrayList<>();
      int bits = family.bits();
      for (BigInteger[] r : intervals) {
        BigInteger lo = r[0];
        while (lo.compareTo(r[1]) <= 0) {
          int host = 0;
          while (host < bits && !lo.testBit(host)
              && lo.add(BigInteger.ONE.shiftLeft(host + 1)).subtract(BigInteger.ONE).compareTo(r[1]) <= 0) {
            host++;
          }
          out.add(address(family, lo) + "/" + (bits - host));
          lo = lo.add(BigInteger.ONE.shiftLeft(host));
        }
      }
      return out;
    }
  }

  static BigInteger big(IpAddress a) {
    BigInteger hi = new BigInteger(Long.toUnsignedString(a.hi()));
    return hi.shiftLeft(64).add(new BigInteger(Long.toUnsignedString(a.lo())));
  }

  static IpAddress address(IpFamily f, BigInteger v) {
    return new IpAddress(f, v.shiftRight(64).longValue(), v.mod(TWO_64).longValue());
  }

  static BigInteger max(IpFamily f) {
    return BigInteger.ONE.shiftLeft(f.bits()).subtract(BigInteger.ONE);
  }

  /** The IpSet's ranges of one family, as intervals. */
  static List<BigInteger[]> ranges(IpSet s, IpFamily f) {
    return s.only(f).ranges().stream().map(r -> new BigInteger[] {big(r[0]), big(r[1])}).toList();
  }

  static void assertSame(IpSet actual, Ref v4, Ref v6, long seed) {
    assertThat(render(ranges(actual, IpFamily.IPV4))).as("IPv4, seed %d", seed).isEqualTo(render(v4.intervals()));
    assertThat(render(ranges(actual, IpFamily.IPV6))).as("IPv6, seed %d", seed).isEqualTo(render(v6.intervals()));
  }

  static List<String> render(List<BigInteger[]> intervals) {
    return intervals.stream().map(r -> r[0].toString(16) + "-" + r[1].toString(16)).toList();
  }

  // ---- generators

  /** A window of 2^k addresses at an interesting place in the family's space. */
  record Window(IpFamily family, BigInteger base, BigInteger size) {

    static Window random(Random rnd, IpFamily f) {
      BigInteger size = BigInteger.ONE.shiftLeft(6 + rnd.nextInt(7));
      BigInteger max = max(f);
      BigInteger base = switch (rnd.nextInt(4)) {
        case 0 -> BigInteger.ZERO;
        case 1 -> max.subtract(size).add(BigInteger.ONE);
        case 2 -> f == IpFamily.IPV6 ? TWO_64.subtract(size.shiftRight(1)) : BigInteger.ONE.shiftLeft(31);
        default -> new BigInteger(f.bits(), rnd).min(max.subtract(size).add(BigInteger.ONE));
      };
      return new Window(f, base, size);
    }

    BigInteger pick(Random rnd) {
      return base.add(new BigInteger(size.bitLength(), rnd).mod(size));
    }
  }

  /** A set of 0–6 ranges and prefixes in the window, with the same pieces fed to the reference. */
  static IpSet randomSet(Random rnd, Window w, List<BigInteger[]> ref) {
    IpSet.Builder b = IpSet.builder();
    int n = rnd.nextInt(7);
    for (int i = 0; i < n; i++) {
      if (rnd.nextBoolean()) {
        BigInteger x = w.pick(rnd);
        BigInteger y = rnd.nextInt(4) == 0 ? x : w.pick(rnd);
        BigInteger lo = x.min(y);
        BigInteger hi = x.max(y);
        b.add(address(w.family(), lo), address(w.family(), hi));
        ref.add(new BigInteger[] {lo, hi});
      } else {
        int bits = w.family().bits();
        int len = rnd.nextInt(20) == 0 ? 0 : bits - rnd.nextInt(w.size().bitLength() + 2);
        Cidr c = Cidr.parseMasked(address(w.family(), w.pick(rnd)) + "/" + len);
        b.add(c);
        ref.add(new BigInteger[] {big(c.first()), big(c.last())});
      }
    }
    return b.build();
  }

  /** A set over both families, with its references. */
  record Sample(IpSet set, Ref v4, Ref v6) {}

  static Sample sample(Random rnd, Window w4, Window w6) {
    List<BigInteger[]> r4 = new ArrayList<>();
    List<BigInteger[]> r6 = new ArrayList<>();
    IpSet s = randomSet(rnd, w4, r4).union(rnd.nextBoolean() ? randomSet(rnd, w6, r6) : IpSet.EMPTY);
    return new Sample(s, Ref.of(IpFamily.IPV4, r4), Ref.of(IpFamily.IPV6, r6));
  }

  // ---- properties

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void setAlgebra_matchesTheReference(long seed) {
    Random rnd = new Random(seed);
    Window w4 = Window.random(rnd, IpFamily.IPV4);
    Window w6 = Window.random(rnd, IpFamily.IPV6);
    Sample a = sample(rnd, w4, w6);
    Sample b = sample(rnd, w4, w6);
    assertSame(a.set(), a.v4(), a.v6(), seed);
    assertSame(a.set().union(b.set()), a.v4().union(b.v4()), a.v6().union(b.v6()), seed);
    assertSame(a.set().intersection(b.set()), a.v4().intersection(b.v4()), a.v6().intersection(b.v6()), seed);
    assertSame(a.set().difference(b.set()), a.v4().difference(b.v4()), a.v6().difference(b.v6()), seed);
    Ref all4 = Ref.of(IpFamily.IPV4, List.<BigInteger[]>of(new BigInteger[] {BigInteger.ZERO, max(IpFamily.IPV4)}));
    Ref all6 = Ref.of(IpFamily.IPV6, List.<BigInteger[]>of(new BigInteger[] {BigInteger.ZERO, max(IpFamily.IPV6)}));
    assertSame(a.set().complement(), all4.difference(a.v4()), all6.difference(a.v6()), seed);
    assertThat(a.set().containsAll(b.set())).as("seed %d", seed)
        .isEqualTo(b.v4().difference(a.v4()).intervals().isEmpty() && b.v6().difference(a.v6()).intervals().isEmpty());
    assertThat(a.set().intersects(b.set())).as("seed %d", seed)
        .isEqualTo(!a.v4().intersection(b.v4()).intervals().isEmpty()
            || !a.v6().intersection(b.v6()).intervals().isEmpty());
    // nested sets (intersection and containment take shortcuts when one set lies inside the other)
    IpSet both = a.set().intersection(b.set());
    Ref both4 = a.v4().intersection(b.v4());
    Ref both6 = a.v6().intersection(b.v6());
    assertSame(both.intersection(a.set()), both4, both6, seed);
    assertSame(a.set().intersection(both), both4, both6, seed);
    assertSame(a.set().union(b.set()).intersection(b.set()), b.v4(), b.v6(), seed);
    assertThat(a.set().containsAll(both) && b.set().containsAll(both)).as("seed %d", seed).isTrue();
    assertThat(a.set().union(b.set()).containsAll(a.set())).as("seed %d", seed).isTrue();
    assertThat(both.containsAll(a.set())).as("seed %d", seed)
        .isEqualTo(a.v4().difference(both4).intervals().isEmpty() && a.v6().difference(both6).intervals().isEmpty());
    assertThat(a.set().union(b.set())).isEqualTo(b.set().union(a.set()));
    assertThat(a.set().union(b.set()).hashCode()).isEqualTo(b.set().union(a.set()).hashCode());
    for (IpSet s : List.of(a.set(), b.set(), both, IpSet.of(IpAddress.v4(rnd.nextInt())), IpSet.EMPTY)) {
      sameRangesInPlace(s, seed);
    }
  }

  /**
   * Intersections and differences of large sets, which a thread keeps by the identity of their operands, answer as
   * the same operations on equal copies (new instances, so never found there), over a run of operations in which
   * pairs come again, in both orders, and answers become operands.
   */
  @Test
  void recentOperations_answerAsFreshOnes() {
    Random rnd = new Random(41);
    List<IpSet> pool = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      IpSet.Builder b = IpSet.builder();
      for (int k = 8 + rnd.nextInt(40); k > 0; k--) {
        int start = rnd.nextInt(1 << 16) << 8;
        b.add(IpAddress.v4(start), IpAddress.v4(start + rnd.nextInt(200)));
      }
      pool.add(b.build());
    }
    int large = 0;
    for (int step = 0; step < 4000; step++) {
      IpSet a = pool.get(rnd.nextInt(pool.size()));
      IpSet b = pool.get(rnd.nextInt(pool.size()));
      boolean intersect = rnd.nextBoolean();
      IpSet got = intersect ? a.intersection(b) : a.difference(b);
      IpSet fresh = intersect ? copy(a).intersection(copy(b)) : copy(a).difference(copy(b));
      assertThat(got).as("step %d", step).isEqualTo(fresh);
      large += got.rangeCount() >= 8 ? 1 : 0;
      if (got.rangeCount() >= 8 && rnd.nextInt(4) == 0) {
        pool.set(rnd.nextInt(pool.size()), got); // an answer met again, as a walk's next step meets it
      }
    }
    assertThat(large).as("large answers are exercised").isGreaterThan(500);
  }

  private static IpSet copy(IpSet s) {
    IpSet.Builder b = IpSet.builder();
    s.ranges().forEach(r -> b.add(r[0], r[1]));
    return b.build();
  }

  /** The allocation-free range accessors read the ranges {@link IpSet#ranges()} lists. */
  private static void sameRangesInPlace(IpSet s, long seed) {
    List<IpAddress[]> all = s.ranges();
    assertThat(s.v4RangeCount() + s.v6RangeCount()).isEqualTo(all.size());
    for (int i = 0; i < all.size(); i++) {
      IpAddress[] r = all.get(i);
      if (i < s.v4RangeCount()) {
        assertThat(s.v4First(i)).as("seed %d", seed).isEqualTo(r[0].v4Bits());
        assertThat(s.v4Last(i)).as("seed %d", seed).isEqualTo(r[1].v4Bits());
      } else {
        int j = i - s.v4RangeCount();
        assertThat(new long[] {s.v6Word(j, 0), s.v6Word(j, 1), s.v6Word(j, 2), s.v6Word(j, 3)}).as("seed %d", seed)
            .containsExactly(r[0].hi(), r[0].lo(), r[1].hi(), r[1].lo());
      }
    }
    assertThat(s.isSingleAddress()).as("seed %d %s", seed, s).isEqualTo(all.size() == 1 && all.get(0)[0]
        .equals(all.get(0)[1]));
  }

  /**
   * A set of many ranges (like a service tag) against sets of a few, both ways: the walks gallop over the long one,
   * and the difference cuts each range by the ranges that meet it.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void manyRangesAgainstFew_matchTheReference(long seed) {
    Random rnd = new Random(seed);
    IpFamily f = rnd.nextBoolean() ? IpFamily.IPV4 : IpFamily.IPV6;
    Window w = Window.random(rnd, f);
    List<BigInteger[]> many = new ArrayList<>();
    IpSet.Builder b = IpSet.builder();
    for (int i = 0, n = rnd.nextInt(300); i < n; i++) {
      BigInteger x = w.pick(rnd);
      BigInteger y = rnd.nextInt(8) == 0 ? w.pick(rnd) : x; // mostly single addresses, some wide ranges
      b.add(address(f, x.min(y)), address(f, x.max(y)));
      many.add(new BigInteger[] {x.min(y), x.max(y)});
    }
    IpSet big = b.build();
    Ref bigRef = Ref.of(f, many);
    for (int k = 0; k < 20; k++) {
      List<BigInteger[]> few = new ArrayList<>();
      IpSet small = randomSet(rnd, w, few);
      Ref smallRef = Ref.of(f, few);
      boolean expected = !bigRef.intersection(smallRef).intervals().isEmpty();
      assertThat(big.intersects(small)).as("seed %d, set %d", seed, k).isEqualTo(expected);
      assertThat(small.intersects(big)).as("seed %d, set %d", seed, k).isEqualTo(expected);
      Ref none = Ref.of(f == IpFamily.IPV4 ? IpFamily.IPV6 : IpFamily.IPV4, List.of());
      for (IpSet[] pair : new IpSet[][] {{big, small}, {small, big}}) {
        boolean bigFirst = pair[0] == big;
        Ref x = bigFirst ? bigRef : smallRef;
        Ref y = bigFirst ? smallRef : bigRef;
        assertFamily(pair[0].intersection(pair[1]), x.intersection(y), none, seed);
        assertFamily(pair[0].difference(pair[1]), x.difference(y), none, seed);
        assertFamily(pair[0].union(pair[1]), x.union(y), none, seed);
        assertThat(pair[0].containsAll(pair[1])).as("seed %d, set %d", seed, k)
            .isEqualTo(y.difference(x).intervals().isEmpty());
      }
    }
  }

  /** {@link #assertSame} for a set of one family ({@code none}: the other family's empty reference). */
  private static void assertFamily(IpSet actual, Ref ref, Ref none, long seed) {
    if (ref.family() == IpFamily.IPV4) {
      assertSame(actual, ref, none, seed);
    } else {
      assertSame(actual, none, ref, seed);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void contains_matchesTheReference_atAndAroundEveryBoundary(long seed) {
    Random rnd = new Random(seed);
    Window w4 = Window.random(rnd, IpFamily.IPV4);
    Window w6 = Window.random(rnd, IpFamily.IPV6);
    Sample a = sample(rnd, w4, w6);
    for (Ref ref : List.of(a.v4(), a.v6())) {
      List<BigInteger> probes = new ArrayList<>();
      for (BigInteger[] r : ref.intervals()) {
        for (BigInteger edge : List.of(r[0], r[1])) {
          probes.add(edge.subtract(BigInteger.ONE));
          probes.add(edge);
          probes.add(edge.add(BigInteger.ONE));
        }
      }
      Window w = ref.family() == IpFamily.IPV4 ? w4 : w6;
      for (int i = 0; i < 20; i++) {
        probes.add(w.pick(rnd));
      }
      for (BigInteger p : probes) {
        if (p.signum() < 0 || p.compareTo(max(ref.family())) > 0) {
          continue;
        }
        IpAddress addr = address(ref.family(), p);
        assertThat(a.set().contains(addr)).as("%s, seed %d", addr, seed).isEqualTo(ref.contains(p));
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void toCidrs_isMinimalCanonicalAndReparsesToTheSameSet(long seed) {
    Random rnd = new Random(seed);
    Sample a = sample(rnd, Window.random(rnd, IpFamily.IPV4), Window.random(rnd, IpFamily.IPV6));
    List<Cidr> cidrs = a.set().toCidrs();
    List<String> expected = new ArrayList<>(a.v4().cidrs());
    expected.addAll(a.v6().cidrs());
    assertThat(cidrs).extracting(Cidr::toString).as("seed %d", seed).containsExactlyElementsOf(expected);
    List<Cidr> sorted = new ArrayList<>(cidrs);
    Collections.sort(sorted);
    assertThat(cidrs).isEqualTo(sorted);
    for (Cidr c : cidrs) {
      assertThat(Cidr.parse(c.toString())).isEqualTo(c);
    }
    assertThat(IpSet.ofCidrs(cidrs)).isEqualTo(a.set());
    assertThat(IpSet.parse(cidrs.stream().map(Cidr::toString).toArray(String[]::new))).isEqualTo(a.set());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void cidr_parseContainsAndBounds(long seed) {
    Random rnd = new Random(seed);
    for (IpFamily f : IpFamily.values()) {
      BigInteger x = new BigInteger(f.bits(), rnd);
      int len = rnd.nextInt(f.bits() + 1);
      BigInteger hostMask = BigInteger.ONE.shiftLeft(f.bits() - len).subtract(BigInteger.ONE);
      BigInteger network = x.andNot(hostMask);
      String text = address(f, x) + "/" + len;
      Cidr masked = Cidr.parseMasked(text);
      assertThat(big(masked.first())).as("%s, seed %d", text, seed).isEqualTo(network);
      assertThat(big(masked.last())).isEqualTo(network.or(hostMask));
      assertThat(Cidr.tryParse(text).isPresent()).isEqualTo(x.equals(network));
      BigInteger probe = new BigInteger(f.bits(), rnd);
      assertThat(masked.contains(address(f, probe))).isEqualTo(probe.andNot(hostMask).equals(network));
      assertThat(IpSet.of(masked).toCidrs()).containsExactly(masked);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void ipAddress_formatParseRoundTrip_againstTheJdk(long seed) throws UnknownHostException {
    Random rnd = new Random(seed);
    IpAddress v4 = IpAddress.v4(rnd.nextInt());
    assertThat(IpAddress.parse(v4.toString())).isEqualTo(v4);
    assertThat(big(v4)).isEqualTo(new BigInteger(1, InetAddress.getByName(v4.toString()).getAddress()));

    // groups drawn so that zero runs (and so "::" compression) are common
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(4) == 0 ? rnd.nextInt(16) : rnd.nextInt(0x10000);
    }
    BigInteger value = BigInteger.ZERO;
    StringBuilder full = new StringBuilder();
    for (int g : groups) {
      value = value.shiftLeft(16).add(BigInteger.valueOf(g));
      full.append(full.length() == 0 ? "" : ":").append(String.format(Locale.ROOT, "%04X", g));
    }
    IpAddress v6 = address(IpFamily.IPV6, value);
    assertThat(v6.toString()).as("seed %d", seed).isEqualTo(rfc5952(groups));
    assertThat(IpAddress.parse(v6.toString())).isEqualTo(v6);
    assertThat(IpAddress.parse(full.toString())).as("upper-case, leading zeros: %s", full).isEqualTo(v6);
    assertThat(new BigInteger(1, InetAddress.getByName(v6.toString()).getAddress())).isEqualTo(value);
  }

  /** RFC 5952: lower-case hex, no leading zeros, the longest run (≥ 2, leftmost on ties) of zero groups as "::". */
  static String rfc5952(int[] g) {
    int best = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; i++) {
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        best = i;
        bestLen = j - i;
      }
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      if (i == best) {
        parts.add(i == 0 ? ":" : "");
        i += bestLen - 1;
        if (i == 7) {
          parts.add("");
        }
        continue;
      }
      parts.add(Integer.toHexString(g[i]));
    }
    return String.join(":", parts);
  }

  // ---- edges, spelled out

  @Test
  void edges_wholeSpacesSingleAddressesAndTheLargestAddress() {
    assertThat(IpSet.parse("0.0.0.0/0")).isEqualTo(IpSet.ALL_V4);
    assertThat(IpSet.parse("::/0")).isEqualTo(IpSet.ALL_V6);
    assertThat(IpSet.ALL_V4.toCidrs()).extracting(Cidr::toString).containsExactly("0.0.0.0/0");
    assertThat(IpSet.ALL.toCidrs()).extracting(Cidr::toString).containsExactly("0.0.0.0/0", "::/0");
    assertThat(IpSet.EMPTY.complement()).isEqualTo(IpSet.ALL);
    assertThat(IpSet.ALL.complement()).isEqualTo(IpSet.EMPTY);
    assertThat(IpSet.parse("255.255.255.255/32").toCidrs()).extracting(Cidr::toString)
        .containsExactly("255.255.255.255/32");
    assertThat(IpSet.ALL_V4.contains(IpAddress.parse("255.255.255.255"))).isTrue();
    IpAddress maxV6 = IpAddress.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
    assertThat(IpSet.of(maxV6).toCidrs()).extracting(Cidr::toString)
        .containsExactly("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128");
    assertThat(IpSet.ALL_V6.difference(IpSet.of(maxV6)).contains(maxV6)).isFalse();
    assertThat(IpSet.ALL_V6.difference(IpSet.of(maxV6)).toCidrs()).hasSize(128);
  }

  @Test
  void edges_adjacentAndOverlappingRangesMerge() {
    assertThat(IpSet.parse("10.0.0.0/25", "10.0.0.128/25")).isEqualTo(IpSet.parse("10.0.0.0/24"));
    assertThat(IpSet.parse("10.0.0.0/25", "10.0.0.128/25").rangeCount()).isEqualTo(1);
    assertThat(IpSet.parse("10.0.0.0/24", "10.0.0.64/26").toCidrs()).extracting(Cidr::toString)
        .containsExactly("10.0.0.0/24");
    assertThat(IpSet.parse("10.0.0.0/24").difference(IpSet.parse("10.0.0.128/26")).toCidrs())
        .extracting(Cidr::toString).containsExactly("10.0.0.0/25", "10.0.0.192/26");
  }

  @Test
  void edges_ipv6RangeAcrossThe64BitWordBoundary() {
    IpSet s = IpSet.range(IpAddress.parse("::ffff:ffff:ffff:fffe"), IpAddress.parse("0:0:0:1::1"));
    assertThat(s.toCidrs()).extracting(Cidr::toString).containsExactly("::ffff:ffff:ffff:fffe/127",
        "0:0:0:1::/127");
    assertThat(s.contains(IpAddress.parse("0:0:0:1::"))).isTrue();
    assertThat(s.contains(IpAddress.parse("0:0:0:1::2"))).isFalse();
  }

  @Test
  void ipAddress_rejectsMalformedText() {
    for (String bad : List.of("256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", "1:2:3:4:5:6:7:8:9", "::1::2",
        "gggg::", "1.2.3.4/", "")) {
      assertThat(IpAddress.tryParse(bad)).as(bad).isEmpty();
    }
  }
}
