package dev.vnetsim.simulator.engine;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Access;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpFamily;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.IpConfiguration;
import dev.vnetsim.model.network.PublicIpAddress;
import dev.vnetsim.simulator.dns.DnsAnswer;
import dev.vnetsim.simulator.dns.FlowName;
import dev.vnetsim.simulator.policy.CompiledNsg;
import dev.vnetsim.simulator.policy.ResolvedRule;
import dev.vnetsim.simulator.resolve.Resolved;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import dev.vnetsim.simulator.resolve.VirtualTags;
import dev.vnetsim.simulator.routing.EffectiveRouteTable;
import dev.vnetsim.simulator.routing.NextHopResult;
import dev.vnetsim.simulator.trace.Coverage;
import dev.vnetsim.simulator.trace.DecidedBy;
import dev.vnetsim.simulator.trace.Disposition;
import dev.vnetsim.simulator.trace.Flow;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.FlowSpace;
import dev.vnetsim.simulator.trace.Hop;
import dev.vnetsim.simulator.trace.Part;
import dev.vnetsim.simulator.trace.Step;
import dev.vnetsim.simulator.trace.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@link ReachabilityEngine} over a compiled {@link DataPlane}. Thread-safe: the data plane is immutable. */
public final class DataPlaneEngine implements ReachabilityEngine {

  private final DataPlane dp;

  public DataPlaneEngine(DataPlane dp) {
    this.dp = dp;
  }

  public static DataPlaneEngine compile(Topology topology, ServiceTagLookup tags) {
    return new DataPlaneEngine(DataPlane.compile(topology, tags));
  }

  @Override
  public DataPlane dataPlane() {
    return dp;
  }

  @Override
  public Trace trace(ResourceId sourceNic, Flow packet) {
    Optional<NicPlane> nic = dp.nic(sourceNic);
    if (nic.isEmpty()) {
      return failure(FlowSpace.of(packet), Disposition.INSUFFICIENT_INFO, "NIC " + sourceNic + " is not in the input");
    }
    WalkResult r = new PacketWalk(dp, packet).fromNic(nic.get());
    return single(FlowSpace.of(packet), r);
  }

  @Override
  public Trace trace(Query q) {
    Endpoint from = q.from();
    if (from instanceof Endpoint.Addresses a) {
      from = sourceOfAddresses(a);
    } else if (from instanceof Endpoint.PublicIp p) {
      from = dp.topology().nicOfPublicIp(p.id()).<Endpoint>map(n -> new Endpoint.Nic(n.id())).orElse(from);
    }
    if (from instanceof Endpoint.Nic n) {
      return fromNic(n.id(), q);
    }
    if (from instanceof Endpoint.Internet || from instanceof Endpoint.Addresses
        || from instanceof Endpoint.ServiceTag) {
      if (q.to() instanceof Endpoint.Fqdn fq) {
        DnsAnswer a = dp.dns().resolve(fq.name(), Optional.empty(), fq.pins());
        if (!(a instanceof DnsAnswer.Resolved r)) {
          return failure(FlowSpace.EMPTY, a instanceof DnsAnswer.Unresolved ? Disposition.DNS_UNRESOLVED
              : Disposition.INSUFFICIENT_INFO, fq.name() + " does not resolve: " + String.join("; ", a.chain()));
        }
        q = q.to(new Endpoint.Addresses(r.addresses(), fq.name()));
      }
      return fromOutside(from, q);
    }
    return failure(FlowSpace.EMPTY, Disposition.INSUFFICIENT_INFO, "source " + q.from() + " is not in the input");
  }

  /** An address source: the NIC holding it, else an outside (public) sender. */
  private Endpoint sourceOfAddresses(Endpoint.Addresses a) {
    IpAddress first = a.addresses().firstAddress();
    if (first != null && a.addresses().rangeCount() == 1 && a.addresses().ranges().get(0)[1].equals(first)) {
      Optional<NicPlane> nic = dp.nicAt(first);
      if (nic.isPresent()) {
        return new Endpoint.Nic(nic.get().nic().id());
      }
    }
    return a;
  }

