package dev.vnetsim.simulator.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.io.change.ArmResources;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded random local changes as JSON Patch documents addressed by ARM id, for the incremental what-if and recompile
 * tests: NSG rule edits, routes added or removed, subnet NSG, route table and NAT gateway associations, NIC NSGs.
 */
public final class RandomChanges {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] PREFIXES = {"Internet", "VirtualNetwork", "*", "Storage.EastUS", "AzureCloud",
      "10.1.0.0/16", "10.0.4.0/26", "20.0.0.0/8"};
  private static final int[] PORTS = {22, 80, 443, 445, 1433, 3389, 8080, 8443, 44224};

  private RandomChanges() {}

  /** One to three operations: remove, flip or re-port a rule, add a rule, add or drop a route, swap a subnet NSG. */
  public static String patch(ArmResources base, SplittableRandom rnd) {
    ArrayNode ops = JSON.createArrayNode();
    int n = 1 + rnd.nextInt(3);
    Set<String> touchedRules = new HashSet<>();
    for (int i = 0; i < n; i++) {
      switch (rnd.nextInt(6)) {
        case 0, 1, 2 -> ruleOp(base, rnd, ops, touchedRules);
        case 3, 4 -> routeOp(base, rnd, ops, touchedRules);
        default -> subnetOp(base, rnd, ops);
      }
    }
    return ops.toString();
  }

  /**
   * One to four operations: those of {@link #patch}, and subnet route table and NAT gateway associations (set,
   * swapped or removed) and NIC NSG associations. Every one is a local change for a data plane recompile.
   */
  public static String localPatch(ArmResources base, SplittableRandom rnd) {
    ArrayNode ops = JSON.createArrayNode();
    int n = 1 + rnd.nextInt(4);
    Set<String> touchedRules = new HashSet<>();
    for (int i = 0; i < n; i++) {
      switch (rnd.nextInt(10)) {
        case 0, 1, 2 -> ruleOp(base, rnd, ops, touchedRules);
        case 3, 4 -> routeOp(base, rnd, ops, touchedRules);
        case 5 -> subnetOp(base, rnd, ops);
        case 6 -> association(base, rnd, ops, "routeTable",
            new ArrayList<>(base.topology().routeTables().keySet()));
        case 7 -> association(base, rnd, ops, "natGateway",
            new ArrayList<>(base.topology().natGateways().keySet()));
        case 8 -> nicNsg(base, rnd, ops);
        default -> otherOp(base, rnd, ops, touchedRules);
      }
    }
    return ops.toString();
  }

  private static void association(ArmResources base, SplittableRandom rnd, ArrayNode ops, String key,
      List<ResourceId> targets) {
    ResourceId vnet = pick(new ArrayList<>(base.topology().virtualNetworks().keySet()), rnd);
    JsonNode subnets = base.tree(vnet).orElseThrow().path("properties").path("subnets");
    if (subnets.size() == 0) {
      return;
    }
    int i = rnd.nextInt(subnets.size());
    String name = subnets.get(i).path("name").asText().toLowerCase(java.util.Locale.ROOT);
    if (name.contains("firewall") || name.contains("gateway")) {
      return;
    }
    String at = vnet.value() + "/properties/subnets/" + i + "/properties/" + key;
    boolean present = subnets.get(i).path("properties").has(key);
    if (present && (targets.isEmpty() || rnd.nextInt(3) == 0)) {
      ops.add(op("remove", at, null));
    } else if (!targets.isEmpty()) {
      ops.add(op("add", at, JSON.createObjectNode().put("id", pick(targets, rnd).value())));
    }
  }

  private static void nicNsg(ArmResources base, SplittableRandom rnd, ArrayNode ops) {
    List<ResourceId> nics = base.topology().networkInterfaces().values().stream()
        .filter(n -> n.privateEndpoint().isEmpty()).map(n -> n.id()).toList();
    List<ResourceId> nsgs = new ArrayList<>(base.topology().networkSecurityGroups().keySet());
    if (nics.isEmpty() || nsgs.isEmpty()) {
      return;
    }
    ResourceId nic = pick(nics, rnd);
    String at = nic.value() + "/properties/networkSecurityGroup";
    if (base.topology().networkInterfaces().get(nic).networkSecurityGroup().isPresent() && rnd.nextBoolean()) {
      ops.add(op("remove", at, null));
    } else {
      ops.add(op("add", at, JSON.createObjectNode().put("id", pick(nsgs, rnd).value())));
    }
  }

  private static final String[] FW_SOURCES = {"10.0.0.0/8", "10.0.4.0/22", "10.0.4.0/26", "10.0.8.0/24", "*"};
  private static final String[] FW_DESTINATIONS = {"10.0.0.0/8", "10.0.4.0/22", "10.0.8.0/26", "Storage.EastUS",
      "AzureCloud", "20.0.0.0/8", "*"};
  private static final String[] FW_PORTS = {"443", "22", "*", "1000-2000", "8080"};
  private static final String[] FQDNS = {"*.blob.core.windows.net", "pypi.org", "login.microsoftonline.com", "*"};

  /**
   * One to three operations on the rule collection groups of the estate's firewall policies: a rule removed; a
   * network, application or DNAT rule added (to {@code dnatTo}, the firewall's public IP {@code firewallIp}); a rule
   * collection's action flipped, its priority changed (which may reorder rules), or a collection added.
   */
  public static String firewallPatch(ArmResources base, SplittableRandom rnd, String firewallIp, String dnatTo) {
    List<ResourceId> groups = new ArrayList<>();
    base.topology().firewallPolicies().values().forEach(p -> p.ruleCollectionGroups().forEach(g -> groups.add(
        g.id())));
    ArrayNode ops = JSON.createArrayNode();
    int n = 1 + rnd.nextInt(3);
    Set<String> touched = new HashSet<>();
    for (int k = 0; k < n; k++) {
      ResourceId g = pick(groups, rnd);
      JsonNode collections = base.tree(g).orElseThrow().path("properties").path("ruleCollections");
      int c = rnd.nextInt(collections.size());
      JsonNode coll = collections.get(c);
      boolean filter = coll.path("ruleCollectionType").asText().equals("FirewallPolicyFilterRuleCollection");
      String at = g.value() + "/properties/ruleCollections/";
      switch (rnd.nextInt(7)) {
        case 0 -> {
          if (coll.path("rules").size() > 0 && touched.add(g.key() + "#" + c)) {
            ops.add(op("remove", at + c + "/rules/" + rnd.nextInt(coll.path("rules").size()), null));
          }
        }
        case 1 -> {
          if (filter && coll.path("rules").path(0).path("ruleType").asText().equals("NetworkRule")) {
            ops.add(op("add", at + c + "/rules/-", networkRule(rnd)));
          }
        }
        case 2 -> {
          if (filter && coll.path("rules").path(0).path("ruleType").asText().equals("ApplicationRule")) {
            ops.add(op("add", at + c + "/rules/-", applicationRule(rnd)));
          }
        }
        case 3 -> {
          if (filter) {
            String action = coll.path("action").path("type").asText().equals("Allow") ? "Deny" : "Allow";
            ops.add(op("replace", at + c + "/action/type", JSON.getNodeFactory().textNode(action)));
          }
        }
        case 4 -> ops.add(op("replace", at + c + "/priority", JSON.getNodeFactory().numberNode(100
            + rnd.nextInt(400))));
        case 5 -> {
          ObjectNode added = JSON.createObjectNode();
          added.put("ruleCollectionType", "FirewallPolicyFilterRuleCollection");
          added.put("name", "random-collection-" + rnd.nextInt(1_000_000));
          added.put("priority", 100 + rnd.nextInt(900));
          added.putObject("action").put("type", rnd.nextBoolean() ? "Allow" : "Deny");
          added.putArray("rules").add(networkRule(rnd));
          ops.add(op("add", at + "-", added));
        }
        default -> {
          ObjectNode added = JSON.createObjectNode();
          added.put("ruleCollectionType", "FirewallPolicyNatRuleCollection");
          added.put("name", "random-dnat-" + rnd.nextInt(1_000_000));
          added.put("priority", 100 + rnd.nextInt(900));
          added.putObject("action").put("type", "DNAT");
          ObjectNode rule = added.putArray("rules").addObject();
          rule.put("ruleType", "NatRule");
          rule.put("name", "dnat-" + rnd.nextInt(1_000_000));
          rule.putArray("ipProtocols").add("TCP");
          rule.putArray("sourceAddresses").add(rnd.nextBoolean() ? "*" : "20.0.0.0/8");
          rule.putArray("destinationAddresses").add(firewallIp);
          rule.putArray("destinationPorts").add(rnd.nextBoolean() ? "8443" : "22");
          rule.put("translatedAddress", dnatTo);
          rule.put("translatedPort", "443");
          ops.add(op("add", at + "-", added));
        }
      }
    }
    return ops.toString();
  }

  private static ObjectNode networkRule(SplittableRandom rnd) {
    ObjectNode rule = JSON.createObjectNode();
    rule.put("ruleType", "NetworkRule");
    rule.put("name", "random-net-" + rnd.nextInt(1_000_000));
    rule.putArray("ipProtocols").add(new String[] {"TCP", "UDP", "ICMP", "Any"}[rnd.nextInt(4)]);
    rule.putArray("sourceAddresses").add(FW_SOURCES[rnd.nextInt(FW_SOURCES.length)]);
    rule.putArray("destinationAddresses").add(FW_DESTINATIONS[rnd.nextInt(FW_DESTINATIONS.length)]);
    rule.putArray("destinationPorts").add(FW_PORTS[rnd.nextInt(FW_PORTS.length)]);
    return rule;
  }

  private static ObjectNode applicationRule(SplittableRandom rnd) {
    ObjectNode rule = JSON.createObjectNode();
    rule.put("ruleType", "ApplicationRule");
    rule.put("name", "random-app-" + rnd.nextInt(1_000_000));
    rule.putArray("sourceAddresses").add(FW_SOURCES[rnd.nextInt(FW_SOURCES.length)]);
    rule.putArray("protocols").addObject().put("protocolType", "Https").put("port", 443);
    rule.putArray("targetFqdns").add(FQDNS[rnd.nextInt(FQDNS.length)]);
    return rule;
  }

  /**
   * One to three operations on resources of types the model does not use, VMs and Azure ML computes: a VM moved or
   * deleted, a compute moved to another subnet or its node public IP set, a storage account or key vault moved to
   * another region, a storage account added ({@code st414}, or named as one of the input's with an {@code x}) or one
   * deleted.
   */
  public static String otherPatch(ArmResources base, SplittableRandom rnd) {
    ArrayNode ops = JSON.createArrayNode();
    Set<String> touched = new HashSet<>();
    for (int i = 0, n = 1 + rnd.nextInt(3); i < n; i++) {
      otherOp(base, rnd, ops, touched);
    }
    return ops.toString();
  }

  private static final String[] LOCATIONS = {"eastus", "westeurope", "East US 2", "southeastasia"};

  private static void otherOp(ArmResources base, SplittableRandom rnd, ArrayNode ops, Set<String> touched) {
    if (rnd.nextInt(3) == 0) {
      namedOp(base, rnd, ops, touched);
      return;
    }
    List<ResourceId> others = new ArrayList<>(base.topology().otherResources().keySet());
    others.removeIf(id -> touched.contains(id.key()));
    int kind = others.isEmpty() ? 1 : rnd.nextInt(3);
    if (kind == 1) {
      List<ResourceId> accounts = base.topology().otherResources().values().stream()
          .filter(o -> o.type().equalsIgnoreCase("Microsoft.Storage/storageAccounts")).map(o -> o.id()).toList();
      String name = accounts.isEmpty() || rnd.nextBoolean() ? "st414" : pick(accounts, rnd).name() + "x";
      String id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-random/providers/"
          + "Microsoft.Storage/storageAccounts/" + name;
      if (!touched.add(ResourceId.of(id).key())) {
        return;
      }
      ObjectNode resource = JSON.createObjectNode().put("id", id).put("name", name)
          .put("type", "Microsoft.Storage/storageAccounts").put("location", LOCATIONS[rnd.nextInt(LOCATIONS.length)]);
      ops.add(JSON.createObjectNode().put("op", "put").set("resource", resource));
      return;
    }
    ResourceId id = pick(others, rnd);
    touched.add(id.key());
    if (kind == 0) {
      ops.add(op("replace", id.value() + "/location",
          JSON.getNodeFactory().textNode(LOCATIONS[rnd.nextInt(LOCATIONS.length)])));
    } else {
      ops.add(JSON.createObjectNode().put("op", "delete").put("id", id.value()));
    }
  }

  /** A VM moved to another region or deleted; an Azure ML compute moved to another subnet or its public IP flipped. */
  private static void namedOp(ArmResources base, SplittableRandom rnd, ArrayNode ops, Set<String> touched) {
    List<ResourceId> vms = new ArrayList<>(base.topology().virtualMachines().keySet());
    List<ResourceId> computes = new ArrayList<>(base.topology().amlComputes().keySet());
    vms.removeIf(id -> touched.contains(id.key()));
    computes.removeIf(id -> touched.contains(id.key()));
    if (computes.isEmpty() || !vms.isEmpty() && rnd.nextInt(3) == 0) {
      if (vms.isEmpty()) {
        return;
      }
      ResourceId vm = pick(vms, rnd);
      touched.add(vm.key());
      ops.add(rnd.nextBoolean() ? JSON.createObjectNode().put("op", "delete").put("id", vm.value())
          : op("replace", vm.value() + "/location", JSON.getNodeFactory().textNode("westeurope")));
      return;
    }
    ResourceId compute = pick(computes, rnd);
    touched.add(compute.key());
    if (rnd.nextBoolean()) {
      ops.add(op("add", compute.value() + "/properties/properties/enableNodePublicIp",
          JSON.getNodeFactory().booleanNode(rnd.nextBoolean())));
      return;
    }
    List<ResourceId> subnets = new ArrayList<>(base.topology().subnets().keySet());
    subnets.removeIf(id -> id.name().toLowerCase(java.util.Locale.ROOT).contains("firewall")
        || id.name().toLowerCase(java.util.Locale.ROOT).contains("gateway"));
    ops.add(op("add", compute.value() + "/properties/properties/subnet",
        JSON.createObjectNode().put("id", pick(subnets, rnd).value())));
  }

  private static <T> T pick(List<T> list, SplittableRandom rnd) {
    return list.get(rnd.nextInt(list.size()));
  }

  private static void ruleOp(ArmResources base, SplittableRandom rnd, ArrayNode ops, Set<String> touched) {
    ResourceId nsg = pick(new ArrayList<>(base.topology().networkSecurityGroups().keySet()), rnd);
    JsonNode rules = base.tree(nsg).orElseThrow().path("properties").path("securityRules");
    String at = nsg.value() + "/properties/securityRules/";
    int count = rules.size();
    int kind = count == 0 ? 3 : rnd.nextInt(4);
    int i = count == 0 ? 0 : rnd.nextInt(count);
    if (kind < 3 && !touched.add(nsg.key())) {
      kind = 3; // indexes of an NSG already edited may have moved: only append to it
    }
    switch (kind) {
      case 0 -> ops.add(op("remove", at + i, null));
      case 1 -> ops.add(op("replace", at + i + "/properties/access",
          JSON.getNodeFactory().textNode(rules.get(i).path("properties").path("access").asText().equals("Allow")
              ? "Deny" : "Allow")));
      case 2 -> {
        ops.add(op("add", at + i + "/properties/destinationPortRanges", JSON.createArrayNode()));
        ops.add(op("add", at + i + "/properties/destinationPortRange",
            JSON.getNodeFactory().textNode(Integer.toString(PORTS[rnd.nextInt(PORTS.length)]))));
      }
      default -> {
        ObjectNode rule = JSON.createObjectNode();
        rule.put("name", "random-" + rnd.nextInt(1_000_000));
        ObjectNode p = rule.putObject("properties");
        p.put("priority", 3000 + rnd.nextInt(1000));
        p.put("direction", rnd.nextBoolean() ? "Inbound" : "Outbound");
        p.put("access", rnd.nextBoolean() ? "Allow" : "Deny");
        p.put("protocol", new String[] {"Tcp", "Udp", "*", "Icmp"}[rnd.nextInt(4)]);
        p.put("sourcePortRange", "*");
        p.put("destinationPortRange", rnd.nextInt(4) == 0 ? "*" : Integer.toString(PORTS[rnd.nextInt(PORTS.length)]));
        p.put("sourceAddressPrefix", PREFIXES[rnd.nextInt(PREFIXES.length)]);
        p.put("destinationAddressPrefix", PREFIXES[rnd.nextInt(PREFIXES.length)]);
        touched.add(nsg.key() + "#appended");
        ops.add(op("add", at + "-", rule));
      }
    }
  }

  private static void routeOp(ArmResources base, SplittableRandom rnd, ArrayNode ops, Set<String> touched) {
    List<ResourceId> tables = new ArrayList<>(base.topology().routeTables().keySet());
    if (tables.isEmpty()) {
      return;
    }
    ResourceId rt = pick(tables, rnd);
    JsonNode routes = base.tree(rt).orElseThrow().path("properties").path("routes");
    String at = rt.value() + "/properties/routes/";
    if (routes.size() > 0 && rnd.nextBoolean() && touched.add(rt.key())) {
      ops.add(op("remove", at + rnd.nextInt(routes.size()), null));
      return;
    }
    ObjectNode route = JSON.createObjectNode();
    route.put("name", "random-route-" + rnd.nextInt(1_000_000));
    ObjectNode p = route.putObject("properties");
    p.put("addressPrefix", new String[] {"0.0.0.0/0", "20.0.0.0/8", "Storage.EastUS", "10.0.4.0/24", "10.10.2.0/24"}
        [rnd.nextInt(5)]);
    p.put("nextHopType", new String[] {"None", "Internet", "VnetLocal"}[rnd.nextInt(3)]);
    ops.add(op("add", at + "-", route));
  }

  private static void subnetOp(ArmResources base, SplittableRandom rnd, ArrayNode ops) {
    ResourceId vnet = pick(new ArrayList<>(base.topology().virtualNetworks().keySet()), rnd);
    JsonNode subnets = base.tree(vnet).orElseThrow().path("properties").path("subnets");
    if (subnets.size() == 0) {
      return;
    }
    int i = rnd.nextInt(subnets.size());
    if (subnets.get(i).path("properties").path("delegations").size() > 0
        || subnets.get(i).path("name").asText().toLowerCase(java.util.Locale.ROOT).contains("firewall")) {
      return;
    }
    String at = vnet.value() + "/properties/subnets/" + i + "/properties/networkSecurityGroup";
    List<ResourceId> nsgs = new ArrayList<>(base.topology().networkSecurityGroups().keySet());
    ObjectNode ref = JSON.createObjectNode().put("id", pick(nsgs, rnd).value());
    ops.add(op("add", at, ref));
  }

  static ObjectNode op(String op, String path, JsonNode value) {
    ObjectNode o = JSON.createObjectNode().put("op", op).put("path", "/" + path.replaceFirst("^/", ""));
    if (value != null) {
      o.set("value", value);
    }
    return o;
  }
}
