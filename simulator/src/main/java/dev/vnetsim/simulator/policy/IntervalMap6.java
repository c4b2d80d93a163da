package dev.vnetsim.simulator.policy;

import java.util.Arrays;

/**
 * A map from a 128-bit unsigned value (an IPv6 address as two longs) to an int, as sorted elementary interval starts
 * (sized to content) and a binary search. IPv6 packets take the general {@link CompiledNsg#match} path, so no index.
 */
final class IntervalMap6 {
  private final long[] hi;
  private final long[] lo;
  private final int[] values;
  private final IntervalMap6 shared;
  private final int[] table;

  /** Starts ascending as (hi, lo) pairs, the first (0, 0). */
  IntervalMap6(long[] hi, long[] lo, int[] values, int n) {
    this(hi, lo, values, n, null, null);
  }

  /** A product map (see {@link IntervalMap}). */
  IntervalMap6(long[] hi, long[] lo, int[] values, int n, IntervalMap6 shared, int[] table) {
    this.shared = shared;
    this.table = table;
    this.hi = Arrays.copyOf(hi, n);
    this.lo = Arrays.copyOf(lo, n);
    this.values = Arrays.copyOf(values, n);
  }

  int row(long h, long l) {
    int x = get(h, l);
    return table == null ? x : table[x + shared.get(h, l)];
  }

  int get(long h, long l) {
    int a = 0;
    int b = hi.length - 1;
    int found = 0;
    while (a <= b) {
      int mid = (a + b) >>> 1;
      int c = Long.compareUnsigned(hi[mid], h);
      if (c == 0) {
        c = Long.compareUnsigned(lo[mid], l);
      }
      if (c <= 0) {
        found = mid;
        a = mid + 1;
      } else {
        b = mid - 1;
      }
    }
    return values[found];
  }

  int size() {
    return hi.length;
  }

  long bytes() {
    return 20L * hi.length + (table == null ? 0 : 4L * table.length);
  }
}
