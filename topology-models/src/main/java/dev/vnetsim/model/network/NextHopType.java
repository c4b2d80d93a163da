package dev.vnetsim.model.network;

import java.util.Locale;
import java.util.Optional;

/** Next-hop types, spelled as Azure's effective routes API spells them. */
public enum NextHopType {
  VNET_LOCAL("VnetLocal"),
  VNET_PEERING("VNetPeering"),
  VNET_GLOBAL_PEERING("VNetGlobalPeering"),
  VIRTUAL_NETWORK_GATEWAY("VirtualNetworkGateway"),
  VIRTUAL_NETWORK_SERVICE_ENDPOINT("VirtualNetworkServiceEndpoint"),
  INTERNET("Internet"),
  VIRTUAL_APPLIANCE("VirtualAppliance"),
  NONE("None");

  private final String armName;

  NextHopType(String armName) {
    this.armName = armName;
  }

  public String armName() {
    return armName;
  }

  /** Parses a UDR next-hop type ({@code VnetLocal}, {@code VirtualAppliance}, ... any case). */
  public static Optional<NextHopType> tryParse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    String k = s.trim().toLowerCase(Locale.ROOT);
    for (NextHopType t : values()) {
      if (t.armName.toLowerCase(Locale.ROOT).equals(k)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
