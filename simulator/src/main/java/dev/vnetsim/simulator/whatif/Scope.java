package dev.vnetsim.simulator.whatif;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.FlowSpace;
import dev.vnetsim.simulator.trace.Ports;
import java.util.Optional;

/**
 * The packets of a trace a comparison looks at: some destinations (a service tag inside the Internet trace of the
 * same source), some protocols and destination ports (a port class). Cuts box by box; the address work is done only
 * when a destination set is given.
 */
public record Scope(Optional<IpSet> destinations, ImmutableSet<Protocol> protocols, ImmutableRangeSet<Integer> ports) {

  public static final Scope ALL = new Scope(Optional.empty(), FlowBox.ALL_PROTOCOLS, Ports.ALL);

  public Scope {
    checkNotNull(destinations, "destinations");
    checkNotNull(protocols, "protocols");
    checkNotNull(ports, "ports");
  }

  /** One protocol and a port set (ignored for protocols without ports). */
  public Scope with(Protocol protocol, ImmutableRangeSet<Integer> portSet) {
    return new Scope(destinations, Sets.immutableEnumSet(protocol), portSet);
  }

  /** Only packets to {@code d}. */
  public static Scope to(IpSet d) {
    return new Scope(Optional.of(d), FlowBox.ALL_PROTOCOLS, Ports.ALL);
  }

  public boolean isAll() {
    return this == ALL || equals(ALL);
  }

  /** The packets of {@code s} in this scope. */
  public FlowSpace apply(FlowSpace s) {
    if (isAll()) {
      return s;
    }
    ImmutableList.Builder<FlowBox> out = ImmutableList.builder();
    for (FlowBox b : s.boxes()) {
      ImmutableSet<Protocol> p = protocols.containsAll(b.protocols()) ? b.protocols()
          : Sets.immutableEnumSet(Sets.intersection(b.protocols(), protocols));
      if (p.isEmpty()) {
        continue;
      }
      ImmutableRangeSet<Integer> dst = !b.hasPorts() || ports.enclosesAll(b.destinationPorts()) ? b.destinationPorts()
          : b.destinationPorts().intersection(ports);
      IpSet d = destinations.isEmpty() ? b.destination() : b.destination().intersection(destinations.get());
      if (dst.isEmpty() || d.isEmpty()) {
        continue;
      }
      // a box inside the scope is kept as it is (most are: a port class of a trace cut to one protocol)
      out.add(p == b.protocols() && dst == b.destinationPorts() && d == b.destination() ? b
          : new FlowBox(b.source(), d, p, b.sourcePorts(), dst));
    }
    return new FlowSpace(out.build());
  }
}
