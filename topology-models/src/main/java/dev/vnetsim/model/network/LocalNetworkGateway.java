package dev.vnetsim.model.network;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.ResourceId;
import java.util.Optional;

/** An on-premises site: its address prefixes ({@code localNetworkAddressSpace}) and gateway address. */
public record LocalNetworkGateway(
    ResourceId id,
    String name,
    String location,
    ImmutableList<Cidr> localAddressSpace,
    Optional<IpAddress> gatewayIpAddress) {}
