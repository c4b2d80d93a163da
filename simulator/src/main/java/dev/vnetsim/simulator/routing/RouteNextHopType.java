package dev.vnetsim.simulator.routing;

import dev.vnetsim.model.network.NextHopType;

/**
 * Next-hop types of effective routes, spelled as Azure's effective routes API spells them (DESIGN §3). Adds
 * {@code InterfaceEndpoint}, the type of private endpoint /32 system routes (azure-semantics.md §2.2, §11.9), which
 * the model's {@link NextHopType} (UDR next hops) does not have.
 */
public enum RouteNextHopType {
  VNET_LOCAL("VnetLocal"),
  VNET_PEERING("VNetPeering"),
  VNET_GLOBAL_PEERING("VNetGlobalPeering"),
  VIRTUAL_NETWORK_GATEWAY("VirtualNetworkGateway"),
  VIRTUAL_NETWORK_SERVICE_ENDPOINT("VirtualNetworkServiceEndpoint"),
  INTERNET("Internet"),
  VIRTUAL_APPLIANCE("VirtualAppliance"),
  INTERFACE_ENDPOINT("InterfaceEndpoint"),
  NONE("None");

  private final String armName;

  RouteNextHopType(String armName) {
    this.armName = armName;
  }

  public String armName() {
    return armName;
  }

  public static RouteNextHopType of(NextHopType t) {
    return switch (t) {
      case VNET_LOCAL -> VNET_LOCAL;
      case VNET_PEERING -> VNET_PEERING;
      case VNET_GLOBAL_PEERING -> VNET_GLOBAL_PEERING;
      case VIRTUAL_NETWORK_GATEWAY -> VIRTUAL_NETWORK_GATEWAY;
      case VIRTUAL_NETWORK_SERVICE_ENDPOINT -> VIRTUAL_NETWORK_SERVICE_ENDPOINT;
      case INTERNET -> INTERNET;
      case VIRTUAL_APPLIANCE -> VIRTUAL_APPLIANCE;
      case NONE -> NONE;
    };
  }
}
