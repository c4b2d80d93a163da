package dev.vnetsim.model.network;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.ResourceId;
import java.util.Optional;

/**
 * A NIC IP configuration. {@code privateIpAddress} is empty when a dynamic address was not yet assigned in the
 * export; {@code privateIpPrefixLength} is set for the IP-prefix-on-NIC feature ({@code 172.20.2.16/28}).
 */
public record IpConfiguration(
    ResourceId id,
    String name,
    Optional<IpAddress> privateIpAddress,
    Optional<Integer> privateIpPrefixLength,
    Optional<ResourceId> subnet,
    Optional<ResourceId> publicIpAddress,
    ImmutableList<ResourceId> applicationSecurityGroups,
    ImmutableList<ResourceId> loadBalancerBackendAddressPools,
    boolean primary) {}
