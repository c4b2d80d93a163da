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
    if (o.decidedBy().isPresent()) {
      DecidedBy d = o.decidedBy().get();
      return new Step.Filter(Step.Type.FIREWALL, a, d.resourceId(), d.ruleName(), d.priority().orElse(0), o.detail());
    }
    return new Step.Transit(Step.Type.FIREWALL, a, Optional.of(fw.id()), o.detail());
  }
}
