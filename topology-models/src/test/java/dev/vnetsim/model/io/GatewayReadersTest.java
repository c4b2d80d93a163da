package dev.vnetsim.model.io;

import static dev.vnetsim.model.io.ReaderTesting.id;
import static dev.vnetsim.model.io.ReaderTesting.topology;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.Topology;
import org.junit.jupiter.api.Test;

class GatewayReadersTest {

  @Test
  void gatewaysAndTheirConnection_noDanglingReferences() {
    Topology t = topology("""
        [{"id": "%1$s", "properties": {"gatewayType": "Vpn", "enableBgp": true,
           "ipConfigurations": [{"name": "default", "properties": {"subnet": {"id": "%2$s"}}}]}},
         {"id": "%3$s", "properties": {"gatewayIpAddress": "203.0.113.7",
           "localNetworkAddressSpace": {"addressPrefixes": ["192.168.0.0/16", "172.16.0.0/12"]}}},
         {"id": "%4$s", "properties": {"connectionType": "IPsec", "connectionStatus": "Connected",
           "virtualNetworkGateway1": {"id": "%1$s"}, "localNetworkGateway2": {"id": "%3$s"}}}]"""
        .formatted(id("virtualNetworkGateways/vpngw"), id("virtualNetworks/hub/subnets/GatewaySubnet"),
            id("localNetworkGateways/onprem"), id("connections/to-onprem")));
    var gw = t.virtualNetworkGateways().values().iterator().next();
    assertThat(gw.gatewayType()).isEqualTo("Vpn");
    assertThat(gw.bgpEnabled()).isTrue();
    assertThat(gw.subnets()).extracting(s -> s.name()).containsExactly("GatewaySubnet");
    var lng = t.localNetworkGateways().values().iterator().next();
    assertThat(lng.localAddressSpace()).containsExactly(Cidr.parse("192.168.0.0/16"), Cidr.parse("172.16.0.0/12"));
    assertThat(lng.gatewayIpAddress()).contains(IpAddress.parse("203.0.113.7"));
    var cn = t.connections().values().iterator().next();
    assertThat(cn.virtualNetworkGateway1()).contains(gw.id());
    assertThat(cn.localNetworkGateway2()).contains(lng.id());
    assertThat(cn.virtualNetworkGateway2()).isEmpty();
    assertThat(cn.connectionStatus()).isEqualTo("Connected");
    assertThat(t.warnings()).isEmpty();
  }
}
