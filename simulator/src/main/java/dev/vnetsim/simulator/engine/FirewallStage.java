package dev.vnetsim.simulator.engine;

import dev.vnetsim.model.firewall.AzureFirewall;
import dev.vnetsim.simulator.trace.DecidedBy;
import dev.vnetsim.simulator.trace.FlowSpace;
import java.util.List;
import java.util.Optional;

/**
 * The Azure Firewall stage of the data plane, pluggable: splits the packets arriving at a firewall (as a route's
 * virtual appliance next hop) into parts allowed, denied or undecided. The default does not evaluate rules yet and
 * answers every packet as undecided ({@code INSUFFICIENT_INFO}); the firewall issue plugs in the real one.
 */
public interface FirewallStage {

  /** One part of the packets and what the firewall does with it. */
  record Outcome(FlowSpace space, Verdict verdict, Optional<DecidedBy> decidedBy, String detail) {}

  /** A firewall verdict. */
  enum Verdict {
    ALLOW,
    DENY,
    UNKNOWN
  }

  List<Outcome> evaluate(AzureFirewall firewall, FlowSpace space);

  static FirewallStage unsupported() {
    return (fw, space) -> List.of(new Outcome(space, Verdict.UNKNOWN, Optional.empty(),
        "Azure Firewall " + fw.name() + ": firewall rules are not evaluated yet"));
  }
}
