package dev.vnetsim.simulator.firewall;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.firewall.AzureFirewall;
import dev.vnetsim.model.firewall.FirewallAction;
import dev.vnetsim.simulator.dns.FlowName;
import dev.vnetsim.simulator.trace.DecidedBy;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.FlowSpace;
import dev.vnetsim.simulator.trace.Ports;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * A firewall compiled for set-valued classification (azure-semantics.md §4.2): its rules in processing order, and a
 * destination index (elementary IPv4 intervals → bitset of the rules whose destinations touch them) that picks the
 * rules a query can hit before any set algebra. {@link #evaluate} splits a flow space into parts, each decided by the
 * first matching rule in order (rules are terminating, §4.2 step 3), or by the default action Deny (§4.2 step 6).
 * Immutable; thread-safe.
 */
public final class CompiledFirewall {

  /** The {@code ruleName} of the default action in a trace. */
  public static final String DEFAULT_ACTION = "Default Action";

  private final AzureFirewall firewall;
  private final ResourceId container;
  private final ImmutableList<CompiledRule> rules;
  private final Optional<String> missing;
  private final boolean threatIntelDeny;
  private final DestinationIndex index;
  /** Regions of the rules that do not depend on the flow's name, computed once. */
  private final CompiledRule.Region[] fixed;

  CompiledFirewall(AzureFirewall firewall, ResourceId container, ImmutableList<CompiledRule> rules,
      Optional<String> missing, boolean threatIntelDeny) {
    this.firewall = firewall;
    this.container = container;
    this.rules = rules;
    this.missing = missing;
    this.threatIntelDeny = threatIntelDeny;
    this.index = new DestinationIndex(rules);
    this.fixed = new CompiledRule.Region[rules.size()];
    for (CompiledRule r : rules) {
      if (r.pass() != Pass.APPLICATION && r.fqdns().isEmpty()) {
        fixed[r.index()] = r.region(FlowName.NONE);
      }
    }
  }

  public AzureFirewall firewall() {
    return firewall;
  }

  /** The policy (or, for classic rules, the firewall) that {@code decidedBy} names for the default action. */
  public ResourceId container() {
    return container;
  }

  public ImmutableList<CompiledRule> rules() {
    return rules;
  }

  public Optional<String> missing() {
    return missing;
  }

  public boolean threatIntelDeny() {
    return threatIntelDeny;
  }

  /** Splits {@code space} by the rule that decides each packet of a flow carrying {@code name}. */
  public List<FirewallPart> evaluate(FlowSpace space, FlowName name) {
    List<FirewallPart> out = new ArrayList<>();
    if (space.isEmpty()) {
      return out;
    }
    EnumSet<FirewallChoice> global = EnumSet.noneOf(FirewallChoice.class);
    if (threatIntelDeny) {
      global.add(FirewallChoice.FW_THREAT_INTEL);
    }
    if (missing.isPresent()) {
      out.add(new FirewallPart(space, FirewallPart.Verdict.UNKNOWN, Optional.empty(), "Azure Firewall "
          + firewall.name() + ": " + missing.get(), Snat.NONE, Optional.empty(), ImmutableSet.of()));
      return out;
    }
    FlowSpace rest = space;
    long[] candidates = index.candidates(space, name);
    for (int i = DestinationIndex.next(candidates, 0); i >= 0 && !rest.isEmpty();
        i = DestinationIndex.next(candidates, i + 1)) {
      CompiledRule r = rules.get(i);
      CompiledRule.Region region = fixed[i] != null ? fixed[i] : r.region(name);
      if (region.certain().isEmpty() && region.maybe().isEmpty()) {
        // a rule that cannot match only because of a modelling choice names it when it could otherwise apply
        for (FirewallChoice c : List.of(FirewallChoice.FW_APP_RULE_NEEDS_NAME,
            FirewallChoice.FW_NETWORK_FQDN_NEEDS_PROXY, FirewallChoice.FW_NETWORK_FQDN_UNRESOLVED)) {
          if (region.choices().contains(c) && !rest.intersect(FlowSpace.union(FlowBox.of(r.source(), IpSet.ALL,
              r.protocols(), Ports.ALL, r.ports()))).isEmpty()) {
            global.add(c);
          }
        }
        continue;
      }
      FlowSpace hit = rest.intersect(region.certain());
      if (!hit.isEmpty()) {
        rest = rest.minus(region.certain());
        decided(r, hit, region.choices(), global, out);
      }
      if (!region.maybe().isEmpty() && !rest.isEmpty()) {
        FlowSpace maybe = rest.intersect(region.maybe());
        if (!maybe.isEmpty()) {
          rest = rest.minus(region.maybe());
          out.add(new FirewallPart(maybe, FirewallPart.Verdict.UNKNOWN, Optional.of(r.decidedBy()), r.passName()
              + " " + r.decidedBy().ruleName() + " may match: " + why(r), Snat.NONE, Optional.empty(),
              with(global, region.choices())));
        }
      }
    }
    if (!rest.isEmpty()) {
      EnumSet<FirewallChoice> c = EnumSet.copyOf(global);
      if (name.fqdn().isPresent()) {
        c.add(FirewallChoice.FW_INFRASTRUCTURE_RULES);
      }
      out.add(new FirewallPart(rest, FirewallPart.Verdict.DENY, Optional.of(DecidedBy.route(container,
          DEFAULT_ACTION)), "no rule matched: the default action is Deny (§4.2 step 6)", Snat.NONE, Optional.empty(),
          ImmutableSet.copyOf(c)));
    }
    return out;
  }

  private static String why(CompiledRule r) {
    return r.sourceUnknown().or(r::destinationUnknown).or(r::unmodelledTargets)
        .orElse("an FQDN whose address the firewall's DNS proxy may or may not return");
  }

  private static ImmutableSet<FirewallChoice> with(EnumSet<FirewallChoice> global, ImmutableSet<FirewallChoice> more) {
    return ImmutableSet.copyOf(all(global, more));
  }

  private static EnumSet<FirewallChoice> all(EnumSet<FirewallChoice> global, ImmutableSet<FirewallChoice> more) {
    EnumSet<FirewallChoice> c = EnumSet.copyOf(global);
    c.addAll(more);
    return c;
  }

  /** A part decided by a rule: deny, DNAT, or allow split by SNAT class (§4.6). */
  private void decided(CompiledRule r, FlowSpace hit, ImmutableSet<FirewallChoice> choices,
      EnumSet<FirewallChoice> global, List<FirewallPart> out) {
    String detail = r.passName() + "; " + r.where();
    Optional<DecidedBy> by = Optional.of(r.decidedBy());
    if (r.action() == FirewallAction.DENY) {
      out.add(new FirewallPart(hit, FirewallPart.Verdict.DENY, by, detail, Snat.NONE, Optional.empty(),
          with(global, choices)));
      return;
    }
    if (r.action() == FirewallAction.DNAT) {
      CompiledRule.DnatTarget d = r.dnat().orElseThrow();
      EnumSet<FirewallChoice> c = all(global, choices);
      c.add(FirewallChoice.FW_DNAT_FINAL);
      if (d.unknown().isPresent()) {
        out.add(new FirewallPart(hit, FirewallPart.Verdict.UNKNOWN, by, detail + "; " + d.unknown().get(), Snat.NONE,
            Optional.empty(), ImmutableSet.copyOf(c)));
      } else {
        out.add(new FirewallPart(hit, FirewallPart.Verdict.ALLOW, by, detail + "; DNAT to " + d.text(), Snat.NONE,
            Optional.of(d), ImmutableSet.copyOf(c)));
      }
      return;
    }
    boolean app = r.pass() == Pass.APPLICATION;
    FlowSpace privateDst = hit.restrictDestination(Snat.PRIVATE_RANGES);
    FlowSpace publicDst = hit.withoutDestination(Snat.PRIVATE_RANGES);
    if (!privateDst.isEmpty()) {
      EnumSet<FirewallChoice> c = all(global, choices);
      c.add(FirewallChoice.FW_SNAT_PRIVATE_RANGES);
      if (app) {
        c.add(FirewallChoice.FW_APP_SNAT_SOURCE);
      }
      out.add(new FirewallPart(privateDst, FirewallPart.Verdict.ALLOW, by, detail + (app
          ? "; SNAT to the firewall's private IP (application rules proxy the connection, §4.6)"
          : "; no SNAT toward a private destination (§4.6)"), app ? Snat.PRIVATE : Snat.NONE, Optional.empty(),
          ImmutableSet.copyOf(c)));
    }
    if (!publicDst.isEmpty()) {
      EnumSet<FirewallChoice> c = all(global, choices);
      if (!app) {
        c.add(FirewallChoice.FW_SNAT_PRIVATE_RANGES);
      }
      out.add(new FirewallPart(publicDst, FirewallPart.Verdict.ALLOW, by, detail
          + "; SNAT to the firewall's public IP toward a public destination (§4.6)", Snat.PUBLIC, Optional.empty(),
          ImmutableSet.copyOf(c)));
    }
  }
}
