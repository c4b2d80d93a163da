package dev.vnetsim.model;

import java.util.Arrays;
import java.util.List;

/** Range arithmetic on flat arrays of unsigned 128-bit inclusive ranges {@code [sHi, sLo, eHi, eLo]*}. */
final class U128 {
  private U128() {}

  static int cmp(long ah, long al, long bh, long bl) {
    int c = Long.compareUnsigned(ah, bh);
    return c != 0 ? c : Long.compareUnsigned(al, bl);
  }

  /** Sorts the first {@code n} quads of {@code a} and merges overlapping and adjacent ones. */
  static long[] normalize(long[] a, int n) {
    if (n == 0) {
      return new long[0];
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> cmp(a[x * 4], a[x * 4 + 1], a[y * 4], a[y * 4 + 1]));
    long[] out = new long[n * 4];
    int m = 0;
    for (int k = 0; k < n; k++) {
      int i = order[k] * 4;
      long sh = a[i];
      long sl = a[i + 1];
      long eh = a[i + 2];
      long el = a[i + 3];
      if (m > 0 && touches(out[m - 2], out[m - 1], sh, sl)) {
        if (cmp(eh, el, out[m - 2], out[m - 1]) > 0) {
          out[m - 2] = eh;
          out[m - 1] = el;
        }
      } else {
        out[m++] = sh;
        out[m++] = sl;
        out[m++] = eh;
        out[m++] = el;
      }
    }
    return m == out.length ? out : Arrays.copyOf(out, m);
  }

  /** Whether a range ending at (eh, el) overlaps or is adjacent to one starting at (sh, sl) >= its start. */
  private static boolean touches(long eh, long el, long sh, long sl) {
    if (cmp(sh, sl, eh, el) <= 0) {
      return true;
    }
    long nl = el + 1;
    long nh = nl == 0 ? eh + 1 : eh;
    return !(eh == -1L && el == -1L) && nh == sh && nl == sl;
  }

