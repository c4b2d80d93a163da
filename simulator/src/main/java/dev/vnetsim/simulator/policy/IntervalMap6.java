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

  /** Starts ascending as (hi, lo) pairs, the first (0, 0). */
  IntervalMap6(long[] hi, long[] lo, int[] values, int n) {
    this.hi = Arrays.copyOf(hi, n);
    this.lo = Arrays.copyOf(lo, n);
    this.values = Arrays.copyOf(values, n);
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

  long startHi(int i) {
    return hi[i];
  }

  long startLo(int i) {
    return lo[i];
  }

  int value(int i) {
    return values[i];
  }

  long bytes() {
    return 20L * hi.length;
  }
}
