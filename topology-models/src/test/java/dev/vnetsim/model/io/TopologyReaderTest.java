package dev.vnetsim.model.io;

import static dev.vnetsim.model.io.ReaderTesting.assertInvalid;
import static dev.vnetsim.model.io.ReaderTesting.id;
import static dev.vnetsim.model.io.ReaderTesting.load;
import static dev.vnetsim.model.io.ReaderTesting.topology;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.LoadWarning;
import dev.vnetsim.model.OtherResource;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.VirtualNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File shapes, case-insensitivity, merging by id, skipped types and warnings. */
class TopologyReaderTest {

  private static final String VNET = """
      {"id": "%s", "name": "v", "type": "Microsoft.Network/virtualNetworks", "location": "East US",
       "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
         "subnets": [{"id": "%s", "name": "a", "properties": {"addressPrefix": "10.0.1.0/24"}}]}}"""
      .formatted(id("virtualNetworks/v"), id("virtualNetworks/v/subnets/a"));

  private static final String NSG = """
      {"id": "%s", "type": "Microsoft.Network/networkSecurityGroups", "location": "eastus",
       "properties": {"securityRules": []}}""".formatted(id("networkSecurityGroups/n"));

  private static int vnets(Topology t) {
    return t.virtualNetworks().size();
  }

  @Test
  void oneResource() {
    TopologyLoad l = load("v.json", VNET);
    assertThat(l.files()).containsExactly(new TopologyLoad.FileLoad("v.json", TopologyLoad.Shape.RESOURCE, 1));
    assertThat(vnets(l.topology())).isEqualTo(1);
    assertThat(l.warnings()).isEmpty();
  }

  @Test
  void arrayOfResources() {
    TopologyLoad l = load("all.json", "[" + VNET + "," + NSG + "]");
    assertThat(l.files().get(0).shape()).isEqualTo(TopologyLoad.Shape.LIST);
    assertThat(l.topology().resourceCounts()).containsEntry("Microsoft.Network/virtualNetworks", 1)
        .containsEntry("Microsoft.Network/networkSecurityGroups", 1);
  }

  @Test
  void restList_withNextLink_warnsThatAPageIsMissing() {
    TopologyLoad l = load("list.json", "{\"value\": [" + VNET + "], \"nextLink\": \"https://management.azure.com/x\"}");
    assertThat(l.files().get(0).shape()).isEqualTo(TopologyLoad.Shape.VALUE_LIST);
    assertThat(vnets(l.topology())).isEqualTo(1);
    assertThat(l.warnings()).singleElement().satisfies(w -> {
      assertThat(w.kind()).isEqualTo(LoadWarning.Kind.INPUT_NOTE);
      assertThat(w.toString()).isEqualTo("list.json: $.nextLink: the list continues on a next page (nextLink) that"
          + " is not in the input");
    });
  }

  @Test
  void resourceGraph_withCountAndLowerCasedTypes() {
    String row = VNET.replace("Microsoft.Network/virtualNetworks\"", "microsoft.network/virtualnetworks\"");
    TopologyLoad l = load("arg.json", "{\"count\": 1, \"data\": [" + row + "], \"skip_token\": null}");
    assertThat(l.files().get(0).shape()).isEqualTo(TopologyLoad.Shape.RESOURCE_GRAPH);
    assertThat(vnets(l.topology())).isEqualTo(1);
    assertThat(l.warnings()).isEmpty();
  }

  @Test
  void yaml() {
    String yaml = """
        - id: %s
          type: Microsoft.Network/virtualNetworks
          addressSpace: {addressPrefixes: [10.0.0.0/16]}
          subnets:
            - name: a
              addressPrefix: 10.0.1.0/24
        """.formatted(id("virtualNetworks/v"));
    Topology t = load("t.yaml", yaml).topology();
    assertThat(t.subnets()).containsKey(ResourceId.of(id("virtualNetworks/v/subnets/a")));
  }

