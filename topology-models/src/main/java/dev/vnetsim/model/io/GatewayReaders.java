package dev.vnetsim.model.io;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.network.GatewayConnection;
import dev.vnetsim.model.network.LocalNetworkGateway;
import dev.vnetsim.model.network.VirtualNetworkGateway;
import java.util.Map;

/** Hybrid connectivity: virtual network gateways, local network gateways and the connections between them. */
final class GatewayReaders {
  private GatewayReaders() {}

  static void register(Map<String, Readers.ResourceReader> m) {
    m.put("microsoft.network/virtualnetworkgateways", GatewayReaders::virtualNetworkGateway);
    m.put("microsoft.network/localnetworkgateways", GatewayReaders::localNetworkGateway);
    m.put("microsoft.network/connections", GatewayReaders::connection);
  }

  static void virtualNetworkGateway(Collector c, Json at, ResourceId id) {
    ImmutableList<ResourceId> subnets = at.field("ipConfigurations").elements().stream()
        .flatMap(ic -> ic.field("subnet").ref().stream()).distinct().collect(ImmutableList.toImmutableList());
    c.put(c.topology.virtualNetworkGateways, id, new VirtualNetworkGateway(id, Readers.name(at, id),
        Readers.location(at), at.field("gatewayType").text().orElse(""), subnets, at.field("enableBgp").bool(false)),
        at);
  }

  static void localNetworkGateway(Collector c, Json at, ResourceId id) {
    c.put(c.topology.localNetworkGateways, id, new LocalNetworkGateway(id, Readers.name(at, id), Readers.location(at),
        Values.cidrs(at.field("localNetworkAddressSpace").get("addressPrefixes")),
        Values.ip(at.field("gatewayIpAddress"))), at);
  }

  static void connection(Collector c, Json at, ResourceId id) {
    c.put(c.topology.connections, id, new GatewayConnection(id, Readers.name(at, id),
        at.field("connectionType").text().orElse(""), at.field("virtualNetworkGateway1").ref(),
        at.field("virtualNetworkGateway2").ref(), at.field("localNetworkGateway2").ref(),
        at.field("connectionStatus").text().orElse("")), at);
  }
}
