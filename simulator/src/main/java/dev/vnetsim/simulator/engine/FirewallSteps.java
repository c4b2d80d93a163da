package dev.vnetsim.simulator.engine;

import dev.vnetsim.model.firewall.AzureFirewall;
import dev.vnetsim.simulator.trace.DecidedBy;
import dev.vnetsim.simulator.trace.Step;
import java.util.Optional;

/** The step recorded for a firewall verdict. */
final class FirewallSteps {
  private FirewallSteps() {}

  static Step step(AzureFirewall fw, FirewallStage.Outcome o) {
    Step.Action a = o.verdict() == FirewallStage.Verdict.ALLOW ? Step.Action.ALLOWED : Step.Action.DENIED;
    if (o.decidedBy().isPresent() && o.decidedBy().get().priority().isPresent()) {
      DecidedBy d = o.decidedBy().get();
      return new Step.Filter(Step.Type.FIREWALL, a, d.resourceId(), d.ruleName(), d.priority().get(), o.detail());
    }
    if (o.decidedBy().isPresent()) { // the default action has no priority (§4.2 step 6)
      DecidedBy d = o.decidedBy().get();
      return new Step.Transit(Step.Type.FIREWALL, a, Optional.of(d.resourceId()), d.ruleName() + ": " + o.detail());
    }
    return new Step.Transit(Step.Type.FIREWALL, a, Optional.of(fw.id()), o.detail());
  }
}