  @Test
  void keysTypesAndIdsAreCaseInsensitive() {
    String json = """
        [{"ID": "%s", "TYPE": "MICROSOFT.NETWORK/VIRTUALNETWORKS",
          "Properties": {"AddressSpace": {"addressprefixes": ["10.0.0.0/16"]},
            "SUBNETS": [{"name": "a", "properties": {"addressPrefix": "10.0.1.0/24",
              "networkSecurityGroup": {"id": "%s"}}}]}},
         %s]""".formatted(id("virtualNetworks/v"), id("networksecuritygroups/N").toUpperCase(), NSG);
    Topology t = topology(json);
    assertThat(t.subnets().values()).singleElement()
        .satisfies(s -> assertThat(t.networkSecurityGroups()).containsKey(s.networkSecurityGroup().orElseThrow()));
    assertThat(t.warnings()).isEmpty();
  }

  @Test
  void location_isCanonicalRegionName() {
    assertThat(topology(VNET).virtualNetworks().values().iterator().next().location()).isEqualTo("eastus");
  }

  @Test
  void nestedChildWithoutId_getsItsParentsIdPlusName() {
    String json = """
        {"id": "%s", "type": "Microsoft.Network/virtualNetworks",
         "addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
         "subnets": [{"name": "b", "addressPrefix": "10.0.2.0/24"}]}
        """.formatted(id("virtualNetworks/v"));
    assertThat(topology(json).subnets()).containsOnlyKeys(ResourceId.of(id("virtualNetworks/v/subnets/b")));
  }

  @Test
  void standaloneChildren_joinTheirParents() {
    String json = """
        [%s,
         {"id": "%s", "type": "Microsoft.Network/virtualNetworks/subnets",
          "properties": {"addressPrefix": "10.0.2.0/24"}},
         {"id": "%s", "properties": {"addressPrefix": "10.0.1.0/24"}},
         %s,
         {"id": "%s", "type": "Microsoft.Network/networkSecurityGroups/securityRules",
          "properties": {"priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
            "sourceAddressPrefix": "*", "sourcePortRange": "*", "destinationAddressPrefix": "*",
            "destinationPortRange": "22"}}]"""
        .formatted(VNET, id("virtualNetworks/v/subnets/b"), id("virtualNetworks/v/subnets/a"), NSG,
            id("networkSecurityGroups/n/securityRules/ssh"));
    Topology t = topology(json);
    VirtualNetwork v = t.virtualNetworks().values().iterator().next();
    // "a" was both nested and standalone with the same content: once; "b" joins after the nested ones
    assertThat(v.subnets()).extracting(s -> s.name()).containsExactly("a", "b");
    assertThat(t.networkSecurityGroups().values().iterator().next().securityRules()).extracting(r -> r.name())
        .containsExactly("ssh");
    assertThat(t.warnings()).isEmpty();
  }

  @Test
  void standaloneChildDifferentFromNestedOne_isAnError() {
    String json = "[" + VNET + ", {\"id\": \"" + id("virtualNetworks/v/subnets/a")
        + "\", \"properties\": {\"addressPrefix\": \"10.0.9.0/24\"}}]";
    assertInvalid(json).hasMessage("t.json: $[1] (" + id("virtualNetworks/v/subnets/a") + "): the same id must not"
        + " be defined twice with different content, was defined before at t.json: $[0].properties.subnets[0] with a"
        + " different addressPrefixes");
  }

  @Test
  void standaloneChildWithoutParent_isDroppedWithAWarning() {
    String json = "{\"id\": \"" + id("routeTables/rt/routes/r1") + "\", \"properties\": {\"addressPrefix\":"
        + " \"0.0.0.0/0\", \"nextHopType\": \"Internet\"}}";
    Topology t = topology(json);
    assertThat(t.routeTables()).isEmpty();
    assertThat(t.warnings()).singleElement().satisfies(w -> {
      assertThat(w.kind()).isEqualTo(LoadWarning.Kind.DANGLING_REFERENCE);
      assertThat(w.missing()).contains(ResourceId.of(id("routeTables/rt")));
      assertThat(w.toString()).isEqualTo("t.json (" + id("routeTables/rt/routes/r1") + "): standalone route whose"
          + " parent " + id("routeTables/rt") + " is not in the input; it is ignored");
    });
  }

