package dev.vnetsim.simulator.firewall;

import com.google.common.collect.ImmutableSet;
import dev.vnetsim.simulator.trace.DecidedBy;
import dev.vnetsim.simulator.trace.FlowSpace;
import java.util.Optional;

/**
 * Packets a firewall treats alike: its verdict, the deciding rule ({@code <group>/<collection>/<rule>}, classic
 * {@code <collection>/<rule>}, or the default action), how the allowed packets are source-NATed, where DNAT sends them,
 * and the modelling choices the answer rests on.
 */
public record FirewallPart(FlowSpace space, Verdict verdict, Optional<DecidedBy> decidedBy, String detail, Snat snat,
    Optional<CompiledRule.DnatTarget> dnat, ImmutableSet<FirewallChoice> choices) {

  /** What the firewall does with the packets. */
  public enum Verdict {
    ALLOW,
    DENY,
    /** Depends on something not in the input (a policy, an IP group, an FQDN tag's list). */
    UNKNOWN
  }
}
