package dev.vnetsim.simulator.whatif;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.vnetsim.simulator.trace.DecidedBy;
import dev.vnetsim.simulator.trace.Disposition;
import dev.vnetsim.simulator.trace.Trace;
import java.util.Optional;

/** One intent checked: the trace, whether the flow got through (for a set, all of it) and whether that was expected. */
public record IntentResult(Intent intent, Trace trace, boolean reachable) {

  public IntentResult {
    checkNotNull(intent, "intent");
    checkNotNull(trace, "trace");
  }

  static IntentResult of(Intent intent, Trace trace) {
    return new IntentResult(intent, trace, trace.reachable());
  }

  public boolean pass() {
    return Intent.Expect.of(reachable) == intent.expect();
  }

  public Intent.Expect actual() {
    return Intent.Expect.of(reachable);
  }

  public Disposition disposition() {
    return trace.disposition();
  }

  public Optional<DecidedBy> decidedBy() {
    return trace.decidedBy();
  }

  /** {@code DENIED_NSG_OUTBOUND by securityRules/X (priority 4000) in nsg-x}. */
  public String verdictText() {
    return disposition() + decidedBy().map(d -> " by " + d.ruleName() + d.priority().map(p -> " (priority " + p
        + ")").orElse("") + " in " + d.resourceId().name()).orElse("");
  }
}
