package dev.vnetsim.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * An immutable set of IPv4 and IPv6 addresses: per family, canonical sorted, disjoint, non-adjacent inclusive
 * ranges of unsigned 128-bit values. Equal sets have equal representations, so {@code equals} is set equality.
 *
 * <p>Each family is a flat {@code long[]} of quads {@code [startHi, startLo, endHi, endLo]}; IPv4 uses hi = 0.
 */
public final class IpSet {

  public static final IpSet EMPTY = new IpSet(new long[0], new long[0]);
  public static final IpSet ALL_V4 = new IpSet(new long[] {0, 0, 0, 0xFFFF_FFFFL}, new long[0]);
  public static final IpSet ALL_V6 = new IpSet(new long[0], new long[] {0, 0, -1L, -1L});
  public static final IpSet ALL = ALL_V4.union(ALL_V6);

  private final long[] v4;
  private final long[] v6;
  private int hash;

  private IpSet(long[] v4, long[] v6) {
    this.v4 = v4;
    this.v6 = v6;
  }

  public static IpSet of(Cidr cidr) {
    return range(cidr.first(), cidr.last());
  }

  public static IpSet of(IpAddress address) {
    return range(address, address);
  }

  /** The inclusive range [first, last] of one family. */
  public static IpSet range(IpAddress first, IpAddress last) {
    if (first.family() != last.family() || first.compareTo(last) > 0) {
      throw new IllegalArgumentException("bad range " + first + "-" + last);
    }
    long[] q = {first.hi(), first.lo(), last.hi(), last.lo()};
    return first.isV4() ? new IpSet(q, new long[0]) : new IpSet(new long[0], q);
  }

  public static IpSet ofCidrs(Collection<Cidr> cidrs) {
    Builder b = builder();
    cidrs.forEach(b::add);
    return b.build();
  }

