package dev.vnetsim.simulator.trace;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.IpSet;
import java.util.Optional;

/**
 * The answer to "can X reach Y" (DESIGN §3 {@code trace}). For a set destination, {@code parts} lists each part with
 * its own outcome; the top-level disposition, decidedBy and hops are the common ones when all parts agree, else those
 * of the first part that is not reached. {@code notApplicable} is the destination part of a family the source cannot
 * send (it does not count against {@code coverage}). {@code warnings} name risks that do not change the verdict
 * (a subnet relying on default outbound access, which is being retired; asymmetric routing around a stateful
 * firewall; storage reachable without a service endpoint policy).
 */
public record Trace(
    FlowSpace space,
    Disposition disposition,
    Optional<DecidedBy> decidedBy,
    ImmutableList<Hop> hops,
    ImmutableList<Part> parts,
    Coverage coverage,
    IpSet notApplicable,
    Optional<Egress> egress,
    ImmutableList<String> assumptions,
    ImmutableList<String> warnings) {

  /** A trace without warnings. */
  public Trace(FlowSpace space, Disposition disposition, Optional<DecidedBy> decidedBy, ImmutableList<Hop> hops,
      ImmutableList<Part> parts, Coverage coverage, IpSet notApplicable, Optional<Egress> egress,
      ImmutableList<String> assumptions) {
    this(space, disposition, decidedBy, hops, parts, coverage, notApplicable, egress, assumptions, ImmutableList.of());
  }

  /** True for DELIVERED and EXITS_NETWORK; for a set destination only when the whole set is reached. */
  public boolean reachable() {
    return coverage == Coverage.ALL && disposition.reachable();
  }
}
