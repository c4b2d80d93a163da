package dev.vnetsim.servicetag;

import java.util.Arrays;

/**
 * Address to tag-set id for IPv6. Tag prefixes come in two kinds: short ones (/64 and shorter) and long ones
 * (/117-/128) that sit near the start of a few thousand /64s. The index follows that split, but answers exactly for
 * any input:
 *
 * <ul>
 *   <li>a <em>busy</em> /64 is one where some elementary interval starts inside it (not at its first address); a
 *       hash table on the high 64 bits finds its record. When all the record's starts lie in the first 4096
 *       addresses, a branch-free two-level {@link RankBlocks} trie on low-word bits 11-4 and 3-0 answers; otherwise
 *       a binary search over the record's starts does;
 *   <li>every other /64 lies inside one interval, so its answer depends on the high 64 bits only: a branch-free
 *       binary search with a fixed number of steps over the sorted high-word boundaries gives it.
 * </ul>
 *
 * Built once; reads allocate nothing.
 */
final class V6TagIndex {
  private static final long MIX = 0x9E37_79B9_7F4A_7C15L;

  /** Open-addressing table at most a quarter full, two longs per slot: the high word of a busy /64 and its record
   *  index ({@code -1}: empty slot). */
  private final long[] busy;
  private final int hashShift;
  private final int hashMask;
  /** Per record, the range {@code [recordStart[r], recordStart[r + 1])} of its intervals in the arrays below. */
  private final int[] recordStart;
  /** Low words of the interval starts of all busy records, sign-flipped; each record's first entry is 0. */
  private final long[] recordLo;
  private final int[] recordSet;
  /** Per record, its {@link RankBlocks} block over low-word bits 11-4 (entries: a set id, or the complement of a
   *  block over bits 3-0), or -1 when a start lies beyond the first 4096 addresses (then a binary search). */
  private final int[] recordTrie;
  /** Per record, the set of its last interval (the answer above the first 4096 addresses). */
  private final int[] recordLast;
  private final long[] trieUpper;
  private final int[] trieUpperValues;
  private final long[] trieLower;
  private final int[] trieLowerValues;
  /** Boundaries of the high-word function for other /64s, sign-flipped, padded to a power of two. */
  private final long[] wideHi;
  private final int[] wideSet;
  private final int intervals;