  public static IpSet parse(String... prefixes) {
    Builder b = builder();
    for (String p : prefixes) {
      b.add(Cidr.parse(p));
    }
    return b.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects ranges in any order; {@link #build()} sorts and merges once. */
  public static final class Builder {
    private long[] v4 = new long[16];
    private long[] v6 = new long[16];
    private int n4;
    private int n6;

    public Builder add(Cidr cidr) {
      return add(cidr.first(), cidr.last());
    }

    public Builder add(IpAddress first, IpAddress last) {
      if (first.isV4()) {
        v4 = put(v4, n4++, first, last);
      } else {
        v6 = put(v6, n6++, first, last);
      }
      return this;
    }

    public Builder addAll(IpSet set) {
      for (int i = 0; i < set.v4.length; i += 4) {
        v4 = put(v4, n4++, set.v4[i], set.v4[i + 1], set.v4[i + 2], set.v4[i + 3]);
      }
      for (int i = 0; i < set.v6.length; i += 4) {
        v6 = put(v6, n6++, set.v6[i], set.v6[i + 1], set.v6[i + 2], set.v6[i + 3]);
      }
      return this;
    }

    private static long[] put(long[] a, int index, IpAddress first, IpAddress last) {
      return put(a, index, first.hi(), first.lo(), last.hi(), last.lo());
    }

    private static long[] put(long[] a, int index, long sh, long sl, long eh, long el) {
      if (index * 4 + 4 > a.length) {
        a = Arrays.copyOf(a, a.length * 2);
      }
      a[index * 4] = sh;
      a[index * 4 + 1] = sl;
      a[index * 4 + 2] = eh;
      a[index * 4 + 3] = el;
      return a;
    }

    public IpSet build() {
      return new IpSet(U128.normalize(v4, n4), U128.normalize(v6, n6));
    }
  }

  public boolean isEmpty() {
    return v4.length == 0 && v6.length == 0;
  }

  public boolean hasV4() {
    return v4.length > 0;
  }

  public boolean hasV6() {
    return v6.length > 0;
  }

  public IpSet v4Only() {
    return new IpSet(v4, new long[0]);
  }

  public IpSet v6Only() {
    return new IpSet(new long[0], v6);
  }

  public IpSet only(IpFamily family) {
    return family == IpFamily.IPV4 ? v4Only() : v6Only();
  }

  public boolean contains(IpAddress a) {
    long[] r = a.isV4() ? v4 : v6;
    return U128.indexOf(r, a.hi(), a.lo()) >= 0;
  }

  public boolean containsAll(IpSet other) {
    return U128.within(other.v4, v4) && U128.within(other.v6, v6);
  }

  public boolean intersects(IpSet other) {
    return U128.intersects(v4, other.v4) || U128.intersects(v6, other.v6);
  }

  public IpSet union(IpSet o) {
    if (o.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return o;
    }
    return new IpSet(U128.union(v4, o.v4), U128.union(v6, o.v6));
  }

  public IpSet intersection(IpSet o) {
    IpSet[] recent = large(o) ? RECENT.get() : null;
    int at = recent == null ? -1 : slot(this, o, 0);
    if (at >= 0 && recent[at] == this && recent[at + 1] == o) {
      return recent[at + 2];
    }
    long[] x = U128.intersection(v4, o.v4);
    long[] y = U128.intersection(v6, o.v6);
    IpSet out = x == v4 && y == v6 ? this : x == o.v4 && y == o.v6 ? o : new IpSet(x, y);
    if (at >= 0) {
      recent[at] = this;
      recent[at + 1] = o;
      recent[at + 2] = out;
    }
    return out;
  }

  public IpSet difference(IpSet o) {
    if (o.isEmpty() || isEmpty()) {
      return this;
    }
    IpSet[] recent = large(o) ? RECENT.get() : null;
    int at = recent == null ? -1 : slot(this, o, 1);
    if (at >= 0 && recent[at] == this && recent[at + 1] == o) {
      return recent[at + 2];
    }
    long[] x = U128.difference(v4, o.v4);
    long[] y = U128.difference(v6, o.v6);
    IpSet out = x == v4 && y == v6 ? this : new IpSet(x, y);
    if (at >= 0) {
      recent[at] = this;
      recent[at + 1] = o;
      recent[at + 2] = out;
    }
    return out;
  }

  /**
   * The last intersections and differences of large sets on this thread, by the identity of their operands: a what-if
   * traces the same packets (a service tag, a rule's destinations) from each of thousands of subnets, so the same
   * sets meet the same route regions and rule sets again and again, and an answer returned from here is the very
   * instance the next step then meets. Direct-mapped ({@value #RECENT_SLOTS} slots of operands and answer per
   * operation); sets are immutable, so an answer stays right for as long as it is kept.
   */
  private static final int RECENT_SLOTS = 64;
  private static final ThreadLocal<IpSet[]> RECENT = ThreadLocal.withInitial(() -> new IpSet[2 * RECENT_SLOTS * 3]);
  /** Below this many ranges in both operands, an operation costs less than looking it up. */
  private static final int LARGE = 8;

  private boolean large(IpSet o) {
    return v4.length + v6.length >= LARGE * 4 && o.v4.length + o.v6.length >= LARGE * 4;
  }

  /** Where operation {@code op} (0 intersection, 1 difference; each its own half) of a and b is kept. */
  private static int slot(IpSet a, IpSet b, int op) {
    int h = System.identityHashCode(a) * 31 + System.identityHashCode(b);
    h ^= h >>> 16;
    return (op * RECENT_SLOTS + (h & (RECENT_SLOTS - 1))) * 3;
  }

  /** The complement within both address families. */
  public IpSet complement() {
    return ALL.difference(this);
  }

  /** Number of ranges (both families). */
  public int rangeCount() {
    return (v4.length + v6.length) / 4;
  }

  /** The number of IPv4 ranges (without copying them, as {@link #v4Ranges()} does). */
  public int v4RangeCount() {
    return v4.length / 4;
  }

  /** The number of IPv6 ranges. */
  public int v6RangeCount() {
    return v6.length / 4;
  }

  /** Whether the set is one address (allocation-free). */
  public boolean isSingleAddress() {
    long[] r = v4.length > 0 ? v4 : v6;
    return v4.length + v6.length == 4 && r[0] == r[2] && r[1] == r[3];
  }

  /** The first address of IPv4 range {@code i} (below {@link #v4RangeCount()}), as {@link IpAddress#v4Bits()}. */
  public int v4First(int i) {
    return (int) v4[i * 4 + 1];
  }

  /** The last address of IPv4 range {@code i}, as {@link IpAddress#v4Bits()}. */
  public int v4Last(int i) {
    return (int) v4[i * 4 + 3];
  }

  /**
   * Word {@code w} of IPv6 range {@code i} (below {@link #v6RangeCount()}): 0 and 1 the first address's high and low
   * 64 bits, 2 and 3 the last's (allocation-free, unlike {@link #ranges()}).
   */
  public long v6Word(int i, int w) {
    return v6[i * 4 + w];
  }

  /** The ranges as address pairs, IPv4 first. */
  public List<IpAddress[]> ranges() {
    List<IpAddress[]> out = new ArrayList<>(rangeCount());
    addRanges(out, v4, IpFamily.IPV4);
    addRanges(out, v6, IpFamily.IPV6);
    return out;
  }

  private static void addRanges(List<IpAddress[]> out, long[] r, IpFamily f) {
    for (int i = 0; i < r.length; i += 4) {
      out.add(new IpAddress[] {new IpAddress(f, r[i], r[i + 1]), new IpAddress(f, r[i + 2], r[i + 3])});
    }
  }

  /** The minimal list of CIDR prefixes covering exactly this set, sorted, IPv4 first. */
  public List<Cidr> toCidrs() {
    List<Cidr> out = new ArrayList<>();
    U128.toCidrs(v4, IpFamily.IPV4, out);
    U128.toCidrs(v6, IpFamily.IPV6, out);
    return out;
  }

  /** The smallest address, or null when empty (IPv4 before IPv6). */
  public IpAddress firstAddress() {
    if (v4.length > 0) {
      return new IpAddress(IpFamily.IPV4, v4[0], v4[1]);
    }
    return v6.length > 0 ? new IpAddress(IpFamily.IPV6, v6[0], v6[1]) : null;
  }

  /** Number of IPv4 addresses (exact). */
  public long v4Size() {
    long n = 0;
    for (int i = 0; i < v4.length; i += 4) {
      n += v4[i + 3] - v4[i + 1] + 1;
    }
    return n;
  }

  /** Raw IPv4 ranges as {@code [start0, end0, start1, end1, ...]} (a copy), for building flat lookup tables. */
  public long[] v4Ranges() {
    long[] out = new long[v4.length / 2];
    for (int i = 0, j = 0; i < v4.length; i += 4, j += 2) {
      out[j] = v4[i + 1];
      out[j + 1] = v4[i + 3];
    }
    return out;
  }

  /** Raw IPv6 ranges as quads {@code [startHi, startLo, endHi, endLo, ...]} (a copy). */
  public long[] v6Ranges() {
    return v6.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpSet s && Arrays.equals(v4, s.v4) && Arrays.equals(v6, s.v6);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Objects.hash(Arrays.hashCode(v4), Arrays.hashCode(v6));
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    if (isEmpty()) {
      return "{}";
    }
    List<Cidr> cidrs = toCidrs();
    if (cidrs.size() > 8) {
      return cidrs.subList(0, 8) + "... (" + cidrs.size() + " prefixes)";
    }
    return cidrs.toString();
  }
}
