package dev.vnetsim.simulator.engine;

import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.ImmutableSet;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.Ports;

/**
 * A reachability query: from one endpoint to another over a set of protocols and ports (DESIGN §3 {@code trace}).
 * Ports apply to TCP and UDP only; {@link Ports#ALL} when not given.
 */
public record Query(Endpoint from, Endpoint to, ImmutableSet<Protocol> protocols,
    ImmutableRangeSet<Integer> sourcePorts, ImmutableRangeSet<Integer> destinationPorts) {

  /** A query on one protocol ({@link Protocol#ANY} for all) and optional single ports (-1 = any). */
  public static Query of(Endpoint from, Endpoint to, Protocol protocol, int destinationPort, int sourcePort) {
    return new Query(from, to, FlowBox.expand(protocol),
        sourcePort < 0 ? Ports.ALL : Ports.single(sourcePort),
        destinationPort < 0 ? Ports.ALL : Ports.single(destinationPort));
  }
}
