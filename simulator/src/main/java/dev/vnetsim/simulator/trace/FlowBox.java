package dev.vnetsim.simulator.trace;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Range;
import com.google.common.collect.Sets;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.Protocol;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One box of a flow space: source addresses × destination addresses × protocols × source ports × destination
 * ports. Invariant: the protocols are all port-carrying (TCP, UDP) or all port-less (ICMP, ESP, AH), and port-less
 * boxes have all ports — so box algebra on the five dimensions is exact (ports mean nothing without TCP/UDP).
 */
public record FlowBox(IpSet source, IpSet destination, ImmutableSet<Protocol> protocols,
    ImmutableRangeSet<Integer> sourcePorts, ImmutableRangeSet<Integer> destinationPorts) {

  public static final ImmutableSet<Protocol> WITH_PORTS = Sets.immutableEnumSet(Protocol.TCP, Protocol.UDP);
  public static final ImmutableSet<Protocol> WITHOUT_PORTS =
      Sets.immutableEnumSet(Protocol.ICMP, Protocol.ESP, Protocol.AH);
  /** A box without packets. */
  public static final FlowBox EMPTY = new FlowBox(IpSet.EMPTY, IpSet.EMPTY, ImmutableSet.of(), ImmutableRangeSet.of(),
      ImmutableRangeSet.of());
  public static final ImmutableSet<Protocol> ALL_PROTOCOLS = Sets.immutableEnumSet(EnumSet.complementOf(
      EnumSet.of(Protocol.ANY)));

  public FlowBox {
    checkNotNull(source, "source");
    checkNotNull(destination, "destination");
    checkArgument(!protocols.contains(Protocol.ANY), "protocols are concrete");
    checkArgument(WITH_PORTS.containsAll(protocols) || WITHOUT_PORTS.containsAll(protocols),
        "a box mixes protocols with and without ports: %s", protocols);
    if (!protocols.isEmpty() && WITHOUT_PORTS.containsAll(protocols)) {
      sourcePorts = Ports.ALL;
      destinationPorts = Ports.ALL;
    }
  }

  /** The concrete protocols a rule or query protocol stands for ({@code *} = all five, assumption ANY_PROTOCOL). */
  public static ImmutableSet<Protocol> expand(Protocol p) {
    return p == Protocol.ANY ? ALL_PROTOCOLS : Sets.immutableEnumSet(p);
  }

  /** Boxes for any protocol mix: split into the port-carrying and the port-less part. */
  public static List<FlowBox> of(IpSet source, IpSet destination, ImmutableSet<Protocol> protocols,
      ImmutableRangeSet<Integer> sourcePorts, ImmutableRangeSet<Integer> destinationPorts) {
    List<FlowBox> out = new ArrayList<>(2);
    ImmutableSet<Protocol> withPorts = Sets.immutableEnumSet(Sets.intersection(protocols, WITH_PORTS));
    ImmutableSet<Protocol> without = Sets.immutableEnumSet(Sets.intersection(protocols, WITHOUT_PORTS));
    if (!withPorts.isEmpty()) {
      out.add(new FlowBox(source, destination, withPorts, sourcePorts, destinationPorts));
    }
    if (!without.isEmpty()) {
      out.add(new FlowBox(source, destination, without, Ports.ALL, Ports.ALL));
    }
    out.removeIf(FlowBox::isEmpty);
    return out;
  }

  public static FlowBox point(Flow f) {
    return new FlowBox(IpSet.of(f.source()), IpSet.of(f.destination()), Sets.immutableEnumSet(f.protocol()),
        Ports.single(f.sourcePort()), Ports.single(f.destinationPort()));
  }

  public boolean hasPorts() {
    return WITH_PORTS.containsAll(protocols);
  }

  public boolean isEmpty() {
    return source.isEmpty() || destination.isEmpty() || protocols.isEmpty() || sourcePorts.isEmpty()
        || destinationPorts.isEmpty();
  }

  public boolean contains(Flow f) {
    return protocols.contains(f.protocol()) && source.contains(f.source()) && destination.contains(f.destination())
        && (!f.protocol().hasPorts()
            || sourcePorts.contains(f.sourcePort()) && destinationPorts.contains(f.destinationPort()));
  }

  public FlowBox withSource(IpSet s) {
    return new FlowBox(s, destination, protocols, sourcePorts, destinationPorts);
  }

  public FlowBox withDestination(IpSet d) {
    return new FlowBox(source, d, protocols, sourcePorts, destinationPorts);
  }

  public FlowBox withProtocols(ImmutableSet<Protocol> p) {
    return new FlowBox(source, destination, p, sourcePorts, destinationPorts);
  }

  /**
   * Whether the boxes share a packet, found without building the common box: the cheap dimensions (protocols, ports)
   * first, then the addresses (allocation-free).
   */
  public boolean intersects(FlowBox o) {
    return (protocols == o.protocols ? !protocols.isEmpty() : shareProtocol(protocols, o.protocols))
        && meet(destinationPorts, o.destinationPorts) && meet(sourcePorts, o.sourcePorts)
        && source.intersects(o.source) && destination.intersects(o.destination);
  }

  private static boolean shareProtocol(Set<Protocol> a, Set<Protocol> b) {
    for (Protocol p : a) {
      if (b.contains(p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean meet(ImmutableRangeSet<Integer> a, ImmutableRangeSet<Integer> b) {
    if (a == Ports.ALL || a == b) { // most boxes keep the query's port sets: no range search
      return !b.isEmpty();
    }
    if (b == Ports.ALL) {
      return !a.isEmpty();
    }
    for (Range<Integer> r : a.asRanges()) {
      if (b.intersects(r)) {
        return true;
      }
    }
    return false;
  }

  /** The packets of both boxes ({@link #EMPTY} when they share none). */
  public FlowBox intersect(FlowBox o) {
    if (!intersects(o)) {
      return EMPTY;
    }
    return new FlowBox(source.intersection(o.source), destination.intersection(o.destination),
        o.protocols.containsAll(protocols) ? protocols : protocols.containsAll(o.protocols) ? o.protocols
            : Sets.immutableEnumSet(Sets.intersection(protocols, o.protocols)),
        both(sourcePorts, o.sourcePorts), both(destinationPorts, o.destinationPorts));
  }

  /** The ports in both; one of the sets itself when the other is all ports or the same set. */
  private static ImmutableRangeSet<Integer> both(ImmutableRangeSet<Integer> a, ImmutableRangeSet<Integer> b) {
    return b == Ports.ALL || a == b ? a : a == Ports.ALL ? b : Ports.intersection(a, b);
  }

  /** The ports of {@code a} not in {@code b}. */
  private static ImmutableRangeSet<Integer> without(ImmutableRangeSet<Integer> a, ImmutableRangeSet<Integer> b) {
    return b == Ports.ALL || a == b ? ImmutableRangeSet.of() : Ports.difference(a, b);
  }

  /** {@code this \ o} as at most five disjoint non-empty boxes. */
  public List<FlowBox> minus(FlowBox o) {
    if (o.equals(this)) { // one side's box taken from the other's same box (a what-if's changed packets): nothing
      return List.of();
    }
    return minus(o, intersect(o));
  }

  /** {@link #minus(FlowBox)} given {@code common}, this box's {@link #intersect} with {@code o}. */
  public List<FlowBox> minus(FlowBox o, FlowBox common) {
    if (common.isEmpty()) {
      return isEmpty() ? List.of() : List.of(this);
    }
    List<FlowBox> out = new ArrayList<>(5);
    FlowBox rest = this;
    add(out, rest.withSource(rest.source.difference(o.source)));
    rest = rest.withSource(common.source);
    add(out, rest.withDestination(rest.destination.difference(o.destination)));
    rest = rest.withDestination(common.destination);
    if (!o.protocols.containsAll(rest.protocols)) {
      add(out, rest.withProtocols(Sets.immutableEnumSet(Sets.difference(rest.protocols, o.protocols))));
    }
    rest = rest.withProtocols(common.protocols);
    if (rest.hasPorts()) {
      add(out, new FlowBox(rest.source, rest.destination, rest.protocols, without(rest.sourcePorts, o.sourcePorts),
          rest.destinationPorts));
      add(out, new FlowBox(rest.source, rest.destination, rest.protocols, common.sourcePorts,
          without(rest.destinationPorts, o.destinationPorts)));
    }
    return out;
  }

  private static void add(List<FlowBox> out, FlowBox b) {
    if (!b.isEmpty()) {
      out.add(b);
    }
  }

  /** Whether the box holds exactly one packet. */
  public boolean isPoint() {
    return protocols.size() == 1 && source.isSingleAddress() && destination.isSingleAddress()
        && (!hasPorts() || Ports.ranges(sourcePorts).size() == 1 && sourcePorts.span().lowerEndpoint() + 1
            == sourcePorts.span().upperEndpoint() && destinationPorts.span().lowerEndpoint() + 1
            == destinationPorts.span().upperEndpoint());
  }

  /** The one packet of a point box (or the smallest packet of any box). */
  public Flow firstPacket() {
    Protocol p = protocols.iterator().next();
    int sp = hasPorts() ? Ports.first(sourcePorts) : 0;
    int dp = hasPorts() ? Ports.first(destinationPorts) : 0;
    return new Flow(source.firstAddress(), destination.firstAddress(), p, sp, dp);
  }

  public ImmutableList<String> protocolNames() {
    return protocols.stream().map(Protocol::armName).collect(ImmutableList.toImmutableList());
  }
}
