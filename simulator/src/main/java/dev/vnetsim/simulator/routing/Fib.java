package dev.vnetsim.simulator.routing;

import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpFamily;
import dev.vnetsim.model.IpSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A flat, allocation-free longest-prefix-match table (performance.md §4): prefixes are swept once into elementary
 * intervals, each holding the value of its longest covering prefix. IPv4 lookups are a fixed-iteration, branch-free
 * search over a power-of-two {@code int[]} of interval starts (sign-flipped so signed order is unsigned order); IPv6
 * lookups a binary search over {@code long} pairs. A lookup returns the value (a route index) or {@code -1}.
 */
public final class Fib {

  private final int[] keys;
  private final int[] values;
  private final int top;
  private final int v4Count;
  /** For tables of more than {@link #DIRECT_MIN} intervals: per /16, the value (>= -1) or ~index of the first interval. */
  private final int[] direct;
  private final long[] v6hi;
  private final long[] v6lo;
  private final int[] v6values;

  private Fib(int[] keys, int[] values, int v4Count, long[] v6hi, long[] v6lo, int[] v6values) {
    this.keys = keys;
    this.v4Count = v4Count;
    this.direct = v4Count > DIRECT_MIN ? direct(keys, values, v4Count) : null;
    this.values = values;
    this.top = keys.length >>> 1;
    this.v6hi = v6hi;
    this.v6lo = v6lo;
    this.v6values = v6values;
  }

  /** Builds from prefix → value (values ≥ 0); equal prefixes must already be resolved to one value. */
  public static Fib build(Map<Cidr, Integer> prefixes) {
    List<long[]> v4 = intervals(prefixes, IpFamily.IPV4);
    List<long[]> v6 = intervals(prefixes, IpFamily.IPV6);
    int n = v4.size() <= 1 ? 1 : Integer.highestOneBit(v4.size() - 1) << 1;
    int[] keys = new int[n];
    int[] vals = new int[n];
    for (int i = 0; i < n; i++) {
      long[] iv = v4.get(Math.min(i, v4.size() - 1));
      keys[i] = i < v4.size() ? (int) iv[1] ^ Integer.MIN_VALUE : Integer.MAX_VALUE;
      vals[i] = (int) iv[2];
    }
    long[] hi = new long[v6.size()];
    long[] lo = new long[v6.size()];
    int[] v6v = new int[v6.size()];
    for (int i = 0; i < v6.size(); i++) {
      hi[i] = v6.get(i)[0];
      lo[i] = v6.get(i)[1];
      v6v[i] = (int) v6.get(i)[2];
    }
    return new Fib(keys, vals, v4.size(), hi, lo, v6v);
  }

  static final int DIRECT_MIN = 64;
  private static final int NONE = -1;

  /**
   * DIR-16 index (performance.md §4): a /16 covered by one interval answers with one load; otherwise it points at
   * its first interval and a short scan finishes. Values are >= -1, so {@code ~index} (<= -2 for index >= 1) marks a
   * pointer; index 0 never needs one (chunk 0 always starts at interval 0, and is direct when uniform).
   */
  private static int[] direct(int[] keys, int[] values, int n) {
    int[] d = new int[1 << 16];
    int i = 0;
    for (int c = 0; c < (1 << 16); c++) {
      long chunkStart = (long) c << 16;
      long chunkEnd = chunkStart + 0xFFFF;
      while (i + 1 < n && start(keys, i + 1) <= chunkStart) {
        i++;
      }
      boolean uniform = i + 1 >= n || start(keys, i + 1) > chunkEnd;
      d[c] = uniform ? values[i] : ~i;
      if (!uniform && i == 0) {
        d[c] = Integer.MIN_VALUE; // pointer to interval 0
      }
    }
    return d;
  }

  private static long start(int[] keys, int i) {
    return Integer.toUnsignedLong(keys[i] ^ Integer.MIN_VALUE);
  }

  /** The value of the longest prefix containing the IPv4 address (as an unsigned int), or -1. */
  public int lookupV4(int address) {
    final int[] d = direct;
    if (d != null) {
      int e = d[address >>> 16];
      if (e >= NONE) {
        return e;
      }
      int i = e == Integer.MIN_VALUE ? 0 : ~e;
      final int[] k = keys;
      int key = address ^ Integer.MIN_VALUE;
      final int n = v4Count;
      while (i + 1 < n && k[i + 1] <= key) {
        i++;
      }
      return values[i];
    }
    final int[] k = keys;
    long key = address ^ Integer.MIN_VALUE;
    int base = 0;
    for (int half = top; half > 0; half >>>= 1) {
      long diff = (long) k[base + half] - key - 1;
      base += half & (int) (diff >> 63);
    }
    return values[base];
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

  /** For each value, the addresses whose longest match it is (for splitting address sets by route). */
  public Map<Integer, IpSet> regions() {
    Map<Integer, IpSet.Builder> b = new HashMap<>();
    for (int i = 0; i < v4Count; i++) {
      long start = Integer.toUnsignedLong(keys[i] ^ Integer.MIN_VALUE);
      long end = i + 1 < v4Count ? Integer.toUnsignedLong(keys[i + 1] ^ Integer.MIN_VALUE) - 1 : 0xFFFF_FFFFL;
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

  /** Number of IPv4 elementary intervals (padded). */
  public int v4Size() {
    return keys.length;
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
