package dev.vnetsim.simulator.policy;

/**
 * A map from a 32-bit unsigned value (an IPv4 address) or a 16-bit one (a port) to a non-negative int, as sorted
 * elementary interval starts, sized to its content (performance.md §4):
 * <ul>
 *   <li>up to {@link #SMALL} intervals, a binary search with no data-dependent branch (a conditional move per step;
 *       the CPU overlaps such lookups instead of flushing on mispredictions);</li>
 *   <li>above, a first-level index on the top {@code b} bits ({@code 2^b} four to eight times the interval count, at
 *       most 2^14) that answers a chunk inside one interval with one load and narrows any other chunk to its few
 *       intervals, searched the same way.</li>
 * </ul>
 * At most 8 + 32 bytes per interval; no fixed-size tables. Lookups allocate nothing.
 */
final class IntervalMap {
  static final int SMALL = 64;
  static final int INDEX_BITS = 14;

  /** Interval starts, sign-flipped so that signed order is unsigned order. */
  private final int[] keys;
  private final int[] values;
  private final int n;
  /**
   * Per chunk: the value when one interval covers it, else {@code MIN_VALUE | first << 8 | min(boundaries, 255)}
   * (the first interval meeting the chunk and the interval starts inside it); null for small maps.
   */
  private final int[] index;
  private final int shift;
  /** Product encoding ({@link NsgCompiler}): the shared map of large sets and the (local, shared) → value table. */
  private final IntervalMap shared;
  private final int[] table;

  /**
   * @param starts interval starts, ascending, {@code starts[0] == 0}
   * @param values the value of each interval, non-negative
   * @param n number of intervals used from the arrays (below 2^23)
   * @param bits width of the value space: 32 (addresses) or 16 (ports)
   */
  IntervalMap(long[] starts, int[] values, int n, int bits) {
    this(starts, values, n, bits, null, null);
  }

  /** A product map: {@link #row} is {@code table[get(v) + shared.get(v)]}. */
  IntervalMap(long[] starts, int[] values, int n, int bits, IntervalMap shared, int[] table) {
    this.shared = shared;
    this.table = table;
    this.n = n;
    this.keys = new int[n];
    this.values = java.util.Arrays.copyOf(values, n);
    for (int i = 0; i < n; i++) {
      keys[i] = (int) starts[i] ^ Integer.MIN_VALUE;
    }
    if (n <= SMALL) {
      this.index = null;
      this.shift = 0;
      return;
    }
    // 2^b four to eight times the interval count, at most 2^14 (64 KB: measured, a larger index costs more in cache
    // misses at 1,000 rules than it saves in searching)
    int b = Math.min(Math.min(INDEX_BITS, bits), 34 - Integer.numberOfLeadingZeros(n - 1));
    this.shift = bits - b;
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
      index[c] = inside == 0 ? values[i] : Integer.MIN_VALUE | i << 8 | Math.min(inside, 255);
    }
  }

  /** The row for a packet field: the interval's value, or for a product map the table entry of the two values. */
  int row(int value) {
    int x = get(value);
    return table == null ? x : table[x + shared.get(value)];
  }

  /** The value of the interval holding {@code value} (an unsigned int, or a port 0..65535). Kept small to inline. */
  int get(int value) {
    int lo = 0;
    int m = n;
    if (index != null) {
      int e = index[value >>> shift];
      if (e >= 0) {
        return e;
      }
      lo = (e >>> 8) & 0x7F_FFFF;
      int inside = e & 0xFF;
      m = inside == 255 ? n - lo : inside + 1;
    }
    final int[] k = keys;
    int key = value ^ Integer.MIN_VALUE;
    while (m > 1) { // C2: a conditional move, not a branch; the trip count is fixed for small maps
      int half = m >>> 1;
      lo = k[lo + half] <= key ? lo + half : lo;
      m -= half;
    }
    return values[lo];
  }

  int size() {
    return n;
  }

  /** Bytes of this map's arrays (a shared map is not counted). */
  long bytes() {
    return 8L * keys.length + (index == null ? 0 : 4L * index.length) + (table == null ? 0 : 4L * table.length);
  }
}
