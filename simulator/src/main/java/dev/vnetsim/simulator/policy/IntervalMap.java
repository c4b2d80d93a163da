package dev.vnetsim.simulator.policy;

/**
 * A map from a 32-bit unsigned value (an IPv4 address) or a 16-bit one (a port) to an int, as sorted elementary
 * interval starts, sized to its content (performance.md §4): a fixed-iteration, branch-free search over the starts,
 * and, above {@link #INDEX_MIN} intervals, a first-level index on the top {@code b} bits ({@code 2^b} between half the
 * interval count and the count, at most {@code 2^16}) that narrows the search to one chunk. Memory is at most 12
 * bytes per interval; no fixed-size tables. Lookups allocate nothing.
 */
final class IntervalMap {
  static final int INDEX_MIN = 64;

  /** Interval starts, sign-flipped so that signed order is unsigned order; {@code keys[0]} is the smallest value. */
  private final int[] keys;
  private final int[] values;
  /** {@code index[c]} = the last interval starting at or before chunk {@code c}; null for small maps. */
  private final int[] index;
  private final int shift;

  /**
   * @param starts interval starts, ascending, {@code starts[0] == 0}
   * @param values the value of each interval
   * @param n number of intervals used from the arrays
   * @param bits width of the value space: 32 (addresses) or 16 (ports)
   */
  IntervalMap(long[] starts, int[] values, int n, int bits) {
    this.keys = new int[n];
    for (int i = 0; i < n; i++) {
      keys[i] = (int) starts[i] ^ Integer.MIN_VALUE;
    }
    this.values = java.util.Arrays.copyOf(values, n);
    if (n <= INDEX_MIN) {
      this.index = null;
      this.shift = 0;
      return;
    }
    int b = Math.min(Math.min(16, bits), 31 - Integer.numberOfLeadingZeros(n - 1)); // 2^b in [n/2, n)
    this.shift = bits - b;
    this.index = new int[(1 << b) + 1];
    int i = 0;
    for (int c = 0; c < (1 << b); c++) {
      long chunkStart = (long) c << shift;
      while (i + 1 < n && starts[i + 1] <= chunkStart) {
        i++;
      }
      index[c] = i;
    }
    index[1 << b] = n - 1;
  }

  /** The value of the interval holding {@code value} (an unsigned int, or a port 0..65535). */
  int get(int value) {
    final int[] k = keys;
    long key = value ^ Integer.MIN_VALUE;
    int lo;
    int n;
    if (index == null) {
      lo = 0;
      n = k.length;
    } else {
      int c = value >>> shift;
      lo = index[c];
      n = index[c + 1] - lo + 1;
    }
    while (n > 1) {
      int half = n >>> 1;
      long d = (long) k[lo + half] - key - 1; // < 0 iff k[lo + half] <= key
      lo += half & (int) (d >> 63);
      n -= half;
    }
    return values[lo];
  }

  int size() {
    return keys.length;
  }

  /** Start of interval {@code i} as an unsigned value. */
  long start(int i) {
    return Integer.toUnsignedLong(keys[i] ^ Integer.MIN_VALUE);
  }

  int value(int i) {
    return values[i];
  }

  long bytes() {
    return 8L * keys.length + (index == null ? 0 : 4L * index.length);
  }
}
