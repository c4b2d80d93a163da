package dev.vnetsim.simulator.policy;

import dev.vnetsim.model.Protocol;
import dev.vnetsim.simulator.trace.Flow;

/**
 * An NSG rule list compiled for allocation-free first-match (performance.md §6, Lakshman–Stiliadis bit vectors): rule
 * {@code i} of the evaluation order is bit {@code i}; per dimension (source, destination, source port, destination
 * port, protocol) a lookup gives an interned bitset of the rules matching there, and the lowest bit set in all of
 * them is the first matching rule (azure-semantics.md §1.4). Port rows count only for protocols with ports. Rules
 * with an unresolved address term are compiled with that term as "everything", so the returned rule is the first that
 * <em>may</em> match; the caller checks {@link #certainMatch} for such rules.
 *
 * <p>The match structure ({@link NsgTables}) depends only on the rules' match fields, so a {@link NsgCompiler} shares
 * it between NSGs with equal fields; this object adds the rules, and keeps the structure's parts in its own fields so
 * that a lookup starts one pointer closer to the arrays.
 */
public final class CompiledNsg {

  /** Bit {@code p} set for the protocols whose packets have ports (TCP, UDP). */
  private static final int PORT_PROTOCOLS = 1 << Protocol.TCP.ordinal() | 1 << Protocol.UDP.ordinal();
  private static final int ONE_WORD = 0;
  private static final int SPARSE = 1;
  private static final int PLAIN = 2;

  private final ResolvedNsg nsg;
  private final NsgTables tables;
  private final int words;
  private final int mode;
  private final long[] rows;
  private final IntervalMap src;
  private final IntervalMap dst;
  private final IntervalMap srcPort;
  private final IntervalMap dstPort;
  private final int[] protocolRow;

  CompiledNsg(ResolvedNsg nsg, NsgTables tables) {
    this.nsg = nsg;
    this.tables = tables;
    this.words = tables.words();
    this.mode = words == 1 ? ONE_WORD : BitRows.isSparse(words) ? SPARSE : PLAIN;
    this.rows = tables.rows();
    this.src = tables.src();
    this.dst = tables.dst();
    this.srcPort = tables.srcPort();
    this.dstPort = tables.dstPort();
    this.protocolRow = tables.protocolRow();
  }

  /**
   * Compiles one NSG on its own, every dimension one interval list (a data plane compiles through one
   * {@link NsgCompiler}, which shares service-tag partitions between NSGs).
   */
  public static CompiledNsg compile(ResolvedNsg nsg) {
    return NsgCompiler.standalone().compile(nsg);
  }

  public ResolvedNsg nsg() {
    return nsg;
  }

  public ResolvedRule rule(int index) {
    return nsg.rules().get(index);
  }

  /**
   * The index of the first rule that may match an IPv4 packet (addresses as unsigned ints, {@code protocol} a
   * {@link Protocol#ordinal()}), or -1 if none does. Allocation-free, and without branches on the packet except in
   * the interval searches: the port rows are looked up always and masked in only for TCP and UDP.
   */
  public int matchV4(int source, int destination, int protocol, int sourcePort, int destinationPort) {
    int portMask = -(PORT_PROTOCOLS >>> protocol & 1);
    int c = protocolRow[protocol];
    int d = srcPort.row(sourcePort & 0xFFFF) & portMask | c & ~portMask;
    int e = dstPort.row(destinationPort & 0xFFFF) & portMask | c & ~portMask;
    return first(src.row(source), dst.row(destination), c, d, e);
  }

  /** The index of the first rule that may match a packet of either family, or -1. */
  public int match(Flow f) {
    int p = f.protocol().ordinal();
    if (f.source().isV4()) {
      return matchV4(f.source().v4Bits(), f.destination().v4Bits(), p, f.sourcePort(), f.destinationPort());
    }
    int c = protocolRow[p];
    boolean ports = f.protocol().hasPorts();
    int d = ports ? srcPort.row(f.sourcePort() & 0xFFFF) : c;
    int e = ports ? dstPort.row(f.destinationPort() & 0xFFFF) : c;
    return first(tables.src6().row(f.source().hi(), f.source().lo()),
        tables.dst6().row(f.destination().hi(), f.destination().lo()), c, d, e);
  }

  /** For a rule with an unresolved term: whether the packet is in the part the rule surely matches. */
  public boolean certainMatch(int ruleIndex, Flow f) {
    ResolvedRule r = rule(ruleIndex);
    return r.certain() || r.source().contains(f.source()) && r.destination().contains(f.destination());
  }

  /** Approximate heap bytes of the match structure (shared service-tag partitions not counted). */
  public long tableBytes() {
    return tables.bytes();
  }

  /** The lowest bit set in all five rows, or -1 (small methods, so that each inlines). */
  private int first(int a, int b, int c, int d, int e) {
    if (mode == ONE_WORD) {
      final long[] r = rows;
      long x = r[a] & r[b] & r[c] & r[d] & r[e];
      return x == 0 ? -1 : Long.numberOfTrailingZeros(x);
    }
    return mode == SPARSE ? firstSparse(a, b, c, d, e) : firstPlain(a, b, c, d, e);
  }

  private int firstSparse(int a, int b, int c, int d, int e) {
    final long[] r = rows;
    long sa = r[a];
    long sb = r[b];
    long sc = r[c];
    long sd = r[d];
    long se = r[e];
    for (long cand = sa & sb & sc & sd & se; cand != 0; cand &= cand - 1) {
      long below = (cand & -cand) - 1; // word w of a row sits after the row's non-zero words below w
      long x = r[a + 1 + Long.bitCount(sa & below)] & r[b + 1 + Long.bitCount(sb & below)]
          & r[c + 1 + Long.bitCount(sc & below)] & r[d + 1 + Long.bitCount(sd & below)]
          & r[e + 1 + Long.bitCount(se & below)];
      if (x != 0) {
        return (Long.numberOfTrailingZeros(cand) << 6) + Long.numberOfTrailingZeros(x);
      }
    }
    return -1;
  }

  private int firstPlain(int a, int b, int c, int d, int e) {
    final long[] r = rows;
    for (int w = 0; w < words; w++) {
      long x = r[a + w] & r[b + w] & r[c + w] & r[d + w] & r[e + w];
      if (x != 0) {
        return (w << 6) + Long.numberOfTrailingZeros(x);
      }
    }
    return -1;
  }
}
