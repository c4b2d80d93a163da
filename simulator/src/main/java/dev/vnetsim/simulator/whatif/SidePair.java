package dev.vnetsim.simulator.whatif;

import dev.vnetsim.simulator.trace.Trace;

/**
 * Both sides of a what-if and the change's {@link Impact}; {@link #after(FlowRequest, Trace)} reuses the before trace
 * where the change cannot reach it (never for a site the before side does not have, which the change may add).
 */
record SidePair(Side before, Side after, Impact impact) {
  Trace after(FlowRequest r, Trace beforeTrace) {
    return reused(beforeTrace) ? beforeTrace : after.trace(r);
  }

  /** As {@link #after}, for a request asked for once ({@link Side#traceOnce}). */
  Trace afterOnce(FlowRequest r, Trace beforeTrace) {
    return reused(beforeTrace) ? beforeTrace : after.traceOnce(r);
  }

  private boolean reused(Trace beforeTrace) {
    return !Side.isMissingSite(beforeTrace) && impact.unaffected(beforeTrace);
  }
}
