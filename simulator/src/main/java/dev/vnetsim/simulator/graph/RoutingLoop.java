package dev.vnetsim.simulator.graph;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.IpSet;

/** A cycle of appliance routes that packets to {@code destinations} would go round forever. */
public record RoutingLoop(ImmutableList<Node> cycle, IpSet destinations) {}
