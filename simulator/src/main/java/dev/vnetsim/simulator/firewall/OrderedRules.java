package dev.vnetsim.simulator.firewall;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.firewall.AzureFirewall;
import dev.vnetsim.model.firewall.FirewallAction;
import dev.vnetsim.model.firewall.FirewallPolicy;
import dev.vnetsim.model.firewall.FirewallRule;
import dev.vnetsim.model.firewall.RuleCollection;
import dev.vnetsim.model.firewall.RuleCollectionGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A firewall's rules in processing order (azure-semantics.md §4.1, §4.2 step 2): by pass (DNAT, then network, then
 * application, whatever the group priorities); within a pass, policy rules go parent policy first (the base policy's
 * groups before the child's, recursively), then by rule collection group priority, then by collection priority, then
 * in the order written; classic rules by collection priority. Lower priority numbers first; equal numbers keep the
 * input order.
 */
public final class OrderedRules {
  private OrderedRules() {}

  /** One rule where it sits: its container (policy or firewall), name in Azure's words and collection. */
  public record Entry(Pass pass, FirewallRule rule, FirewallAction action, ResourceId container, String ruleName,
      int priority, String where) {}

  /** The rules, or why they cannot be known (a policy not in the input). */
  public record Result(ImmutableList<Entry> entries, Optional<String> missing, Optional<ResourceId> policy) {}

  public static Result of(AzureFirewall fw, Topology t) {
    if (fw.firewallPolicy().isPresent()) {
      return policyRules(fw.firewallPolicy().get(), t);
    }
    List<Entry> out = new ArrayList<>();
    classic(fw, fw.natRuleCollections(), Pass.DNAT, out);
    classic(fw, fw.networkRuleCollections(), Pass.NETWORK, out);
    classic(fw, fw.applicationRuleCollections(), Pass.APPLICATION, out);
    return new Result(ImmutableList.copyOf(out), Optional.empty(), Optional.empty());
  }

  private static void classic(AzureFirewall fw, List<RuleCollection> collections, Pass pass, List<Entry> out) {
    List<RuleCollection> sorted = new ArrayList<>(collections);
    sorted.sort(Comparator.comparingInt(RuleCollection::priority));
    for (RuleCollection c : sorted) {
      for (FirewallRule r : c.rules()) {
        if (belongs(pass, r)) {
          out.add(new Entry(pass, r, c.action(), fw.id(), c.name() + "/" + r.name(), c.priority(),
              "classic " + kind(pass) + " rule collection " + c.name() + " (priority " + c.priority() + ")"));
        }
      }
    }
  }

  private static Result policyRules(ResourceId policy, Topology t) {
    List<FirewallPolicy> chain = new ArrayList<>();
    java.util.Set<ResourceId> seen = new java.util.HashSet<>();
    Optional<ResourceId> next = Optional.of(policy);
    while (next.isPresent()) {
      ResourceId id = next.get();
      FirewallPolicy p = t.firewallPolicies().get(id);
      if (p == null) {
        return new Result(ImmutableList.of(), Optional.of("firewall policy " + id + " is not in the input"),
            Optional.of(policy));
      }
      if (!seen.add(id)) {
        return new Result(ImmutableList.of(), Optional.of("firewall policy " + id + " is its own ancestor"),
            Optional.of(policy));
      }
      chain.add(0, p); // parents first (§4.2 step 2)
      next = p.basePolicy();
    }
    List<Entry> out = new ArrayList<>();
    for (Pass pass : Pass.values()) {
      for (FirewallPolicy p : chain) {
        List<RuleCollectionGroup> groups = new ArrayList<>(p.ruleCollectionGroups());
        groups.sort(Comparator.comparingInt(RuleCollectionGroup::priority));
        for (RuleCollectionGroup g : groups) {
          List<RuleCollection> collections = new ArrayList<>(g.ruleCollections());
          collections.sort(Comparator.comparingInt(RuleCollection::priority));
          for (RuleCollection c : collections) {
            for (FirewallRule r : c.rules()) {
              if (belongs(pass, r)) {
                out.add(new Entry(pass, r, c.action(), p.id(), g.name() + "/" + c.name() + "/" + r.name(),
                    c.priority(), "policy " + p.name() + ", rule collection group " + g.name() + " (priority "
                        + g.priority() + "), " + kind(pass) + " rule collection " + c.name() + " (priority "
                        + c.priority() + ")"));
              }
            }
          }
        }
      }
    }
    return new Result(ImmutableList.copyOf(out), Optional.empty(), Optional.of(policy));
  }

  private static boolean belongs(Pass pass, FirewallRule r) {
    return switch (pass) {
      case DNAT -> r instanceof FirewallRule.NatRule;
      case NETWORK -> r instanceof FirewallRule.NetworkRule;
      case APPLICATION -> r instanceof FirewallRule.ApplicationRule;
    };
  }

  private static String kind(Pass pass) {
    return switch (pass) {
      case DNAT -> "DNAT";
      case NETWORK -> "network";
      case APPLICATION -> "application";
    };
  }
}
