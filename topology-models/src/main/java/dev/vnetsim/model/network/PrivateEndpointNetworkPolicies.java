package dev.vnetsim.model.network;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether NSGs and user routes apply to traffic to private endpoints in a subnet (ARM
 * {@code privateEndpointNetworkPolicies}; the ARM default is {@code Disabled}).
 */
public enum PrivateEndpointNetworkPolicies {
  DISABLED("Disabled", false, false),
  ENABLED("Enabled", true, true),
  NETWORK_SECURITY_GROUP_ENABLED("NetworkSecurityGroupEnabled", true, false),
  ROUTE_TABLE_ENABLED("RouteTableEnabled", false, true);

  private final String armName;
  private final boolean nsg;
  private final boolean routeTable;

  PrivateEndpointNetworkPolicies(String armName, boolean nsg, boolean routeTable) {
    this.armName = armName;
    this.nsg = nsg;
    this.routeTable = routeTable;
  }

  public String armName() {
    return armName;
  }

  public boolean nsgApplies() {
    return nsg;
  }

  public boolean routeTableApplies() {
    return routeTable;
  }

  public static Optional<PrivateEndpointNetworkPolicies> tryParse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    String k = s.trim().toLowerCase(Locale.ROOT);
    for (PrivateEndpointNetworkPolicies p : values()) {
      if (p.armName.toLowerCase(Locale.ROOT).equals(k)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
