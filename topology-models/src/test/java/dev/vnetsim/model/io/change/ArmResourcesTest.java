package dev.vnetsim.model.io.change;

import static dev.vnetsim.model.io.change.ChangeTesting.NSG;
import static dev.vnetsim.model.io.change.ChangeTesting.change;
import static dev.vnetsim.model.io.change.ChangeTesting.id;
import static dev.vnetsim.model.io.change.ChangeTesting.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.io.TopologyReader;
import dev.vnetsim.model.security.SecurityRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArmResourcesTest {

  private static ArmResources read(String name, String content) {
    return ArmResources.readSources(List.of(new TopologyReader.Source(name, content)), false);
  }

  /** Files are parsed together; with several broken, the error is the first file's, as reading them in turn gives. */
  @Test
  void syntaxErrors_inSeveralFiles_theFirstIsReported() {
    for (int broken = 0; broken < 6; broken++) {
      List<TopologyReader.Source> sources = new java.util.ArrayList<>();
      for (int i = 0; i < 6; i++) {
        boolean bad = i >= broken && i % 2 == broken % 2;
        sources.add(new TopologyReader.Source("part-" + i + ".json", bad ? "[{\"id\": " : "[]"));
      }
      int first = broken;
      assertThatThrownBy(() -> ArmResources.readSources(sources, false))
          .isInstanceOf(InvalidTopologyException.class).hasMessageStartingWith("part-" + first + ".json");
    }
  }

  @Test
  void flattenedAzShape_isNormalisedToRestShape_soPointersFindProperties() {
    ArmResources az = read("az.json", "[{\"id\":\"" + NSG + "\",\"name\":\"nsg\",\"location\":\"eastus\","
        + "\"resourceGroup\":\"rg\",\"securityRules\":[{\"name\":\"r1\",\"priority\":100,\"direction\":\"Inbound\","
        + "\"access\":\"Allow\",\"protocol\":\"Tcp\",\"sourceAddressPrefix\":\"*\",\"sourcePortRange\":\"*\","
        + "\"destinationAddressPrefix\":\"*\",\"destinationPortRange\":\"22\",\"resourceGroup\":\"rg\"}]}]");

    JsonNode tree = az.tree(ResourceId.of(NSG)).orElseThrow();
    assertThat(tree.at("/properties/securityRules/0/properties/priority").asInt()).isEqualTo(100);
    assertThat(tree.get("resourceGroup").asText()).isEqualTo("rg");
    ChangeSet cs = change(az, "[{\"op\":\"replace\",\"path\":\"" + NSG
        + "/properties/securityRules/0/properties/destinationPortRange\",\"value\":\"2222\"}]");
    assertThat(cs.after().networkSecurityGroups().get(ResourceId.of(NSG)).securityRules().get(0)
        .destinationPortRanges()).extracting(Object::toString).containsExactly("2222");
  }

  @Test
  void yamlInput_andStandaloneChildren_areNestedInTheirParent() {
    ArmResources yaml = read("t.yaml", "- id: " + NSG + "/securityRules/r2\n"
        + "  properties: {priority: 200, direction: Outbound, access: Deny, protocol: '*', sourceAddressPrefix: '*',"
        + " sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '*'}\n"
        + "- id: " + NSG + "\n  location: eastus\n  properties: {}\n");

    assertThat(yaml.ids()).containsExactly(ResourceId.of(NSG));
    assertThat(yaml.tree(ResourceId.of(NSG + "/securityRules/R2")).orElseThrow().at("/properties/priority").asInt())
        .isEqualTo(200);
    assertThat(yaml.topology().networkSecurityGroups().get(ResourceId.of(NSG)).securityRules())
        .extracting(SecurityRule::name).containsExactly("r2");
  }

  @Test
  void childWithoutParent_staysStandalone_andKeepsTheReadersWarning() {
    String rule = id("networkSecurityGroups/elsewhere/securityRules/r");
    ArmResources orphan = read("o.json", "{\"id\":\"" + rule + "\",\"properties\":{\"priority\":100,"
        + "\"direction\":\"Inbound\",\"access\":\"Allow\",\"protocol\":\"Tcp\",\"sourceAddressPrefix\":\"*\","
        + "\"sourcePortRange\":\"*\",\"destinationAddressPrefix\":\"*\",\"destinationPortRange\":\"22\"}}");

    assertThat(orphan.ids()).containsExactly(ResourceId.of(rule));
    assertThat(orphan.topology().warnings()).hasSize(1);
    assertThat(orphan.edit().build().topology().warnings()).isEqualTo(orphan.topology().warnings());
  }

  @Test
  void unchangedEdit_readsBackTheSameTopology() {
    ArmResources base = load("base.json", "standalone-rule.json");

    ArmResources again = base.edit().build();

    assertThat(again.topology().virtualNetworks()).isEqualTo(base.topology().virtualNetworks());
    assertThat(again.topology().networkSecurityGroups()).isEqualTo(base.topology().networkSecurityGroups());
    assertThat(again.topology().routeTables()).isEqualTo(base.topology().routeTables());
  }

  @Test
  void invalidInput_failsAsTheReaderDoes() {
    assertThatThrownBy(() -> read("bad.json", "{\"id\":\"" + NSG + "\",\"properties\":{\"securityRules\":"
        + "[{\"name\":\"r\",\"properties\":{\"priority\":1}}]}}"))
        .isInstanceOf(InvalidTopologyException.class)
        .hasMessage("bad.json: $.properties.securityRules[0].properties.priority (" + NSG
            + "/securityRules/r): must be between 100 and 4096, was 1");
  }

  @Test
  void between_twoInputs_diffsTheirTrees() {
    ChangeSet cs = ChangeSet.between(load("base.json"), load("base.json", "standalone-rule.json"));

    assertThat(cs.changes()).extracting(ResourceChange::toString)
        .containsExactly(NSG + ": securityRules/AllowSshIn added");
  }
}
