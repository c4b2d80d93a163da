package dev.vnetsim.simulator.engine;

import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.network.NatGateway;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.model.network.VirtualNetwork;
import dev.vnetsim.simulator.resolve.VirtualTags;
import dev.vnetsim.simulator.routing.EffectiveRouteTable;
import java.util.Optional;

/** A subnet compiled: its VNet (and the VNet id, parsed once), virtual tags, effective routes, NSGs, NAT gateway. */
public record SubnetPlane(
    int index,
    Subnet subnet,
    Optional<VirtualNetwork> vnet,
    VirtualTags tags,
    EffectiveRouteTable routes,
    Optional<NsgPlane> nsgInbound,
    Optional<NsgPlane> nsgOutbound,
    Optional<NatGateway> natGateway,
    ResourceId vnetId) {}
