package dev.vnetsim.simulator.trace;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/** A part of a set-valued answer: the packets that share one outcome, the deciding rule and their path. */
public record Part(FlowSpace space, Disposition disposition, Optional<DecidedBy> decidedBy, ImmutableList<Hop> hops,
    Optional<Egress> egress) {

  /** Whether this part ends as given: the same disposition, deciding rule, path and egress (the path compared last). */
  public boolean hasOutcome(Disposition d, Optional<DecidedBy> by, ImmutableList<Hop> path, Optional<Egress> out) {
    return disposition == d && decidedBy.equals(by) && egress.equals(out) && hops.equals(path);
  }
}
