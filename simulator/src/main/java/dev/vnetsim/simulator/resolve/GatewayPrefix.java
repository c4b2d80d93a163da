package dev.vnetsim.simulator.resolve;

import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.ResourceId;

/**
 * A prefix reachable through a virtual network gateway (azure-semantics.md §2.2 "Virtual network gateway" row): from
 * a local network gateway connected to it, or the address space of a VNet connected VNet-to-VNet. {@code transit}
 * when the gateway is a peered hub's, used through {@code useRemoteGateways} (§7).
 */
public record GatewayPrefix(Cidr prefix, ResourceId gateway, ResourceId origin, boolean transit) {}
