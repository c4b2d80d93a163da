package dev.vnetsim.simulator.whatif;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.simulator.trace.Trace;

/**
 * One requirement row of one compute, simulated: {@code key} identifies it across the two sides (e.g.
 * {@code ci-secure/O4}); {@code from}, {@code to}, {@code protocol} and {@code ports} are how the what-if output
 * writes the flow ({@code ci-secure}, {@code tag:Storage.EastUS}, {@code TCP}, {@code ["443"]}).
 */
public record RequirementFlow(String key, String from, String to, String protocol, ImmutableList<String> ports,
    Trace trace) {
  public RequirementFlow {
    checkNotNull(key, "key");
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    checkNotNull(protocol, "protocol");
    checkNotNull(ports, "ports");
    checkNotNull(trace, "trace");
  }
}