  /**
   * @param hi the high words of the unsigned interval starts, ascending with {@code lo}; the first start is 0
   * @param lo the low words
   * @param setIds the tag-set id of each interval
   */
  V6TagIndex(long[] hi, long[] lo, int[] setIds, int n) {
    if (n == 0 || hi[0] != 0 || lo[0] != 0) {
      throw new IllegalArgumentException("intervals must start at 0");
    }
    this.intervals = n;
    // Busy /64s: high words with a start whose low word is not 0.
    long[] busyHi = new long[n];
    int busyCount = 0;
    for (int i = 0; i < n; i++) {
      if (lo[i] != 0 && (busyCount == 0 || busyHi[busyCount - 1] != hi[i])) {
        busyHi[busyCount++] = hi[i];
      }
    }
    int bits = Math.max(4, 34 - Integer.numberOfLeadingZeros(Math.max(1, busyCount) * 2 - 1));
    hashShift = 64 - bits;
    hashMask = (1 << bits) - 1;
    busy = new long[2 << bits];
    for (int slot = 0; slot < 1 << bits; slot++) {
      busy[2 * slot + 1] = -1;
    }
    recordStart = new int[busyCount + 1];
    long[] rLo = new long[n + busyCount];
    int[] rSet = new int[n + busyCount];
    int m = 0;
    for (int r = 0; r < busyCount; r++) {
      long h = busyHi[r];
      int slot = (int) ((h * MIX) >>> hashShift);
      while (busy[2 * slot + 1] >= 0) {
        slot = (slot + 1) & hashMask;
      }
      busy[2 * slot] = h;
      busy[2 * slot + 1] = r;
      recordStart[r] = m;
      int i = containing(hi, lo, n, h, 0);
      rLo[m] = Long.MIN_VALUE;
      rSet[m++] = setIds[i];
      for (i++; i < n && hi[i] == h; i++) {
        rLo[m] = lo[i] ^ Long.MIN_VALUE;
        rSet[m++] = setIds[i];
      }
    }
    recordStart[busyCount] = m;
    recordLo = Arrays.copyOf(rLo, m);
    recordSet = Arrays.copyOf(rSet, m);

    // Records whose starts all lie in the first 4096 addresses of their /64 (nearly all: the long prefixes are
    // /117-/128 near the start of a /64) also get a two-level trie on low-word bits 11-4 and 3-0.
    recordTrie = new int[busyCount];
    recordLast = new int[busyCount];
    RankBlocks upper = new RankBlocks();
    RankBlocks lower = new RankBlocks();
    int[] slots = new int[256];
    int[] positions = new int[256];
    int[] values = new int[256];
    for (int r = 0; r < busyCount; r++) {
      int from = recordStart[r];
      int to = recordStart[r + 1];
      recordLast[r] = recordSet[to - 1];
      if ((recordLo[to - 1] ^ Long.MIN_VALUE) >>> 12 != 0) {
        recordTrie[r] = -1;
        continue;
      }
      int k = from;
      for (int slot = 0; slot < 256; slot++) {
        long first = (long) slot << 4;
        while (k + 1 < to && (recordLo[k + 1] ^ Long.MIN_VALUE) <= first) {
          k++;
        }
        if (k + 1 >= to || (recordLo[k + 1] ^ Long.MIN_VALUE) >= first + 16) {
          slots[slot] = recordSet[k];
          continue;
        }
        int count = 0;
        positions[count] = 0;
        values[count++] = recordSet[k];
        for (int j = k + 1; j < to && (recordLo[j] ^ Long.MIN_VALUE) < first + 16; j++) {
          positions[count] = (int) ((recordLo[j] ^ Long.MIN_VALUE) - first);
          values[count++] = recordSet[j];
        }
        slots[slot] = ~lower.add(positions, values, count);
      }
      int count = 0;
      for (int slot = 0; slot < 256; slot++) {
        if (slot == 0 || slots[slot] != slots[slot - 1]) {
          positions[count] = slot;
          values[count++] = slots[slot];
        }
      }
      recordTrie[r] = upper.add(positions, values, count);
    }
    trieUpper = upper.blocks();
    trieUpperValues = upper.values();
    trieLower = lower.blocks();
    trieLowerValues = lower.values();

    // The answer for a non-busy /64 at high word h is the set at (h, 0). It can change at h for a start (h, 0), and
    // at h + 1 after a busy /64 h (the last interval of h runs on).
    long[] points = new long[n + busyCount];
    int p = 0;
    for (int i = 0; i < n; i++) {
      if (lo[i] == 0) {
        points[p++] = hi[i];
      }
    }
    for (int r = 0; r < busyCount; r++) {
      if (busyHi[r] != -1L) {
        points[p++] = busyHi[r] + 1;
      }
    }
    long[] sorted = Arrays.copyOf(points, p);
    for (int i = 0; i < p; i++) {
      sorted[i] ^= Long.MIN_VALUE;
    }
    Arrays.sort(sorted);
    long[] wHi = new long[p];
    int[] wSet = new int[p];
    int w = 0;
    for (int i = 0; i < p; i++) {
      long h = sorted[i] ^ Long.MIN_VALUE;
      int set = setIds[containing(hi, lo, n, h, 0)];
      if (w > 0 && (wHi[w - 1] == sorted[i] || wSet[w - 1] == set)) {
        if (wHi[w - 1] == sorted[i]) {
          wSet[w - 1] = set;
        }
        continue;
      }
      wHi[w] = sorted[i];
      wSet[w++] = set;
    }
    int size = Integer.highestOneBit(Math.max(1, w - 1)) << 1;
    wideHi = Arrays.copyOf(wHi, size);
    wideSet = Arrays.copyOf(wSet, size);
    for (int i = w; i < size; i++) {
      wideHi[i] = Long.MAX_VALUE;
      wideSet[i] = wSet[w - 1];
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
    long[] table = busy;
    int slot = (int) ((hi * MIX) >>> hashShift);
    long record;
    while ((record = table[2 * slot + 1]) >= 0 && table[2 * slot] != hi) {
      slot = (slot + 1) & hashMask;
    }
    return record >= 0 ? inRecord((int) record, lo) : wide(hi);
  }

  private int inRecord(int record, long lo) {
    int trie = recordTrie[record];
    if (trie >= 0) {
      int e1 = RankBlocks.get(trieUpper, trieUpperValues, trie, (int) (lo >>> 4) & 0xFF);
      int down = e1 >> 31;
      int e2 = RankBlocks.get(trieLower, trieLowerValues, ~e1 & down, (int) lo & 0xF);
      int inTrie = (e1 & ~down) | (e2 & down);
      return (lo >>> 12) == 0 ? inTrie : recordLast[record];
    }
    int b = recordStart[record];
    int n = recordStart[record + 1] - b;
    long key = lo ^ Long.MIN_VALUE;
    long[] s = recordLo;
    while (n > 1) {
      int half = n >>> 1;
      b = s[b + half] <= key ? b + half : b;
      n -= half;
    }
    return recordSet[b];
  }

  private int wide(long hi) {
    long key = hi ^ Long.MIN_VALUE;
    long[] s = wideHi;
    int b = 0;
    for (int half = s.length >>> 1; half > 0; half >>>= 1) {
      b = s[b + half] <= key ? b + half : b;
    }
    return wideSet[b];
  }

  int intervalCount() {
    return intervals;
  }

  long footprintBytes() {
    return 8L * (busy.length + recordLo.length + wideHi.length + trieUpper.length + trieLower.length)
        + 4L * (recordStart.length + recordSet.length + wideSet.length + recordTrie.length + recordLast.length
        + trieUpperValues.length + trieLowerValues.length);
  }
}
