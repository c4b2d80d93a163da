package dev.vnetsim.simulator.policy;

/**
 * The match part of a compiled NSG (performance.md §1.3, §6: Lakshman–Stiliadis bit vectors), immutable and shared by
 * every {@link CompiledNsg} whose rules have equal match fields ({@link NsgCompiler}). Rule {@code i} of the
 * evaluation order is bit {@code i}; each dimension maps a packet field to the offset of an interned row (the rules
 * matching there) in {@link #rows}; a lookup ANDs one row per dimension and returns the lowest set bit. Rows of 2 to
 * 64 words start with a summary word (bit w: word w is non-zero), so the AND visits only words non-zero in every row.
 */
final class NsgTables {
  private static final int ONE_WORD = 0;
  private static final int SUMMARY = 1;
  private static final int PLAIN = 2;

  private final int words;
  private final int mode;
  private final long[] rows;
  private final Dim src;
  private final Dim dst;
  private final Dim srcPort;
  private final Dim dstPort;
  private final Dim6 src6;
  private final Dim6 dst6;
  private final int[] protocolRow;

  NsgTables(int words, long[] rows, Dim src, Dim dst, Dim srcPort, Dim dstPort, Dim6 src6, Dim6 dst6,
      int[] protocolRow) {
    this.words = words;
    this.mode = words == 1 ? ONE_WORD : BitRows.hasSummary(words) ? SUMMARY : PLAIN;
    this.rows = rows;
    this.src = src;
    this.dst = dst;
    this.srcPort = srcPort;
    this.dstPort = dstPort;
    this.src6 = src6;
    this.dst6 = dst6;
    this.protocolRow = protocolRow;
  }

  /**
   * A 32-bit (IPv4 address) or 16-bit (port) dimension. Either flat ({@code local} gives the row offset), or a
   * product: {@code classes} (shared between NSGs) gives the class of the address under the large sets (service tags),
   * {@code local} the pre-multiplied class under this NSG's small sets, and {@code table} the row of the pair.
   */
  static final class Dim {
    final IntervalMap local;
    final IntervalMap classes;
    final int[] table;

    Dim(IntervalMap local, IntervalMap classes, int[] table) {
      this.local = local;
      this.classes = classes;
      this.table = table;
    }

    int row(int value) {
      int x = local.get(value);
      return classes == null ? x : table[x + classes.get(value)];
    }

    long bytes() {
      return local.bytes() + (table == null ? 0 : 4L * table.length);
    }
  }

  /** The IPv6 counterpart of {@link Dim}. */
  static final class Dim6 {
    final IntervalMap6 local;
    final IntervalMap6 classes;
    final int[] table;

    Dim6(IntervalMap6 local, IntervalMap6 classes, int[] table) {
      this.local = local;
      this.classes = classes;
      this.table = table;
    }

    int row(long hi, long lo) {
      int x = local.get(hi, lo);
      return classes == null ? x : table[x + classes.get(hi, lo)];
    }

    long bytes() {
      return local.bytes() + (table == null ? 0 : 4L * table.length);
    }
  }

  int matchV4(int source, int destination, int protocol, boolean ports, int sourcePort, int destinationPort) {
    int a = src.row(source);
    int b = dst.row(destination);
    int c = protocolRow[protocol];
    if (ports) {
      return first(a, b, c, srcPort.row(sourcePort), dstPort.row(destinationPort));
    }
    return first(a, b, c, c, c);
  }

  int matchV6(long sourceHi, long sourceLo, long destinationHi, long destinationLo, int protocol, boolean ports,
      int sourcePort, int destinationPort) {
    int a = src6.row(sourceHi, sourceLo);
    int b = dst6.row(destinationHi, destinationLo);
    int c = protocolRow[protocol];
    if (ports) {
      return first(a, b, c, srcPort.row(sourcePort), dstPort.row(destinationPort));
    }
    return first(a, b, c, c, c);
  }

  /** The lowest bit set in all five rows, or -1. */
  private int first(int a, int b, int c, int d, int e) {
    final long[] r = rows;
    if (mode == ONE_WORD) {
      long x = r[a] & r[b] & r[c] & r[d] & r[e];
      return x == 0 ? -1 : Long.numberOfTrailingZeros(x);
    }
    if (mode == SUMMARY) {
      for (long cand = r[a] & r[b] & r[c] & r[d] & r[e]; cand != 0; cand &= cand - 1) {
        int w = 1 + Long.numberOfTrailingZeros(cand);
        long x = r[a + w] & r[b + w] & r[c + w] & r[d + w] & r[e + w];
        if (x != 0) {
          return ((w - 1) << 6) + Long.numberOfTrailingZeros(x);
        }
      }
      return -1;
    }
    for (int w = 0; w < words; w++) {
      long x = r[a + w] & r[b + w] & r[c + w] & r[d + w] & r[e + w];
      if (x != 0) {
        return (w << 6) + Long.numberOfTrailingZeros(x);
      }
    }
    return -1;
  }

  /** Approximate bytes owned by this table (shared service-tag classes not counted). */
  long bytes() {
    return 8L * rows.length + src.bytes() + dst.bytes() + srcPort.bytes() + dstPort.bytes() + src6.bytes()
        + dst6.bytes() + 4L * protocolRow.length;
  }
}
