package dev.vnetsim.simulator.routing;

import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpFamily;
import dev.vnetsim.model.IpSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A flat, allocation-free longest-prefix-match table (performance.md §4), sized to its content: prefixes are swept
 * once into elementary intervals, each holding the value of its longest covering prefix. IPv4: above
 * {@link #INDEX_MIN} intervals a first-level index on the top {@code b} bits (2^b one to two times the interval count,
 * at most 2^16) answers a chunk inside one interval with one load and narrows any other chunk to its few intervals,
 * then a short search without data-dependent branches over the sorted starts (sign-flipped so signed order is
 * unsigned order): 12-16 bytes per interval, no fixed 256 KB. IPv6 lookups are a binary search over {@code long}
 * pairs. A lookup returns the value (a route index) or {@code -1}. Tables of at most 2^23 intervals.
 */
public final class Fib {

  static final int INDEX_MIN = 8;

  private final int[] keys;
  private final int[] values;
  /**
   * Per chunk (the top {@code b} bits): {@code value + 1} when one interval covers it, else {@code MIN_VALUE |
   * first << 8 | min(boundaries, 255)} (the first interval meeting the chunk and the starts inside it); null if small.
   */
  private final int[] index;
  private final int shift;
  private final long[] v6hi;
  private final long[] v6lo;
  private final int[] v6values;

  private Fib(long[] starts, int[] values, int n, long[] v6hi, long[] v6lo, int[] v6values) {
    this.keys = new int[n];
    for (int i = 0; i < n; i++) {
      keys[i] = (int) starts[i] ^ Integer.MIN_VALUE;
    }
    this.values = Arrays.copyOf(values, n);
    if (n <= INDEX_MIN) {
      this.index = null;
      this.shift = 0;
    } else {
      int b = Math.min(16, 32 - Integer.numberOfLeadingZeros(n - 1)); // 2^b in [n, 2n)
      this.shift = 32 - b;
      this.index = new int[1 << b];
      int i = 0;
      for (int c = 0; c < (1 << b); c++) {
        long chunkStart = (long) c << shift;
        long next = (long) (c + 1) << shift;
        while (i + 1 < n && starts[i + 1] <= chunkStart) {
          i++;
        }
        int inside = 0;
        while (i + inside + 1 < n && starts[i + inside + 1] < next) {
          inside++;
        }
        index[c] = inside == 0 ? values[i] + 1 : Integer.MIN_VALUE | i << 8 | Math.min(inside, 255);
      }
    }
    this.v6hi = v6hi;
    this.v6lo = v6lo;
    this.v6values = v6values;
  }

  /** Builds from prefix → value (values ≥ 0); equal prefixes must already be resolved to one value. */
  public static Fib build(Map<Cidr, Integer> prefixes) {
    int m = 0;
    for (Cidr c : prefixes.keySet()) {
      m += c.family() == IpFamily.IPV4 ? 1 : 0;
    }
    long[] sorted = new long[m];
    int[] vals = new int[m];
    int i = 0;
    for (Map.Entry<Cidr, Integer> e : prefixes.entrySet()) {
      Cidr c = e.getKey();
      if (c.family() == IpFamily.IPV4) {
        sorted[i] = (c.network().lo() << 32 | (long) c.prefixLength() << 26 | i) ^ Long.MIN_VALUE;
        vals[i++] = e.getValue();
      }
    }
    Arrays.sort(sorted);
    Sweep4 v4 = new Sweep4(2 * m + 1);
    for (long x : sorted) {
      long k = x ^ Long.MIN_VALUE;
      long start = k >>> 32;
      int len = (int) (k >>> 26) & 63;
      v4.open(start, start + (1L << (32 - len)) - 1, vals[(int) k & ((1 << 26) - 1)]);
    }
    v4.finish();
    List<long[]> v6 = intervals(prefixes, IpFamily.IPV6);
    long[] hi = new long[v6.size()];
    long[] lo = new long[v6.size()];
    int[] v6v = new int[v6.size()];
    for (int j = 0; j < v6.size(); j++) {
      hi[j] = v6.get(j)[0];
      lo[j] = v6.get(j)[1];
      v6v[j] = (int) v6.get(j)[2];
    }
    return new Fib(v4.starts, v4.values, v4.n, hi, lo, v6v);
  }

  /**
   * The IPv4 sweep over prefixes sorted by (start, length): a stack of open prefixes (at most 33 deep); closing one
   * starts an interval with its parent's value. Equal starts keep the last value; equal neighbours are merged.
   */
  private static final class Sweep4 {
    final long[] starts;
    final int[] values;
    int n;
    private final long[] stackEnd = new long[34];
    private final int[] stackValue = new int[34];
    private int depth;

