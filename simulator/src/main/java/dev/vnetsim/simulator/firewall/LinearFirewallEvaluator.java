package dev.vnetsim.simulator.firewall;

import dev.vnetsim.model.firewall.FirewallAction;
import dev.vnetsim.simulator.dns.FlowName;
import dev.vnetsim.simulator.trace.Flow;

/**
 * The obviously-correct firewall evaluator, kept as the oracle for {@link CompiledFirewall#evaluate} and as its
 * benchmark peer: scan the rules in processing order (azure-semantics.md §4.2) and return the first that matches one
 * packet, using plain containment checks; no rule = the default action Deny.
 */
public final class LinearFirewallEvaluator {

  /** The decision for one packet: the rule (null for the default action) and whether its match is certain. */
  public record Decision(CompiledRule rule, boolean certain) {

    public FirewallPart.Verdict verdict() {
      if (rule == null) {
        return FirewallPart.Verdict.DENY;
      }
      if (!certain || rule.action() == FirewallAction.DNAT && rule.dnat().orElseThrow().unknown().isPresent()) {
        return FirewallPart.Verdict.UNKNOWN;
      }
      return rule.action() == FirewallAction.DENY ? FirewallPart.Verdict.DENY : FirewallPart.Verdict.ALLOW;
    }
  }

  private final CompiledFirewall firewall;

  public LinearFirewallEvaluator(CompiledFirewall firewall) {
    this.firewall = firewall;
  }

  public Decision decide(Flow f, FlowName name) {
    for (CompiledRule r : firewall.rules()) {
      CompiledRule.Match m = r.classify(f, name);
      if (m != CompiledRule.Match.NO) {
        return new Decision(r, m == CompiledRule.Match.YES);
      }
    }
    return new Decision(null, true);
  }
}
