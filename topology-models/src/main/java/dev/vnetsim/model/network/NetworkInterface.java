package dev.vnetsim.model.network;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.ResourceId;
import java.util.Optional;

/** A NIC: IP configurations, its own NSG, IP forwarding (needed for a virtual appliance), owner. */
public record NetworkInterface(
    ResourceId id,
    String name,
    String location,
    ImmutableList<IpConfiguration> ipConfigurations,
    Optional<ResourceId> networkSecurityGroup,
    boolean enableIpForwarding,
    Optional<ResourceId> virtualMachine,
    Optional<ResourceId> privateEndpoint) {

  public Optional<IpConfiguration> primary() {
    return ipConfigurations.stream().filter(IpConfiguration::primary).findFirst()
        .or(() -> ipConfigurations.stream().findFirst());
  }
}
