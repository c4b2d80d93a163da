package dev.vnetsim.simulator.whatif;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.firewall.FirewallRule;
import dev.vnetsim.model.firewall.RuleCollection;
import dev.vnetsim.model.firewall.RuleCollectionGroup;
import dev.vnetsim.model.security.SecurityRule;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Destination-port classes of one protocol: the ports 0–65535 cut at every boundary of every destination port range
 * that a rule of that protocol (or of any protocol) names in any of the topologies (NSG rules, firewall network and
 * NAT rules). No rule tells two ports of a class apart, so a class has one outcome on every side, and a change of any
 * rule shows up in the classes at its boundaries.
 */
public final class PortClasses {
  private PortClasses() {}

  /** The classes for {@code protocol} (TCP or UDP), in port order. */
  public static ImmutableList<PortRange> of(Protocol protocol, List<Topology> sides) {
    TreeSet<Integer> cuts = new TreeSet<>();
    sides.forEach(t -> scan(protocol, t, Optional.empty(), cuts));
    return classes(cuts);
  }

  /**
   * The classes of a what-if's two sides: the before side's cuts (kept in {@code memo}), plus those of the after
   * side's rules that are not the very same instances as the before side's (the cuts of a union of sides are the
   * union of their cuts, so this equals {@link #of(Protocol, List)}).
   */
  public static ImmutableList<PortRange> of(Protocol protocol, Topology before, Topology after, Memo memo) {
    TreeSet<Integer> cuts = new TreeSet<>(memo.get("whatif.port-cuts." + protocol, new Memo.Same(before), () -> {
      TreeSet<Integer> c = new TreeSet<>();
      scan(protocol, before, Optional.empty(), c);
      return ImmutableSortedSet.copyOf(c);
    }));
    scan(protocol, after, Optional.of(before), cuts);
    return classes(cuts);
  }

  /** Adds the cuts of {@code t}'s rules, skipping NSGs, policies and firewalls that are the same instance in {@code same}. */
  private static void scan(Protocol protocol, Topology t, Optional<Topology> same, TreeSet<Integer> cuts) {
    t.networkSecurityGroups().forEach((id, nsg) -> {
      if (same.isEmpty() || same.get().networkSecurityGroups().get(id) != nsg) {
        for (SecurityRule r : nsg.securityRules()) {
          if (r.protocol().matches(protocol)) {
            r.destinationPortRanges().forEach(p -> cut(cuts, p));
          }
        }
      }
    });
    t.firewallPolicies().forEach((id, p) -> {
      if (same.isEmpty() || same.get().firewallPolicies().get(id) != p) {
        for (RuleCollectionGroup g : p.ruleCollectionGroups()) {
          g.ruleCollections().forEach(c -> firewall(cuts, c, protocol));
        }
      }
    });
    t.azureFirewalls().forEach((id, fw) -> {
      if (same.isEmpty() || same.get().azureFirewalls().get(id) != fw) {
        fw.networkRuleCollections().forEach(c -> firewall(cuts, c, protocol));
        fw.natRuleCollections().forEach(c -> firewall(cuts, c, protocol));
      }
    });
  }

  private static ImmutableList<PortRange> classes(TreeSet<Integer> cuts) {
    cuts.add(0);
    ImmutableList.Builder<PortRange> out = ImmutableList.builder();
    Integer start = null;
    for (int cut : cuts) {
      if (start != null) {
        out.add(new PortRange(start, cut - 1));
      }
      start = cut;
    }
    out.add(new PortRange(start, 65535));
    return out.build();
  }

  private static void firewall(TreeSet<Integer> cuts, RuleCollection c, Protocol protocol) {
    for (FirewallRule r : c.rules()) {
      if (r instanceof FirewallRule.NetworkRule n && n.protocols().stream().anyMatch(p -> p.matches(protocol))) {
        n.destinationPorts().forEach(p -> cut(cuts, p));
      } else if (r instanceof FirewallRule.NatRule n && n.protocols().stream().anyMatch(p -> p.matches(protocol))) {
        n.destinationPorts().forEach(p -> cut(cuts, p));
      }
    }
  }

  private static void cut(TreeSet<Integer> cuts, PortRange r) {
    cuts.add(r.from());
    if (r.to() < 65535) {
      cuts.add(r.to() + 1);
    }
  }

  /** A class as output writes it: {@code 443}, {@code 1024-8442}, {@code *} for all ports. */
  public static String text(PortRange r) {
    if (r.equals(PortRange.ALL)) {
      return "*";
    }
    return r.from() == r.to() ? Integer.toString(r.from()) : r.from() + "-" + r.to();
  }
}
