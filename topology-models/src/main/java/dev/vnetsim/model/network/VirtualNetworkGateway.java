package dev.vnetsim.model.network;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.ResourceId;

/** A VPN or ExpressRoute gateway in a VNet's GatewaySubnet. */
public record VirtualNetworkGateway(
    ResourceId id,
    String name,
    String location,
    String gatewayType,
    ImmutableList<ResourceId> subnets,
    boolean bgpEnabled) {}
