package dev.vnetsim.simulator.whatif;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.ImmutableSet;
import dev.vnetsim.model.Protocol;

/** A flow to simulate on a side: from, to, the protocols (concrete) and destination ports. Used as a cache key. */
public record FlowRequest(Site from, Site to, ImmutableSet<Protocol> protocols, ImmutableRangeSet<Integer> ports) {
  public FlowRequest {
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    checkNotNull(protocols, "protocols");
    checkNotNull(ports, "ports");
  }
}
