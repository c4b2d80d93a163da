package dev.vnetsim.servicetag;

import java.util.Arrays;

/**
 * Address to tag-set id for IPv6. The elementary intervals are a sorted array of 128-bit starts (two {@code long}
 * arrays). Tag prefixes sit in a few dozen /32s, so the first level is a short branch-free search over the distinct
 * top-32-bit values of the starts; each such /32 has a direct table on the next 0-16 bits, sized to the number of
 * intervals in it, that narrows the lookup to a few intervals; a branch-free binary search over (hi, lo) finishes.
 * An address in a /32 without starts takes the interval that runs through it. Built once; reads allocate nothing.
 */
final class V6TagIndex {
  private static final int MAX_STRIDE = 16;

  /** Interval starts, high and low words, sign bits flipped so that signed comparison is unsigned order. */
  private final long[] startHi;
  private final long[] startLo;
  private final int[] setIds;
  /** Distinct top 32 bits of the starts, sign-flipped, ascending. */
  private final int[] topKeys;
  /** Per top key, 4 ints: right shift of {@code hi} to its bucket, bucket mask, offset into {@code buckets}, and the
   *  index of the last interval starting under that /32 (the answer for later /32s without starts). */
  private final int[] topInfo;
  /** Per bucket, the index of the interval holding its first address; one extra entry closes each /32. */
  private final int[] buckets;

  /**
   * @param hi the high words of the unsigned interval starts, ascending with {@code lo}; the first start is 0
   * @param lo the low words
   * @param setIds the tag-set id of each interval
   */
  V6TagIndex(long[] hi, long[] lo, int[] setIds, int n) {
    if (n == 0 || hi[0] != 0 || lo[0] != 0) {
      throw new IllegalArgumentException("intervals must start at 0");
    }
    this.startHi = new long[n];
    this.startLo = new long[n];
    this.setIds = Arrays.copyOf(setIds, n);
    for (int i = 0; i < n; i++) {
      startHi[i] = hi[i] ^ Long.MIN_VALUE;
      startLo[i] = lo[i] ^ Long.MIN_VALUE;
    }
    int keys = 0;
    int[] keyFirst = new int[n];
    for (int i = 0; i < n; i++) {
      if (i == 0 || (hi[i] >>> 32) != (hi[i - 1] >>> 32)) {
        keyFirst[keys++] = i;
      }
    }
    topKeys = new int[keys];
    topInfo = new int[keys * 4];
    int total = 0;
    int[] strides = new int[keys];
    for (int j = 0; j < keys; j++) {
      int count = (j + 1 < keys ? keyFirst[j + 1] : n) - keyFirst[j];
      int stride = count <= 1 ? 0 : Math.min(MAX_STRIDE, 33 - Integer.numberOfLeadingZeros(count - 1));
      strides[j] = stride;
      total += (1 << stride) + 1;
    }
    buckets = new int[total];
    int offset = 0;
    for (int j = 0; j < keys; j++) {
      int first = keyFirst[j];
      int last = (j + 1 < keys ? keyFirst[j + 1] : n) - 1;
      long top = hi[first] >>> 32;
      int stride = strides[j];
      topKeys[j] = (int) top ^ Integer.MIN_VALUE;
      topInfo[j * 4] = 32 - stride;
      topInfo[j * 4 + 1] = (1 << stride) - 1;
      topInfo[j * 4 + 2] = offset;
      topInfo[j * 4 + 3] = last;
      int count = 1 << stride;
      for (int k = 0; k < count; k++) {
        long bucketHi = (top << 32) | ((long) k << (32 - stride));
        buckets[offset + k] = containing(hi, lo, n, bucketHi, 0);
      }
      buckets[offset + count] = top == 0xFFFF_FFFFL ? n - 1 : containing(hi, lo, n, (top + 1) << 32, 0);
      offset += count + 1;
    }
  }

  /** Index of the last start at or below (h, l), by unsigned order. */
  private static int containing(long[] hi, long[] lo, int n, long h, long l) {
    int a = 0;
    int b = n - 1;
    while (a < b) {
      int mid = (a + b + 1) >>> 1;
      int c = Long.compareUnsigned(hi[mid], h);
      if (c < 0 || (c == 0 && Long.compareUnsigned(lo[mid], l) <= 0)) {
        a = mid;
      } else {
        b = mid - 1;
      }
    }
    return a;
  }

  int lookup(long hi, long lo) {
    int t = (int) (hi >>> 32) ^ Integer.MIN_VALUE;
    int[] keys = topKeys;
    int j = 0;
    int len = keys.length;
    while (len > 1) {
      int half = len >>> 1;
      j = keys[j + half] <= t ? j + half : j;
      len -= half;
    }
    int info = j * 4;
    if (keys[j] != t) {
      return setIds[topInfo[info + 3]];
    }
    int o = topInfo[info + 2] + ((int) (hi >>> topInfo[info]) & topInfo[info + 1]);
    int b = buckets[o];
    int n = buckets[o + 1] - b + 1;
    long kh = hi ^ Long.MIN_VALUE;
    long kl = lo ^ Long.MIN_VALUE;
    long[] sh = startHi;
    long[] sl = startLo;
    while (n > 1) {
      int half = n >>> 1;
      int m = b + half;
      long h = sh[m];
      boolean atOrBelow = (h < kh) | ((h == kh) & (sl[m] <= kl));
      b = atOrBelow ? m : b;
      n -= half;
    }
    return setIds[b];
  }

  int intervalCount() {
    return startHi.length;
  }

  long footprintBytes() {
    return 8L * (startHi.length + startLo.length) + 4L * (setIds.length + topKeys.length + topInfo.length
        + buckets.length);
  }
}
