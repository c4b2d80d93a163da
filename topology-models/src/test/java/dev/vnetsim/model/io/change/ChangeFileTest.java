package dev.vnetsim.model.io.change;

import static dev.vnetsim.model.io.change.ChangeTesting.NSG;
import static dev.vnetsim.model.io.change.ChangeTesting.RT;
import static dev.vnetsim.model.io.change.ChangeTesting.VNET;
import static dev.vnetsim.model.io.change.ChangeTesting.change;
import static dev.vnetsim.model.io.change.ChangeTesting.id;
import static dev.vnetsim.model.io.change.ChangeTesting.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.NextHopType;
import dev.vnetsim.model.network.Route;
import dev.vnetsim.model.security.SecurityRule;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeFileTest {

  private final ArmResources base = load("base.json");

  private static ResourceId rid(String s) {
    return ResourceId.of(s);
  }

  private static java.util.List<String> ruleNames(Topology t) {
    return t.networkSecurityGroups().get(rid(NSG)).securityRules().stream().map(SecurityRule::name).toList();
  }

  private static java.util.List<String> routeNames(Topology t) {
    return t.routeTables().get(rid(RT)).routes().stream().map(Route::name).toList();
  }

  @Test
  void remove_nsgRuleByIndex_afterLacksTheRule_beforeUnchanged() {
    ChangeSet cs = change(base, "[{\"op\":\"remove\",\"path\":\"" + NSG + "/properties/securityRules/1\"}]");

    assertThat(ruleNames(cs.before())).containsExactly("AllowHttpsIn", "AllowStorageOutbound",
        "DenyInternetOutbound");
    assertThat(ruleNames(cs.after())).containsExactly("AllowHttpsIn", "DenyInternetOutbound");
    assertThat(cs.changes()).containsExactly(new ResourceChange(rid(NSG), ResourceChange.Kind.REMOVED,
        Optional.of("securityRules/AllowStorageOutbound"), "securityRules/AllowStorageOutbound removed"));
  }

  @Test
  void replace_nsgRulePriority_reportedAsRuleModified() {
    ChangeSet cs = change(base, "[{\"op\":\"replace\",\"path\":\"" + NSG
        + "/properties/securityRules/2/properties/priority\",\"value\":300}]");

    assertThat(cs.after().networkSecurityGroups().get(rid(NSG)).securityRules().get(2).priority()).isEqualTo(300);
    assertThat(cs.changes()).extracting(ResourceChange::detail)
        .containsExactly("securityRules/DenyInternetOutbound modified (priority)");
    assertThat(cs.changes().get(0).change()).isEqualTo(ResourceChange.Kind.MODIFIED);
  }

  @Test
  void add_routeAtEnd_andRemoveRoute_nestedPaths() {
    ChangeSet cs = change(base, "[{\"op\":\"add\",\"path\":\"" + RT + "/properties/routes/-\",\"value\":"
        + "{\"name\":\"to-onprem\",\"properties\":{\"addressPrefix\":\"172.16.0.0/12\","
        + "\"nextHopType\":\"VirtualNetworkGateway\"}}},"
        + "{\"op\":\"remove\",\"path\":\"" + RT + "/properties/routes/0\"}]");

    assertThat(routeNames(cs.after())).containsExactly("blackhole", "to-onprem");
    assertThat(cs.after().routeTables().get(rid(RT)).routes().get(1).nextHopType())
        .isEqualTo(NextHopType.VIRTUAL_NETWORK_GATEWAY);
    assertThat(cs.changes()).extracting(ResourceChange::detail)
        .containsExactly("routes/to-fw removed", "routes/to-onprem added");
    assertThat(cs.changes()).extracting(ResourceChange::resourceId).containsOnly(rid(RT));
  }

  @Test
  void add_ruleAtIndex_insertsBeforeIt() {
    ChangeSet cs = change(base, "[{\"op\":\"add\",\"path\":\"" + NSG + "/properties/securityRules/0\",\"value\":"
        + "{\"name\":\"DenySsh\",\"properties\":{\"priority\":105,\"direction\":\"Inbound\",\"access\":\"Deny\","
        + "\"protocol\":\"Tcp\",\"sourceAddressPrefix\":\"*\",\"sourcePortRange\":\"*\","
        + "\"destinationAddressPrefix\":\"*\",\"destinationPortRange\":\"22\"}}}]");

    assertThat(ruleNames(cs.after())).containsExactly("DenySsh", "AllowHttpsIn", "AllowStorageOutbound",
        "DenyInternetOutbound");
    assertThat(cs.changes()).extracting(ResourceChange::detail).containsExactly("securityRules/DenySsh added");
  }

  @Test
  void path_idInOtherCase_andKeysInOtherCase_match() {
    String upper = NSG.toUpperCase(Locale.ROOT).replace("/SUBSCRIPTIONS/S/", "/subscriptions/S/");
    ChangeSet cs = change(base, "[{\"op\":\"remove\",\"path\":\"" + upper + "/Properties/SecurityRules/1\"}]");

    assertThat(ruleNames(cs.after())).containsExactly("AllowHttpsIn", "DenyInternetOutbound");
  }

  @Test
  void path_childIdReachesTheRuleInsideItsNsg() {
    ChangeSet cs = change(base, "[{\"op\":\"replace\",\"path\":\"" + NSG
        + "/securityRules/allowstorageoutbound/properties/destinationPortRanges\",\"value\":[\"443\"]},"
        + "{\"op\":\"remove\",\"path\":\"" + NSG + "/securityRules/AllowHttpsIn\"}]");

    assertThat(ruleNames(cs.after())).containsExactly("AllowStorageOutbound", "DenyInternetOutbound");
    assertThat(cs.changes()).extracting(ResourceChange::detail).containsExactly(
        "securityRules/AllowHttpsIn removed", "securityRules/AllowStorageOutbound modified (destinationPortRanges)");
  }

  @Test
  void path_intoMissingId_isOneLineErrorNamingFileOpAndId() {
    String missing = id("networkSecurityGroups/nsg-missing");
    assertThatThrownBy(() -> change(base, "[{\"op\":\"test\",\"path\":\"" + NSG + "/name\",\"value\":\"nsg\"},"
        + "{\"op\":\"remove\",\"path\":\"" + missing + "/properties/securityRules/0\"}]"))
        .isInstanceOf(InvalidTopologyException.class)
        .hasMessage("change.json: $[1].path (" + missing + "): no resource with this id in the topology");
  }

  @Test
  void path_thatDoesNotExist_isOneLineErrorNamingTheMissingStep() {
    assertThatThrownBy(() -> change(base, "[{\"op\":\"remove\",\"path\":\"" + NSG
        + "/properties/securityRules/7\"}]"))
        .isInstanceOf(InvalidTopologyException.class)
        .hasMessage("change.json: $[0].path (" + NSG + "): '/properties/securityRules/7' does not exist in the"
            + " resource: no index 7 in /properties/securityRules, which has 3 elements");
    assertThatThrownBy(() -> change(base, "[{\"op\":\"replace\",\"path\":\"" + RT
        + "/properties/routez/0\",\"value\":1}]"))
        .isInstanceOf(InvalidTopologyException.class)
        .hasMessage("change.json: $[0].path (" + RT + "): '/properties/routez/0' does not exist in the resource:"
            + " no member 'routez' in /properties");
  }

  @Test
  void test_failing_stopsTheChange() {
    assertThatThrownBy(() -> change(base, "[{\"op\":\"test\",\"path\":\"" + NSG
        + "/properties/securityRules/0/name\",\"value\":\"Other\"}]"))
        .hasMessage("change.json: $[0].path (" + NSG + "): test failed: /properties/securityRules/0/name is"
            + " \"AllowHttpsIn\", expected \"Other\"");
  }

  @Test
  void moveAndCopy_betweenResources() {
    ChangeSet cs = change(base, "[{\"op\":\"copy\",\"from\":\"" + NSG + "/properties/securityRules/0\","
        + "\"path\":\"" + NSG + "/properties/securityRules/-\"},"
        + "{\"op\":\"replace\",\"path\":\"" + NSG + "/properties/securityRules/3/name\",\"value\":\"Copy\"},"
        + "{\"op\":\"replace\",\"path\":\"" + NSG + "/properties/securityRules/3/properties/priority\","
        + "\"value\":101},"
        + "{\"op\":\"move\",\"from\":\"" + RT + "/properties/routes/1\",\"path\":\"" + RT + "/properties/routes/0\"}]");

    assertThat(ruleNames(cs.after())).containsExactly("AllowHttpsIn", "AllowStorageOutbound",
        "DenyInternetOutbound", "Copy");
    assertThat(routeNames(cs.after())).containsExactly("blackhole", "to-fw");
    assertThat(cs.changes()).extracting(ResourceChange::detail).containsExactly("securityRules/Copy added");
  }

  @Test
  void putAndDelete_resourceForms() {
    String nsg2 = id("networkSecurityGroups/nsg2");
    ChangeSet cs = change(base, "[{\"op\":\"put\",\"resource\":{\"id\":\"" + nsg2 + "\",\"name\":\"nsg2\","
        + "\"type\":\"Microsoft.Network/networkSecurityGroups\",\"location\":\"eastus\"}},"
        + "{\"op\":\"delete\",\"id\":\"" + RT.toLowerCase(Locale.ROOT) + "\"},"
        + "{\"op\":\"delete\",\"id\":\"" + NSG + "/securityRules/AllowHttpsIn\"},"
        + "{\"op\":\"put\",\"resource\":{\"id\":\"" + NSG + "/securityRules/DenyInternetOutbound\","
        + "\"type\":\"Microsoft.Network/networkSecurityGroups/securityRules\",\"priority\":4096,"
        + "\"direction\":\"Outbound\",\"access\":\"Deny\",\"protocol\":\"*\",\"sourceAddressPrefix\":\"*\","
        + "\"sourcePortRange\":\"*\",\"destinationAddressPrefix\":\"Internet\",\"destinationPortRange\":\"*\"}}]");

    assertThat(cs.after().networkSecurityGroups()).containsKey(rid(nsg2));
    assertThat(cs.after().routeTables()).isEmpty();
    assertThat(ruleNames(cs.after())).containsExactly("AllowStorageOutbound", "DenyInternetOutbound");
    assertThat(cs.after().networkSecurityGroups().get(rid(NSG)).securityRules().get(1).priority()).isEqualTo(4096);
    assertThat(cs.changes()).extracting(ResourceChange::toString).containsExactly(
        NSG + ": securityRules/AllowHttpsIn removed",
        NSG + ": securityRules/DenyInternetOutbound modified (priority)",
        RT + ": removed",
        nsg2 + ": added");
  }

  @Test
  void add_intoMissingId_isAnError_notANewResource() {
    String missing = id("routeTables/nope");
    assertThatThrownBy(() -> change(base, "[{\"op\":\"add\",\"path\":\"" + missing
        + "/properties/routes/-\",\"value\":{\"name\":\"r\",\"properties\":{\"addressPrefix\":\"10.9.0.0/16\","
        + "\"nextHopType\":\"None\"}}}]"))
        .isInstanceOf(InvalidTopologyException.class)
        .hasMessage("change.json: $[0].path (" + missing + "): no resource with this id in the topology (to add a"
            + " resource, give its id as the path and the whole resource as the value)");
  }

  @Test
  void delete_missingId_isAnError() {
    String missing = id("routeTables/nope");
    assertThatThrownBy(() -> change(base, "[{\"op\":\"delete\",\"id\":\"" + missing + "\"}]"))
        .hasMessage("change.json: $[0].id (" + missing + "): no resource with this id in the topology");
  }

  @Test
  void put_childOfMissingParent_isAnError() {
    String rule = id("networkSecurityGroups/nope/securityRules/r");
    assertThatThrownBy(() -> change(base, "[{\"op\":\"put\",\"resource\":{\"id\":\"" + rule + "\"}}]"))
        .hasMessage("change.json: $[0].resource.id (" + rule + "): the parent " + id("networkSecurityGroups/nope")
            + " is not in the topology");
  }

  @Test
  void unknownOp_andNotAList_areErrors() {
    assertThatThrownBy(() -> change(base, "[{\"op\":\"patch\"}]"))
        .hasMessage("change.json: $[0].op: must be one of add, remove, replace, move, copy, test, put, delete,"
            + " was 'patch'");
    assertThatThrownBy(() -> change(base, "{\"op\":\"remove\"}"))
        .hasMessage("change.json: must be a list of changes (JSON Patch operations, or {op: put|delete}), was an"
            + " object");
  }

  @Test
  void after_isValidatedLikeInput_errorNamesTheChangedResource() {
    assertThatThrownBy(() -> change(base, "[{\"op\":\"replace\",\"path\":\"" + NSG
        + "/properties/securityRules/0/properties/priority\",\"value\":5000}]"))
        .isInstanceOf(InvalidTopologyException.class)
        .hasMessage("change.json (after): $.properties.securityRules[0].properties.priority (" + NSG
            + "/securityRules/AllowHttpsIn): must be between 100 and 4096, was 5000");
  }

  @Test
  void yamlChangeFile_isRead() {
    ChangeSet cs = change(base, "c.yaml", "- op: remove\n  path: " + VNET + "/properties/subnets/0/properties/"
        + "routeTable\n");

    assertThat(cs.after().subnets().values().iterator().next().routeTable()).isEmpty();
    assertThat(cs.changes()).extracting(ResourceChange::detail).containsExactly("subnets/app modified (routeTable)");
  }

  @Test
  void standaloneChild_isNestedInItsParent_andUntouchedResourcesKeepTheirTrees() {
    ArmResources withRule = load("base.json", "standalone-rule.json");
    assertThat(withRule.ids()).hasSize(3);

    ChangeSet cs = change(withRule, "[{\"op\":\"remove\",\"path\":\"" + NSG + "/properties/securityRules/3\"}]");

    assertThat(ruleNames(cs.before())).endsWith("AllowSshIn");
    assertThat(ruleNames(cs.after())).doesNotContain("AllowSshIn");
    assertThat(cs.after().virtualNetworks()).isEqualTo(cs.before().virtualNetworks());
    assertThat(cs.changes()).extracting(ResourceChange::detail).containsExactly("securityRules/AllowSshIn removed");
  }

  @Test
  void emptyChange_givesNoChanges() {
    ChangeSet cs = change(base, "[]");

    assertThat(cs.changes()).isEmpty();
    assertThat(cs.after().networkSecurityGroups()).isEqualTo(cs.before().networkSecurityGroups());
  }
}
