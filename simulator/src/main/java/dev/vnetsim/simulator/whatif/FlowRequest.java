package dev.vnetsim.simulator.whatif;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.ImmutableSet;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.Protocol;
import java.util.Optional;

/**
 * A flow to simulate on a side: from, to, the protocols (concrete) and destination ports, and optionally only the
 * packets to some of the destination's addresses ({@link dev.vnetsim.simulator.engine.Query#within}). Used as a
 * cache key.
 */
public record FlowRequest(Site from, Site to, ImmutableSet<Protocol> protocols, ImmutableRangeSet<Integer> ports,
    Optional<IpSet> within) {
  public FlowRequest {
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    checkNotNull(protocols, "protocols");
    checkNotNull(ports, "ports");
    checkNotNull(within, "within");
  }

  /** Every packet of the protocols and ports. */
  public FlowRequest(Site from, Site to, ImmutableSet<Protocol> protocols, ImmutableRangeSet<Integer> ports) {
    this(from, to, protocols, ports, Optional.empty());
  }
}
