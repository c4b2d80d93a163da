package dev.vnetsim.model.network;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import java.util.Optional;

/** A load balancer: frontends, backend pools, load-balancing rules and outbound rules. */
public record LoadBalancer(
    ResourceId id,
    String name,
    String location,
    String sku,
    ImmutableList<Frontend> frontends,
    ImmutableList<ResourceId> backendPools,
    ImmutableList<LoadBalancingRule> loadBalancingRules,
    ImmutableList<OutboundRule> outboundRules) {

  public record Frontend(ResourceId id, String name, Optional<ResourceId> publicIpAddress,
      Optional<ResourceId> subnet, Optional<IpAddress> privateIpAddress) {}

  public record LoadBalancingRule(ResourceId id, String name, Optional<ResourceId> frontend,
      Optional<ResourceId> backendPool, Protocol protocol, int frontendPort, int backendPort,
      boolean disableOutboundSnat) {}

  public record OutboundRule(ResourceId id, String name, ImmutableList<ResourceId> frontends,
      Optional<ResourceId> backendPool, Protocol protocol) {}
}
