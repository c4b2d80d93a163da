package dev.vnetsim.simulator.policy;

import dev.vnetsim.model.Protocol;
import dev.vnetsim.simulator.trace.Flow;

/**
 * An NSG rule list compiled for allocation-free first-match (performance.md §6, Lakshman–Stiliadis bit vectors): rule
 * {@code i} of the evaluation order is bit {@code i}; per dimension (source, destination, source port, destination
 * port, protocol) a lookup gives an interned bitset of the rules matching there, and the lowest bit set in all of
 * them is the first matching rule (azure-semantics.md §1.4). Port rows are skipped for protocols without ports. Rules
 * with an unresolved address term are compiled with that term as "everything", so the returned rule is the first that
 * <em>may</em> match; the caller checks {@link #certainMatch} for such rules.
 *
 * <p>The match structure ({@link NsgTables}) depends only on the rules' match fields, so a {@link NsgCompiler} shares
 * it between NSGs with equal fields; this object adds the rules themselves.
 */
public final class CompiledNsg {

  private static final int TCP = Protocol.TCP.ordinal();
  private static final int UDP = Protocol.UDP.ordinal();

  private final ResolvedNsg nsg;
  private final NsgTables tables;

  CompiledNsg(ResolvedNsg nsg, NsgTables tables) {
    this.nsg = nsg;
    this.tables = tables;
  }

  /** Compiles one NSG on its own (a data plane compiles through one shared {@link NsgCompiler}). */
  public static CompiledNsg compile(ResolvedNsg nsg) {
    return new NsgCompiler().compile(nsg);
  }

  public ResolvedNsg nsg() {
    return nsg;
  }

  public ResolvedRule rule(int index) {
    return nsg.rules().get(index);
  }

  /**
   * The index of the first rule that may match an IPv4 packet (addresses as unsigned ints, {@code protocol} a
   * {@link Protocol#ordinal()}), or -1 if none does. Allocation-free.
   */
  public int matchV4(int source, int destination, int protocol, int sourcePort, int destinationPort) {
    return tables.matchV4(source, destination, protocol, protocol == TCP || protocol == UDP, sourcePort,
        destinationPort);
  }

  /** The index of the first rule that may match a packet of either family, or -1. */
  public int match(Flow f) {
    int p = f.protocol().ordinal();
    if (f.source().isV4()) {
      return matchV4(f.source().v4Bits(), f.destination().v4Bits(), p, f.sourcePort(), f.destinationPort());
    }
    return tables.matchV6(f.source().hi(), f.source().lo(), f.destination().hi(), f.destination().lo(), p,
        f.protocol().hasPorts(), f.sourcePort(), f.destinationPort());
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
}