  private Trace fromNic(ResourceId nicId, Query q) {
    Optional<NicPlane> nic = dp.nic(nicId);
    if (nic.isEmpty()) {
      return failure(FlowSpace.EMPTY, Disposition.INSUFFICIENT_INFO, "NIC " + nicId + " is not in the input");
    }
    NicPlane src = nic.get();
    Prelude prelude = Prelude.NONE;
    Resolved dst;
    if (q.to() instanceof Endpoint.Fqdn fq) {
      Optional<IpAddress> self = sourceAddress(src, IpFamily.IPV4);
      boolean azureDns = src.subnet().vnet().map(v -> v.dnsServers().isEmpty()).orElse(true);
      if (azureDns && self.isPresent() && !fq.pins().containsKey(fq.name())) {
        // §1.8: DNS to 168.63.129.16 is not subject to NSGs unless a rule names AzurePlatformDNS
        WalkResult query = new PacketWalk(dp, new Flow(self.get(), PlatformAddresses.WIRE_SERVER, Protocol.UDP,
            50000, 53)).fromNic(src);
        if (query.disposition() == Disposition.DENIED_NSG_OUTBOUND) {
          return DnsSteps.queryDenied(src, self.get(), fq.name(), query);
        }
      }
      DnsAnswer a = dp.dns().resolve(fq.name(), Optional.of(src.subnet().vnetId()), fq.pins());
      if (!(a instanceof DnsAnswer.Resolved r)) {
        return DnsSteps.failure(src, sourceAddress(src, IpFamily.IPV4).or(() -> sourceAddress(src, IpFamily.IPV6)),
            a);
      }
      prelude = new Prelude(new FlowName(Optional.of(fq.name()), fq.pins(), !r.exact()), DnsSteps.steps(r),
          DnsSteps.assumptions(a));
      dst = Resolved.of(r.addresses());
    } else {
      dst = destination(q.to(), src.subnet().tags());
    }
    if (!dst.isKnown()) {
      return failure(FlowSpace.EMPTY, Disposition.INSUFFICIENT_INFO, "destination " + dst.unknown().get()
          + " could not be resolved");
    }
    IpSet notApplicable = IpSet.EMPTY;
    List<FlowBox> boxes = new ArrayList<>();
    for (IpFamily fam : IpFamily.values()) {
      IpSet d = q.destinations(dst.known().only(fam));
      if (d.isEmpty()) {
        continue;
      }
      Optional<IpAddress> s = sourceAddress(src, fam);
      if (s.isEmpty()) {
        notApplicable = notApplicable.union(d);
        continue;
      }
      boxes.addAll(FlowBox.of(IpSet.of(s.get()), d, q.protocols(), q.sourcePorts(), q.destinationPorts()));
    }
    FlowSpace space = FlowSpace.union(boxes);
    if (space.isEmpty()) {
      return failure(space, Disposition.NULL_ROUTED, "the source sends no packet to " + dst.known()
          + " (no address of that family)", notApplicable);
    }
    if (space.isPoint() && notApplicable.isEmpty()) {
      Flow f = space.boxes().get(0).firstPacket();
      return single(space, new PacketWalk(dp, f, prelude).fromNic(src));
    }
    return combine(space, new SpaceWalk(dp, prelude).fromNic(src, space), notApplicable,
        !isSingleAddress(dst.known()));
  }

  private static Optional<IpAddress> sourceAddress(NicPlane nic, IpFamily fam) {
    Optional<IpAddress> primary = nic.nic().primary().flatMap(IpConfiguration::privateIpAddress)
        .filter(a -> a.family() == fam);
    if (primary.isPresent()) {
      return primary;
    }
    return nic.nic().ipConfigurations().stream().flatMap(c -> c.privateIpAddress().stream())
        .filter(a -> a.family() == fam).findFirst();
  }