  /** The addresses in either: one merge of the two sorted lists; one of them itself when it holds the other. */
  static long[] union(long[] a, long[] b) {
    if (b.length == 0 || a == b) {
      return a;
    }
    if (a.length == 0) {
      return b;
    }
    if (within(b, a)) {
      return a;
    }
    if (within(a, b)) {
      return b;
    }
    long[] out = new long[a.length + b.length];
    int m = 0;
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      boolean takeA = j == b.length || i < a.length && cmp(a[i], a[i + 1], b[j], b[j + 1]) <= 0;
      long[] r = takeA ? a : b;
      int k = takeA ? i : j;
      if (m > 0 && touches(out[m - 2], out[m - 1], r[k], r[k + 1])) {
        if (cmp(r[k + 2], r[k + 3], out[m - 2], out[m - 1]) > 0) {
          out[m - 2] = r[k + 2];
          out[m - 1] = r[k + 3];
        }
      } else {
        out[m++] = r[k];
        out[m++] = r[k + 1];
        out[m++] = r[k + 2];
        out[m++] = r[k + 3];
      }
      if (takeA) {
        i += 4;
      } else {
        j += 4;
      }
    }
    return m == out.length ? out : Arrays.copyOf(out, m);
  }

  /**
   * Whether two range lists share an address, allocating nothing. The walk skips, by a galloping search, the ranges
   * of one list that end before the other's current range starts: a box of a few prefixes tested against a tag of
   * thousands of ranges costs a few searches, not a walk of the tag.
   */
  static boolean intersects(long[] a, long[] b) {
    int n = a.length;
    int m = b.length;
    if (n == 0 || m == 0 || cmp(a[n - 2], a[n - 1], b[0], b[1]) < 0 || cmp(b[m - 2], b[m - 1], a[0], a[1]) < 0) {
      return false; // one ends before the other starts
    }
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      if (cmp(a[i + 2], a[i + 3], b[j], b[j + 1]) < 0) {
        i = firstEndingAtOrAfter(a, i, b[j], b[j + 1]);
      } else if (cmp(b[j + 2], b[j + 3], a[i], a[i + 1]) < 0) {
        j = firstEndingAtOrAfter(b, j, a[i], a[i + 1]);
      } else {
        return true; // neither ends before the other starts
      }
    }
    return false;
  }

  /**
   * The offset of the first range at or after {@code from} that ends at or after (h, l), or {@code r.length}: a
   * galloping search (ranges are sorted and disjoint, so their ends ascend).
   */
  private static int firstEndingAtOrAfter(long[] r, int from, long h, long l) {
    if (from >= r.length || cmp(r[from + 2], r[from + 3], h, l) >= 0) {
      return from;
    }
    if (from + 4 >= r.length || cmp(r[from + 6], r[from + 7], h, l) >= 0) {
      return from + 4; // the next one: interleaved lists step one range at a time
    }
    int lo = from / 4 + 1; // r[lo] ends before (h, l)
    int step = 1;
    int hi = lo + 1;
    int count = r.length / 4;
    while (hi < count && cmp(r[hi * 4 + 2], r[hi * 4 + 3], h, l) < 0) {
      lo = hi;
      step <<= 1;
      hi = lo + step;
    }
    hi = Math.min(hi, count); // r[hi] ends at or after (h, l), or hi == count
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (cmp(r[mid * 4 + 2], r[mid * 4 + 3], h, l) < 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi * 4;
  }

  /**
   * Whether every address of {@code a} is in {@code b}, allocating nothing. Both are normalised (sorted, disjoint,
   * touching ranges merged), so each range of {@code a} must lie inside one range of {@code b}.
   */
  static boolean within(long[] a, long[] b) {
    if (a.length == 0) {
      return true;
    }
    int n = a.length;
    int m = b.length;
    if (m == 0 || cmp(a[0], a[1], b[0], b[1]) < 0 || cmp(a[n - 2], a[n - 1], b[m - 2], b[m - 1]) > 0) {
      return false; // a starts before b or ends after it
    }
    if (n == m && Arrays.equals(a, b)) {
      return true; // the same ranges (a tag against a trace cut to it): compared in bulk
    }
    int j = 0;
    for (int i = 0; i < a.length; i += 4) {
      j = firstEndingAtOrAfter(b, j, a[i], a[i + 1]);
      if (j == b.length || cmp(b[j], b[j + 1], a[i], a[i + 1]) > 0
          || cmp(b[j + 2], b[j + 3], a[i + 2], a[i + 3]) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The addresses in both; one of the arrays itself when it lies inside the other (nothing is allocated then). */
  static long[] intersection(long[] a, long[] b) {
    if (a == b || a.length == 0) {
      return a;
    }
    if (b.length == 0) {
      return b;
    }
    if (within(a, b)) {
      return a;
    }
    if (within(b, a)) {
      return b;
    }
    // room for as many ranges as the shorter has, and one: a range of it cut by the other grows the count, but
    // seldom (a service tag against a trace's destinations); starting at 64 and doubling left twice the garbage
    long[] out = new long[Math.min(a.length, b.length) + 4];
    int m = 0;
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (cmp(a[i + 2], a[i + 3], b[j], b[j + 1]) < 0) {
        i = firstEndingAtOrAfter(a, i, b[j], b[j + 1]);
        continue;
      }
      if (cmp(b[j + 2], b[j + 3], a[i], a[i + 1]) < 0) {
        j = firstEndingAtOrAfter(b, j, a[i], a[i + 1]);
        continue;
      }
      // neither ends before the other starts: they overlap from the later start to the earlier end
      boolean aStartsLater = cmp(a[i], a[i + 1], b[j], b[j + 1]) >= 0;
      boolean aEndsFirst = cmp(a[i + 2], a[i + 3], b[j + 2], b[j + 3]) <= 0;
      out = append(out, m, aStartsLater ? a[i] : b[j], aStartsLater ? a[i + 1] : b[j + 1],
          aEndsFirst ? a[i + 2] : b[j + 2], aEndsFirst ? a[i + 3] : b[j + 3]);
      m += 4;
      if (aEndsFirst) {
        i += 4;
      } else {
        j += 4;
      }
    }
    return m == out.length ? out : Arrays.copyOf(out, m);
  }

  /**
   * The addresses of {@code a} not in {@code b}; {@code a} itself when they do not meet. Each range of {@code a} is cut
   * by the ranges of {@code b} that meet it, found by a galloping search: no complement of {@code b} is built.
   */
  static long[] difference(long[] a, long[] b) {
    if (!intersects(a, b)) {
      return a;
    }
    long[] out = new long[Math.max(4, Math.min(a.length + b.length, 64))];
    int m = 0;
    int j = 0;
    for (int i = 0; i < a.length; i += 4) {
      long ch = a[i];
      long cl = a[i + 1];
      boolean covered = false;
      for (j = firstEndingAtOrAfter(b, j, ch, cl); j < b.length && cmp(b[j], b[j + 1], a[i + 2], a[i + 3]) <= 0;
          j += 4) {
        if (cmp(b[j], b[j + 1], ch, cl) > 0) { // a gap before b[j]: (ch, cl) .. b[j] - 1
          out = append(out, m, ch, cl, b[j + 1] == 0 ? b[j] - 1 : b[j], b[j + 1] - 1);
          m += 4;
        }
        if (cmp(b[j + 2], b[j + 3], a[i + 2], a[i + 3]) >= 0) {
          covered = true; // b[j] covers the rest of this range (and may meet the next one: j stays)
          break;
        }
        cl = b[j + 3] + 1; // b[j] ends before a's range does, so this does not overflow
        ch = cl == 0 ? b[j + 2] + 1 : b[j + 2];
      }
      if (!covered) {
        out = append(out, m, ch, cl, a[i + 2], a[i + 3]);
        m += 4;
      }
    }
    return Arrays.copyOf(out, m);
  }

  /** {@code out} with the range (sh, sl)..(eh, el) written at {@code m}, grown when full. */
  private static long[] append(long[] out, int m, long sh, long sl, long eh, long el) {
    long[] o = m + 4 > out.length ? Arrays.copyOf(out, out.length * 2) : out;
    o[m] = sh;
    o[m + 1] = sl;
    o[m + 2] = eh;
    o[m + 3] = el;
    return o;
  }

  /** Index of the quad containing (h, l), or -1. */
  static int indexOf(long[] r, long h, long l) {
    int lo = 0;
    int hi = r.length / 4 - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int k = mid * 4;
      if (cmp(h, l, r[k], r[k + 1]) < 0) {
        hi = mid - 1;
      } else if (cmp(h, l, r[k + 2], r[k + 3]) > 0) {
        lo = mid + 1;
      } else {
        return k;
      }
    }
    return -1;
  }

  static void toCidrs(long[] r, IpFamily f, List<Cidr> out) {
    int bits = f.bits();
    for (int i = 0; i < r.length; i += 4) {
      long sh = r[i];
      long sl = r[i + 1];
      long eh = r[i + 2];
      long el = r[i + 3];
      while (true) {
        // Largest block aligned at s that does not pass e.
        int tz = trailingZeros(sh, sl, bits);
        int host = tz;
        while (host > 0) {
          long[] last = addPow(sh, sl, host);
          if (cmp(last[0], last[1], eh, el) <= 0) {
            break;
          }
          host--;
        }
        out.add(new Cidr(new IpAddress(f, sh, sl), bits - host));
        long[] end = addPow(sh, sl, host);
        if (cmp(end[0], end[1], eh, el) >= 0) {
          break;
        }
        long nl = end[1] + 1;
        long nh = nl == 0 ? end[0] + 1 : end[0];
        sh = nh;
        sl = nl;
      }
    }
  }

  private static int trailingZeros(long h, long l, int bits) {
    if (l != 0) {
      return Math.min(Long.numberOfTrailingZeros(l), bits);
    }
    if (bits <= 64) {
      return bits;
    }
    return h == 0 ? 128 : 64 + Long.numberOfTrailingZeros(h);
  }

  /** s + 2^host - 1 (the last address of the block of size 2^host at s). */
  private static long[] addPow(long sh, long sl, int host) {
    if (host == 0) {
      return new long[] {sh, sl};
    }
    if (host >= 128) {
      return new long[] {-1L, -1L};
    }
    if (host >= 64) {
      long add = host == 64 ? 0 : (1L << (host - 64)) - 1;
      return new long[] {sh + add, sl | -1L};
    }
    long add = (1L << host) - 1;
    long nl = sl + add;
    long nh = Long.compareUnsigned(nl, sl) < 0 ? sh + 1 : sh;
    return new long[] {nh, nl};
  }
}
