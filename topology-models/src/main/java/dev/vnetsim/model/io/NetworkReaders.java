package dev.vnetsim.model.io;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.network.NatGateway;
import dev.vnetsim.model.network.NextHopType;
import dev.vnetsim.model.network.PrivateEndpointNetworkPolicies;
import dev.vnetsim.model.network.PublicIpAddress;
import dev.vnetsim.model.network.Route;
import dev.vnetsim.model.network.RouteTable;
import dev.vnetsim.model.network.ServiceEndpoint;
import dev.vnetsim.model.network.ServiceEndpointPolicy;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.model.network.VirtualNetwork;
import dev.vnetsim.model.network.VnetPeering;
import java.util.Map;
import java.util.Optional;

/** VNets with subnets and peerings, route tables with routes, NAT gateways, public IPs, endpoint policies. */
final class NetworkReaders {
  private NetworkReaders() {}

  static void register(Map<String, Readers.ResourceReader> m) {
    m.put("microsoft.network/virtualnetworks", NetworkReaders::virtualNetwork);
    m.put("microsoft.network/virtualnetworks/subnets", (c, at, id) -> c.child(c.subnets, id, subnet(c, at, id), at));
    m.put("microsoft.network/virtualnetworks/virtualnetworkpeerings",
        (c, at, id) -> c.child(c.peerings, id, peering(at, id), at));
    m.put("microsoft.network/routetables", NetworkReaders::routeTable);
    m.put("microsoft.network/routetables/routes", (c, at, id) -> c.child(c.routes, id, route(at, id), at));
    m.put("microsoft.network/natgateways", NetworkReaders::natGateway);
    m.put("microsoft.network/publicipaddresses", NetworkReaders::publicIp);
    m.put("microsoft.network/serviceendpointpolicies", NetworkReaders::serviceEndpointPolicy);
  }

  static void virtualNetwork(Collector c, Json at, ResourceId id) {
    Collector.Children<Subnet> subnets = c.children(Subnet::id);
    for (Json s : at.field("subnets").elements()) {
      ResourceId sid = Readers.childId(s, id, "subnets");
      subnets.read(s, sid, () -> subnet(c, s, sid));
    }
    Collector.Children<VnetPeering> peerings = c.children(VnetPeering::id);
    for (Json p : at.field("virtualNetworkPeerings").elements()) {
      ResourceId pid = Readers.childId(p, id, "virtualNetworkPeerings");
      peerings.read(p, pid, () -> peering(p, pid));
    }
    c.put(c.topology.virtualNetworks, id, new VirtualNetwork(id, Readers.name(at, id), Readers.location(at),
        Values.cidrs(at.field("addressSpace").get("addressPrefixes")),
        Values.ips(at.field("dhcpOptions").get("dnsServers")), subnets.build(), peerings.build()), at);
  }

  static Subnet subnet(Collector c, Json at, ResourceId id) {
    Json single = at.field("addressPrefix");
    ImmutableList<Cidr> prefixes = Values.cidrs(single, at.field("addressPrefixes"));
    if (prefixes.isEmpty()) {
      throw single.error("is required (addressPrefix or addressPrefixes)");
    }
    ImmutableList<ServiceEndpoint> endpoints = at.field("serviceEndpoints").elements().stream()
        .map(e -> new ServiceEndpoint(e.field("service").requiredText(), e.field("locations")
            .texts())).collect(ImmutableList.toImmutableList());
    ImmutableList<String> delegations = at.field("delegations").elements().stream()
        .map(d -> d.field("serviceName").text().orElse(d.get("name").text().orElse("")))
        .filter(s -> !s.isBlank()).collect(ImmutableList.toImmutableList());
    Json policies = at.field("privateEndpointNetworkPolicies");
    PrivateEndpointNetworkPolicies pePolicies = policies.text().filter(s -> !s.isBlank())
        .map(s -> PrivateEndpointNetworkPolicies.tryParse(s).orElseThrow(() -> Values.oneOf(policies,
            PrivateEndpointNetworkPolicies.values(), PrivateEndpointNetworkPolicies::armName)))
        .orElse(PrivateEndpointNetworkPolicies.DISABLED);
    Json doa = at.field("defaultOutboundAccess");
    Optional<Boolean> defaultOutbound = doa.isMissing() ? Optional.empty() : Optional.of(doa.bool(true));
    c.origin(id, at);
    return new Subnet(id, Readers.name(at, id), prefixes, at.field("networkSecurityGroup").ref(),
        at.field("routeTable").ref(), at.field("natGateway").ref(), endpoints,
        at.field("serviceEndpointPolicies").refs(), delegations, pePolicies, defaultOutbound);
  }

