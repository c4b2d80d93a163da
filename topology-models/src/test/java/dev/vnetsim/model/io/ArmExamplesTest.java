package dev.vnetsim.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.LoadWarning;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.TopologyFixtures;
import dev.vnetsim.model.firewall.AzureFirewall;
import dev.vnetsim.model.firewall.FirewallRule;
import dev.vnetsim.model.network.IpConfiguration;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.PrivateEndpoint;
import dev.vnetsim.model.network.VnetPeering;
import dev.vnetsim.model.security.NetworkSecurityGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code responses."200".body} of the official REST examples in {@code ../shared/data/arm-examples} loads.
 * What each body yields is stated per file in {@link #EXPECTED}: a modelled resource, a skipped type, a standalone
 * child whose parent is not in the file (dropped with a warning), or a Network Watcher / effective-view result,
 * which is not a resource and gives the "no recognisable resource" warning.
 */
class ArmExamplesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** File → what the body is expected to give: a resource-count key, "skipped:<type>", "orphan" or "none". */
  private static final Map<String, String> EXPECTED = Map.ofEntries(
      Map.entry("ApplicationSecurityGroupGet.json", "Microsoft.Network/applicationSecurityGroups"),
      Map.entry("AzureFirewallGet.json", "Microsoft.Network/azureFirewalls"),
      // standalone rule collection groups: the policy they belong to is not in the example
      Map.entry("FirewallPolicyNatRuleCollectionGroupGet.json", "orphan"),
      Map.entry("FirewallPolicyRuleCollectionGroupGet.json", "orphan"),
      Map.entry("FirewallPolicyRuleCollectionGroupWithWebCategoriesGet.json", "orphan"),
      Map.entry("NatGatewayGet.json", "Microsoft.Network/natGateways"),
      // effective views and Network Watcher answers are results, not resources
      Map.entry("NetworkInterfaceEffectiveNSGList.json", "none"),
      Map.entry("NetworkInterfaceEffectiveRouteTableList.json", "none"),
      Map.entry("NetworkInterfaceGet.json", "Microsoft.Network/networkInterfaces"),
      Map.entry("NetworkSecurityGroupGet.json", "Microsoft.Network/networkSecurityGroups"),
      Map.entry("NetworkWatcherIpFlowVerify.json", "none"),
      Map.entry("NetworkWatcherNextHopGet.json", "none"),
      Map.entry("PrivateEndpointGet.json", "Microsoft.Network/privateEndpoints"),
      Map.entry("PublicIpAddressGet.json", "Microsoft.Network/publicIPAddresses"),
      Map.entry("RouteTableGet.json", "Microsoft.Network/routeTables"),
      Map.entry("ServiceEndpointPolicyGet.json", "Microsoft.Network/serviceEndpointPolicies"),
      // the service-tag list has an id and a type but is catalogue data (service-tag-data reads it)
      Map.entry("ServiceTagsList.json", "skipped:microsoft.network/servicetags"),
      Map.entry("VirtualNetworkGet.json", "Microsoft.Network/virtualNetworks"),
      // a standalone peering whose VNet is not in the example
      Map.entry("VirtualNetworkPeeringGet.json", "orphan"));

  static Stream<String> examples() throws IOException {
    try (Stream<Path> files = Files.list(examplesDir())) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList()
          .stream();
    }
  }

  private static Path examplesDir() {
    return TopologyFixtures.sharedData().resolve("arm-examples");
  }

  static Topology body(String file) {
    try {
      JsonNode body = MAPPER.readTree(examplesDir().resolve(file).toFile()).get("responses").get("200").get("body");
      return ReaderTesting.load(file, MAPPER.writeValueAsString(body)).topology();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void body_loadsAsStated(String file) {
    assertThat(EXPECTED).as("every example file has a stated expectation").containsKey(file);
    Topology t = body(file);
    String expected = EXPECTED.get(file);
    switch (expected) {
      case "none" -> {
        assertThat(t.resourceCounts()).isEmpty();
        assertThat(t.warnings()).singleElement().satisfies(w -> {
          assertThat(w.kind()).isEqualTo(LoadWarning.Kind.NO_RESOURCES);
          assertThat(w.toString()).isEqualTo(file + ": holds no recognisable resource (no ARM id or type); the file"
              + " is skipped");
        });
      }
      case "orphan" -> {
        assertThat(t.resourceCounts()).isEmpty();
        assertThat(t.warnings()).singleElement().satisfies(w -> {
          assertThat(w.kind()).isEqualTo(LoadWarning.Kind.DANGLING_REFERENCE);
          assertThat(w.message()).contains("is not in the input; it is ignored");
        });
      }
      default -> {
        if (expected.startsWith("skipped:")) {
          assertThat(t.skippedTypes()).containsEntry(expected.substring("skipped:".length()), 1);
          assertThat(t.resourceCounts()).isEmpty();
        } else {
          assertThat(t.resourceCounts()).containsEntry(expected, 1);
        }
        assertThat(t.warnings()).noneMatch(w -> w.kind() == LoadWarning.Kind.NO_RESOURCES);
      }
    }
  }

  @Test
  void networkSecurityGroup_keepsRuleAndTheSixDefaults() {
    NetworkSecurityGroup nsg = body("NetworkSecurityGroupGet.json").networkSecurityGroups().values().iterator().next();
    assertThat(nsg.securityRules()).singleElement().satisfies(r -> {
      assertThat(r.name()).isEqualTo("rule1");
      assertThat(r.priority()).isEqualTo(130);
      assertThat(r.destinationPortRanges()).containsExactly(PortRange.single(80));
    });
    assertThat(nsg.defaultSecurityRules()).extracting(r -> r.name() + ":" + r.priority()).containsExactly(
        "AllowVnetInBound:65000", "AllowAzureLoadBalancerInBound:65001", "DenyAllInBound:65500",
        "AllowVnetOutBound:65000", "AllowInternetOutBound:65001", "DenyAllOutBound:65500");
  }

  @Test
  void networkInterface_splitsTheIpPrefixOnANic() {
    NetworkInterface nic = body("NetworkInterfaceGet.json").networkInterfaces().values().iterator().next();
    IpConfiguration second = nic.ipConfigurations().get(1);
    assertThat(second.privateIpAddress()).contains(IpAddress.parse("172.20.2.16"));
    assertThat(second.privateIpPrefixLength()).contains(28);
    assertThat(nic.primary().map(IpConfiguration::name)).contains("ipconfig1");
  }

  @Test
  void privateEndpoint_toleratesTheMisspelledProviderSegment() {
    PrivateEndpoint pe = body("PrivateEndpointGet.json").privateEndpoints().values().iterator().next();
    assertThat(pe.networkInterfaces()).singleElement()
        .satisfies(id -> assertThat(id.type()).contains("Microsoft.Network/networkInterfaces"));
    assertThat(pe.connections()).singleElement().satisfies(c -> {
      assertThat(c.name()).isEqualTo("plsconnection1");
      assertThat(c.groupIds()).containsExactly("groupIdFromResource");
      assertThat(c.status()).isEqualTo("Approved");
    });
    assertThat(pe.ipConfigurations()).extracting(s -> s.privateIpAddress().toString())
        .containsExactly("192.168.0.6", "192.168.0.7");
    assertThat(pe.customDnsConfigs()).extracting(PrivateEndpoint.CustomDnsConfig::fqdn)
        .containsExactly("abc.cosmos.com", "abc2.cosmos.com");
  }

  @Test
  void azureFirewall_readsClassicCollectionsWithRangesAndFqdns() {
    AzureFirewall fw = body("AzureFirewallGet.json").azureFirewalls().values().iterator().next();
    assertThat(fw.location()).isEqualTo("westus");
    assertThat(fw.privateIpAddress()).contains(IpAddress.parse("10.0.0.0"));
    FirewallRule.NetworkRule l4 = (FirewallRule.NetworkRule) fw.networkRuleCollections().get(0).rules().get(0);
    assertThat(l4.sourceAddresses()).containsExactly(AddressMatch.parse("192.168.1.1-192.168.1.12"),
        AddressMatch.parse("10.1.4.12-10.1.4.255"));
    assertThat(l4.destinationPorts()).containsExactly(PortRange.parse("443-444"), PortRange.single(8443));
    FirewallRule.NetworkRule fqdn = (FirewallRule.NetworkRule) fw.networkRuleCollections().get(0).rules().get(1);
    assertThat(fqdn.destinationFqdns()).containsExactly("www.amazon.com");
    FirewallRule.ApplicationRule app =
        (FirewallRule.ApplicationRule) fw.applicationRuleCollections().get(0).rules().get(0);
    assertThat(app.protocols()).containsExactly(new FirewallRule.AppProtocol("Https", 443));
    assertThat(app.targetFqdns()).containsExactly("www.test.com");
    FirewallRule.NatRule nat = (FirewallRule.NatRule) fw.natRuleCollections().get(0).rules().get(1);
    assertThat(nat.translatedFqdn()).contains("internalhttpserver");
    assertThat(nat.translatedPort()).contains(880);
  }

  @Test
  void peering_joinsItsVnetWhenThatIsInTheInput() throws IOException {
    JsonNode peering = MAPPER.readTree(examplesDir().resolve("VirtualNetworkPeeringGet.json").toFile())
        .get("responses").get("200").get("body");
    String vnet = """
        {"id": "/subscriptions/subid/resourceGroups/peerTest/providers/Microsoft.Network/virtualNetworks/vnet1",
         "type": "Microsoft.Network/virtualNetworks", "location": "westus",
         "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]}}}""";
    Topology t = ReaderTesting.load("peering.json", "[" + vnet + "," + peering + "]").topology();
    VnetPeering p = t.virtualNetworks().values().iterator().next().peerings().get(0);
    assertThat(p.peeringState()).isEqualTo(VnetPeering.PeeringState.INITIATED);
    assertThat(p.allowForwardedTraffic()).isTrue();
    assertThat(p.remoteAddressSpace()).containsExactly(Cidr.parse("12.0.0.0/8"));
    assertThat(t.warnings()).singleElement().satisfies(w -> {
      assertThat(w.kind()).isEqualTo(LoadWarning.Kind.DANGLING_REFERENCE);
      assertThat(w.toString()).isEqualTo("peering.json: $[1].properties.remoteVirtualNetwork.id (" + p.id()
          + "): references virtual network " + p.remoteVirtualNetwork() + ", which is not in the input");
    });
  }
}
