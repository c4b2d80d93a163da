package dev.vnetsim.simulator.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.vnetsim.simulator.trace.DecidedBy;
import dev.vnetsim.simulator.trace.Disposition;
import dev.vnetsim.simulator.trace.Egress;
import dev.vnetsim.simulator.trace.Hop;
import java.util.Optional;

/**
 * How one path ended: disposition, deciding rule or route, hops, egress, the assumptions made on the way and the
 * warnings raised (risks that do not change the verdict).
 */
record WalkResult(Disposition disposition, Optional<DecidedBy> decidedBy, ImmutableList<Hop> hops,
    Optional<Egress> egress, ImmutableSet<String> assumptions, ImmutableSet<String> warnings) {}
