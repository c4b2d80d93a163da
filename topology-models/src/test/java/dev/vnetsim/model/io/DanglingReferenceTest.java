package dev.vnetsim.model.io;

import static dev.vnetsim.model.io.ReaderTesting.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.LoadWarning;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.TopologyFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reference to a resource that is not in the input is a DANGLING_REFERENCE warning naming both ids (partial
 * exports are normal); with {@code strict} the first one is an error with the same text.
 */
class DanglingReferenceTest {

  private static final String ML = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/"
      + "workspaces/ws/computes/ci";

  /** One resource of each kind that refers out, every reference pointing at something absent. */
  private static final String INPUT = """
      [{"id": "%1$s", "addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
        "subnets": [{"name": "s", "addressPrefix": "10.0.1.0/24", "networkSecurityGroup": {"id": "%2$s"},
          "routeTable": {"id": "%3$s"}, "natGateway": {"id": "%4$s"}}],
        "virtualNetworkPeerings": [{"name": "p", "remoteVirtualNetwork": {"id": "%5$s"}}]},
       {"id": "%6$s", "networkSecurityGroup": {"id": "%2$s"},
        "ipConfigurations": [{"name": "ip", "privateIPAddress": "10.9.0.4", "subnet": {"id": "%7$s"},
          "publicIPAddress": {"id": "%8$s"}, "applicationSecurityGroups": [{"id": "%1$s"}, {"id": "%9$s"}]}]},
       {"id": "%10$s", "subnet": {"id": "%7$s"}},
       {"id": "%11$s", "firewallPolicy": {"id": "%12$s"}},
       {"id": "%13$s", "basePolicy": {"id": "%12$s"}},
       {"id": "%14$s", "properties": {"computeType": "ComputeInstance", "properties": {"subnet": {"id": "%7$s"}}}},
       {"id": "%15$s/virtualNetworkLinks/l", "type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
        "virtualNetwork": {"id": "%5$s"}},
       {"id": "%15$s"},
       {"id": "%16$s", "virtualNetworkGateway1": {"id": "%17$s"}, "virtualNetworkGateway2": {"id": "%17$s"},
        "localNetworkGateway2": {"id": "%18$s"}}]"""
      .formatted(id("virtualNetworks/v"), id("networkSecurityGroups/nsg"), id("routeTables/rt"),
          id("natGateways/ng"), id("virtualNetworks/remote"), id("networkInterfaces/nic"),
          id("virtualNetworks/other/subnets/x"), id("publicIPAddresses/pip"), id("applicationSecurityGroups/asg"),
          id("privateEndpoints/pe"), id("azureFirewalls/fw"), id("firewallPolicies/missing"),
          id("firewallPolicies/child"), ML, id("privateDnsZones/z.internal"), id("connections/c"),
          id("virtualNetworkGateways/gw"), id("localNetworkGateways/lng"));