  /** What a destination endpoint stands for, seen from a subnet (virtual tags in its context). */
  private Resolved destination(Endpoint to, VirtualTags context) {
    if (to instanceof Endpoint.Addresses a) {
      return Resolved.of(a.addresses());
    }
    if (to instanceof Endpoint.Nic n) {
      return dp.nic(n.id()).flatMap(p -> p.nic().primary()).flatMap(IpConfiguration::privateIpAddress)
          .map(a -> Resolved.of(IpSet.of(a))).orElse(Resolved.unknown("NIC " + n.id()));
    }
    if (to instanceof Endpoint.PublicIp p) {
      return Optional.ofNullable(dp.topology().publicIpAddresses().get(p.id())).flatMap(PublicIpAddress::ipAddress)
          .map(a -> Resolved.of(IpSet.of(a))).orElse(Resolved.unknown("public IP address of " + p.id()));
    }
    if (to instanceof Endpoint.ServiceTag t) {
      return dp.resolver().serviceTag(t.name(), context);
    }
    return Resolved.of(context.internet());
  }

  private Trace fromOutside(Endpoint from, Query q) {
    IpSet sources;
    if (from instanceof Endpoint.Addresses a) {
      sources = a.addresses();
    } else if (from instanceof Endpoint.ServiceTag t) {
      Resolved r = dp.resolver().serviceTag(t.name(), VirtualTags.outside());
      if (!r.isKnown()) {
        return failure(FlowSpace.EMPTY, Disposition.INSUFFICIENT_INFO, r.unknown().get() + " could not be resolved");
      }
      sources = r.known();
    } else {
      sources = VirtualTags.PUBLIC;
    }
    if (!VirtualTags.PUBLIC.containsAll(sources)) {
      IpSet privatePart = sources.difference(VirtualTags.PUBLIC);
      if (sources.equals(privatePart)) {
        return failure(FlowSpace.EMPTY, Disposition.INSUFFICIENT_INFO, "source " + sources
            + " is neither a NIC in the input nor a public address");
      }
      sources = sources.intersection(VirtualTags.PUBLIC);
    }
    Optional<PublicIpAddress> pip = inboundTarget(q.to());
    if (pip.isEmpty()) {
      FlowSpace space = FlowSpace.union(FlowBox.of(sources, IpSet.EMPTY, q.protocols(), q.sourcePorts(),
          q.destinationPorts()));
      return failure(space, Disposition.NO_INBOUND_PATH, "no public IP leads to " + describe(q.to()));
    }
    PublicIpAddress p = pip.get();
    IpAddress dstAddr = p.ipAddress().orElseGet(() -> PacketWalk.InboundTarget.of(dp, p).privateAddress()
        .orElse(IpAddress.v4(0)));
    sources = sources.only(dstAddr.family());
    FlowSpace space = FlowSpace.union(FlowBox.of(sources, q.destinations(IpSet.of(dstAddr)), q.protocols(),
        q.sourcePorts(), q.destinationPorts()));
    if (space.isEmpty()) {
      return failure(space, Disposition.NO_INBOUND_PATH, "no source address of the public IP's family");
    }
    if (space.isPoint()) {
      Flow f = space.boxes().get(0).firstPacket();
      return single(space, new PacketWalk(dp, f).fromInternet(p));
    }
    return combine(space, new SpaceWalk(dp).fromInternet(p, space), IpSet.EMPTY, false);
  }

  /** The public IP an inbound flow from the Internet arrives at, if any (§1.10). */
  private Optional<PublicIpAddress> inboundTarget(Endpoint to) {
    if (to instanceof Endpoint.PublicIp p) {
      return Optional.ofNullable(dp.topology().publicIpAddresses().get(p.id()));
    }
    if (to instanceof Endpoint.Nic n) {
      return dp.nic(n.id()).flatMap(x -> x.publicIps().stream().findFirst());
    }
    if (to instanceof Endpoint.Addresses a && isSingleAddress(a.addresses())) {
      IpAddress addr = a.addresses().firstAddress();
      return dp.publicIpAt(addr); // a private address has no inbound path from the Internet (§1.10)
    }
    return Optional.empty();
  }

  private static String describe(Endpoint e) {
    if (e instanceof Endpoint.Nic n) {
      return n.id().name();
    }
    if (e instanceof Endpoint.Addresses a) {
      return a.text();
    }
    return e.toString();
  }

