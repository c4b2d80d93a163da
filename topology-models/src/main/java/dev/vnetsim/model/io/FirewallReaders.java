package dev.vnetsim.model.io;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.firewall.AzureFirewall;
import dev.vnetsim.model.firewall.FirewallAction;
import dev.vnetsim.model.firewall.FirewallPolicy;
import dev.vnetsim.model.firewall.FirewallRule;
import dev.vnetsim.model.firewall.IpGroup;
import dev.vnetsim.model.firewall.RuleCollection;
import dev.vnetsim.model.firewall.RuleCollectionGroup;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Azure Firewall (classic rule collections), firewall policies with rule collection groups, and IP groups. Classic
 * rules say {@code protocols}, policy network rules {@code ipProtocols}; both are read.
 */
final class FirewallReaders {
  private FirewallReaders() {}

  static void register(Map<String, Readers.ResourceReader> m) {
    m.put("microsoft.network/azurefirewalls", FirewallReaders::azureFirewall);
    m.put("microsoft.network/firewallpolicies", FirewallReaders::firewallPolicy);
    m.put("microsoft.network/firewallpolicies/rulecollectiongroups",
        (c, at, id) -> c.child(c.ruleCollectionGroups, id, ruleCollectionGroup(at, id), at));
    m.put("microsoft.network/ipgroups", (c, at, id) -> c.put(c.topology.ipGroups, id, new IpGroup(id,
        Readers.name(at, id), Readers.location(at), Values.addresses(at.field("ipAddresses"))), at));
  }

  static void azureFirewall(Collector c, Json at, ResourceId id) {
    ImmutableList<AzureFirewall.IpConfig> configs = at.field("ipConfigurations").elements().stream()
        .map(ic -> new AzureFirewall.IpConfig(ic.get("name").text().orElse(""), Values.ip(ic.field("privateIPAddress")),
            ic.field("subnet").ref(), ic.field("publicIPAddress").ref()))
        .collect(ImmutableList.toImmutableList());
    Json hub = at.field("hubIPAddresses").get("privateIPAddress");
    if (configs.isEmpty() && !hub.isMissing()) { // a secured virtual hub's firewall has no ipConfigurations
      configs = ImmutableList.of(new AzureFirewall.IpConfig("hubIPAddresses", Values.ip(hub), Optional.empty(),
          Optional.empty()));
    }
    Json sku = at.field("sku");
    c.put(c.topology.azureFirewalls, id, new AzureFirewall(id, Readers.name(at, id), Readers.location(at),
        sku.get("name").text().orElse("AZFW_VNet"), sku.get("tier").text().orElse("Standard"), configs,
        at.field("firewallPolicy").ref(), classic(at.field("natRuleCollections"), RuleCollection.Kind.NAT),
        classic(at.field("networkRuleCollections"), RuleCollection.Kind.NETWORK),
        classic(at.field("applicationRuleCollections"), RuleCollection.Kind.APPLICATION),
        at.field("threatIntelMode").text().orElse("")), at);
  }

  private static ImmutableList<RuleCollection> classic(Json list, RuleCollection.Kind kind) {
    return list.elements().stream().map(rc -> collection(rc, kind)).collect(ImmutableList.toImmutableList());
  }

  static void firewallPolicy(Collector c, Json at, ResourceId id) {
    Collector.Children<RuleCollectionGroup> groups = c.children(RuleCollectionGroup::id);
    for (Json g : at.field("ruleCollectionGroups").elements()) {
      if (!g.field("priority").isMissing() || !g.field("ruleCollections").isMissing()) {
        ResourceId gid = Readers.childId(g, id, "ruleCollectionGroups");
        groups.read(g, gid, () -> ruleCollectionGroup(g, gid));
      } // else only a reference ({"id": ...}) to a group read standalone
    }
    c.put(c.topology.firewallPolicies, id, new FirewallPolicy(id, Readers.name(at, id), Readers.location(at),
        at.field("basePolicy").ref(), at.field("dnsSettings").get("enableProxy").bool(false),
        at.field("threatIntelMode").text().orElse(""), groups.build()), at);
  }

