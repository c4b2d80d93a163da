package dev.vnetsim.simulator.engine;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.simulator.dns.FlowName;
import dev.vnetsim.simulator.trace.Step;

/**
 * What a walk knows before the first packet leaves: the name the flow carries (for firewall application rules and
 * service endpoint policies) and how it was resolved (DNS steps and assumptions, recorded at the source's hop).
 */
record Prelude(FlowName name, ImmutableList<Step> steps, ImmutableList<String> assumptions) {
  static final Prelude NONE = new Prelude(FlowName.NONE, ImmutableList.of(), ImmutableList.of());
}
