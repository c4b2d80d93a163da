package dev.vnetsim.simulator.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.NextHopType;
import dev.vnetsim.model.network.PrivateEndpointNetworkPolicies;
import dev.vnetsim.simulator.Scenarios;
import dev.vnetsim.simulator.SharedData;
import dev.vnetsim.simulator.resolve.NetworkFacts;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Effective routes per subnet, each test quoting the azure-semantics.md rule it checks. */
class EffectiveRoutesTest {

  static final ServiceTagLookup TAGS = ServiceTagLookup.of(Map.of(
      "Storage.westeurope", IpSet.parse("20.60.0.0/16", "20.150.0.0/17"),
      "Storage", IpSet.parse("20.60.0.0/16", "20.150.0.0/17", "52.239.0.0/16"),
      "AzureCloud", IpSet.parse("20.0.0.0/8")));

  static EffectiveRouteTable routes(Topology t, String vnet, String subnet) {
    return EffectiveRoutes.forSubnet(new NetworkFacts(t), TAGS, t.subnet(Scenarios.subnetId(vnet, subnet)).orElseThrow());
  }

  static List<String> lines(EffectiveRouteTable t) {
    return t.routes().stream().map(r -> r.source().armName() + " " + r.state().armName() + " "
        + r.addressPrefix().stream().map(Object::toString).collect(Collectors.joining(",")) + " "
        + r.nextHopType().armName() + (r.nextHopIpAddress().isEmpty() ? "" : " " + r.nextHopIpAddress().get(0))
        + r.name().map(n -> " " + n).orElse("")).collect(Collectors.toList());
  }

  /**
   * §2.1 "Default system routes (created for every subnet)": VNet range → VnetLocal, 0.0.0.0/0 → Internet, 10/8,
   * 172.16/12, 192.168/16, 100.64/10 → None. Reproduces NetworkInterfaceEffectiveRouteTableList.json exactly.
   */
  @Test
  @SuppressWarnings("unchecked")
  void defaultRoutes_reproduceAzureEffectiveRouteTableExample() throws Exception {
    Topology t = new Scenarios().vnet("v", "westeurope", "172.20.2.0/24").subnet("default", "172.20.2.0/24").done()
        .build();
    JsonNode expected = new ObjectMapper().readTree(SharedData.path(
        "arm-examples/NetworkInterfaceEffectiveRouteTableList.json").toFile()).at("/responses/200/body/value");
    List<Object> actual = (List<Object>) routes(t, "v", "default").toJsonMap().get("value");
    assertThat(actual).hasSize(expected.size());
    ObjectMapper m = new ObjectMapper();
    for (int i = 0; i < expected.size(); i++) {
      JsonNode a = m.valueToTree(actual.get(i));
      for (String field : List.of("source", "state", "addressPrefix", "nextHopType", "nextHopIpAddress")) {
        assertThat(a.get(field)).as("route %d %s", i, field).isEqualTo(expected.get(i).get(field));
      }
      assertThat(a.get("name").isNull()).isTrue();
    }
  }

  /**
   * §2.1 "Exact match: the route's next hop changes from None to Virtual network"; "Superset: ... The None route for
   * that prefix is removed"; (derived) "Subset: ... The None route stays, and the more specific VnetLocal route wins".
   */
  @Test
  void reservedNoneRoutes_replacedByEqualOrContainingAddressSpace_keptForSubset() {
    Topology t = new Scenarios().vnet("v", "westeurope", "10.0.0.0/8", "192.168.0.0/15", "172.16.5.0/24")
        .subnet("s", "10.1.0.0/24").done().build();
    EffectiveRouteTable r = routes(t, "v", "s");
    assertThat(lines(r)).containsExactly(
        "Default Active 10.0.0.0/8 VnetLocal",
        "Default Active 192.168.0.0/15 VnetLocal",
        "Default Active 172.16.5.0/24 VnetLocal",
        "Default Active 0.0.0.0/0 Internet",
        "Default Active 100.64.0.0/10 None",
        "Default Active 172.16.0.0/12 None");
    assertThat(r.nextHop(IpAddress.parse("172.16.5.9")).nextHopType()).isEqualTo(RouteNextHopType.VNET_LOCAL);
    assertThat(r.nextHop(IpAddress.parse("172.16.6.9")).nextHopType()).isEqualTo(RouteNextHopType.NONE);
  }

