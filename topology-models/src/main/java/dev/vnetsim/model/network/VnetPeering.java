package dev.vnetsim.model.network;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.ResourceId;

/** One direction of a VNet peering, as the local VNet holds it. */
public record VnetPeering(
    ResourceId id,
    String name,
    ResourceId remoteVirtualNetwork,
    boolean allowVirtualNetworkAccess,
    boolean allowForwardedTraffic,
    boolean allowGatewayTransit,
    boolean useRemoteGateways,
    PeeringState peeringState,
    ImmutableList<Cidr> remoteAddressSpace) {

  /** ARM {@code peeringState}. */
  public enum PeeringState {
    INITIATED,
    CONNECTED,
    DISCONNECTED;

    public static PeeringState parse(String s) {
      if (s == null) {
        return CONNECTED;
      }
      return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "initiated" -> INITIATED;
        case "disconnected" -> DISCONNECTED;
        default -> CONNECTED;
      };
    }
  }
}
