package dev.vnetsim.model.io;

import static dev.vnetsim.model.io.ReaderTesting.assertInvalid;
import static dev.vnetsim.model.io.ReaderTesting.id;
import static dev.vnetsim.model.io.ReaderTesting.topology;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.security.DefaultSecurityRules;
import dev.vnetsim.model.security.NetworkSecurityGroup;
import dev.vnetsim.model.security.SecurityRule;
import org.junit.jupiter.api.Test;

class SecurityReadersTest {

  private static final String NSG_ID = id("networkSecurityGroups/n");
  private static final String ANY_RULE = "\"protocol\": \"*\", \"sourceAddressPrefix\": \"*\","
      + " \"sourcePortRange\": \"*\", \"destinationAddressPrefix\": \"*\", \"destinationPortRange\": \"*\"";

  /** An NSG in the flattened az shape with one rule whose fields are {@code ruleFields}. */
  private static String nsgWithRule(String ruleFields) {
    return """
        {"id": "%s", "type": "Microsoft.Network/networkSecurityGroups",
         "securityRules": [{"name": "r", "priority": 200, "direction": "Outbound", "access": "Deny", %s}]}"""
        .formatted(NSG_ID, ruleFields);
  }

  private static NetworkSecurityGroup nsg(Topology t) {
    return t.networkSecurityGroups().get(ResourceId.of(NSG_ID));
  }

  @Test
  void singularAndPluralFields_areMerged() {
    SecurityRule r = nsg(topology(nsgWithRule("""
        "protocol": "Udp",
        "sourceAddressPrefix": "10.0.0.0/24", "sourceAddressPrefixes": ["10.1.0.0/24", "10.0.0.0/24"],
        "sourcePortRange": "*", "sourcePortRanges": [],
        "destinationAddressPrefix": "", "destinationAddressPrefixes": ["Storage.WestEurope"],
        "destinationPortRange": "53", "destinationPortRanges": ["1000-2000", "80,443"]"""))).securityRules().get(0);
    assertThat(r.id()).isEqualTo(ResourceId.of(NSG_ID + "/securityRules/r"));
    assertThat(r.protocol()).isEqualTo(Protocol.UDP);
    assertThat(r.sourceAddresses()).containsExactly(AddressMatch.parse("10.0.0.0/24"),
        AddressMatch.parse("10.1.0.0/24"));
    assertThat(r.destinationAddresses()).containsExactly(new AddressMatch.ServiceTag("Storage.WestEurope"));
    assertThat(r.sourcePortRanges()).containsExactly(PortRange.ALL);
    assertThat(r.destinationPortRanges()).containsExactly(PortRange.single(53), new PortRange(1000, 2000),
        PortRange.single(80), PortRange.single(443));
  }

  @Test
  void applicationSecurityGroups_standInForPrefixes() {
    SecurityRule r = nsg(topology(nsgWithRule("\"protocol\": \"*\", \"sourceApplicationSecurityGroups\": [{\"id\": \""
        + id("applicationSecurityGroups/web") + "\"}], \"sourcePortRange\": \"*\", \"destinationAddressPrefix\": \"*\","
        + " \"destinationPortRange\": \"*\""))).securityRules().get(0);
    assertThat(r.sourceAddresses()).isEmpty();
    assertThat(r.sourceApplicationSecurityGroups()).containsExactly(ResourceId.of(id("applicationSecurityGroups/web")));
  }

  @Test
  void nsgWithoutDefaultRules_getsAzuresSix() {
    assertThat(nsg(topology(nsgWithRule(ANY_RULE))).defaultSecurityRules())
        .isEqualTo(DefaultSecurityRules.forNsg(ResourceId.of(NSG_ID)));
  }

  @Test
  void ruleWithoutDestination_isAnError() {
    assertInvalid(nsgWithRule("\"protocol\": \"Tcp\", \"sourceAddressPrefix\": \"*\", \"sourcePortRange\": \"*\","
        + " \"destinationPortRange\": \"22\"")).hasMessage("t.json: $.securityRules[0].destinationAddressPrefix ("
        + NSG_ID + "/securityRules/r): is required (destinationAddressPrefix, destinationAddressPrefixes or the"
        + " application security group list)");
  }

  @Test
  void unknownDirection_listsTheAllowedValues() {
    assertInvalid(nsgWithRule("\"protocol\": \"Tcp\", \"sourceAddressPrefix\": \"*\", \"sourcePortRange\": \"*\","
        + " \"destinationAddressPrefix\": \"*\", \"destinationPortRange\": \"22\"").replace("Outbound", "Sideways"))
        .hasMessage("t.json: $.securityRules[0].direction (" + NSG_ID + "/securityRules/r): must be one of Inbound,"
            + " Outbound, was 'Sideways'");
  }

  @Test
  void unknownProtocol_listsTheAllowedValues() {
    assertInvalid(nsgWithRule("\"protocol\": \"Gre\", \"sourceAddressPrefix\": \"*\", \"sourcePortRange\": \"*\","
        + " \"destinationAddressPrefix\": \"*\", \"destinationPortRange\": \"22\""))
        .hasMessage("t.json: $.securityRules[0].protocol (" + NSG_ID + "/securityRules/r): must be one of *, Tcp, Udp,"
            + " Icmp, Esp, Ah, was 'Gre'");
  }

  @Test
  void standaloneDefaultRule_equalToAzures_mergesQuietly() {
    SecurityRule deny = DefaultSecurityRules.forNsg(ResourceId.of(NSG_ID)).get(2);
    String json = """
        [{"id": "%s", "type": "Microsoft.Network/networkSecurityGroups"},
         {"id": "%s", "type": "Microsoft.Network/networkSecurityGroups/defaultSecurityRules",
          "properties": {"description": "Deny all inbound traffic", "protocol": "*", "sourcePortRange": "*",
            "destinationPortRange": "*", "sourceAddressPrefix": "*", "destinationAddressPrefix": "*",
            "access": "Deny", "priority": 65500, "direction": "Inbound"}}]""".formatted(NSG_ID, deny.id());
    Topology t = topology(json);
    assertThat(nsg(t).defaultSecurityRules()).hasSize(6).contains(deny);
    assertThat(t.warnings()).isEmpty();
  }

  @Test
  void applicationSecurityGroup() {
    Topology t = topology("{\"id\": \"" + id("applicationSecurityGroups/web") + "\", \"location\": \"westus\"}");
    assertThat(t.applicationSecurityGroups().values()).singleElement()
        .satisfies(a -> assertThat(a.name()).isEqualTo("web"));
  }
}
