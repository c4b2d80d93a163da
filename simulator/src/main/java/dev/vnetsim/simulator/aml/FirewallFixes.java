package dev.vnetsim.simulator.aml;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.firewall.FirewallAction;
import dev.vnetsim.model.firewall.FirewallPolicy;
import dev.vnetsim.model.firewall.FirewallRule;
import dev.vnetsim.model.firewall.RuleCollection;
import dev.vnetsim.model.firewall.RuleCollectionGroup;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.simulator.requirements.Requirement;
import dev.vnetsim.simulator.trace.DecidedBy;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The firewall-policy change that lets a row through Azure Firewall: a new rule collection group, processed before
 * the group whose rule denied the flow (groups run by priority, azure-semantics.md §4.2), with one Allow
 * collection holding an application rule (HTTP/HTTPS FQDN rows, §4.4) or a network rule (service-tag rows, and
 * FQDN rows on other ports when DNS proxy is on, §4.3) from the compute subnet's prefixes.
 */
final class FirewallFixes {
  static final String GROUP = "vnetsim-azureml";

  private FirewallFixes() {}

  static Optional<Fixes.Applied> propose(Topology t, Subnet subnet, Requirement row, Optional<String> tag,
      DecidedBy denied) {
    FirewallPolicy policy = t.firewallPolicies().get(denied.resourceId());
    if (policy == null) {
      return Optional.empty(); // classic rules: not proposed
    }
    Optional<Integer> priority = groupPriority(policy, denied.ruleName());
    if (priority.isEmpty()) {
      return Optional.empty();
    }
    ImmutableList<AddressMatch> sources = subnet.addressPrefixes().stream()
        .map(c -> (AddressMatch) new AddressMatch.Prefix(c)).collect(ImmutableList.toImmutableList());
    String ruleName = "allow-" + row.id().toLowerCase(java.util.Locale.ROOT);
    boolean web = row.kind() == Requirement.Kind.FQDN && row.protocol() == Protocol.TCP
        && row.ports().stream().allMatch(p -> p.from() == p.to() && (p.from() == 80 || p.from() == 443));
    FirewallRule rule;
    Map<String, Object> arm = new LinkedHashMap<>();
    arm.put("name", ruleName);
    arm.put("sourceAddresses", subnet.addressPrefixes().stream().map(Object::toString).toList());
    if (web) {
      ImmutableList<FirewallRule.AppProtocol> protocols = row.ports().stream()
          .map(p -> new FirewallRule.AppProtocol(p.from() == 80 ? "Http" : "Https", p.from()))
          .collect(ImmutableList.toImmutableList());
      rule = new FirewallRule.ApplicationRule(ruleName, protocols, sources, ImmutableList.of(),
          ImmutableList.of(row.peer()), ImmutableList.of(), ImmutableList.of(), ImmutableList.of(), false);
      arm.put("ruleType", "ApplicationRule");
      arm.put("protocols", protocols.stream().map(p -> Map.of("protocolType", p.type(), "port", p.port())).toList());
      arm.put("targetFqdns", List.of(row.peer()));
    } else {
      boolean byName = row.kind() == Requirement.Kind.FQDN && policy.dnsProxyEnabled();
      if (!byName && tag.isEmpty()) {
        return Optional.empty();
      }
      ImmutableList<Protocol> protocols = row.protocol() == Protocol.ANY ? ImmutableList.of(Protocol.TCP,
          Protocol.UDP) : ImmutableList.of(row.protocol());
      rule = new FirewallRule.NetworkRule(ruleName, protocols, sources, ImmutableList.of(),
          byName ? ImmutableList.of() : ImmutableList.of(new AddressMatch.ServiceTag(tag.get())), ImmutableList.of(),
          byName ? ImmutableList.of(row.peer()) : ImmutableList.of(), row.ports());
      arm.put("ruleType", "NetworkRule");
      arm.put("ipProtocols", protocols.stream().map(p -> p.name()).toList());
      arm.put(byName ? "destinationFqdns" : "destinationAddresses", List.of(byName ? row.peer() : tag.get()));
      arm.put("destinationPorts", row.ports().stream().map(PortRange::toString).toList());
    }
    RuleCollection collection = new RuleCollection("allow-azureml", web ? RuleCollection.Kind.APPLICATION
        : RuleCollection.Kind.NETWORK, 100, FirewallAction.ALLOW, ImmutableList.of(rule));
    String groupName = GROUP + "-" + row.id().toLowerCase(java.util.Locale.ROOT);
    RuleCollectionGroup group = new RuleCollectionGroup(policy.id().child("ruleCollectionGroups", groupName),
        groupName, priority.get(), ImmutableList.of(collection));
    Topology.Builder b = t.toBuilder();
    b.firewallPolicies.put(policy.id(), new FirewallPolicy(policy.id(), policy.name(), policy.location(),
        policy.basePolicy(), policy.dnsProxyEnabled(), policy.threatIntelMode(),
        ImmutableList.<RuleCollectionGroup>builder().addAll(policy.ruleCollectionGroups()).add(group).build()));
    String summary = String.format("add to firewall policy %s: rule collection group %s (priority %d), Allow %s "
        + "%s from %s to %s port %s", policy.name(), groupName, priority.get(), web ? "application rule"
        : "network rule", ruleName, String.join(",", subnet.addressPrefixes().stream().map(Object::toString)
        .toList()), web || (row.kind() == Requirement.Kind.FQDN && policy.dnsProxyEnabled()) ? row.peer()
        : tag.orElse(row.peer()), String.join(",", row.ports().stream().map(PortRange::toString).toList()));
    return Optional.of(new Fixes.Applied(new Fix(Fix.Kind.FIREWALL_RULE, group.id(), summary, ImmutableMap.of(
        "name", groupName, "properties", ImmutableMap.of("priority", priority.get(), "ruleCollections", List.of(
            ImmutableMap.of("ruleCollectionType", "FirewallPolicyFilterRuleCollection", "name", "allow-azureml",
                "priority", 100, "action", Map.of("type", "Allow"), "rules", List.of(arm))))), false),
        b.build()));
  }

  /**
   * A free group priority processed before the group that denied ({@code <group>/<collection>/<rule>}); for the
   * default deny, the largest free priority.
   */
  static Optional<Integer> groupPriority(FirewallPolicy policy, String deniedBy) {
    Set<Integer> used = new HashSet<>();
    policy.ruleCollectionGroups().forEach(g -> used.add(g.priority()));
    int below = 65001;
    int slash = deniedBy.indexOf('/');
    if (slash > 0) {
      String group = deniedBy.substring(0, slash);
      Optional<RuleCollectionGroup> g = policy.ruleCollectionGroups().stream()
          .filter(x -> x.name().equalsIgnoreCase(group)).findFirst();
      if (g.isEmpty()) {
        return Optional.empty(); // denied in a parent policy's group: it runs before any group of ours
      }
      below = g.get().priority();
    }
    for (int p = below - 1; p >= 100; p--) {
      if (!used.contains(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