  // The ASG list holds the VNet's id first (a wrong kind counts as missing too).
  private static final List<String> EXPECTED = List.of(
      "t.json: $[0].subnets[0].networkSecurityGroup.id (" + id("virtualNetworks/v/subnets/s")
          + "): references network security group " + id("networkSecurityGroups/nsg") + ", which is not in the input",
      "t.json: $[0].subnets[0].routeTable.id (" + id("virtualNetworks/v/subnets/s") + "): references route table "
          + id("routeTables/rt") + ", which is not in the input",
      "t.json: $[0].subnets[0].natGateway.id (" + id("virtualNetworks/v/subnets/s") + "): references NAT gateway "
          + id("natGateways/ng") + ", which is not in the input",
      "t.json: $[0].virtualNetworkPeerings[0].remoteVirtualNetwork.id (" + id("virtualNetworks/v/virtualNetworkPeerings"
          + "/p") + "): references virtual network " + id("virtualNetworks/remote") + ", which is not in the input",
      "t.json: $[1].networkSecurityGroup.id (" + id("networkInterfaces/nic") + "): references network security group "
          + id("networkSecurityGroups/nsg") + ", which is not in the input",
      "t.json: $[1].ipConfigurations[0].subnet.id (" + id("networkInterfaces/nic/ipConfigurations/ip")
          + "): references subnet " + id("virtualNetworks/other/subnets/x") + ", which is not in the input",
      "t.json: $[1].ipConfigurations[0].publicIPAddress.id (" + id("networkInterfaces/nic/ipConfigurations/ip")
          + "): references public IP address " + id("publicIPAddresses/pip") + ", which is not in the input",
      "t.json: $[1].ipConfigurations[0].applicationSecurityGroups[0].id ("
          + id("networkInterfaces/nic/ipConfigurations/ip") + "): references application security group "
          + id("virtualNetworks/v") + ", which is not in the input",
      "t.json: $[1].ipConfigurations[0].applicationSecurityGroups[1].id ("
          + id("networkInterfaces/nic/ipConfigurations/ip") + "): references application security group "
          + id("applicationSecurityGroups/asg") + ", which is not in the input",
      "t.json: $[2].subnet.id (" + id("privateEndpoints/pe") + "): references subnet "
          + id("virtualNetworks/other/subnets/x") + ", which is not in the input",
      "t.json: $[3].firewallPolicy.id (" + id("azureFirewalls/fw") + "): references firewall policy "
          + id("firewallPolicies/missing") + ", which is not in the input",
      "t.json: $[4].basePolicy.id (" + id("firewallPolicies/child") + "): references firewall policy "
          + id("firewallPolicies/missing") + ", which is not in the input",
      "t.json: $[5].properties.properties.subnet.id (" + ML + "): references subnet "
          + id("virtualNetworks/other/subnets/x") + ", which is not in the input",
      "t.json: $[6].virtualNetwork.id (" + id("privateDnsZones/z.internal/virtualNetworkLinks/l")
          + "): references virtual network " + id("virtualNetworks/remote") + ", which is not in the input",
      "t.json: $[8].virtualNetworkGateway1.id (" + id("connections/c") + "): references virtual network gateway "
          + id("virtualNetworkGateways/gw") + ", which is not in the input",
      "t.json: $[8].virtualNetworkGateway2.id (" + id("connections/c") + "): references virtual network gateway "
          + id("virtualNetworkGateways/gw") + ", which is not in the input",
      "t.json: $[8].localNetworkGateway2.id (" + id("connections/c") + "): references local network gateway "
          + id("localNetworkGateways/lng") + ", which is not in the input");

  @Test
  void everyKindOfReference_warnsNamingBothIds() {
    Topology t = ReaderTesting.topology(INPUT);
    assertThat(t.warnings()).extracting(LoadWarning::toString).containsExactlyElementsOf(EXPECTED);
    assertThat(t.warnings()).allSatisfy(w -> {
      assertThat(w.kind()).isEqualTo(LoadWarning.Kind.DANGLING_REFERENCE);
      assertThat(w.resource()).isPresent();
      assertThat(w.missing()).isPresent();
    });
    assertThat(t.warnings().get(0).missing()).contains(ResourceId.of(id("networkSecurityGroups/nsg")));
  }

  @Test
  void strict_theFirstDanglingReferenceIsAnError() {
    assertThatThrownBy(() -> TopologyReader.readSources(List.of(new TopologyReader.Source("t.json", INPUT)), true))
        .isInstanceOf(InvalidTopologyException.class).hasMessage(EXPECTED.get(0));
  }

  @Test
  void topologyBuiltInCode_pathsAreRelativeToTheResource() {
    var nic = TopologyFixtures.nic("nic", TopologyFixtures.subnetId("v", "s"), "10.0.0.4");
    List<LoadWarning> w = References.dangling(TopologyFixtures.topology(nic));
    assertThat(w).extracting(LoadWarning::toString).containsExactly("$.subnet (" + nic.ipConfigurations().get(0)
        .id() + "): references subnet " + TopologyFixtures.subnetId("v", "s") + ", which is not in the input");
  }
}
