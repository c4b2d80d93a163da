package dev.vnetsim.model.network;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.ResourceId;
import java.util.Optional;

/**
 * A subnet. {@code defaultOutboundAccess} is empty when the input does not say (Azure's default for subnets
 * created before the private-subnet default applies is {@code true}; the simulator names its choice).
 */
public record Subnet(
    ResourceId id,
    String name,
    ImmutableList<Cidr> addressPrefixes,
    Optional<ResourceId> networkSecurityGroup,
    Optional<ResourceId> routeTable,
    Optional<ResourceId> natGateway,
    ImmutableList<ServiceEndpoint> serviceEndpoints,
    ImmutableList<ResourceId> serviceEndpointPolicies,
    ImmutableList<String> delegations,
    PrivateEndpointNetworkPolicies privateEndpointNetworkPolicies,
    Optional<Boolean> defaultOutboundAccess) {

  /** The VNet this subnet belongs to. */
  public ResourceId virtualNetwork() {
    return id.parent().orElseThrow();
  }
}
