package dev.vnetsim.simulator.engine;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.firewall.AzureFirewall;
import dev.vnetsim.simulator.dns.FlowName;
import dev.vnetsim.simulator.firewall.Snat;
import dev.vnetsim.simulator.trace.DecidedBy;
import dev.vnetsim.simulator.trace.FlowSpace;
import java.util.List;
import java.util.Optional;

/**
 * The Azure Firewall stage of the data plane, pluggable: splits the packets arriving at a firewall (as a route's
 * virtual appliance next hop, or at its public IP) into parts allowed, denied or undecided. The data plane's default
 * is {@link CompiledFirewalls} (the rules of each firewall compiled once); {@link #unsupported()} answers every packet
 * as undecided ({@code INSUFFICIENT_INFO}).
 */
public interface FirewallStage {

  /**
   * One part of the packets and what the firewall does with it: the verdict and deciding rule, how allowed packets are
   * source-NATed (azure-semantics.md §4.6), where DNAT sends them (§4.5), and the assumptions the answer rests on.
   */
  record Outcome(FlowSpace space, Verdict verdict, Optional<DecidedBy> decidedBy, String detail, Snat snat,
      Optional<Translation> dnat, ImmutableList<String> assumptions) {

    public Outcome(FlowSpace space, Verdict verdict, Optional<DecidedBy> decidedBy, String detail) {
      this(space, verdict, decidedBy, detail, Snat.NONE, Optional.empty(), ImmutableList.of());
    }
  }

  /** A DNAT translation: the new destination address and, when the rule sets one, port. */
  record Translation(IpAddress address, Optional<Integer> port) {}

  /** A firewall verdict. */
  enum Verdict {
    ALLOW,
    DENY,
    UNKNOWN
  }

  /** Splits a space; {@code name} is the FQDN the flow carries (application rules match it) and pinned names. */
  List<Outcome> evaluate(AzureFirewall firewall, FlowSpace space, FlowName name);

  default List<Outcome> evaluate(AzureFirewall firewall, FlowSpace space) {
    return evaluate(firewall, space, FlowName.NONE);
  }

  static FirewallStage unsupported() {
    return (fw, space, name) -> List.of(new Outcome(space, Verdict.UNKNOWN, Optional.empty(),
        "Azure Firewall " + fw.name() + ": firewall rules are not evaluated"));
  }
}