  @Test
  void sameResourceInTwoFiles_identical_isReadOnce() {
    TopologyLoad l = TopologyReader.readSources(List.of(new TopologyReader.Source("a.json", VNET),
        new TopologyReader.Source("b.json", "{\"value\": [" + VNET + "]}")), false);
    assertThat(vnets(l.topology())).isEqualTo(1);
    assertThat(l.files()).extracting(TopologyLoad.FileLoad::resources).containsExactly(1, 1);
  }

  @Test
  void unknownTypes_areKeptAsOtherResourcesAndCounted() {
    String json = """
        [{"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1",
          "type": "Microsoft.Storage/storageAccounts", "location": "West Europe"},
         {"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st2",
          "type": "Microsoft.Storage/storageAccounts", "location": "eastus"},
         {"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv",
          "type": "Microsoft.KeyVault/vaults"}]""";
    Topology t = topology(json);
    assertThat(t.skippedTypes()).containsExactly(Map.entry("microsoft.keyvault/vaults", 1),
        Map.entry("microsoft.storage/storageaccounts", 2));
    assertThat(t.otherResources().get(ResourceId.of(
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1")))
        .isEqualTo(new OtherResource(ResourceId.of(
            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1"), "st1",
            "Microsoft.Storage/storageAccounts", "westeurope"));
    assertThat(t.warnings()).isEmpty();
  }

  @Test
  void fileWithoutResources_isSkippedWithAWarning() {
    assertThat(load("meta.json", "{\"generatedBy\": \"export.sh\", \"items\": 3}").warnings()).singleElement()
        .satisfies(w -> assertThat(w.toString()).isEqualTo("meta.json: holds no recognisable resource (no ARM id or"
            + " type); the file is skipped"));
    assertThat(load("empty.json", "").warnings()).singleElement()
        .satisfies(w -> assertThat(w.message()).isEqualTo("is empty; the file is skipped"));
    assertThat(load("list.json", "{\"value\": []}").warnings()).singleElement()
        .satisfies(w -> assertThat(w.message()).isEqualTo("holds an empty list; the file is skipped"));
  }

  @Test
  void strict_turnsTheFirstWarningIntoAnError() {
    List<TopologyReader.Source> in = List.of(new TopologyReader.Source("meta.json", "{\"a\": 1}"));
    assertThatThrownBy(() -> TopologyReader.readSources(in, true)).isInstanceOf(InvalidTopologyException.class)
        .hasMessage("meta.json: holds no recognisable resource (no ARM id or type); the file is skipped");
  }

  @Test
  void resourceWithKnownTypeButNoId_isAnError() {
    assertInvalid("{\"type\": \"Microsoft.Network/virtualNetworks\", \"name\": \"v\"}")
        .hasMessage("t.json: $.id: is required");
  }

  @Test
  void folder_isReadRecursivelyInSortedOrder_skippingHiddenAndOtherFiles(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("b/nested"));
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve("b/nested/z.yaml"), "id: " + id("applicationSecurityGroups/z")
        + "\ntype: Microsoft.Network/applicationSecurityGroups\n");
    Files.writeString(dir.resolve("a.json"), VNET);
    Files.writeString(dir.resolve("b/c.yml"), "[]");
    Files.writeString(dir.resolve("notes.txt"), "not input");
    Files.writeString(dir.resolve(".git/config.json"), "{broken");
    TopologyLoad l = TopologyReader.read(List.of(dir, dir.resolve("a.json")));
    assertThat(l.files()).extracting(f -> dir.relativize(Path.of(f.file())).toString().replace('\\', '/'))
        .containsExactly("a.json", "b/c.yml", "b/nested/z.yaml");
    assertThat(l.topology().applicationSecurityGroups()).hasSize(1);
  }
}
