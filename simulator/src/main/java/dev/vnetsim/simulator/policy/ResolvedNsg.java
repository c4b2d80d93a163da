package dev.vnetsim.simulator.policy;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.ResourceId;

/** One NSG's rules of one direction in evaluation order (custom by priority, then default), resolved in a context. */
public record ResolvedNsg(ResourceId nsg, Direction direction, ImmutableList<ResolvedRule> rules) {}
