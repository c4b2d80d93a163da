package dev.vnetsim.model.io.change;

import static dev.vnetsim.model.io.change.ChangeTesting.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.dns.DnsRecordSet;
import dev.vnetsim.model.dns.PrivateDnsZone;
import dev.vnetsim.model.network.IpConfiguration;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.PrivateEndpoint;
import dev.vnetsim.model.network.VnetPeering;
import org.junit.jupiter.api.Test;

/**
 * {@code plan-interfaces.json}: a no-op plan whose prior state holds a NIC (with NSG and ASG associations), a private
 * endpoint, a private DNS zone with an A record and a VNet link, and a peering, laid over {@code base.json}.
 */
class AzurermToArmTest {

  private static final ResourceId APP = ResourceId.of(id("virtualNetworks/vnet/subnets/app"));
  private final ChangeSet cs = TerraformPlan.apply(ChangeTesting.load("base.json"),
      ChangeTesting.source("plan-interfaces.json"));
  private final Topology t = cs.before();

  @Test
  void nic_withStaticAddress_andBothAssociations() {
    NetworkInterface nic = t.networkInterfaces().get(ResourceId.of(id("networkInterfaces/nic-vm")));
    IpConfiguration ic = nic.ipConfigurations().get(0);

    assertThat(ic.subnet()).contains(APP);
    assertThat(ic.privateIpAddress()).contains(IpAddress.parse("10.0.1.10"));
    assertThat(ic.primary()).isTrue();
    assertThat(ic.applicationSecurityGroups()).containsExactly(ResourceId.of(id("applicationSecurityGroups/asg-web")));
    assertThat(nic.networkSecurityGroup()).contains(ResourceId.of(id("networkSecurityGroups/nsg")));
  }

  @Test
  void privateEndpoint_automaticConnectionIsApproved() {
    PrivateEndpoint pe = t.privateEndpoints().get(ResourceId.of(id("privateEndpoints/pe-st")));

    assertThat(pe.subnet()).contains(APP);
    assertThat(pe.connections()).singleElement().satisfies(c -> {
      assertThat(c.groupIds()).containsExactly("blob");
      assertThat(c.status()).isEqualTo("Approved");
      assertThat(c.manual()).isFalse();
    });
    assertThat(pe.customDnsConfigs()).singleElement().satisfies(d -> assertThat(d.ipAddresses())
        .containsExactly(IpAddress.parse("10.0.1.20")));
    assertThat(pe.networkInterfaces()).hasSize(1);
  }

  @Test
  void privateDnsZone_recordAndLink_andPeering() {
    PrivateDnsZone zone = t.privateDnsZones().get(
        ResourceId.of(id("privateDnsZones/privatelink.blob.core.windows.net")));

    assertThat(zone.recordSets()).singleElement().satisfies(r -> {
      assertThat(r.type()).isEqualTo(DnsRecordSet.RecordType.A);
      assertThat(r.name()).isEqualTo("stdata");
      assertThat(r.addresses()).containsExactly(IpAddress.parse("10.0.1.20"));
    });
    assertThat(zone.virtualNetworkLinks()).singleElement().satisfies(l -> assertThat(l.virtualNetwork())
        .isEqualTo(ResourceId.of(id("virtualNetworks/vnet"))));
    VnetPeering peering = t.virtualNetworks().get(ResourceId.of(id("virtualNetworks/vnet"))).peerings().get(0);
    assertThat(peering.remoteVirtualNetwork()).isEqualTo(ResourceId.of(id("virtualNetworks/vnet-hub")));
    assertThat(peering.allowForwardedTraffic()).isTrue();
    assertThat(t.virtualNetworks()).containsKey(ResourceId.of(id("virtualNetworks/vnet-hub")));
  }

  @Test
  void noOpPlan_overTopology_changesNothing() {
    assertThat(cs.changes()).isEmpty();
    assertThat(cs.notes()).isEmpty();
  }
}