  /**
   * §2.4.2 "Same prefix from several sources: User-defined, then BGP, then System. The losing route shows state
   * Invalid"; §2.4.5 the routing example removes the reserved None routes once a 0.0.0.0/0 UDR to an appliance exists
   * (assumption FORCED_TUNNEL_RESERVED); §2.5 routeTableId is the table's id for a user route, else "System Route".
   */
  @Test
  void forcedTunnel_invalidatesDefaultInternetRoute_andRemovesReservedRoutes() {
    Topology t = new Scenarios().vnet("v", "westeurope", "10.0.0.0/16").subnet("s", "10.0.1.0/24")
        .routeTable("rt").done()
        .routeTable("rt").route("to-nva", "0.0.0.0/0", NextHopType.VIRTUAL_APPLIANCE, "10.0.100.4").done().build();
    EffectiveRouteTable r = routes(t, "v", "s");
    assertThat(lines(r)).containsExactly(
        "Default Active 10.0.0.0/16 VnetLocal",
        "Default Invalid 0.0.0.0/0 Internet",
        "User Active 0.0.0.0/0 VirtualAppliance 10.0.100.4 to-nva");
    NextHopResult nh = r.nextHop(IpAddress.parse("8.8.8.8"));
    assertThat(nh.toJsonMap()).containsEntry("nextHopType", "VirtualAppliance")
        .containsEntry("nextHopIpAddress", "10.0.100.4")
        .containsEntry("routeTableId", Scenarios.id("routeTables", "rt").value());
    assertThat(r.nextHop(IpAddress.parse("10.0.1.9")).toJsonMap()).containsEntry("nextHopType", "VnetLocal")
        .containsEntry("routeTableId", "System Route").doesNotContainKey("nextHopIpAddress");
  }

  /** §2.2 peering routes "each address range of each peered VNet → VNet peering"; global when regions differ. */
  @Test
  void peeringRoutes_regionalAndGlobal() {
    Topology t = new Scenarios()
        .vnet("hub", "westeurope", "10.0.0.0/16").subnet("s", "10.0.1.0/24").done()
        .vnet("spoke1", "westeurope", "10.1.0.0/16").subnet("s", "10.1.1.0/24").done()
        .vnet("spoke2", "eastus", "10.2.0.0/16", "10.3.0.0/16").subnet("s", "10.2.1.0/24").done()
        .peer("hub", "spoke1", false).peer("hub", "spoke2", false).build();
    assertThat(lines(routes(t, "hub", "s"))).startsWith(
        "Default Active 10.0.0.0/16 VnetLocal",
        "Default Active 10.1.0.0/16 VNetPeering",
        "Default Active 10.2.0.0/16 VNetGlobalPeering",
        "Default Active 10.3.0.0/16 VNetGlobalPeering");
    assertThat(lines(routes(t, "spoke1", "s"))).doesNotContain("Default Active 10.2.0.0/16 VNetGlobalPeering");
  }

  /**
   * §2.2 gateway routes "all subnets, unless gateway route propagation is disabled"; §7 gateway transit: "routes to
   * on-premises ... propagate into the spoke's route tables" when useRemoteGateways meets allowGatewayTransit.
   */
  @Test
  void gatewayRoutes_ownGatewayTransitAndPropagationDisabled() {
    Scenarios s = new Scenarios()
        .vnet("hub", "westeurope", "10.0.0.0/16").subnet("GatewaySubnet", "10.0.255.0/27").and()
        .subnet("s", "10.0.1.0/24").done()
        .vnet("spoke", "westeurope", "10.1.0.0/16").subnet("s", "10.1.1.0/24").and()
        .subnet("quiet", "10.1.2.0/24").routeTable("nobgp").done()
        .routeTable("nobgp").disableBgpRoutePropagation().done()
        .vpnGateway("hub", "gw", "onprem", "192.168.10.0/24")
        .peering("hub", "spoke", true, false, true, false).peering("spoke", "hub", true, false, false, true);
    Topology t = s.build();
    assertThat(lines(routes(t, "hub", "s"))).contains("VirtualNetworkGateway Active 192.168.10.0/24"
        + " VirtualNetworkGateway");
    assertThat(lines(routes(t, "spoke", "s"))).contains("VirtualNetworkGateway Active 192.168.10.0/24"
        + " VirtualNetworkGateway");
    assertThat(lines(routes(t, "spoke", "quiet"))).noneMatch(l -> l.startsWith("VirtualNetworkGateway"));
  }

