package dev.vnetsim.model.io;

import static dev.vnetsim.model.io.ReaderTesting.assertInvalid;
import static dev.vnetsim.model.io.ReaderTesting.id;
import static dev.vnetsim.model.io.ReaderTesting.topology;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.IpConfiguration;
import dev.vnetsim.model.network.LoadBalancer;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.PrivateEndpoint;
import org.junit.jupiter.api.Test;

class InterfaceReadersTest {

  @Test
  void nic_ipConfigurationsWithAsgsAndPools_inTheFlattenedShape() {
    Topology t = topology("""
        {"id": "%s", "type": "Microsoft.Network/networkInterfaces", "enableIPForwarding": true,
         "networkSecurityGroup": {"id": "%s", "resourceGroup": "rg"},
         "ipConfigurations": [
           {"name": "a", "privateIPAddress": "10.0.1.4", "primary": false,
            "subnet": {"id": "%s"}, "applicationSecurityGroups": [{"id": "%s"}],
            "loadBalancerBackendAddressPools": [{"id": "%s"}]},
           {"name": "b", "privateIpAddress": "fd00::5", "primary": "true",
            "publicIpAddress": {"id": "%s"}}]}"""
        .formatted(id("networkInterfaces/nic"), id("networkSecurityGroups/n"), id("virtualNetworks/v/subnets/s"),
            id("applicationSecurityGroups/web"), id("loadBalancers/lb/backendAddressPools/pool"),
            id("publicIPAddresses/pip")));
    NetworkInterface nic = t.networkInterfaces().values().iterator().next();
    assertThat(nic.enableIpForwarding()).isTrue();
    assertThat(nic.networkSecurityGroup()).isPresent();
    IpConfiguration a = nic.ipConfigurations().get(0);
    assertThat(a.id()).isEqualTo(ResourceId.of(id("networkInterfaces/nic/ipConfigurations/a")));
    assertThat(a.privateIpAddress()).contains(IpAddress.parse("10.0.1.4"));
    assertThat(a.privateIpPrefixLength()).isEmpty();
    assertThat(a.applicationSecurityGroups()).hasSize(1);
    assertThat(a.loadBalancerBackendAddressPools()).hasSize(1);
    assertThat(nic.primary()).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("b"));
    assertThat(nic.primary().orElseThrow().publicIpAddress()).isPresent();
    assertThat(t.nicOfIpConfiguration(a.id())).contains(nic);
  }

  @Test
  void nic_badAddress_isAnError() {
    assertInvalid("{\"id\": \"" + id("networkInterfaces/nic") + "\", \"ipConfigurations\": [{\"name\": \"a\","
        + " \"privateIPAddress\": \"10.0.1.400\"}]}").hasMessage("t.json: $.ipConfigurations[0].privateIPAddress ("
            + id("networkInterfaces/nic/ipConfigurations/a") + "): not a valid IP address: '10.0.1.400'");
  }

  @Test
  void privateEndpoint_manualConnection() {
    Topology t = topology("""
        {"id": "%s", "properties": {"subnet": {"id": "%s"},
          "manualPrivateLinkServiceConnections": [{"name": "m", "properties": {"privateLinkServiceId": "%s",
            "groupIds": ["sqlServer"], "privateLinkServiceConnectionState": {"status": "Pending"}}}]}}"""
        .formatted(id("privateEndpoints/pe"), id("virtualNetworks/v/subnets/s"),
            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/db"));
    PrivateEndpoint pe = t.privateEndpoints().values().iterator().next();
    assertThat(pe.connections()).singleElement().satisfies(c -> {
      assertThat(c.manual()).isTrue();
      assertThat(c.status()).isEqualTo("Pending");
      assertThat(c.groupIds()).containsExactly("sqlServer");
    });
  }

  @Test
  void loadBalancer_frontendsPoolsRulesAndOutboundRules() {
    String lb = id("loadBalancers/lb");
    Topology t = topology("""
        {"id": "%1$s", "sku": {"name": "Standard"}, "properties": {
          "frontendIPConfigurations": [{"id": "%1$s/frontendIPConfigurations/fe", "name": "fe",
            "properties": {"publicIPAddress": {"id": "%2$s"}}},
            {"name": "internal", "properties": {"privateIPAddress": "10.0.1.10", "subnet": {"id": "%3$s"}}}],
          "backendAddressPools": [{"id": "%1$s/backendAddressPools/pool", "name": "pool"}],
          "loadBalancingRules": [{"name": "http", "properties": {
            "frontendIPConfiguration": {"id": "%1$s/frontendIPConfigurations/fe"},
            "backendAddressPool": {"id": "%1$s/backendAddressPools/pool"}, "protocol": "Tcp", "frontendPort": 80,
            "backendPort": 8080, "disableOutboundSnat": true}}],
          "outboundRules": [{"name": "out", "properties": {
            "frontendIPConfigurations": [{"id": "%1$s/frontendIPConfigurations/fe"}],
            "backendAddressPool": {"id": "%1$s/backendAddressPools/pool"}, "protocol": "All"}}]}}"""
        .formatted(lb, id("publicIPAddresses/pip"), id("virtualNetworks/v/subnets/s")));
    LoadBalancer l = t.loadBalancers().values().iterator().next();
    assertThat(l.sku()).isEqualTo("Standard");
    assertThat(l.frontends()).extracting(LoadBalancer.Frontend::name).containsExactly("fe", "internal");
    assertThat(l.frontends().get(1).id()).isEqualTo(ResourceId.of(lb + "/frontendIPConfigurations/internal"));
    assertThat(l.frontends().get(1).privateIpAddress()).contains(IpAddress.parse("10.0.1.10"));
    assertThat(l.backendPools()).containsExactly(ResourceId.of(lb + "/backendAddressPools/pool"));
    assertThat(l.loadBalancingRules()).singleElement().satisfies(r -> {
      assertThat(r.protocol()).isEqualTo(Protocol.TCP);
      assertThat(r.frontendPort()).isEqualTo(80);
      assertThat(r.backendPort()).isEqualTo(8080);
      assertThat(r.disableOutboundSnat()).isTrue();
    });
    assertThat(l.outboundRules()).singleElement().satisfies(r -> {
      assertThat(r.protocol()).isEqualTo(Protocol.ANY);
      assertThat(r.frontends()).hasSize(1);
    });
  }
}
