package dev.vnetsim.model.io;

import static dev.vnetsim.model.io.ReaderTesting.assertInvalid;
import static dev.vnetsim.model.io.ReaderTesting.id;
import static dev.vnetsim.model.io.ReaderTesting.topology;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.NatGateway;
import dev.vnetsim.model.network.NextHopType;
import dev.vnetsim.model.network.PrivateEndpointNetworkPolicies;
import dev.vnetsim.model.network.PublicIpAddress;
import dev.vnetsim.model.network.Route;
import dev.vnetsim.model.network.ServiceEndpoint;
import dev.vnetsim.model.network.Subnet;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkReadersTest {

  private static Subnet onlySubnet(String subnetFields) {
    String json = """
        {"id": "%s", "type": "Microsoft.Network/virtualNetworks",
         "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16", "fd00::/48"]},
           "dhcpOptions": {"dnsServers": ["10.0.0.4"]},
           "subnets": [{"name": "s", "properties": {%s}}]}}""".formatted(id("virtualNetworks/v"), subnetFields);
    return topology(json).subnets().values().iterator().next();
  }

  @Test
  void subnet_defaults() {
    Subnet s = onlySubnet("\"addressPrefix\": \"10.0.1.0/24\"");
    assertThat(s.privateEndpointNetworkPolicies()).isEqualTo(PrivateEndpointNetworkPolicies.DISABLED);
    assertThat(s.defaultOutboundAccess()).isEmpty();
    assertThat(s.networkSecurityGroup()).isEmpty();
    assertThat(s.virtualNetwork().name()).isEqualTo("v");
  }

  @Test
  void subnet_allFields() {
    Subnet s = onlySubnet("""
        "addressPrefix": "10.0.1.0/24", "addressPrefixes": ["10.0.1.0/24", "fd00:0:0:1::/64"],
        "defaultOutboundAccess": false, "privateEndpointNetworkPolicies": "RouteTableEnabled",
        "natGateway": {"id": "%s"}, "routeTable": {"id": "%s"},
        "serviceEndpoints": [{"service": "Microsoft.Storage", "locations": ["*"]}],
        "serviceEndpointPolicies": [{"id": "%s"}],
        "delegations": [{"name": "d", "properties": {"serviceName": "Microsoft.Web/serverFarms"}}]"""
        .formatted(id("natGateways/ng"), id("routeTables/rt"), id("serviceEndpointPolicies/sep")));
    assertThat(s.addressPrefixes()).containsExactly(Cidr.parse("10.0.1.0/24"), Cidr.parse("fd00:0:0:1::/64"));
    assertThat(s.defaultOutboundAccess()).contains(false);
    assertThat(s.privateEndpointNetworkPolicies()).isEqualTo(PrivateEndpointNetworkPolicies.ROUTE_TABLE_ENABLED);
    assertThat(s.natGateway().map(Object::toString)).contains(id("natGateways/ng"));
    assertThat(s.serviceEndpoints()).containsExactly(new ServiceEndpoint("Microsoft.Storage", com.google.common
        .collect.ImmutableList.of("*")));
    assertThat(s.serviceEndpointPolicies()).hasSize(1);
    assertThat(s.delegations()).containsExactly("Microsoft.Web/serverFarms");
  }

  @Test
  void subnet_withoutPrefix_isAnError() {
    assertInvalid("""
        {"id": "%s", "type": "Microsoft.Network/virtualNetworks/subnets", "properties": {}}"""
        .formatted(id("virtualNetworks/v/subnets/s"))).hasMessage("t.json: $.properties.addressPrefix ("
            + id("virtualNetworks/v/subnets/s") + "): is required (addressPrefix or addressPrefixes)");
  }

  @Test
  void subnet_unknownPrivateEndpointPolicy_isAnError() {
    assertInvalid("""
        {"id": "%s", "addressPrefix": "10.0.0.0/24", "privateEndpointNetworkPolicies": "Sometimes"}"""
        .formatted(id("virtualNetworks/v/subnets/s"))).hasMessageEndingWith("$.privateEndpointNetworkPolicies ("
            + id("virtualNetworks/v/subnets/s") + "): must be one of Disabled, Enabled, NetworkSecurityGroupEnabled,"
            + " RouteTableEnabled, was 'Sometimes'");
  }

  @Test
  void vnet_dnsServers() {
    String json = "{\"id\": \"" + id("virtualNetworks/v") + "\", \"addressSpace\": {\"addressPrefixes\":"
        + " [\"10.0.0.0/16\"]}, \"dhcpOptions\": {\"dnsServers\": [\"10.0.0.4\", \"168.63.129.16\"]}}";
    assertThat(topology(json).virtualNetworks().values().iterator().next().dnsServers())
        .containsExactly(IpAddress.parse("10.0.0.4"), IpAddress.parse("168.63.129.16"));
  }

  private static List<Route> routes(String routesJson) {
    Topology t = topology("{\"id\": \"" + id("routeTables/rt") + "\", \"routes\": [" + routesJson + "]}");
    return t.routeTables().values().iterator().next().routes();
  }

  @Test
  void routes_prefixOrServiceTag() {
    List<Route> routes = routes("""
        {"name": "fw", "addressPrefix": "0.0.0.0/0", "nextHopType": "VirtualAppliance", "nextHopIpAddress": "10.0.1.4"},
        {"name": "aml", "addressPrefix": "AzureMachineLearning", "nextHopType": "internet"},
        {"name": "drop", "addressPrefix": "10.99.0.0/16", "nextHopType": "None"}""");
    assertThat(routes).extracting(Route::nextHopType).containsExactly(NextHopType.VIRTUAL_APPLIANCE,
        NextHopType.INTERNET, NextHopType.NONE);
    assertThat(routes.get(0).nextHopIpAddress()).contains(IpAddress.parse("10.0.1.4"));
    assertThat(routes.get(0).addressPrefix()).isEqualTo(new AddressMatch.Prefix(Cidr.parse("0.0.0.0/0")));
    assertThat(routes.get(1).addressPrefix()).isEqualTo(new AddressMatch.ServiceTag("AzureMachineLearning"));
  }

  @Test
  void route_virtualApplianceWithoutAddress_isAnError() {
    assertInvalid("{\"id\": \"" + id("routeTables/rt") + "\", \"routes\": [{\"name\": \"fw\", \"addressPrefix\":"
        + " \"0.0.0.0/0\", \"nextHopType\": \"VirtualAppliance\"}]}")
        .hasMessage("t.json: $.routes[0].nextHopIpAddress (" + id("routeTables/rt/routes/fw") + "): is required when"
            + " nextHopType is VirtualAppliance");
  }

  @Test
  void route_hostBitsInPrefix_isAnError() {
    assertInvalid("{\"id\": \"" + id("routeTables/rt") + "\", \"routes\": [{\"name\": \"r\", \"addressPrefix\":"
        + " \"10.0.0.1/8\", \"nextHopType\": \"None\"}]}").hasMessageEndingWith("host bits set in prefix '10.0.0.1/8'"
            + " (the network is 10.0.0.0/8)");
  }

  @Test
  void natGateway_andPublicIps() {
    Topology t = topology("""
        [{"id": "%s", "properties": {"idleTimeoutInMinutes": 10, "publicIpAddresses": [{"id": "%s"}],
           "publicIpPrefixes": [{"id": "%s"}]}},
         {"id": "%s", "sku": {"name": "Basic"}, "properties": {"ipAddress": "52.1.2.3"}},
         {"id": "%s", "properties": {}}]""".formatted(id("natGateways/ng"), id("publicIPAddresses/pip1"),
        id("publicIPPrefixes/pfx"), id("publicIPAddresses/pip1"), id("publicIPAddresses/pip2")));
    NatGateway ng = t.natGateways().values().iterator().next();
    assertThat(ng.idleTimeoutInMinutes()).isEqualTo(10);
    assertThat(ng.publicIpAddresses()).hasSize(1);
    assertThat(ng.publicIpPrefixes()).hasSize(1);
    assertThat(t.publicIpAddresses().values()).extracting(PublicIpAddress::sku)
        .containsExactly(PublicIpAddress.Sku.BASIC, PublicIpAddress.Sku.STANDARD);
  }

  @Test
  void serviceEndpointPolicy_definitions() {
    Topology t = topology("""
        {"id": "%s", "properties": {"serviceEndpointPolicyDefinitions": [{"name": "d",
          "properties": {"service": "Microsoft.Storage", "serviceResources": ["/subscriptions/x"]}}]}}"""
        .formatted(id("serviceEndpointPolicies/sep")));
    assertThat(t.serviceEndpointPolicies().values().iterator().next().definitions()).singleElement()
        .satisfies(d -> assertThat(d.serviceResources()).containsExactly("/subscriptions/x"));
  }
}
