package dev.vnetsim.model.io.change;

import static dev.vnetsim.model.io.change.ChangeTesting.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.io.TopologyReader;
import dev.vnetsim.model.network.PrivateEndpointNetworkPolicies;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.model.security.SecurityRule;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code plan-basic.json}: a hand-written plan in the format of {@code terraform show -json} (format 1.2). */
class TerraformPlanTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String NET =
      "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-net/providers/Microsoft.Network/";
  private static final ResourceId NSG = ResourceId.of(NET + "networkSecurityGroups/nsg-app");
  private static final ResourceId VNET = ResourceId.of(NET + "virtualNetworks/vnet-main");
  private static final ResourceId APP = ResourceId.of(NET + "virtualNetworks/vnet-main/subnets/snet-app");
  private static final ResourceId DATA = ResourceId.of(NET + "virtualNetworks/vnet-main/subnets/snet-data");
  private static final ResourceId RT = ResourceId.of(NET + "routeTables/rt-app");
  private static final ResourceId NATGW = ResourceId.of(NET + "natGateways/natgw-main");
  private static final ResourceId PIP = ResourceId.of(NET + "publicIPAddresses/pip-nat");
  private static final ResourceId WEB = NSG.child("securityRules", "AllowWebInbound");

  private static ChangeSet plan(String content) {
    return TerraformPlan.apply(ArmResources.empty(false), new TopologyReader.Source("plan.json", content));
  }

  private static ObjectNode basic() throws Exception {
    return (ObjectNode) MAPPER.readTree(source("plan-basic.json").content());
  }

  private static List<String> rules(Topology t) {
    return t.networkSecurityGroups().get(NSG).securityRules().stream().map(SecurityRule::name).toList();
  }

  private static SecurityRule rule(Topology t, String name) {
    return t.networkSecurityGroups().get(NSG).securityRules().stream().filter(r -> r.name().equals(name))
        .findFirst().orElseThrow();
  }

  private static JsonNode change(ObjectNode plan, String address) {
    for (JsonNode rc : plan.get("resource_changes")) {
      if (rc.get("address").asText().equals(address)) {
        return rc.get("change");
      }
    }
    throw new AssertionError(address);
  }

  @Test
  void basicPlan_beforeIsPriorState_inlineAndStandaloneRulesMerged() {
    ChangeSet cs = TerraformPlan.apply(ArmResources.empty(false), source("plan-basic.json"));
    Topology before = cs.before();

    assertThat(rules(before)).containsExactly("AllowHttpsInbound", "AllowSshFromBastion", "AllowIcmpInbound",
        "DenyAllInbound", "AllowStorageOutbound", "AllowLegacyRdp");
    Subnet app = before.subnets().get(APP);
    // azurerm_subnet.app (default_outbound_access_enabled false) wins over the VNet's computed inline copy (true)
    assertThat(app.defaultOutboundAccess()).contains(false);
    assertThat(app.networkSecurityGroup()).contains(NSG);
    assertThat(app.routeTable()).isEmpty();
    assertThat(app.natGateway()).isEmpty();
    assertThat(app.serviceEndpoints()).extracting(e -> e.service()).containsExactly("Microsoft.Storage");
    Subnet data = before.subnets().get(DATA);
    assertThat(data.privateEndpointNetworkPolicies()).isEqualTo(PrivateEndpointNetworkPolicies.DISABLED);
    assertThat(data.delegations()).containsExactly("Microsoft.Sql/managedInstances");
    assertThat(before.routeTables().get(RT).routes()).extracting(r -> r.name()).containsExactly("default-to-fw");
    assertThat(before.natGateways()).isEmpty();
    assertThat(before.warnings()).isEmpty();
  }

  @Test
  void basicPlan_afterAppliesCreateUpdateDeleteOfRules_associationsAndNatGateway() {
    ChangeSet cs = TerraformPlan.apply(ArmResources.empty(false), source("plan-basic.json"));
    Topology after = cs.after();

    assertThat(rules(after)).containsExactly("AllowHttpsInbound", "AllowSshFromBastion", "AllowDnsOutbound",
        "DenyAllInbound", "AllowStorageOutbound", "AllowWebInbound");
    assertThat(rule(after, "AllowSshFromBastion").sourceAddresses()).extracting(Object::toString)
        .containsExactly("10.20.0.0/26");
    assertThat(rule(after, "AllowStorageOutbound").destinationPortRanges())
        .containsExactly(PortRange.single(443), PortRange.single(445));
    assertThat(rule(after, "AllowWebInbound").id()).isEqualTo(WEB);
    Subnet app = after.subnets().get(APP);
    assertThat(app.networkSecurityGroup()).contains(NSG);
    assertThat(app.routeTable()).contains(RT);
    assertThat(app.natGateway()).contains(NATGW);
    assertThat(after.natGateways().get(NATGW).publicIpAddresses()).containsExactly(PIP);
    assertThat(after.natGateways().get(NATGW).idleTimeoutInMinutes()).isEqualTo(10);
    assertThat(after.publicIpAddresses().get(PIP).ipAddress()).isEmpty();
    assertThat(after.warnings()).isEmpty();
  }

  @Test
  void basicPlan_changesComeFromTheTreeDiff() {
    ChangeSet cs = TerraformPlan.apply(ArmResources.empty(false), source("plan-basic.json"));

    assertThat(cs.changes()).extracting(ResourceChange::toString).containsExactly(
        VNET + ": subnets/snet-app modified (routeTable, natGateway)",
        NSG + ": securityRules/AllowSshFromBastion modified (sourceAddressPrefix)",
        NSG + ": securityRules/AllowIcmpInbound removed",
        NSG + ": securityRules/AllowStorageOutbound modified (destinationPortRange, destinationPortRanges)",
        NSG + ": securityRules/AllowLegacyRdp removed",
        NSG + ": securityRules/AllowDnsOutbound added",
        NSG + ": securityRules/AllowWebInbound added",
        PIP + ": added (id synthesised; the real id is known after apply)",
        NATGW + ": added (id synthesised; the real id is known after apply)");
    assertThat(cs.changes().get(2)).isEqualTo(new ResourceChange(NSG, ResourceChange.Kind.REMOVED,
        Optional.of("securityRules/AllowIcmpInbound"), "securityRules/AllowIcmpInbound removed"));
  }

  @Test
  void basicPlan_unknownValuesAreNoted_idsSynthesised() {
    ChangeSet cs = TerraformPlan.apply(ArmResources.empty(false), source("plan-basic.json"));

    assertThat(cs.notes()).containsExactlyInAnyOrder(
        new PlanNote("azurerm_network_security_rule.web", "id", "unknown at plan time; synthesised as " + WEB),
        new PlanNote("azurerm_public_ip.nat", "id", "unknown at plan time; synthesised as " + PIP),
        new PlanNote("azurerm_nat_gateway.main", "id", "unknown at plan time; synthesised as " + NATGW),
        new PlanNote("azurerm_public_ip.nat", "ip_address", "unknown at plan time; left unset"));
    assertThat(cs.synthesisedIds()).containsExactlyInAnyOrder(WEB, PIP, NATGW);
    assertThat(new PlanNote("azurerm_public_ip.nat", "ip_address", "unknown at plan time; left unset"))
        .hasToString("azurerm_public_ip.nat: ip_address unknown at plan time; left unset");
  }

  @Test
  void noOpPlan_givesNoChanges() throws Exception {
    ObjectNode plan = basic();
    ArrayNode kept = MAPPER.createArrayNode();
    for (JsonNode rc : plan.get("resource_changes")) {
      ObjectNode change = (ObjectNode) rc.get("change");
      if (!change.get("before").isNull()) {
        change.set("after", change.get("before"));
        change.set("after_unknown", MAPPER.createObjectNode());
        change.putArray("actions").add("no-op");
        kept.add(rc);
      }
    }
    plan.set("resource_changes", kept);

    ChangeSet cs = plan(plan.toString());

    assertThat(cs.changes()).isEmpty();
    assertThat(cs.notes()).isEmpty();
    assertThat(cs.after().networkSecurityGroups()).isEqualTo(cs.before().networkSecurityGroups());
    assertThat(cs.after().virtualNetworks()).isEqualTo(cs.before().virtualNetworks());
  }

  @Test
  void formatVersion2_isRejected() throws Exception {
    ObjectNode plan = basic();
    plan.put("format_version", "2.0");

    assertThatThrownBy(() -> plan(plan.toString())).isInstanceOf(InvalidTopologyException.class)
        .hasMessage("plan.json: $.format_version: must be 1.x (the plan JSON of Terraform 1.1 and later; other"
            + " major versions are not supported), was '2.0'");
  }

  @Test
  void notAPlan_isRejected() {
    assertThatThrownBy(() -> plan("{\"format_version\":\"1.0\",\"values\":{}}"))
        .hasMessage("plan.json: is not a Terraform plan: it has neither prior_state nor resource_changes (write it"
            + " with terraform show -json <planfile>)");
    assertThatThrownBy(() -> plan("[]")).hasMessage("plan.json: must be the JSON of terraform show -json"
        + " <planfile>, was []");
  }

  @Test
  void neededValueUnknown_updateKeepsTheBeforeSide_createIsLeftOut() throws Exception {
    ObjectNode plan = basic();
    ObjectNode nsgUnknown = (ObjectNode) change(plan, "azurerm_network_security_group.app").get("after_unknown");
    ((ObjectNode) nsgUnknown.get("security_rule").get(2)).put("destination_address_prefix", true);
    ObjectNode subnetAfter = MAPPER.createObjectNode().put("name", "snet-new").put("resource_group_name", "rg-net")
        .put("virtual_network_name", "vnet-main");
    ObjectNode create = MAPPER.createObjectNode().put("address", "azurerm_subnet.new").put("mode", "managed")
        .put("type", "azurerm_subnet").put("name", "new");
    ObjectNode c = create.putObject("change");
    c.putArray("actions").add("create");
    c.putNull("before");
    c.set("after", subnetAfter);
    c.putObject("after_unknown").put("id", true).put("address_prefixes", true);
    ((ArrayNode) plan.get("resource_changes")).add(create);

    ChangeSet cs = plan(plan.toString());

    assertThat(rules(cs.after())).containsExactly("AllowHttpsInbound", "AllowSshFromBastion", "AllowIcmpInbound",
        "DenyAllInbound", "AllowStorageOutbound", "AllowWebInbound");
    assertThat(cs.after().subnets()).doesNotContainKey(VNET.child("subnets", "snet-new"));
    assertThat(cs.notes()).contains(
        new PlanNote("azurerm_network_security_group.app", "security_rule[2].destination_address_prefix",
            "unknown at plan time; the resource is left as it was before the change"),
        new PlanNote("azurerm_subnet.new", "address_prefixes", "unknown at plan time; the new resource is left out"));
  }

  @Test
  void unknownAction_isAnErrorWithItsPath() throws Exception {
    ObjectNode plan = basic();
    ((ObjectNode) change(plan, "azurerm_subnet.app")).putArray("actions").add("teleport");

    assertThatThrownBy(() -> plan(plan.toString())).hasMessage("plan.json: $.resource_changes[1].change.actions:"
        + " must be one of [\"no-op\"], [\"create\"], [\"read\"], [\"update\"], [\"delete\"], [\"delete\",\"create\"],"
        + " [\"create\",\"delete\"], [\"forget\"], was [\"teleport\"]");
  }

  @Test
  void deletingAnAssociation_removesTheLink() throws Exception {
    ObjectNode plan = basic();
    ObjectNode c = (ObjectNode) change(plan, "azurerm_subnet_network_security_group_association.app");
    c.putArray("actions").add("delete");
    c.putNull("after");

    ChangeSet cs = plan(plan.toString());

    assertThat(cs.before().subnets().get(APP).networkSecurityGroup()).contains(NSG);
    assertThat(cs.after().subnets().get(APP).networkSecurityGroup()).isEmpty();
    assertThat(cs.changes().get(0).detail()).isEqualTo("subnets/snet-app modified (networkSecurityGroup, routeTable,"
        + " natGateway)");
  }

  @Test
  void moduleResources_overlaidOnTopology_unknownIdResolvedThroughModuleConfiguration() {
    String app = ChangeTesting.VNET + "/subnets/app";
    String plan = """
        {"format_version": "1.2",
         "prior_state": {"format_version": "1.0", "values": {"root_module": {}}},
         "resource_changes": [
          {"address": "module.net.azurerm_network_security_group.this", "module_address": "module.net",
           "mode": "managed", "type": "azurerm_network_security_group", "name": "this",
           "change": {"actions": ["create"], "before": null,
             "after": {"name": "nsg-new", "resource_group_name": "rg", "location": "eastus", "security_rule": []},
             "after_unknown": {"id": true, "security_rule": []}}},
          {"address": "module.net.azurerm_subnet_network_security_group_association.this",
           "module_address": "module.net", "mode": "managed",
           "type": "azurerm_subnet_network_security_group_association", "name": "this",
           "change": {"actions": ["create"], "before": null, "after": {"subnet_id": "%s"},
             "after_unknown": {"id": true, "network_security_group_id": true}}}],
         "configuration": {"root_module": {"module_calls": {"net": {"source": "./net", "module": {"resources": [
          {"address": "azurerm_subnet_network_security_group_association.this", "mode": "managed",
           "type": "azurerm_subnet_network_security_group_association", "name": "this",
           "expressions": {"subnet_id": {"references": ["var.subnet_id"]},
             "network_security_group_id": {"references": ["azurerm_network_security_group.this.id",
               "azurerm_network_security_group.this"]}}}]}}}}}}
        """.formatted(app);
    ResourceId newNsg = ResourceId.of(ChangeTesting.id("networkSecurityGroups/nsg-new"));

    ChangeSet cs = TerraformPlan.apply(ChangeTesting.load("base.json"), new TopologyReader.Source("plan.json", plan));

    assertThat(cs.before().subnets().get(ResourceId.of(app)).networkSecurityGroup())
        .contains(ResourceId.of(ChangeTesting.NSG));
    assertThat(cs.after().subnets().get(ResourceId.of(app)).networkSecurityGroup()).contains(newNsg);
    assertThat(cs.after().networkSecurityGroups()).containsKeys(newNsg, ResourceId.of(ChangeTesting.NSG));
    assertThat(cs.changes()).extracting(ResourceChange::toString).containsExactly(
        ChangeTesting.VNET + ": subnets/app modified (networkSecurityGroup)",
        newNsg + ": added (id synthesised; the real id is known after apply)");
  }
}
