package dev.vnetsim.servicetag;

/**
 * Address to tag-set id for IPv4: the elementary intervals of all tag prefixes (neighbours with equal sets merged)
 * as a sorted array of starts, a direct table on the top 16 bits that narrows each lookup to the intervals of one
 * /16, and a branch-free binary search inside it. Chunks covered by one interval (most of the space) need no search.
 * Built once; never changes; reads allocate nothing.
 */
final class V4TagIndex {
  private static final int CHUNKS = 1 << 16;

  /** Interval starts with the sign bit flipped, so that signed comparison is unsigned address order. */
  private final int[] starts;
  private final int[] setIds;
  /** {@code chunk[c]} is the index of the interval holding address {@code c << 16}; {@code chunk[65536] = n - 1}. */
  private final int[] chunk;

  /**
   * @param starts the unsigned interval starts, ascending, {@code starts[0] == 0}
   * @param setIds the tag-set id of each interval
   */
  V4TagIndex(long[] starts, int[] setIds, int n) {
    if (n == 0 || starts[0] != 0) {
      throw new IllegalArgumentException("intervals must start at 0");
    }
    this.starts = new int[n];
    this.setIds = java.util.Arrays.copyOf(setIds, n);
    for (int i = 0; i < n; i++) {
      this.starts[i] = (int) starts[i] ^ Integer.MIN_VALUE;
    }
    this.chunk = new int[CHUNKS + 1];
    int i = 0;
    for (int c = 0; c < CHUNKS; c++) {
      long chunkStart = (long) c << 16;
      while (i + 1 < n && starts[i + 1] <= chunkStart) {
        i++;
      }
      chunk[c] = i;
    }
    chunk[CHUNKS] = n - 1;
  }

  int lookup(int address) {
    int c = address >>> 16;
    int b = chunk[c];
    int len = chunk[c + 1] - b + 1;
    int key = address ^ Integer.MIN_VALUE;
    int[] s = starts;
    while (len > 1) {
      int half = len >>> 1;
      b = s[b + half] <= key ? b + half : b;
      len -= half;
    }
    return setIds[b];
  }

  int intervalCount() {
    return starts.length;
  }

  /** Bytes held by the arrays (for reports). */
  long footprintBytes() {
    return 4L * (starts.length + setIds.length + chunk.length);
  }
}