  /**
   * §5.1 "The PE's private IP is published as a /32 system route to every subnet of the PE's VNet and of directly
   * peered VNets"; §5.2 "A UDR whose prefix length is equal to or longer than the VNet's address-space prefix length
   * invalidates the PE's /32 route ... A UDR for 0.0.0.0/0 does not invalidate it" (RouteTableEnabled on the PE subnet).
   */
  @Test
  void privateEndpointRoute_invalidatedOnlyByLongEnoughUdr() {
    Scenarios s = new Scenarios()
        .vnet("v", "westeurope", "10.0.0.0/16").subnet("pe", "10.0.9.0/24")
        .privateEndpointPolicies(PrivateEndpointNetworkPolicies.ROUTE_TABLE_ENABLED).and()
        .subnet("a", "10.0.1.0/24").routeTable("wide").and().subnet("b", "10.0.2.0/24").routeTable("vnetwide").done()
        .routeTable("wide").route("all", "0.0.0.0/0", NextHopType.VIRTUAL_APPLIANCE, "10.0.3.4").done()
        .routeTable("vnetwide").route("vnet", "10.0.0.0/16", NextHopType.VIRTUAL_APPLIANCE, "10.0.3.4").done()
        .privateEndpoint("pe1", "v", "pe", "10.0.9.5");
    Topology t = s.build();
    assertThat(lines(routes(t, "v", "a"))).contains("Default Active 10.0.9.5/32 InterfaceEndpoint");
    assertThat(routes(t, "v", "a").nextHop(IpAddress.parse("10.0.9.5")).nextHopType())
        .isEqualTo(RouteNextHopType.INTERFACE_ENDPOINT);
    assertThat(lines(routes(t, "v", "b"))).contains("Default Invalid 10.0.9.5/32 InterfaceEndpoint");
    assertThat(routes(t, "v", "b").nextHop(IpAddress.parse("10.0.9.5")).nextHopType())
        .isEqualTo(RouteNextHopType.VIRTUAL_APPLIANCE);
  }

  /**
   * §2.2/§6 service endpoint routes carry "the same as the matching service tag" prefixes on that subnet only; §2.3 a
   * service tag as UDR prefix, and "A route with an explicit prefix beats a route with a service tag" on an exact
   * match.
   */
  @Test
  void serviceEndpointAndServiceTagRoutes() {
    Topology t = new Scenarios().vnet("v", "westeurope", "10.0.0.0/16")
        .subnet("se", "10.0.1.0/24").serviceEndpoint("Microsoft.Storage", "westeurope").and()
        .subnet("tagged", "10.0.2.0/24").routeTable("rt").done()
        .routeTable("rt").route("storage", "Storage", NextHopType.INTERNET, null)
        .route("explicit", "20.60.0.0/16", NextHopType.VIRTUAL_APPLIANCE, "10.0.3.4").done().build();
    assertThat(lines(routes(t, "v", "se"))).contains(
        "Default Active 20.60.0.0/16,20.150.0.0/17 VirtualNetworkServiceEndpoint");
    EffectiveRouteTable tagged = routes(t, "v", "tagged");
    assertThat(tagged.nextHop(IpAddress.parse("20.60.1.1")).nextHopType())
        .isEqualTo(RouteNextHopType.VIRTUAL_APPLIANCE);
    assertThat(tagged.nextHop(IpAddress.parse("52.239.1.1")).nextHopType()).isEqualTo(RouteNextHopType.INTERNET);
    assertThat(tagged.nextHop(IpAddress.parse("52.239.1.1")).route().orElseThrow().name()).contains("storage");
  }

  /** DESIGN §1: "Unknown or missing references give INSUFFICIENT_INFO, never a guess": an unknown tag route. */
  @Test
  void unknownServiceTagRoute_isUnresolvedNotEmpty() {
    Topology t = new Scenarios().vnet("v", "westeurope", "10.0.0.0/16").subnet("s", "10.0.1.0/24")
        .routeTable("rt").done().routeTable("rt").route("x", "NoSuchTag", NextHopType.INTERNET, null).done().build();
    EffectiveRouteTable r = routes(t, "v", "s");
    assertThat(r.unresolved()).singleElement().asString().contains("NoSuchTag");
  }
}