    Sweep4(int capacity) {
      starts = new long[capacity];
      values = new int[capacity];
      add(0, -1);
    }

    void open(long start, long end, int value) {
      while (depth > 0 && stackEnd[depth - 1] < start) {
        close();
      }
      add(start, value);
      stackEnd[depth] = end;
      stackValue[depth++] = value;
    }

    void finish() {
      while (depth > 0) {
        close();
      }
      int m = 0;
      for (int i = 0; i < n; i++) {
        if (m == 0 || values[m - 1] != values[i]) {
          starts[m] = starts[i];
          values[m++] = values[i];
        }
      }
      n = m;
    }

    private void close() {
      depth--;
      if (stackEnd[depth] < 0xFFFF_FFFFL) {
        add(stackEnd[depth] + 1, depth > 0 ? stackValue[depth - 1] : -1);
      }
    }

    private void add(long start, int value) {
      if (n > 0 && starts[n - 1] == start) {
        values[n - 1] = value;
      } else {
        starts[n] = start;
        values[n++] = value;
      }
    }
  }

  /** The value of the longest prefix containing the IPv4 address (as an unsigned int), or -1. */
  public int lookupV4(int address) {
    final int[] k = keys;
    int lo = 0;
    int n = k.length;
    if (index != null) {
      int e = index[address >>> shift];
      if (e >= 0) {
        return e - 1;
      }
      lo = (e >>> 8) & 0x7F_FFFF;
      int inside = e & 0xFF;
      n = inside == 255 ? k.length - lo : inside + 1;
    }
    int key = address ^ Integer.MIN_VALUE;
    while (n > 1) { // C2 compiles the select to a conditional move (2x the arithmetic-mask form, measured)
      int half = n >>> 1;
      lo = k[lo + half] <= key ? lo + half : lo;
      n -= half;
    }
    return values[lo];
  }

  /** The value of the longest prefix containing the IPv6 address, or -1. */
  public int lookupV6(long hi, long lo) {
    int a = 0;
    int b = v6hi.length - 1;
    int found = -1;
    while (a <= b) {
      int mid = (a + b) >>> 1;
      int c = Long.compareUnsigned(v6hi[mid], hi);
      if (c == 0) {
        c = Long.compareUnsigned(v6lo[mid], lo);
      }
      if (c <= 0) {
        found = mid;
        a = mid + 1;
      } else {
        b = mid - 1;
      }
    }
    return found < 0 ? -1 : v6values[found];
  }

  public int lookup(IpAddress a) {
    return a.isV4() ? lookupV4(a.v4Bits()) : lookupV6(a.hi(), a.lo());
  }

  /**
   * Adds to {@code out} the value of every interval that holds an address of {@code d}: the routes that win some of
   * its addresses, found by binary search per range of {@code d} instead of by meeting every route's region.
   */
  public void valuesMeeting(IpSet d, BitSet out) {
    for (int r = 0; r < d.v4RangeCount(); r++) { // the set's words read in place: nothing is allocated
      int first = d.v4First(r) ^ Integer.MIN_VALUE;
      int last = d.v4Last(r) ^ Integer.MIN_VALUE;
      int a = 0;
      int b = keys.length - 1;
      int i = 0;
      while (a <= b) {
        int mid = (a + b) >>> 1;
        if (keys[mid] <= first) {
          i = mid;
          a = mid + 1;
        } else {
          b = mid - 1;
        }
      }
      for (; i < keys.length && keys[i] <= last; i++) {
        if (values[i] >= 0) {
          out.set(values[i]);
        }
      }
    }
    for (int r = 0; r < d.v6RangeCount(); r++) {
      int a = 0;
      int b = v6hi.length - 1;
      int i = 0;
      while (a <= b) {
        int mid = (a + b) >>> 1;
        if (compare6(mid, d.v6Word(r, 0), d.v6Word(r, 1)) <= 0) {
          i = mid;
          a = mid + 1;
        } else {
          b = mid - 1;
        }
      }
      for (; i < v6hi.length && compare6(i, d.v6Word(r, 2), d.v6Word(r, 3)) <= 0; i++) {
        if (v6values[i] >= 0) {
          out.set(v6values[i]);
        }
      }
    }
  }

  /** The start of IPv6 interval {@code i} against an address's two words (unsigned). */
  private int compare6(int i, long hi, long lo) {
    int c = Long.compareUnsigned(v6hi[i], hi);
    return c != 0 ? c : Long.compareUnsigned(v6lo[i], lo);
  }


