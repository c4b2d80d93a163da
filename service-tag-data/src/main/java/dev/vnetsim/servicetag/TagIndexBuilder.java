package dev.vnetsim.servicetag;

import java.util.Arrays;
import java.util.List;

/**
 * Sweeps the address ranges of all tags into elementary intervals, each with the interned set of tags covering it,
 * and builds the IPv4 and IPv6 indexes from them. Neighbouring intervals with the same set are merged.
 */
final class TagIndexBuilder {
  private static final int TAG_BITS = 20;
  private static final int CODE_BITS = TAG_BITS + 1;

  private TagIndexBuilder() {}

  record Built(V4TagIndex v4, V6TagIndex v6, TagSets sets) {}

  /** Builds the indexes; tag id {@code i} is {@code tags.get(i)}. */
  static Built build(List<ServiceTag> tags) {
    if (tags.size() >= 1 << TAG_BITS) {
      throw new IllegalArgumentException("too many tags: " + tags.size());
    }
    TagSets sets = new TagSets();
    V4TagIndex v4 = buildV4(tags, sets);
    V6TagIndex v6 = buildV6(tags, sets);
    sets.freeze(tags.stream().map(ServiceTag::name).toList());
    return new Built(v4, v6, sets);
  }

  private static V4TagIndex buildV4(List<ServiceTag> tags, TagSets sets) {
    // One long per event: point (33 bits, up to 2^32) | tag id | 1 for an opening, 0 for a closing.
    long[] events = new long[64];
    int m = 0;
    for (int t = 0; t < tags.size(); t++) {
      long[] ranges = tags.get(t).addresses().v4Ranges();
      if (m + ranges.length > events.length) {
        events = Arrays.copyOf(events, Math.max(events.length * 2, m + ranges.length));
      }
      for (int i = 0; i < ranges.length; i += 2) {
        events[m++] = (ranges[i] << CODE_BITS) | ((long) t << 1) | 1;
        long end = ranges[i + 1] + 1;
        if (end <= 0xFFFF_FFFFL) {
          events[m++] = (end << CODE_BITS) | ((long) t << 1);
        }
      }
    }
    Arrays.sort(events, 0, m);
    Intervals out = new Intervals(m + 1);
    out.add(0, 0, TagSets.EMPTY);
    ActiveTags active = new ActiveTags();
    int i = 0;
    while (i < m) {
      long point = events[i] >>> CODE_BITS;
      while (i < m && (events[i] >>> CODE_BITS) == point) {
        int tag = (int) ((events[i] >>> 1) & ((1 << TAG_BITS) - 1));
        if ((events[i] & 1) == 1) {
          active.add(tag);
        } else {
          active.remove(tag);
        }
        i++;
      }
      out.add(0, point, active.intern(sets));
    }
    return new V4TagIndex(out.lo, out.setIds, out.n);
  }

  private static V6TagIndex buildV6(List<ServiceTag> tags, TagSets sets) {
    int total = 0;
    for (ServiceTag tag : tags) {
      total += tag.addresses().v6Ranges().length / 2;
    }
    long[] ph = new long[total];
    long[] pl = new long[total];
    int[] code = new int[total];
    int m = 0;
    for (int t = 0; t < tags.size(); t++) {
      long[] q = tags.get(t).addresses().v6Ranges();
      for (int i = 0; i < q.length; i += 4) {
        ph[m] = q[i];
        pl[m] = q[i + 1];
        code[m++] = (t << 1) | 1;
        if (q[i + 2] != -1L || q[i + 3] != -1L) {
          long el = q[i + 3] + 1;
          ph[m] = el == 0 ? q[i + 2] + 1 : q[i + 2];
          pl[m] = el;
          code[m++] = t << 1;
        }
      }
    }
    int[] order = sortedOrder(ph, pl, m);
    Intervals out = new Intervals(m + 1);
    out.add(0, 0, TagSets.EMPTY);
    ActiveTags active = new ActiveTags();
    int k = 0;
    while (k < m) {
      long h = ph[order[k]];
      long l = pl[order[k]];
      while (k < m && ph[order[k]] == h && pl[order[k]] == l) {
        int c = code[order[k]];
        if ((c & 1) == 1) {
          active.add(c >>> 1);
        } else {
          active.remove(c >>> 1);
        }
        k++;
      }
      out.add(h, l, active.intern(sets));
    }
    return new V6TagIndex(out.hi, out.lo, out.setIds, out.n);
  }

  /** The indexes {@code 0..m-1} ordered by the unsigned 128-bit value (hi[i], lo[i]) (a stable merge sort). */
  static int[] sortedOrder(long[] hi, long[] lo, int m) {
    int[] a = new int[m];
    int[] b = new int[m];
    for (int i = 0; i < m; i++) {
      a[i] = i;
    }
    for (int width = 1; width < m; width *= 2) {
      for (int from = 0; from < m; from += 2 * width) {
        int mid = Math.min(from + width, m);
        int to = Math.min(from + 2 * width, m);
        int x = from;
        int y = mid;
        for (int k = from; k < to; k++) {
          if (y >= to || (x < mid && !after(hi, lo, a[x], a[y]))) {
            b[k] = a[x++];
          } else {
            b[k] = a[y++];
          }
        }
      }
      int[] t = a;
      a = b;
      b = t;
    }
    return a;
  }

  /** Whether entry i sorts after entry j. */
  private static boolean after(long[] hi, long[] lo, int i, int j) {
    int c = Long.compareUnsigned(hi[i], hi[j]);
    return c > 0 || (c == 0 && Long.compareUnsigned(lo[i], lo[j]) > 0);
  }

  /** Growing arrays of interval starts and set ids, merging neighbours with the same set as they come. */
  private static final class Intervals {
    long[] hi;
    long[] lo;
    int[] setIds;
    int n;

    Intervals(int capacity) {
      hi = new long[capacity];
      lo = new long[capacity];
      setIds = new int[capacity];
    }

    void add(long h, long l, int set) {
      if (n > 0 && hi[n - 1] == h && lo[n - 1] == l) {
        setIds[n - 1] = set;
        if (n > 1 && setIds[n - 2] == set) {
          n--;
        }
        return;
      }
      if (n > 0 && setIds[n - 1] == set) {
        return;
      }
      hi[n] = h;
      lo[n] = l;
      setIds[n] = set;
      n++;
    }
  }
}