  private static boolean isSingleAddress(IpSet s) {
    return s.rangeCount() == 1 && s.ranges().get(0)[0].equals(s.ranges().get(0)[1]);
  }

  private Trace single(FlowSpace space, WalkResult r) {
    ImmutableList<String> assumptions = assumptions(List.of(r));
    Coverage c = r.disposition().reachable() ? Coverage.ALL : Coverage.NONE;
    return new Trace(space, r.disposition(), r.decidedBy(), r.hops(), ImmutableList.of(), c, IpSet.EMPTY, r.egress(),
        assumptions, ImmutableList.copyOf(r.warnings()));
  }

  private Trace failure(FlowSpace space, Disposition d, String why) {
    return failure(space, d, why, IpSet.EMPTY);
  }

  private Trace failure(FlowSpace space, Disposition d, String why, IpSet notApplicable) {
    Hop hop = new Hop(ResourceId.of("query"), Hop.Kind.PLATFORM, ImmutableList.of(new Step.Transit(
        Step.Type.UNSUPPORTED, Step.Action.UNKNOWN, Optional.empty(), why)));
    return new Trace(space, d, Optional.empty(), ImmutableList.of(hop), ImmutableList.of(), Coverage.NONE,
        notApplicable, Optional.empty(), ImmutableList.of());
  }

  /** Up to this many walked parts are merged by comparing each with those kept, above it through a hash map. */
  private static final int FEW_PARTS = 8;

  private record PartKey(Disposition d, Optional<DecidedBy> by, ImmutableList<Hop> hops,
      Optional<dev.vnetsim.simulator.trace.Egress> egress) {}

