package dev.vnetsim.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.Access;
import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.LoadWarning;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.TopologyFixtures;
import dev.vnetsim.model.firewall.FirewallAction;
import dev.vnetsim.model.firewall.FirewallPolicy;
import dev.vnetsim.model.firewall.FirewallRule;
import dev.vnetsim.model.firewall.RuleCollection;
import dev.vnetsim.model.network.PrivateEndpoint;
import dev.vnetsim.model.network.PublicIpAddress;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.model.network.VirtualNetwork;
import dev.vnetsim.model.security.NetworkSecurityGroup;
import dev.vnetsim.model.security.SecurityRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real ARM list responses recorded by JupiterOne/graph-azure ({@code ../shared/data/arm-recorded/
 * jupiterone-graph-azure}). Each file loads on its own with the counts its README describes, and the whole folder
 * loads as one topology (the two recording dates use different subscription ids, so nothing clashes).
 */
class JupiterOneRecordingsTest {

  private static final String SUB = "/subscriptions/87f62f44-9dad-4284-a08f-f2fb3d8b528a/resourceGroups/j1dev/"
      + "providers/Microsoft.Network/";

  /** Resources per file (the README's item counts); {@code _provenance.json} is metadata and holds none. */
  private static final Map<String, Integer> RESOURCES = Map.ofEntries(
      Map.entry("_provenance.json", 0),
      Map.entry("azureFirewalls.j1dev.list.json", 1),
      Map.entry("firewallPolicies.Stefan_VMs.list.json", 1),
      Map.entry("firewallPolicies.j1dev.list.json", 2),
      Map.entry("loadBalancers.list.json", 1),
      Map.entry("networkInterfaces.list.a.json", 1),
      Map.entry("networkInterfaces.list.b.json", 2),
      Map.entry("networkSecurityGroups.list.json", 1),
      Map.entry("networkWatchers.list.json", 2),
      Map.entry("privateEndpoints.DefaultResourceGroup-CUS.list.json", 1),
      Map.entry("privateEndpoints.j1dev.list.json", 1),
      Map.entry("publicIPAddresses.list.a.json", 3),
      Map.entry("publicIPAddresses.list.b.json", 5),
      Map.entry("ruleCollectionGroups.policy1.list.json", 1),
      Map.entry("ruleCollectionGroups.policy3.list.json", 1),
      Map.entry("virtualNetworks.list.json", 3));

  private static Path dir() {
    return TopologyFixtures.sharedData().resolve("arm-recorded/jupiterone-graph-azure");
  }