  static VnetPeering peering(Json at, ResourceId id) {
    Json remote = at.field("remoteVirtualNetwork");
    return new VnetPeering(id, Readers.name(at, id),
        remote.ref().orElseThrow(() -> remote.refAt().error("is required")),
        at.field("allowVirtualNetworkAccess").bool(true), at.field("allowForwardedTraffic").bool(false),
        at.field("allowGatewayTransit").bool(false), at.field("useRemoteGateways").bool(false),
        VnetPeering.PeeringState.parse(at.field("peeringState").text().orElse(null)),
        Values.cidrs(at.field("remoteAddressSpace").get("addressPrefixes")));
  }

  static void routeTable(Collector c, Json at, ResourceId id) {
    Collector.Children<Route> routes = c.children(Route::id);
    for (Json r : at.field("routes").elements()) {
      ResourceId rid = Readers.childId(r, id, "routes");
      routes.read(r, rid, () -> route(r, rid));
    }
    c.put(c.topology.routeTables, id, new RouteTable(id, Readers.name(at, id), Readers.location(at),
        at.field("disableBgpRoutePropagation").bool(false), routes.build()), at);
  }

  /** A UDR: a prefix (host bits are an error, as Azure rejects them) or a service tag, and a next hop. */
  static Route route(Json at, ResourceId id) {
    Json prefixAt = at.field("addressPrefix");
    String prefix = prefixAt.requiredText();
    AddressMatch match = Cidr.looksLikePrefix(prefix) ? new AddressMatch.Prefix(Values.cidr(prefixAt))
        : new AddressMatch.ServiceTag(prefix.trim());
    Json hopAt = at.field("nextHopType");
    NextHopType hop = NextHopType.tryParse(hopAt.requiredText())
        .orElseThrow(() -> Values.oneOf(hopAt, NextHopType.values(), NextHopType::armName));
    Json ipAt = at.field("nextHopIpAddress");
    Optional<IpAddress> ip = Values.ip(ipAt);
    if (hop == NextHopType.VIRTUAL_APPLIANCE && ip.isEmpty()) {
      throw ipAt.error("is required when nextHopType is VirtualAppliance");
    }
    return new Route(id, Readers.name(at, id), match, hop, ip);
  }

  static void natGateway(Collector c, Json at, ResourceId id) {
    c.put(c.topology.natGateways, id, new NatGateway(id, Readers.name(at, id), Readers.location(at),
        at.field("publicIpAddresses").refs(),
        at.field("publicIpPrefixes").refs(),
        Readers.intInRange(at.field("idleTimeoutInMinutes"), 4, 1, 120)), at);
  }

  static void publicIp(Collector c, Json at, ResourceId id) {
    c.put(c.topology.publicIpAddresses, id, new PublicIpAddress(id, Readers.name(at, id), Readers.location(at),
        Values.ip(at.field("ipAddress")), PublicIpAddress.Sku.parse(at.field("sku").get("name").text().orElse(null)),
        at.field("ipConfiguration").ref(), at.field("publicIPPrefix").ref()), at);
  }

  static void serviceEndpointPolicy(Collector c, Json at, ResourceId id) {
    ImmutableList<ServiceEndpointPolicy.Definition> defs = at.field("serviceEndpointPolicyDefinitions").elements()
        .stream().map(d -> new ServiceEndpointPolicy.Definition(d.get("name").text().orElse(""),
            d.field("service").text().orElse(""), d.field("serviceResources").texts()))
        .collect(ImmutableList.toImmutableList());
    c.put(c.topology.serviceEndpointPolicies, id, new ServiceEndpointPolicy(id, Readers.name(at, id),
        Readers.location(at), defs), at);
  }
}
