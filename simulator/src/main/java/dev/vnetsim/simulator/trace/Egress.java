package dev.vnetsim.simulator.trace;

import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.ResourceId;
import java.util.Optional;

/** How a flow left the modelled network (DESIGN §3 {@code egress}); the SNAT address when known. */
public record Egress(Type type, Optional<ResourceId> resourceId, Optional<IpAddress> snatAddress) {

  /** The outbound method, in the precedence order of azure-semantics.md §3.1 / §3.3. */
  public enum Type {
    NAT_GATEWAY,
    PUBLIC_IP,
    LOAD_BALANCER,
    DEFAULT_OUTBOUND,
    SERVICE_ENDPOINT,
    FIREWALL,
    /** Toward on-premises or a gateway-connected network through a virtual network gateway. */
    VIRTUAL_NETWORK_GATEWAY
  }
}