  /** Merges parts with the same outcome and path, orders them by destination, and sets the top-level answer. */
  private Trace combine(FlowSpace space, List<SpaceWalk.SpacePart> raw, IpSet notApplicable, boolean setDestination) {
    List<Part> parts = new ArrayList<>();
    if (raw.size() <= FEW_PARTS) { // compared in turn: hashing a path costs more than comparing a few
      for (SpaceWalk.SpacePart p : raw) {
        WalkResult r = p.result();
        int same = 0;
        while (same < parts.size() && !parts.get(same).hasOutcome(r.disposition(), r.decidedBy(), r.hops(),
            r.egress())) {
          same++;
        }
        if (same == parts.size()) {
          parts.add(new Part(p.space(), r.disposition(), r.decidedBy(), r.hops(), r.egress()));
        } else {
          Part x = parts.get(same);
          parts.set(same, new Part(x.space().union(p.space()), x.disposition(), x.decidedBy(), x.hops(), x.egress()));
        }
      }
    } else {
      Map<PartKey, FlowSpace> merged = new LinkedHashMap<>();
      for (SpaceWalk.SpacePart p : raw) {
        WalkResult r = p.result();
        merged.merge(new PartKey(r.disposition(), r.decidedBy(), r.hops(), r.egress()), p.space(), FlowSpace::union);
      }
      merged.forEach((k, s) -> parts.add(new Part(s, k.d(), k.by(), k.hops(), k.egress())));
    }
    parts.sort(Comparator.comparing((Part p) -> p.space().firstDestination(),
        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(p -> p.disposition()));
    if (parts.isEmpty()) {
      return failure(space, Disposition.INSUFFICIENT_INFO, "no packet to trace");
    }
    long reached = parts.stream().filter(p -> p.disposition().reachable()).count();
    Coverage c = reached == parts.size() ? Coverage.ALL : reached == 0 ? Coverage.NONE : Coverage.PARTIAL;
    Part top = parts.stream().allMatch(p -> p.disposition() == parts.get(0).disposition()
        && p.decidedBy().equals(parts.get(0).decidedBy())) ? parts.get(0)
        : parts.stream().filter(p -> !p.disposition().reachable()).findFirst().orElse(parts.get(0));
    List<WalkResult> results = new ArrayList<>();
    raw.forEach(p -> results.add(p.result()));
    ImmutableList<Part> shown = setDestination || parts.size() > 1 ? ImmutableList.copyOf(parts) : ImmutableList.of();
    return new Trace(space, top.disposition(), top.decidedBy(), top.hops(), shown, c, notApplicable, top.egress(),
        assumptions(results), warnings(results));
  }

  private static ImmutableList<String> warnings(List<WalkResult> results) {
    Set<String> out = new LinkedHashSet<>();
    results.forEach(r -> out.addAll(r.warnings()));
    return ImmutableList.copyOf(out);
  }

  private static ImmutableList<String> assumptions(List<WalkResult> results) {
    Set<String> out = new LinkedHashSet<>();
    boolean reachable = false;
    for (WalkResult r : results) {
      out.addAll(r.assumptions());
      reachable |= r.disposition().reachable();
    }
    if (reachable) {
      out.add(Assumptions.STATEFUL_RETURN.line());
    }
    return ImmutableList.copyOf(out);
  }

  @Override
  public Optional<EffectiveRouteTable> routes(ResourceId subnetOrNic) {
    return dp.subnet(subnetOrNic).or(() -> dp.nic(subnetOrNic).map(NicPlane::subnet)).map(SubnetPlane::routes);
  }

  @Override
  public Optional<NextHopResult> nextHop(ResourceId sourceNic, IpAddress destination) {
    return dp.nic(sourceNic).map(n -> n.subnet().routes().nextHop(destination));
  }

  @Override
  public Optional<NextHopResult> nextHop(IpAddress source, IpAddress destination) {
    Optional<NicPlane> nic = dp.nicAt(source);
    if (nic.isPresent()) {
      return Optional.of(nic.get().subnet().routes().nextHop(destination));
    }
    for (SubnetPlane s : dp.subnets()) {
      if (s.subnet().addressPrefixes().stream().anyMatch(c -> c.contains(source))) {
        return Optional.of(s.routes().nextHop(destination));
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<FlowVerifyResult> flowVerify(ResourceId nicId, Direction direction, Protocol protocol,
      IpAddress local, int localPort, IpAddress remote, int remotePort) {
    Optional<NicPlane> nic = dp.nic(nicId);
    if (nic.isEmpty()) {
      return Optional.empty();
    }
    Protocol p = protocol == Protocol.ANY ? Protocol.TCP : protocol;
    boolean in = direction == Direction.INBOUND;
    Flow f = in ? new Flow(remote, local, p, remotePort, localPort) : new Flow(local, remote, p, localPort, remotePort);
    SubnetPlane s = nic.get().subnet();
    // §1.6: inbound subnet NSG then NIC NSG; outbound NIC NSG then subnet NSG. The last allowing rule is named.
    List<Optional<NsgPlane>> order = in ? List.of(s.nsgInbound(), nic.get().nsgInbound())
        : List.of(nic.get().nsgOutbound(), s.nsgOutbound());
    FlowVerifyResult result = new FlowVerifyResult(Optional.of(Access.ALLOW), Optional.empty(), Optional.empty(),
        Optional.empty());
    for (Optional<NsgPlane> level : order) {
      if (level.isEmpty()) {
        continue;
      }
      NsgPlane n = level.get();
      if (n.missing()) {
        return Optional.of(new FlowVerifyResult(Optional.empty(), Optional.empty(), Optional.of(n.id()),
            Optional.of("NSG " + n.id() + " is not in the input")));
      }
      CompiledNsg c = n.compiled().get();
      int i = c.match(f);
      ResolvedRule r = c.rule(i);
      if (!c.certainMatch(i, f)) {
        return Optional.of(new FlowVerifyResult(Optional.empty(), Optional.of(r.rule().qualifiedName()),
            Optional.of(n.id()), Optional.of("rule may match: " + r.unknown().orElse(""))));
      }
      result = new FlowVerifyResult(Optional.of(r.access()), Optional.of(r.rule().qualifiedName()),
          Optional.of(n.id()), Optional.empty());
      if (r.access() == Access.DENY) {
        return Optional.of(result);
      }
    }
    return Optional.of(result);
  }
}
