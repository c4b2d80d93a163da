package dev.vnetsim.simulator.policy;

import java.util.Arrays;
import java.util.List;

/**
 * The elementary intervals of a list of sets of one value space (IPv4 addresses or ports: {@code hi == null}; IPv6:
 * {@code (hi, lo)} pairs), each labelled with the class of its membership (which sets contain it). Adjacent intervals
 * of the same class are merged. Built by one sweep over the sorted range boundaries: a set's ranges are disjoint and
 * non-adjacent (canonical {@code IpSet} / {@code RangeSet}), so each boundary toggles its set's bit. O(B log B) for B
 * boundaries.
 */
final class Partition {
  /** Interval starts (high words; null for 32-bit spaces) and low words / 32-bit values, ascending, first 0. */
  final long[] hi;
  final long[] lo;
  /** Class of each interval. */
  final int[] cls;
  final int n;
  final int classCount;
  /** Membership of class {@code c}: words {@code [c * memberWords, (c + 1) * memberWords)}, bit j = set j. */
  private final long[] members;
  private final int memberWords;

  private Partition(long[] hi, long[] lo, int[] cls, int n, BitRows classes, int memberWords) {
    this.hi = hi == null ? null : Arrays.copyOf(hi, n);
    this.lo = Arrays.copyOf(lo, n);
    this.cls = Arrays.copyOf(cls, n);
    this.n = n;
    this.classCount = classes.count();
    this.members = classes.toArray();
    this.memberWords = memberWords;
  }

  /** The sets in class {@code c}, as indexes into the list the partition was built from. */
  int[] setsOf(int c) {
    int count = 0;
    for (int w = 0; w < memberWords; w++) {
      count += Long.bitCount(members[c * memberWords + w]);
    }
    int[] out = new int[count];
    int k = 0;
    for (int w = 0; w < memberWords; w++) {
      for (long x = members[c * memberWords + w]; x != 0; x &= x - 1) {
        out[k++] = (w << 6) + Long.numberOfTrailingZeros(x);
      }
    }
    return out;
  }

  /** {@code sets.get(j)} = inclusive ranges {@code [start0, end0, start1, end1, ...]} within {@code [0, max]}. */
  static Partition of32(List<long[]> sets, long max) {
    int events = 0;
    for (long[] r : sets) {
      events += r.length;
    }
    long[] ev = new long[events];
    int k = 0;
    for (int j = 0; j < sets.size(); j++) {
      long[] r = sets.get(j);
      for (int i = 0; i < r.length; i += 2) {
        ev[k++] = r[i] << 31 | j;
        if (r[i + 1] < max) {
          ev[k++] = (r[i + 1] + 1) << 31 | j;
        }
      }
    }
    Arrays.sort(ev, 0, k);
    int mw = Math.max(1, (sets.size() + 63) >>> 6);
    BitRows classes = BitRows.dense(mw);
    long[] cur = new long[mw];
    long[] starts = new long[k + 1];
    int[] cls = new int[k + 1];
    int n = 0;
    int last = -1;
    long pos = 0;
    for (int e = 0; ; ) {
      while (e < k && ev[e] >>> 31 == pos) {
        int j = (int) (ev[e] & 0x7FFF_FFFF);
        cur[j >>> 6] ^= 1L << j;
        e++;
      }
      int id = classes.intern(cur) / mw;
      if (id != last) {
        starts[n] = pos;
        cls[n++] = id;
        last = id;
      }
      if (e == k) {
        break;
      }
      pos = ev[e] >>> 31;
    }
    return new Partition(null, starts, cls, n, classes, mw);
  }

  /** {@code sets.get(j)} = IPv6 ranges as quads {@code [startHi, startLo, endHi, endLo, ...]}. */
  static Partition of128(List<long[]> sets) {
    int events = 0;
    for (long[] r : sets) {
      events += r.length / 2;
    }
    long[][] ev = new long[events][];
    int k = 0;
    for (int j = 0; j < sets.size(); j++) {
      long[] r = sets.get(j);
      for (int i = 0; i < r.length; i += 4) {
        ev[k++] = new long[] {r[i], r[i + 1], j};
        if (r[i + 2] != -1L || r[i + 3] != -1L) {
          long l = r[i + 3] + 1;
          ev[k++] = new long[] {l == 0 ? r[i + 2] + 1 : r[i + 2], l, j};
        }
      }
    }
    Arrays.sort(ev, 0, k, (a, b) -> compare(a[0], a[1], b[0], b[1]));
    int mw = Math.max(1, (sets.size() + 63) >>> 6);
    BitRows classes = BitRows.dense(mw);
    long[] cur = new long[mw];
    long[] hi = new long[k + 1];
    long[] lo = new long[k + 1];
    int[] cls = new int[k + 1];
    int n = 0;
    int last = -1;
    long ph = 0;
    long pl = 0;
    for (int e = 0; ; ) {
      while (e < k && ev[e][0] == ph && ev[e][1] == pl) {
        int j = (int) ev[e][2];
        cur[j >>> 6] ^= 1L << j;
        e++;
      }
      int id = classes.intern(cur) / mw;
      if (id != last) {
        hi[n] = ph;
        lo[n] = pl;
        cls[n++] = id;
        last = id;
      }
      if (e == k) {
        break;
      }
      ph = ev[e][0];
      pl = ev[e][1];
    }
    return new Partition(hi, lo, cls, n, classes, mw);
  }

  static int compare(long ah, long al, long bh, long bl) {
    int c = Long.compareUnsigned(ah, bh);
    return c != 0 ? c : Long.compareUnsigned(al, bl);
  }
}
