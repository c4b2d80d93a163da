package dev.vnetsim.simulator.policy;

/**
 * One NSG dimension before it becomes an {@link IntervalMap} / {@link IntervalMap6}: interval starts and values,
 * plus, for the product encoding, the (local class, shared class) → row table. See {@link NsgCompiler}.
 */
final class Encoded {
  final long[] hi;
  final long[] lo;
  final int[] values;
  final int n;
  final int[] table;

  private Encoded(long[] hi, long[] lo, int[] values, int n, int[] table) {
    this.hi = hi;
    this.lo = lo;
    this.values = values;
    this.n = n;
    this.table = table;
  }

  /** The partition's intervals with the interned row of their class ({@code rowsOf[class]}), neighbours merged. */
  static Encoded flat(Partition p, long[][] rowsOf, BitRows rows) {
    int[] rowOfClass = new int[p.classCount];
    for (int c = 0; c < p.classCount; c++) {
      rowOfClass[c] = rows.intern(rowsOf[c]);
    }
    long[] hi = p.hi == null ? null : new long[p.n];
    long[] lo = new long[p.n];
    int[] values = new int[p.n];
    int m = 0;
    for (int i = 0; i < p.n; i++) {
      int v = rowOfClass[p.cls[i]];
      if (m == 0 || values[m - 1] != v) {
        if (hi != null) {
          hi[m] = p.hi[i];
        }
        lo[m] = p.lo[i];
        values[m++] = v;
      }
    }
    return new Encoded(hi, lo, values, m, null);
  }

  /** Merged interval lists up to this length are kept flat: one lookup per packet field instead of two. */
  static final int FLAT_MAX = 1024;

  /**
   * The rows of {@code local} (this NSG's small sets, class rows {@code e}) OR-ed with those of {@code shared} (large
   * sets, class rows {@code g}): as the product table when allowed, the merged list is long ({@link #FLAT_MAX}) and
   * the table has at most twice as many entries as the merged list has intervals; else as one merged interval list.
   */
  static Encoded of(Partition local, long[][] e, Partition shared, long[][] g, BitRows rows, int words,
      boolean allowProduct) {
    long[] scratch = new long[words];
    int lc = local.classCount;
    int sc = shared.classCount;
    long merged = (long) local.n + shared.n;
    if (allowProduct && merged > FLAT_MAX && (long) lc * sc <= 2L * merged) {
      int[] table = new int[lc * sc];
      for (int l = 0; l < lc; l++) {
        for (int s = 0; s < sc; s++) {
          table[l * sc + s] = rows.intern(or(e[l], g[s], scratch));
        }
      }
      int[] values = new int[local.n];
      for (int i = 0; i < local.n; i++) {
        values[i] = local.cls[i] * sc;
      }
      return new Encoded(local.hi, local.lo, values, local.n, table);
    }
    boolean wide = local.hi != null;
    int cap = local.n + shared.n;
    long[] hi = wide ? new long[cap] : null;
    long[] lo = new long[cap];
    int[] values = new int[cap];
    int m = 0;
    int i = 0;
    int j = 0;
    while (true) {
      boolean localLater = Partition.compare(hi(local, i), local.lo[i], hi(shared, j), shared.lo[j]) >= 0;
      int v = rows.intern(or(e[local.cls[i]], g[shared.cls[j]], scratch));
      if (m == 0 || values[m - 1] != v) {
        if (wide) {
          hi[m] = localLater ? local.hi[i] : shared.hi[j];
        }
        lo[m] = localLater ? local.lo[i] : shared.lo[j];
        values[m++] = v;
      }
      boolean ni = i + 1 < local.n;
      boolean nj = j + 1 < shared.n;
      if (!ni && !nj) {
        break;
      }
      int c = !ni ? 1 : !nj ? -1 : Partition.compare(hi(local, i + 1), local.lo[i + 1], hi(shared, j + 1),
          shared.lo[j + 1]);
      if (c <= 0) {
        i++;
      }
      if (c >= 0) {
        j++;
      }
    }
    return new Encoded(hi, lo, values, m, null);
  }

  private static long hi(Partition p, int i) {
    return p.hi == null ? 0 : p.hi[i];
  }

  private static long[] or(long[] a, long[] b, long[] out) {
    for (int w = 0; w < out.length; w++) {
      out[w] = a[w] | b[w];
    }
    return out;
  }
}