  static RuleCollectionGroup ruleCollectionGroup(Json at, ResourceId id) {
    int priority = Readers.requiredIntInRange(at.field("priority"), 100, 65000);
    ImmutableList<RuleCollection> collections = at.field("ruleCollections").elements().stream()
        .map(rc -> collection(rc, policyKind(rc.field("ruleCollectionType"))))
        .collect(ImmutableList.toImmutableList());
    return new RuleCollectionGroup(id, Readers.name(at, id), priority, collections);
  }

  private static RuleCollection.Kind policyKind(Json type) {
    String t = type.text().orElse("FirewallPolicyFilterRuleCollection").toLowerCase(Locale.ROOT);
    return switch (t) {
      case "firewallpolicyfilterrulecollection" -> RuleCollection.Kind.FILTER;
      case "firewallpolicynatrulecollection" -> RuleCollection.Kind.NAT;
      default -> throw type.error("must be one of FirewallPolicyFilterRuleCollection, FirewallPolicyNatRuleCollection,"
          + " was " + type.describe());
    };
  }

  /** A classic or policy rule collection: name, priority, {@code action.type}, rules. */
  private static RuleCollection collection(Json at, RuleCollection.Kind kind) {
    int priority = Readers.requiredIntInRange(at.field("priority"), 100, 65000);
    Json actionAt = at.field("action").get("type");
    FirewallAction action = actionAt.isMissing() && kind == RuleCollection.Kind.NAT ? FirewallAction.DNAT
        : FirewallAction.tryParse(actionAt.requiredText())
            .orElseThrow(() -> actionAt.error("must be one of Allow, Deny, Dnat, was " + actionAt.describe()));
    ImmutableList<FirewallRule> rules = at.field("rules").elements().stream().map(r -> rule(r, kind))
        .collect(ImmutableList.toImmutableList());
    return new RuleCollection(at.get("name").requiredText(), kind, priority, action, rules);
  }

  private static FirewallRule rule(Json at, RuleCollection.Kind kind) {
    Json typeAt = at.field("ruleType");
    String type = switch (kind) {
      case NAT -> "natrule";
      case NETWORK -> "networkrule";
      case APPLICATION -> "applicationrule";
      case FILTER -> typeAt.requiredText().toLowerCase(Locale.ROOT);
    };
    return switch (type) {
      case "networkrule" -> networkRule(at);
      case "applicationrule" -> applicationRule(at);
      case "natrule" -> natRule(at);
      default -> throw typeAt.error("must be one of NetworkRule, ApplicationRule, NatRule, was " + typeAt.describe());
    };
  }

  private static FirewallRule.NetworkRule networkRule(Json at) {
    return new FirewallRule.NetworkRule(at.get("name").requiredText(),
        Values.protocols(at.field("ipProtocols", "protocols")), Values.addresses(at.field("sourceAddresses")),
        at.field("sourceIpGroups").refs(), Values.addresses(at.field("destinationAddresses")),
        at.field("destinationIpGroups").refs(),
        at.field("destinationFqdns").texts(), Values.ports(at.field("destinationPorts")));
  }

  private static FirewallRule.ApplicationRule applicationRule(Json at) {
    ImmutableList<FirewallRule.AppProtocol> protocols = at.field("protocols").elements().stream()
        .map(p -> new FirewallRule.AppProtocol(p.field("protocolType").requiredText(),
            Readers.requiredIntInRange(p.field("port"), 0, 65535)))
        .collect(ImmutableList.toImmutableList());
    return new FirewallRule.ApplicationRule(at.get("name").requiredText(), protocols,
        Values.addresses(at.field("sourceAddresses")), at.field("sourceIpGroups").refs(),
        at.field("targetFqdns").texts(), at.field("fqdnTags").texts(),
        at.field("webCategories").texts(), at.field("targetUrls").texts(),
        at.field("terminateTLS").bool(false));
  }

  private static FirewallRule.NatRule natRule(Json at) {
    Json port = at.field("translatedPort");
    return new FirewallRule.NatRule(at.get("name").requiredText(),
        Values.protocols(at.field("ipProtocols", "protocols")), Values.addresses(at.field("sourceAddresses")),
        at.field("sourceIpGroups").refs(), Values.addresses(at.field("destinationAddresses")),
        Values.ports(at.field("destinationPorts")), at.field("translatedAddress").text().filter(s -> !s.isBlank()),
        at.field("translatedFqdn").text().filter(s -> !s.isBlank()),
        port.isMissing() ? Optional.empty() : Optional.of(Readers.intInRange(port, 0, 0, 65535)));
  }
}