  /** For each value, the addresses whose longest match it is (for splitting address sets by route). */
  public Map<Integer, IpSet> regions() {
    Map<Integer, IpSet.Builder> b = new HashMap<>();
    for (int i = 0; i < keys.length; i++) {
      long start = Integer.toUnsignedLong(keys[i] ^ Integer.MIN_VALUE);
      long end = i + 1 < keys.length ? Integer.toUnsignedLong(keys[i + 1] ^ Integer.MIN_VALUE) - 1 : 0xFFFF_FFFFL;
      if (values[i] >= 0) {
        b.computeIfAbsent(values[i], x -> IpSet.builder()).add(IpAddress.v4(start), IpAddress.v4(end));
      }
    }
    for (int i = 0; i < v6hi.length; i++) {
      IpAddress start = new IpAddress(IpFamily.IPV6, v6hi[i], v6lo[i]);
      IpAddress end;
      if (i + 1 < v6hi.length) {
        long l = v6lo[i + 1] - 1;
        long h = v6lo[i + 1] == 0 ? v6hi[i + 1] - 1 : v6hi[i + 1];
        end = new IpAddress(IpFamily.IPV6, h, l);
      } else {
        end = new IpAddress(IpFamily.IPV6, -1L, -1L);
      }
      if (v6values[i] >= 0) {
        b.computeIfAbsent(v6values[i], x -> IpSet.builder()).add(start, end);
      }
    }
    Map<Integer, IpSet> out = new HashMap<>();
    b.forEach((k, v) -> out.put(k, v.build()));
    return out;
  }

  /** Number of IPv4 elementary intervals. */
  public int v4Size() {
    return keys.length;
  }

  /** Approximate heap bytes of the lookup arrays. */
  public long bytes() {
    return 8L * keys.length + (index == null ? 0 : 4L * index.length) + 20L * v6hi.length;
  }

  /**
   * Elementary intervals of one family as {@code [startHi, startLo, value]}, sorted, adjacent equal values merged,
   * starting at address 0 (value -1 where no prefix covers).
   */
  static List<long[]> intervals(Map<Cidr, Integer> prefixes, IpFamily family) {
    List<Map.Entry<Cidr, Integer>> list = new ArrayList<>();
    for (Map.Entry<Cidr, Integer> e : prefixes.entrySet()) {
      if (e.getKey().family() == family) {
        list.add(e);
      }
    }
    list.sort(Comparator.comparing((Map.Entry<Cidr, Integer> e) -> e.getKey().first())
        .thenComparingInt(e -> e.getKey().prefixLength()));
    List<long[]> raw = new ArrayList<>();
    raw.add(new long[] {0, 0, -1});
    Deque<long[]> stack = new ArrayDeque<>(); // {endHi, endLo, value}
    for (Map.Entry<Cidr, Integer> e : list) {
      IpAddress s = e.getKey().first();
      IpAddress t = e.getKey().last();
      while (!stack.isEmpty() && cmp(stack.peek()[0], stack.peek()[1], s.hi(), s.lo()) < 0) {
        closeTop(stack, raw, family);
      }
      raw.add(new long[] {s.hi(), s.lo(), e.getValue()});
      stack.push(new long[] {t.hi(), t.lo(), e.getValue()});
    }
    while (!stack.isEmpty()) {
      closeTop(stack, raw, family);
    }
    List<long[]> out = new ArrayList<>();
    for (long[] iv : raw) {
      if (!out.isEmpty() && out.get(out.size() - 1)[0] == iv[0] && out.get(out.size() - 1)[1] == iv[1]) {
        out.set(out.size() - 1, iv);
      } else {
        out.add(iv);
      }
    }
    List<long[]> merged = new ArrayList<>();
    for (long[] iv : out) {
      if (merged.isEmpty() || merged.get(merged.size() - 1)[2] != iv[2]) {
        merged.add(iv);
      }
    }
    return merged;
  }

  private static void closeTop(Deque<long[]> stack, List<long[]> raw, IpFamily family) {
    long[] top = stack.pop();
    if (top[0] == family.maxHi() && top[1] == family.maxLo()) {
      return; // ends at the family's last address: nothing follows
    }
    long l = top[1] + 1;
    long h = l == 0 ? top[0] + 1 : top[0];
    raw.add(new long[] {h, l, stack.isEmpty() ? -1 : stack.peek()[2]});
  }

  private static int cmp(long ah, long al, long bh, long bl) {
    int c = Long.compareUnsigned(ah, bh);
    return c != 0 ? c : Long.compareUnsigned(al, bl);
  }

  @Override
  public String toString() {
    return "Fib[v4 " + keys.length + ", v6 " + v6hi.length + "]";
  }
}
