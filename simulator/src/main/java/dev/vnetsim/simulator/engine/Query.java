package dev.vnetsim.simulator.engine;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.ImmutableSet;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.Ports;
import java.util.Optional;

/**
 * A reachability query: from one endpoint to another over a set of protocols and ports (DESIGN §3 {@code trace}).
 * Ports apply to TCP and UDP only; {@link Ports#ALL} when not given. With {@code within}, only the packets to those
 * of the destination's addresses are traced: each is walked as in the whole query (the what-if's narrow look at the
 * packets a changed firewall rule can match).
 */
public record Query(Endpoint from, Endpoint to, ImmutableSet<Protocol> protocols,
    ImmutableRangeSet<Integer> sourcePorts, ImmutableRangeSet<Integer> destinationPorts, Optional<IpSet> within) {

  public Query {
    checkNotNull(within, "within");
  }

  /** All packets from {@code from} to {@code to} of these protocols and ports. */
  public Query(Endpoint from, Endpoint to, ImmutableSet<Protocol> protocols, ImmutableRangeSet<Integer> sourcePorts,
      ImmutableRangeSet<Integer> destinationPorts) {
    this(from, to, protocols, sourcePorts, destinationPorts, Optional.empty());
  }

  /** The same query over other destination addresses (a resolved name's). */
  public Query to(Endpoint other) {
    return new Query(from, other, protocols, sourcePorts, destinationPorts, within);
  }

  /** The destination addresses this query traces among {@code d}. */
  public IpSet destinations(IpSet d) {
    return within.map(d::intersection).orElse(d);
  }

  /** A query on one protocol ({@link Protocol#ANY} for all) and optional single ports (-1 = any). */
  public static Query of(Endpoint from, Endpoint to, Protocol protocol, int destinationPort, int sourcePort) {
    return new Query(from, to, FlowBox.expand(protocol),
        sourcePort < 0 ? Ports.ALL : Ports.single(sourcePort),
        destinationPort < 0 ? Ports.ALL : Ports.single(destinationPort));
  }
}
