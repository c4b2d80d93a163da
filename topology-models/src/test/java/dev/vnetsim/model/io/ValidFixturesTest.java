package dev.vnetsim.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.OtherResource;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.compute.AmlCompute;
import dev.vnetsim.model.firewall.FirewallPolicy;
import dev.vnetsim.model.network.Subnet;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The realistic hub-and-spoke Azure ML estate under {@code src/test/resources/valid/}, written three ways: the az
 * CLI's flattened list, a Resource Graph result and a REST list in YAML (some keys spelled as templates spell them).
 * Each loads in strict mode, and all three give the same topology.
 */
class ValidFixturesTest {

  private static final String AML = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-aml/";

  private static Path folder(String name) {
    try {
      return Path.of(ValidFixturesTest.class.getResource("/valid/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  private static Topology strict(String folder) {
    return TopologyReader.read(List.of(folder(folder)), true).topology();
  }

  @Test
  void azFlattened_loadsWithEverythingResolved() {
    Topology t = strict("az-flattened");
    assertThat(t.warnings()).isEmpty();
    assertThat(t.resourceCounts()).containsEntry("Microsoft.Network/virtualNetworks", 2)
        .containsEntry("Microsoft.Network/virtualNetworks/subnets", 4)
        .containsEntry("Microsoft.Network/virtualNetworks/virtualNetworkPeerings", 2)
        .containsEntry("Microsoft.Network/networkSecurityGroups/securityRules", 5)
        .containsEntry("Microsoft.Network/routeTables/routes", 2)
        .containsEntry("Microsoft.Network/firewallPolicies", 2)
        .containsEntry("Microsoft.Network/firewallPolicies/ruleCollectionGroups", 2)
        .containsEntry("Microsoft.Network/privateDnsZones/recordSets", 1)
        .containsEntry("Microsoft.MachineLearningServices/workspaces/computes", 2);
    assertThat(t.skippedTypes()).containsOnlyKeys("microsoft.machinelearningservices/workspaces",
        "microsoft.network/privatednszones/soa", "microsoft.storage/storageaccounts");
    Subnet training = t.subnet(ResourceId.of(AML + "providers/Microsoft.Network/virtualNetworks/vnet-aml/subnets/"
        + "snet-training")).orElseThrow();
    assertThat(training.defaultOutboundAccess()).contains(false);
    assertThat(t.networkSecurityGroups().get(training.networkSecurityGroup().orElseThrow()).securityRules())
        .filteredOn(r -> r.name().equals("AllowJumpboxSsh")).singleElement()
        .satisfies(r -> assertThat(r.destinationApplicationSecurityGroups()).hasSize(1));
    FirewallPolicy hub = t.firewallPolicies().values().stream().filter(p -> p.name().equals("fwp-hub")).findFirst()
        .orElseThrow();
    assertThat(t.firewallPolicies()).containsKey(hub.basePolicy().orElseThrow());
    assertThat(hub.ruleCollectionGroups()).extracting(g -> g.name()).containsExactly("rcg-aml");
    assertThat(t.amlComputes().values()).extracting(AmlCompute::kind).containsExactly(AmlCompute.Kind.INSTANCE,
        AmlCompute.Kind.CLUSTER);
    assertThat(t.privateDnsZones().values().iterator().next().recordSets().get(0).addresses())
        .containsExactly(IpAddress.parse("10.10.2.4"));
  }

  @Test
  void resourceGraphAndYaml_giveTheSameTopologyAsTheAzList() {
    Topology az = strict("az-flattened");
    for (Topology other : List.of(strict("resource-graph"), strict("yaml"))) {
      assertThat(other.virtualNetworks()).isEqualTo(az.virtualNetworks());
      assertThat(other.networkSecurityGroups()).isEqualTo(az.networkSecurityGroups());
      assertThat(other.applicationSecurityGroups()).isEqualTo(az.applicationSecurityGroups());
      assertThat(other.networkInterfaces()).isEqualTo(az.networkInterfaces());
      assertThat(other.routeTables()).isEqualTo(az.routeTables());
      assertThat(other.publicIpAddresses()).isEqualTo(az.publicIpAddresses());
      assertThat(other.azureFirewalls()).isEqualTo(az.azureFirewalls());
      assertThat(other.firewallPolicies()).isEqualTo(az.firewallPolicies());
      assertThat(other.privateEndpoints()).isEqualTo(az.privateEndpoints());
      assertThat(other.privateDnsZones()).isEqualTo(az.privateDnsZones());
      assertThat(other.virtualMachines()).isEqualTo(az.virtualMachines());
      assertThat(other.amlComputes()).isEqualTo(az.amlComputes());
      assertThat(other.skippedTypes()).isEqualTo(az.skippedTypes());
      // Resource Graph lower-cases types; ids, names and locations agree
      assertThat(withoutTypes(other.otherResources())).isEqualTo(withoutTypes(az.otherResources()));
    }
  }

  @Test
  void allThreeShapesTogether_mergeByIdIntoTheSameTopology() {
    Topology az = strict("az-flattened");
    Topology all = TopologyReader.read(List.of(folder("az-flattened"), folder("resource-graph"), folder("yaml")),
        true).topology();
    assertThat(all.resourceCounts()).isEqualTo(az.resourceCounts());
    assertThat(all.virtualNetworks()).isEqualTo(az.virtualNetworks());
    assertThat(all.firewallPolicies()).isEqualTo(az.firewallPolicies());
    assertThat(all.otherResources()).isEqualTo(az.otherResources());
  }

  private static Map<ResourceId, String> withoutTypes(Map<ResourceId, OtherResource> others) {
    return others.values().stream().collect(Collectors.toMap(OtherResource::id, o -> o.name() + "@" + o.location()));
  }
}
