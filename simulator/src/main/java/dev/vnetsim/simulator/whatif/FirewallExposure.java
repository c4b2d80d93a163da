package dev.vnetsim.simulator.whatif;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import com.google.common.collect.TreeRangeSet;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.firewall.AzureFirewall;
import dev.vnetsim.model.firewall.FirewallPolicy;
import dev.vnetsim.simulator.engine.CompiledFirewalls;
import dev.vnetsim.simulator.engine.DataPlane;
import dev.vnetsim.simulator.firewall.CompiledFirewall;
import dev.vnetsim.simulator.firewall.CompiledRule;
import dev.vnetsim.simulator.firewall.Pass;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.FlowSpace;
import dev.vnetsim.simulator.trace.Ports;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a change of firewall policies (rule collection groups, rules) or IP groups can alter, read off the compiled
 * firewalls of both sides. An Azure Firewall decides each packet by the first rule that matches it, in one processing
 * order (DNAT, then network, then application rules; by group and collection priority: azure-semantics.md §4.2, which
 * {@link CompiledFirewall#rules()} follows). When the rules present on both sides keep their relative order and the
 * policies' other settings (base policy, DNS proxy, threat intelligence) are the same, a packet that no added, removed
 * or edited rule matches meets the same rules in the same order on both sides, and so the same decision. So a flow
 * can change at a firewall only if a changed rule can match it: its source (as the firewall sees it) among the
 * rule's sources, its destination among the rule's destinations. Application rules and network rules with FQDNs
 * match by name, whatever the address: for them every destination counts.
 *
 * <p>{@code rules} holds one box of packets per changed rule, over every firewall of the estate; {@link Impact} adds
 * the boxes of changes at carrier subnets ({@link CarrierExposure}), so that one focus answers for both.
 */
record FirewallExposure(ImmutableList<Rect> rules) {

  /**
   * The packets one changed rule may match: its sources, destinations, protocols and destination ports; {@code
   * atFirewall} when it is a firewall's rule (only packets routed to a firewall meet it, see {@link FirewallReach}),
   * false for a change at another subnet that carries others' traffic ({@link CarrierExposure}).
   */
  record Rect(IpSet sources, IpSet destinations, ImmutableSet<Protocol> protocols, ImmutableRangeSet<Integer> ports,
      boolean atFirewall, IpSet unnamedDestinations) {

    /**
     * A rule that matches by address alone: the destinations of flows that carry no name (the differential's) are
     * its destinations.
     */
    Rect(IpSet sources, IpSet destinations, ImmutableSet<Protocol> protocols, ImmutableRangeSet<Integer> ports,
        boolean atFirewall) {
      this(sources, destinations, protocols, ports, atFirewall, destinations);
    }
  }

  /**
   * Packets of a flow (to some destinations, of some protocols, to some destination ports for protocols with ports)
   * that include every packet a changed rule may match. With {@code narrow} (only firewall rules changed there), the
   * what-if simulates the flow for these packets alone: each is walked as in the whole flow, so dispositions, deciding
   * rules and paths are those of a full recomputation; a step text that names the packets as a set (a destination in
   * no subnet, the first address delivered to) names these packets only. Not at a carrier subnet, whose routes decide
   * exactly such sets of packets: there the flow is simulated whole.
   */
  record Packets(IpSet destinations, ImmutableSet<Protocol> protocols, ImmutableRangeSet<Integer> ports,
      boolean narrow) {

    /** The request cut to these packets (and to {@code alsoWithin}, when given). */
    FlowRequest narrow(FlowRequest r, Optional<IpSet> alsoWithin) {
      IpSet d = alsoWithin.map(destinations::intersection).orElse(destinations);
      return new FlowRequest(r.from(), r.to(), Sets.immutableEnumSet(Sets.intersection(r.protocols(), protocols)),
          r.ports().intersection(ports), Optional.of(r.within().map(d::intersection).orElse(d)));
    }
  }

  /**
   * The packets to {@code destinations} of the protocols and ports of some changed rules (a box around them); {@code
   * narrow} when a flow may be simulated for these packets alone (see {@link Packets}).
   */
  Packets packets(BitSet which, IpSet destinations, boolean narrow) {
    EnumSet<Protocol> protocols = EnumSet.noneOf(Protocol.class);
    TreeRangeSet<Integer> ports = TreeRangeSet.create();
    for (int i = which.nextSetBit(0); i >= 0; i = which.nextSetBit(i + 1)) {
      protocols.addAll(rules.get(i).protocols());
      ports.addAll(rules.get(i).ports());
    }
    return new Packets(destinations, Sets.immutableEnumSet(protocols), ImmutableRangeSet.copyOf(ports), narrow);
  }

  /**
   * Whether a changed rule can match a packet of {@code space}, with its source as sent or replaced by one of
   * {@code translated} (an Azure Firewall's private address, when an earlier firewall translated it).
   */
  boolean matches(FlowSpace space, IpSet translated) {
    for (Rect r : rules) {
      for (FlowBox x : FlowBox.of(r.sources(), r.destinations(), r.protocols(), Ports.ALL, r.ports())) {
        for (FlowBox b : space.boxes()) {
          if (!b.withSource(b.source().union(translated)).intersect(x).isEmpty()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The changed rules of every firewall between two data planes whose only differences are firewall policies and IP
   * groups; empty when the change cannot be bounded by rules (policy settings, a firewall or its stage changed, the
   * common rules reordered, a firewall's rules unknown on one side only).
   */
  static Optional<FirewallExposure> of(DataPlane before, DataPlane after) {
    if (!(before.firewallStage() instanceof CompiledFirewalls b)
        || !(after.firewallStage() instanceof CompiledFirewalls a)
        || !sameSettings(before.topology().firewallPolicies(), after.topology().firewallPolicies())
        || !before.topology().azureFirewalls().equals(after.topology().azureFirewalls())) {
      return Optional.empty();
    }
    List<Rect> rects = new ArrayList<>();
    for (AzureFirewall fw : after.topology().azureFirewalls().values()) {
      CompiledFirewall cb = b.compiled(fw);
      CompiledFirewall ca = a.compiled(fw);
      if (!cb.missing().equals(ca.missing()) || cb.threatIntelDeny() != ca.threatIntelDeny()
          || !cb.container().equals(ca.container())) {
        return Optional.empty();
      }
      if (cb.missing().isPresent()) {
        continue; // unknown on both sides in the same words: every packet gets the same answer
      }
      List<CompiledRule> changed = changedRules(cb.rules(), ca.rules());
      if (changed == null) {
        return Optional.empty();
      }
      changed.forEach(r -> rects.add(new Rect(r.sourceUnknown().isPresent() ? IpSet.ALL : r.source(),
          byName(r) || r.destinationUnknown().isPresent() ? IpSet.ALL : r.destination(), r.protocols(),
          r.ports(), true, r.unnamedDestinations())));
    }
    return Optional.of(new FirewallExposure(ImmutableList.copyOf(rects)));
  }

  private static boolean byName(CompiledRule r) {
    return r.pass() == Pass.APPLICATION || !r.fqdns().isEmpty() || !r.ignoredFqdns().isEmpty();
  }

  /**
   * The rules of either side that the other does not have (compared without their position), or null when the rules
   * both have are not in the same relative order on both sides.
   */
  static List<CompiledRule> changedRules(List<CompiledRule> before, List<CompiledRule> after) {
    List<CompiledRule> b = before.stream().map(r -> r.withIndex(0)).toList();
    List<CompiledRule> a = after.stream().map(r -> r.withIndex(0)).toList();
    Set<CompiledRule> inB = new HashSet<>(b);
    Set<CompiledRule> inA = new HashSet<>(a);
    if (inB.size() != b.size() || inA.size() != a.size()) {
      return null; // a rule twice on one side: which copy is common is not well defined
    }
    if (!b.stream().filter(inA::contains).toList().equals(a.stream().filter(inB::contains).toList())) {
      return null;
    }
    List<CompiledRule> out = new ArrayList<>();
    b.stream().filter(r -> !inA.contains(r)).forEach(out::add);
    a.stream().filter(r -> !inB.contains(r)).forEach(out::add);
    return out;
  }

  /** The same policies on both sides with the same settings besides their rule collection groups. */
  private static boolean sameSettings(Map<ResourceId, FirewallPolicy> before, Map<ResourceId, FirewallPolicy> after) {
    if (!before.keySet().equals(after.keySet())) {
      return false;
    }
    for (Map.Entry<ResourceId, FirewallPolicy> e : before.entrySet()) {
      FirewallPolicy x = e.getValue();
      FirewallPolicy y = after.get(e.getKey());
      if (!x.basePolicy().equals(y.basePolicy()) || x.dnsProxyEnabled() != y.dnsProxyEnabled()
          || !Objects.equals(x.threatIntelMode(), y.threatIntelMode())) {
        return false;
      }
    }
    return true;
  }
}
