package dev.vnetsim.model.network;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.ResourceId;
import java.util.Optional;

/** A private endpoint: its subnet, its NIC(s), the target resource and group ids, and any static IPs. */
public record PrivateEndpoint(
    ResourceId id,
    String name,
    String location,
    Optional<ResourceId> subnet,
    ImmutableList<ResourceId> networkInterfaces,
    ImmutableList<Connection> connections,
    ImmutableList<CustomDnsConfig> customDnsConfigs,
    ImmutableList<StaticIp> ipConfigurations) {

  /** A private link service connection (automatic or manual). */
  public record Connection(String name, ResourceId privateLinkServiceId, ImmutableList<String> groupIds,
      String status, boolean manual) {}

  /** {@code customDnsConfigs[]}: FQDN and the endpoint IPs it maps to. */
  public record CustomDnsConfig(String fqdn, ImmutableList<IpAddress> ipAddresses) {}

  /** A statically assigned endpoint IP. */
  public record StaticIp(String name, String groupId, String memberName, IpAddress privateIpAddress) {}
}
