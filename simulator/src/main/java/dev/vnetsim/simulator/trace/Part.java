package dev.vnetsim.simulator.trace;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/** A part of a set-valued answer: the packets that share one outcome, the deciding rule and their path. */
public record Part(FlowSpace space, Disposition disposition, Optional<DecidedBy> decidedBy, ImmutableList<Hop> hops,
    Optional<Egress> egress) {}
