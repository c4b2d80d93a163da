package dev.vnetsim.model.network;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.ResourceId;
import java.util.Optional;

/** A virtual network: address space, custom DNS servers (empty = Azure-provided DNS), subnets and peerings. */
public record VirtualNetwork(
    ResourceId id,
    String name,
    String location,
    ImmutableList<Cidr> addressSpace,
    ImmutableList<IpAddress> dnsServers,
    ImmutableList<Subnet> subnets,
    ImmutableList<VnetPeering> peerings) {

  public Optional<Subnet> subnet(String name) {
    return subnets.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
  }
}
