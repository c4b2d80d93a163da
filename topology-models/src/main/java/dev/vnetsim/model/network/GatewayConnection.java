package dev.vnetsim.model.network;

import dev.vnetsim.model.ResourceId;
import java.util.Optional;

/** A {@code Microsoft.Network/connections} resource between a VNet gateway and a local network gateway or peer. */
public record GatewayConnection(
    ResourceId id,
    String name,
    String connectionType,
    Optional<ResourceId> virtualNetworkGateway1,
    Optional<ResourceId> virtualNetworkGateway2,
    Optional<ResourceId> localNetworkGateway2,
    String connectionStatus) {}
