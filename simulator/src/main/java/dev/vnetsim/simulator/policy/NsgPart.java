package dev.vnetsim.simulator.policy;

import dev.vnetsim.simulator.trace.FlowSpace;

/** Packets of a space decided by one rule; {@code certain} is false where an unresolved term makes it a maybe. */
public record NsgPart(FlowSpace space, ResolvedRule rule, boolean certain) {}
