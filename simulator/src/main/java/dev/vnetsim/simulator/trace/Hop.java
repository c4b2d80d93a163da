package dev.vnetsim.simulator.trace;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.ResourceId;

/** One resource on the path and the steps evaluated there (DESIGN §3 {@code hops}). */
public record Hop(ResourceId resourceId, Kind kind, ImmutableList<Step> steps) {

  /** What kind of resource a hop is. */
  public enum Kind {
    NIC,
    SUBNET,
    VIRTUAL_APPLIANCE,
    PEERING,
    VIRTUAL_NETWORK_GATEWAY,
    PRIVATE_ENDPOINT,
    PUBLIC_IP,
    FIREWALL,
    LOAD_BALANCER,
    INTERNET,
    SERVICE,
    PLATFORM
  }
}