  static Stream<String> files() throws IOException {
    try (Stream<Path> files = Files.list(dir())) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
    }
  }

  private static TopologyLoad read(String file) {
    return TopologyReader.read(List.of(dir().resolve(file)));
  }

  private static Topology all() {
    return TopologyReader.read(List.of(dir())).topology();
  }

  @ParameterizedTest
  @MethodSource("files")
  void file_loadsWithItsItemCount(String file) {
    assertThat(RESOURCES).as("every recorded file has a stated count").containsKey(file);
    TopologyLoad load = read(file);
    assertThat(load.files()).singleElement().satisfies(f -> {
      assertThat(f.resources()).isEqualTo(RESOURCES.get(file));
      assertThat(f.shape()).isEqualTo(file.startsWith("_") ? TopologyLoad.Shape.LIST
          : TopologyLoad.Shape.VALUE_LIST);
    });
  }

  @Test
  void provenance_isReportedAsHoldingNoResource() {
    assertThat(read("_provenance.json").warnings()).singleElement()
        .satisfies(w -> assertThat(w.kind()).isEqualTo(LoadWarning.Kind.NO_RESOURCES));
  }

  @Test
  void virtualNetworks_threeOverlappingVnetsWithTheirSubnets() {
    Topology t = read("virtualNetworks.list.json").topology();
    assertThat(t.virtualNetworks().values()).extracting(VirtualNetwork::name)
        .containsExactly("j1dev_two", "j1dev", "j1dev_az_fw_vm");
    assertThat(t.virtualNetworks().values()).allSatisfy(v -> {
      assertThat(v.addressSpace()).extracting(Object::toString).containsExactly("10.0.0.0/16");
      assertThat(v.peerings()).isEmpty();
    });
    Subnet j1dev = t.subnets().get(dev.vnetsim.model.ResourceId.of(SUB + "virtualNetworks/j1dev/subnets/j1dev"));
    assertThat(j1dev.addressPrefixes()).extracting(Object::toString).containsExactly("10.0.2.0/24");
    assertThat(j1dev.networkSecurityGroup()).hasValueSatisfying(id -> assertThat(id.name()).isEqualTo("j1dev"));
    assertThat(t.subnets().values()).extracting(s -> s.name() + " " + s.addressPrefixes().get(0)).containsExactly(
        "j1dev_priv_two 10.0.3.0/24", "j1dev_priv_one 10.0.3.0/24", "j1dev 10.0.2.0/24",
        "AzureFirewallSubnet 10.0.1.0/24");
  }

  @Test
  void networkSecurityGroup_j1devHasSshAndPrivOnePlusSixDefaults() {
    NetworkSecurityGroup nsg = read("networkSecurityGroups.list.json").topology().networkSecurityGroups().values()
        .iterator().next();
    assertThat(nsg.name()).isEqualTo("j1dev");
    SecurityRule ssh = nsg.securityRules().get(0);
    assertThat(ssh.name()).isEqualTo("SSH");
    assertThat(ssh.priority()).isEqualTo(1001);
    assertThat(ssh.direction()).isEqualTo(Direction.INBOUND);
    assertThat(ssh.access()).isEqualTo(Access.ALLOW);
    assertThat(ssh.protocol()).isEqualTo(Protocol.TCP);
    assertThat(ssh.sourceAddresses()).containsExactly(AddressMatch.ANY);
    assertThat(ssh.destinationPortRanges()).containsExactly(PortRange.single(22));
    SecurityRule privOne = nsg.securityRules().get(1);
    assertThat(privOne.name()).isEqualTo("priv_one");
    assertThat(privOne.priority()).isEqualTo(1002);
    assertThat(privOne.sourceAddresses()).containsExactly(AddressMatch.parse("10.0.3.0/24"));
    assertThat(nsg.defaultSecurityRules()).hasSize(6);
  }

  @Test
  void firewall_basicTierWithPolicyAndNoClassicRules() {
    Topology t = all();
    var fw = t.azureFirewalls().values().iterator().next();
    assertThat(fw.name()).isEqualTo("Firewall1");
    assertThat(fw.skuTier()).isEqualTo("Basic");
    assertThat(fw.privateIpAddress()).contains(IpAddress.parse("10.0.0.4"));
    assertThat(fw.networkRuleCollections()).isEmpty();
    assertThat(fw.firewallPolicy()).hasValueSatisfying(id -> assertThat(t.firewallPolicies()).containsKey(id));
  }

  @Test
  void firewallPolicy1_hasFourNetworkRulesInItsDefaultGroup() {
    Topology t = all();
    FirewallPolicy policy1 = t.firewallPolicies().values().stream().filter(p -> p.name().equals("policy1"))
        .findFirst().orElseThrow();
    assertThat(policy1.ruleCollectionGroups()).singleElement().satisfies(g -> {
      assertThat(g.name()).isEqualTo("DefaultNetworkRuleCollectionGroup");
      assertThat(g.priority()).isEqualTo(200);
      RuleCollection rc = g.ruleCollections().get(0);
      assertThat(rc.name()).isEqualTo("NetworkCollection1");
      assertThat(rc.kind()).isEqualTo(RuleCollection.Kind.FILTER);
      assertThat(rc.action()).isEqualTo(FirewallAction.ALLOW);
      assertThat(rc.rules()).extracting(FirewallRule::name).containsExactly("Rule1", "Rule2", "Rule3", "Rule4");
      FirewallRule.NetworkRule rule3 = (FirewallRule.NetworkRule) rc.rules().get(2);
      assertThat(rule3.protocols()).containsExactly(Protocol.TCP);
      assertThat(rule3.destinationPorts()).containsExactly(PortRange.single(80), PortRange.parse("8000-9000"));
    });
    FirewallPolicy policy3 = t.firewallPolicies().values().stream().filter(p -> p.name().equals("policy3"))
        .findFirst().orElseThrow();
    assertThat(policy3.basePolicy()).contains(policy1.id());
  }

  @Test
  void privateEndpoint_toStorageWithGroupBlob() {
    PrivateEndpoint pe = read("privateEndpoints.j1dev.list.json").topology().privateEndpoints().values().iterator()
        .next();
    assertThat(pe.connections()).singleElement().satisfies(c -> {
      assertThat(c.groupIds()).containsExactly("blob");
      assertThat(c.privateLinkServiceId().name()).isEqualTo("ndowmon1j1dev");
      assertThat(c.privateLinkServiceId().type()).contains("Microsoft.Storage/storageAccounts");
    });
  }

  @Test
  void publicIps_skuAndAddress() {
    Topology t = read("publicIPAddresses.list.a.json").topology();
    PublicIpAddress fw = t.publicIpAddresses().values().stream().filter(p -> p.name().equals("j1dev_az_fw_pub_ip"))
        .findFirst().orElseThrow();
    assertThat(fw.sku()).isEqualTo(PublicIpAddress.Sku.STANDARD);
    assertThat(fw.ipAddress()).contains(IpAddress.parse("20.72.146.165"));
    PublicIpAddress nic = t.publicIpAddresses().values().stream().filter(p -> p.name().equals("j1dev"))
        .findFirst().orElseThrow();
    assertThat(nic.sku()).isEqualTo(PublicIpAddress.Sku.BASIC);
    assertThat(nic.ipAddress()).isEmpty();
  }

  @Test
  void wholeFolder_loadsAsOneTopology() {
    Topology t = all();
    assertThat(t.resourceCounts()).containsEntry("Microsoft.Network/virtualNetworks", 3)
        .containsEntry("Microsoft.Network/virtualNetworks/subnets", 4)
        .containsEntry("Microsoft.Network/networkSecurityGroups", 1)
        .containsEntry("Microsoft.Network/networkInterfaces", 3)
        .containsEntry("Microsoft.Network/publicIPAddresses", 8)
        .containsEntry("Microsoft.Network/firewallPolicies", 3)
        .containsEntry("Microsoft.Network/firewallPolicies/ruleCollectionGroups", 2)
        .containsEntry("Microsoft.Network/privateEndpoints", 2)
        .containsEntry("Microsoft.Network/loadBalancers", 1);
    assertThat(t.skippedTypes()).containsExactly(Map.entry("microsoft.network/networkwatchers", 2));
    // The 2021 NIC j1dev (10.0.2.4) joins the recorded VNet, subnet, NSG and public IP; its NSG is both on the
    // NIC and on the subnet.
    var nic = t.networkInterfaces().get(dev.vnetsim.model.ResourceId.of(SUB + "networkInterfaces/j1dev"));
    assertThat(nic.networkSecurityGroup()).isEqualTo(t.subnet(nic.ipConfigurations().get(0).subnet().orElseThrow())
        .orElseThrow().networkSecurityGroup());
    assertThat(t.warnings()).filteredOn(w -> w.resource().filter(nic.id()::equals).isPresent()).isEmpty();
  }
}
