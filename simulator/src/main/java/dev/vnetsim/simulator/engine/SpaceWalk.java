package dev.vnetsim.simulator.engine;

import static dev.vnetsim.simulator.engine.Walks.delivered;
import static dev.vnetsim.simulator.engine.Walks.unsupported;

import dev.vnetsim.model.Access;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.firewall.AzureFirewall;
import dev.vnetsim.model.network.PrivateEndpoint;
import dev.vnetsim.model.network.PublicIpAddress;
import dev.vnetsim.simulator.firewall.Snat;
import dev.vnetsim.simulator.policy.NsgPart;
import dev.vnetsim.simulator.policy.NsgSpaceEvaluator;
import dev.vnetsim.simulator.resolve.ConnectedPeering;
import dev.vnetsim.simulator.resolve.GatewayPrefix;
import dev.vnetsim.simulator.routing.EffectiveRoute;
import dev.vnetsim.simulator.routing.EffectiveRouteTable;
import dev.vnetsim.simulator.routing.RouteNextHopType;
import dev.vnetsim.simulator.routing.RouteSource;
import dev.vnetsim.simulator.trace.DecidedBy;
import dev.vnetsim.simulator.trace.Disposition;
import dev.vnetsim.simulator.trace.Egress;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.FlowSpace;
import dev.vnetsim.simulator.trace.Hop;
import dev.vnetsim.simulator.trace.Ports;
import dev.vnetsim.simulator.trace.Step;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The set-valued counterpart of {@link PacketWalk}: the same stages, but each decision point (NSG rule list, route
 * table, subnet and owner lookup, peering forwarded-traffic check, egress by protocol) splits the flow space into parts
 * with one outcome each, and every part goes on along its own branch (DESIGN §1). The union of the parts is the input
 * space; each part's outcome is that of every packet in it (checked by the engine's property test).
 */
final class SpaceWalk {

  /** One part of the space and how it ended. */
  record SpacePart(FlowSpace space, WalkResult result) {}

  private interface Next {
    List<SpacePart> go(FlowSpace space, Branch b);
  }

  /** Per-branch state: the path so far, appliances visited, routing budget and forwarding firewall. */
  private static final class Branch {
    final PathRecorder rec;
    final List<ResourceId> appliances;
    int hopsLeft;
    AzureFirewall firewall;
    Snat snat = Snat.NONE;
    /** Arrived at a firewall's public IP from the Internet: only DNAT leads on (§4.5). */
    boolean inbound;
    boolean dnat;

    Branch() {
      rec = new PathRecorder();
      appliances = new ArrayList<>();
      hopsLeft = Walks.MAX_HOPS;
    }

    private Branch(Branch o) {
      rec = o.rec.copy();
      appliances = new ArrayList<>(o.appliances);
      hopsLeft = o.hopsLeft;
      firewall = o.firewall;
      snat = o.snat;
      inbound = o.inbound;
      dnat = o.dnat;
    }

    Branch copy() {
      return new Branch(this);
    }
  }

  private final DataPlane dp;
  private final Prelude prelude;

  SpaceWalk(DataPlane dp) {
    this(dp, Prelude.NONE);
  }

  SpaceWalk(DataPlane dp, Prelude prelude) {
    this.dp = dp;
    this.prelude = prelude;
  }

  private static List<SpacePart> end(FlowSpace s, Branch b, Disposition d, Optional<DecidedBy> by) {
    return List.of(new SpacePart(s, b.rec.end(d, by)));
  }

  private static List<SpacePart> end(FlowSpace s, Branch b, Disposition d, Optional<DecidedBy> by, Egress e) {
    return List.of(new SpacePart(s, b.rec.end(d, by, Optional.of(e))));
  }

  List<SpacePart> fromNic(NicPlane src, FlowSpace space) {
    Branch b = new Branch();
    b.rec.hop(src.nic().id(), Hop.Kind.NIC).step(new Step.Transit(Step.Type.ORIGINATED, Step.Action.ORIGINATED,
        Optional.of(src.nic().id()), "from " + space.sources().firstAddress()));
    prelude.steps().forEach(b.rec::step);
    prelude.assumptions().forEach(b.rec::assume);
    List<SpacePart> out = new ArrayList<>();
    for (IpAddress a : new IpAddress[] {PlatformAddresses.WIRE_SERVER, PlatformAddresses.IMDS}) {
      FlowSpace platform = space.restrictDestination(IpSet.of(a));
      if (!platform.isEmpty()) {
        out.addAll(toPlatform(src, a, platform, b.copy()));
      }
    }
    FlowSpace rest = space.withoutDestination(PlatformAddresses.SET);
    if (!rest.isEmpty()) {
      out.addAll(outbound(src, rest, b));
    }
    return out;
  }

  /** To a platform address (§1.8, §2.4.6): only rules naming its platform tag apply; no routes. */
  private List<SpacePart> toPlatform(NicPlane src, IpAddress a, FlowSpace space, Branch b) {
    SubnetPlane s = src.subnet();
    Next deliver = (s2, b2) -> {
      b2.rec.hop(PlatformAddresses.id(a), Hop.Kind.PLATFORM).step(PlatformAddresses.delivered(a));
      return end(s2, b2, Disposition.DELIVERED, Optional.empty());
    };
    return platformNsg(src.nsgOutbound(), "NIC", a, space, b, (s1, b1) -> {
      b1.rec.hop(s.subnet().id(), Hop.Kind.SUBNET);
      return platformNsg(s.nsgOutbound(), "subnet", a, s1, b1, deliver);
    });
  }

  private List<SpacePart> platformNsg(Optional<NsgPlane> p, String level, IpAddress a, FlowSpace space, Branch b,
      Next next) {
    if (p.isEmpty()) {
      return next.go(space, b);
    }
    if (p.get().missing()) {
      b.rec.step(Walks.missingNsg(Step.Type.NSG_OUTBOUND, p.get(), level));
      return end(space, b, Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    List<SpacePart> out = new ArrayList<>();
    FlowSpace rest = space;
    for (PlatformAddresses.PlatformRule r : PlatformAddresses.rules(p.get(), a)) {
      FlowSpace hit = rest.intersect(r.region());
      if (hit.isEmpty()) {
        continue;
      }
      rest = rest.minus(r.region());
      Branch nb = b.copy();
      nb.rec.step(Walks.nsgStep(Step.Type.NSG_OUTBOUND, r.rule(), r.certain(), level));
      nb.rec.assume(Assumptions.PLATFORM_TAGS.line());
      if (!r.certain()) {
        out.addAll(end(hit, nb, Disposition.INSUFFICIENT_INFO, Optional.of(r.rule().decidedBy())));
      } else if (r.rule().access() == Access.DENY) {
        out.addAll(end(hit, nb, Disposition.DENIED_NSG_OUTBOUND, Optional.of(r.rule().decidedBy())));
      } else {
        out.addAll(next.go(hit, nb));
      }
    }
    if (!rest.isEmpty()) {
      out.addAll(next.go(rest, b));
    }
    return out;
  }

  private List<SpacePart> outbound(NicPlane nic, FlowSpace space, Branch b) {
    SubnetPlane s = nic.subnet();
    return nsg(space, b, nic.nsgOutbound(), Step.Type.NSG_OUTBOUND, "NIC", Disposition.DENIED_NSG_OUTBOUND, s,
        (s1, b1) -> {
          b1.rec.hop(s.subnet().id(), Hop.Kind.SUBNET);
          return nsg(s1, b1, s.nsgOutbound(), Step.Type.NSG_OUTBOUND, "subnet", Disposition.DENIED_NSG_OUTBOUND, s,
              (s2, b2) -> route(s, nic, s2, b2));
        });
  }

  private List<SpacePart> route(SubnetPlane s, NicPlane sender, FlowSpace space, Branch b) {
    EffectiveRouteTable t = s.routes();
    if (--b.hopsLeft < 0) {
      b.rec.step(new Step.Transit(Step.Type.LOOP, Step.Action.DROPPED, Optional.empty(), "more than "
          + Walks.MAX_HOPS + " routing decisions"));
      return end(space, b, Disposition.LOOP, b.rec.lastRoute());
    }
    if (!t.unresolved().isEmpty()) {
      b.rec.step(unsupported(Optional.of(t.container()), String.join("; ", t.unresolved())));
      return end(space, b, Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    List<SpacePart> out = new ArrayList<>();
    FlowSpace rest = space;
    // only the routes that win some destination of the packets (a hub's table has one per peered spoke), in order
    BitSet meeting = t.routesMeeting(rest.destinations());
    for (int i = meeting.nextSetBit(0); i >= 0 && !rest.isEmpty(); i = meeting.nextSetBit(i + 1)) {
      IpSet region = t.region(i);
      if (region.isEmpty() || !rest.meetsDestination(region)) {
        continue;
      }
      FlowSpace.Split split = rest.splitDestination(region);
      FlowSpace part = split.inside();
      if (part.isEmpty()) {
        continue;
      }
      rest = split.outside();
      Branch nb = b.copy();
      EffectiveRoute r = t.route(i);
      nb.rec.step(Walks.routeStep(s, i));
      if (r.source() == RouteSource.USER && Reserved.isDefaultRoute(r) && part.destinations().intersects(Reserved.SET)) {
        nb.rec.assume(Assumptions.FORCED_TUNNEL_RESERVED.line());
      }
      out.addAll(afterRoute(s, sender, r, part, nb));
    }
    if (!rest.isEmpty()) {
      Branch nb = b.copy();
      nb.rec.step(new Step.Routing(Step.Action.DROPPED, t.subnet(), "System Route", "no route to "
          + rest.destinations()));
      out.addAll(end(rest, nb, Disposition.NULL_ROUTED, nb.rec.lastRoute()));
    }
    return out;
  }

  private List<SpacePart> afterRoute(SubnetPlane s, NicPlane sender, EffectiveRoute r, FlowSpace space, Branch b) {
    ResourceId vnet = s.vnetId();
    return switch (r.nextHopType()) {
      case NONE -> end(space, b, Disposition.NULL_ROUTED, b.rec.lastRoute());
      case VNET_LOCAL -> inVnet(vnet, space, b);
      case VNET_PEERING, VNET_GLOBAL_PEERING -> viaPeering(s, r, space, b);
      case VIRTUAL_NETWORK_GATEWAY -> viaGateway(vnet, r, space, b);
      case VIRTUAL_NETWORK_SERVICE_ENDPOINT -> serviceEndpoint(s, space, b);
      case INTERNET -> internet(s, sender, space, b);
      case VIRTUAL_APPLIANCE -> viaAppliance(s, r, space, b);
      case INTERFACE_ENDPOINT -> toPrivateEndpoint(s, r.target().orElseThrow(), space, b);
    };
  }

  /** Over a service endpoint (§6): the policy check, then out with the private source the service sees. */
  private List<SpacePart> serviceEndpoint(SubnetPlane s, FlowSpace space, Branch b) {
    ServiceEndpointPolicies.Check c = ServiceEndpointPolicies.check(dp, s, prelude.name(), space.destinations());
    if (c instanceof ServiceEndpointPolicies.Unknown u) {
      b.rec.step(unsupported(Optional.of(s.subnet().id()), u.why()));
      return end(space, b, Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    if (c instanceof ServiceEndpointPolicies.Denied d) {
      b.rec.step(new Step.Transit(Step.Type.EGRESS, Step.Action.DROPPED, Optional.of(d.decidedBy().resourceId()),
          d.detail()));
      b.rec.assume(Assumptions.SEP_DISPOSITION.line());
      return end(space, b, Disposition.NULL_ROUTED, Optional.of(d.decidedBy()));
    }
    IpAddress source = space.sources().firstAddress();
    String policy = c instanceof ServiceEndpointPolicies.Allowed a ? "; " + a.detail() : "";
    b.rec.step(new Step.Transit(Step.Type.EGRESS, Step.Action.EXITED, Optional.of(s.subnet().id()),
        "via service endpoint; the service sees the private source " + source + " (§6)" + policy));
    if (b.firewall == null) {
      Walks.storageWarning(dp, s, space.destinations()).ifPresent(b.rec::warn);
    }
    return end(space, b, Disposition.EXITS_NETWORK, Optional.empty(), new Egress(Egress.Type.SERVICE_ENDPOINT,
        Optional.of(s.subnet().id()), space.sources().rangeCount() == 1 && space.sources().v4Size() <= 1
            ? Optional.of(source) : Optional.empty()));
  }

  private List<SpacePart> internet(SubnetPlane s, NicPlane sender, FlowSpace space, Branch b) {
    List<SpacePart> out = new ArrayList<>();
    for (boolean ports : new boolean[] {true, false}) {
      FlowSpace part = space.intersect(new FlowBox(IpSet.ALL, IpSet.ALL,
          ports ? FlowBox.WITH_PORTS : FlowBox.WITHOUT_PORTS, Ports.ALL, Ports.ALL));
      if (part.isEmpty()) {
        continue;
      }
      Branch nb = b.copy();
      Protocol p = ports ? Protocol.TCP : Protocol.ICMP;
      Walks.EgressDecision d = b.firewall != null ? Walks.firewallEgress(dp, b.firewall, s, p)
          : Walks.egress(dp, sender, s, p);
      nb.rec.step(d.step());
      d.assumption().ifPresent(nb.rec::assume);
      d.warning().ifPresent(nb.rec::warn);
      if (b.firewall == null && d.disposition() == Disposition.EXITS_NETWORK) {
        Walks.storageWarning(dp, s, part.destinations()).ifPresent(nb.rec::warn);
      }
      Optional<DecidedBy> by = d.disposition() == Disposition.NO_OUTBOUND_CONNECTIVITY ? nb.rec.lastRoute()
          : Optional.empty();
      out.add(new SpacePart(part, nb.rec.end(d.disposition(), by, d.egress())));
    }
    return out;
  }

  private List<SpacePart> inVnet(ResourceId vnet, FlowSpace space, Branch b) {
    List<SpacePart> out = new ArrayList<>();
    for (Map.Entry<SubnetPlane, IpSet> e : dp.splitBySubnet(vnet, space.destinations()).entrySet()) {
      FlowSpace part = space.restrictDestination(e.getValue());
      Branch nb = b.copy();
      if (e.getKey() == null) {
        nb.rec.step(unsupported(Optional.of(vnet), e.getValue() + " is in no subnet of " + vnet.name()
            + " in the input"));
        out.addAll(end(part, nb, Disposition.INSUFFICIENT_INFO, Optional.empty()));
      } else {
        out.addAll(arrive(e.getKey(), part, nb));
      }
    }
    return out;
  }

  private List<SpacePart> arrive(SubnetPlane t, FlowSpace space, Branch b) {
    List<SpacePart> out = new ArrayList<>();
    FlowSpace rest = space;
    for (Map.Entry<DataPlane.Owner, IpSet> o : dp.owners(t)) {
      if (o.getKey().privateEndpoint().isEmpty()) {
        continue;
      }
      FlowSpace part = rest.restrictDestination(o.getValue());
      if (!part.isEmpty()) {
        rest = rest.withoutDestination(o.getValue());
        out.addAll(atPrivateEndpoint(o.getKey().privateEndpoint().get(), t, part, b.copy()));
      }
    }
    if (rest.isEmpty()) {
      return out;
    }
    b.rec.hop(t.subnet().id(), Hop.Kind.SUBNET);
    out.addAll(nsg(rest, b, t.nsgInbound(), Step.Type.NSG_INBOUND, "subnet", Disposition.DENIED_NSG_INBOUND, t,
        (s1, b1) -> toNics(t, s1, b1)));
    return out;
  }

  private List<SpacePart> toNics(SubnetPlane t, FlowSpace space, Branch b) {
    List<SpacePart> out = new ArrayList<>();
    FlowSpace rest = space;
    for (Map.Entry<DataPlane.Owner, IpSet> o : dp.owners(t)) {
      if (o.getKey().nic().isEmpty() || rest.isEmpty()) {
        continue;
      }
      FlowSpace part = rest.restrictDestination(o.getValue());
      if (!part.isEmpty()) {
        rest = rest.withoutDestination(o.getValue());
        out.addAll(atNic(o.getKey().nic().get(), part, b.copy()));
      }
    }
    if (!rest.isEmpty()) {
      Branch nb = b.copy();
      nb.rec.step(unsupported(Optional.of(t.subnet().id()), "no NIC with address " + rest.destinations()
          + " is in the input"));
      out.addAll(end(rest, nb, Disposition.INSUFFICIENT_INFO, Optional.empty()));
    }
    return out;
  }

  private List<SpacePart> atNic(NicPlane nic, FlowSpace space, Branch b) {
    b.rec.hop(nic.nic().id(), Hop.Kind.NIC);
    return nsg(space, b, nic.nsgInbound(), Step.Type.NSG_INBOUND, "NIC", Disposition.DENIED_NSG_INBOUND,
        nic.subnet(), (s1, b1) -> {
          b1.rec.step(delivered(nic.nic().id(), "to " + s1.destinations().firstAddress()));
          if (b1.firewall != null && b1.snat == Snat.NONE && !b1.dnat) {
            Walks.asymmetry(dp, b1.firewall, nic.subnet(), s1.sources().firstAddress()).ifPresent(b1.rec::warn);
          }
          return end(s1, b1, Disposition.DELIVERED, Optional.empty());
        });
  }

  private List<SpacePart> atPrivateEndpoint(PrivateEndpoint pe, SubnetPlane t, FlowSpace space, Branch b) {
    b.rec.hop(t.subnet().id(), Hop.Kind.SUBNET);
    Next deliver = (s1, b1) -> {
      b1.rec.hop(pe.id(), Hop.Kind.PRIVATE_ENDPOINT);
      Optional<Boolean> approved = Walks.approved(pe);
      if (approved.isEmpty()) {
        b1.rec.step(unsupported(Optional.of(pe.id()), "the private endpoint's connection state is not in the input"));
        return end(s1, b1, Disposition.INSUFFICIENT_INFO, Optional.empty());
      }
      if (!approved.get()) {
        b1.rec.step(new Step.Transit(Step.Type.DELIVERED, Step.Action.DROPPED, Optional.of(pe.id()),
            "no Approved private link connection to " + Walks.privateEndpointTarget(pe) + " (§5.1)"));
        return end(s1, b1, Disposition.NULL_ROUTED, Optional.empty());
      }
      b1.rec.step(delivered(pe.id(), "to private endpoint " + pe.name() + " of " + Walks.privateEndpointTarget(pe)));
      if (b1.firewall != null && b1.snat == Snat.NONE && !b1.dnat) {
        b1.rec.warn(Walks.privateEndpointAsymmetry(b1.firewall, pe));
      }
      return end(s1, b1, Disposition.DELIVERED, Optional.empty());
    };
    if (t.subnet().privateEndpointNetworkPolicies().nsgApplies()) {
      return nsg(space, b, t.nsgInbound(), Step.Type.NSG_INBOUND, "subnet", Disposition.DENIED_NSG_INBOUND, t,
          deliver);
    }
    t.nsgInbound().ifPresent(n -> b.rec.step(Walks.privateEndpointNsgSkipped(t, n)));
    return deliver.go(space, b);
  }

  private List<SpacePart> toPrivateEndpoint(SubnetPlane s, ResourceId peId, FlowSpace space, Branch b) {
    PrivateEndpoint pe = dp.topology().privateEndpoints().get(peId);
    SubnetPlane t = pe == null ? null : dp.subnetOf(pe).orElse(null);
    if (t == null) {
      b.rec.step(unsupported(Optional.of(peId), "the private endpoint's subnet is not in the input"));
      return end(space, b, Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    return crossIfPeered(s, t.vnetId(), space, b, (s1, b1) -> atPrivateEndpoint(pe, t, s1, b1));
  }

  private List<SpacePart> crossIfPeered(SubnetPlane s, ResourceId toVnet, FlowSpace space, Branch b, Next next) {
    ResourceId from = s.vnetId();
    if (from.equals(toVnet)) {
      return next.go(space, b);
    }
    Optional<ConnectedPeering> p = Walks.peeringTo(dp, from, toVnet);
    if (p.isEmpty()) {
      b.rec.step(unsupported(Optional.of(toVnet), toVnet.name() + " is not directly peered with " + from.name()));
      return end(space, b, Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    return cross(s, p.get(), space, b, next);
  }

  /** Splits by whether the source is outside the sending VNet (forwarded traffic, §7). */
  private List<SpacePart> cross(SubnetPlane s, ConnectedPeering p, FlowSpace space, Branch b, Next next) {
    IpSet own = dp.vnetSpace(s.vnetId());
    List<SpacePart> out = new ArrayList<>();
    for (boolean forwarded : new boolean[] {false, true}) {
      FlowSpace part = forwarded ? space.withoutSource(own) : space.restrictSource(own);
      if (part.isEmpty()) {
        continue;
      }
      Branch nb = b.copy();
      nb.rec.hop(p.peering().id(), Hop.Kind.PEERING);
      Optional<Walks.Refusal> refusal = Walks.refusePeering(p, forwarded);
      if (refusal.isPresent()) {
        nb.rec.step(refusal.get().step());
        out.addAll(end(part, nb, refusal.get().disposition(), refusal.get().decidedBy()));
        continue;
      }
      nb.rec.step(Walks.peeringStep(p));
      if (!p.peering().allowVirtualNetworkAccess()) {
        nb.rec.assume(Assumptions.PEERING_ACCESS.line(p.peering().name()));
      }
      out.addAll(next.go(part, nb));
    }
    return out;
  }

  private List<SpacePart> viaPeering(SubnetPlane s, EffectiveRoute r, FlowSpace space, Branch b) {
    ResourceId remote = r.target().orElseThrow();
    Optional<ConnectedPeering> p = Walks.peeringTo(dp, s.vnetId(), remote);
    if (p.isEmpty()) {
      b.rec.step(unsupported(Optional.of(remote), "no connected peering to " + remote.name()));
      return end(space, b, Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    return cross(s, p.get(), space, b, (s1, b1) -> inVnet(remote, s1, b1));
  }

  private List<SpacePart> viaGateway(ResourceId vnet, EffectiveRoute r, FlowSpace space, Branch b) {
    List<GatewayPrefix> prefixes = new ArrayList<>(dp.facts().gatewayRoutes(vnet).prefixes());
    prefixes.sort(Comparator.comparingInt((GatewayPrefix g) -> g.prefix().prefixLength()).reversed());
    List<SpacePart> out = new ArrayList<>();
    FlowSpace rest = space;
    for (GatewayPrefix g : prefixes) {
      FlowSpace part = rest.restrictDestination(g.prefix().toIpSet());
      if (!part.isEmpty()) {
        rest = rest.withoutDestination(g.prefix().toIpSet());
        out.addAll(gateway(vnet, r, Optional.of(g), part, b.copy()));
      }
    }
    if (!rest.isEmpty()) {
      out.addAll(gateway(vnet, r, Optional.empty(), rest, b.copy()));
    }
    return out;
  }

  private List<SpacePart> gateway(ResourceId vnet, EffectiveRoute r, Optional<GatewayPrefix> g, FlowSpace space,
      Branch b) {
    Optional<ResourceId> gw = r.target().or(() -> g.map(GatewayPrefix::gateway))
        .or(() -> dp.facts().gateway(vnet).map(x -> x.id()));
    if (gw.isEmpty()) {
      b.rec.step(unsupported(Optional.of(vnet), "no virtual network gateway for " + vnet.name() + " in the input"));
      return end(space, b, Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    b.rec.hop(gw.get(), Hop.Kind.VIRTUAL_NETWORK_GATEWAY);
    if (g.isPresent() && dp.topology().virtualNetworks().containsKey(g.get().origin())) {
      b.rec.step(new Step.Transit(Step.Type.GATEWAY, Step.Action.FORWARDED, gw, "VNet-to-VNet connection to "
          + g.get().origin().name()));
      return inVnet(g.get().origin(), space, b);
    }
    b.rec.step(new Step.Transit(Step.Type.GATEWAY, Step.Action.EXITED, gw, "toward on-premises"
        + g.map(x -> " (" + x.origin().name() + ")").orElse("")));
    return end(space, b, Disposition.EXITS_NETWORK, Optional.empty(), new Egress(Egress.Type.VIRTUAL_NETWORK_GATEWAY,
        gw, Optional.empty()));
  }

  private List<SpacePart> viaAppliance(SubnetPlane s, EffectiveRoute r, FlowSpace space, Branch b) {
    if (r.nextHopIpAddress().isEmpty()) {
      b.rec.step(unsupported(r.routeId(), "route " + r.ruleName() + " has no next hop IP"));
      return end(space, b, Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    IpAddress ip = r.nextHopIpAddress().get(0);
    Walks.Appliance a = Walks.applianceAt(dp, ip);
    if (a instanceof Walks.UnknownAppliance u) {
      b.rec.step(unsupported(Optional.empty(), u.why()));
      return end(space, b, Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    if (a instanceof Walks.FirewallAppliance fa) {
      return viaFirewall(s, fa.firewall(), space, b);
    }
    NicPlane nva = ((Walks.NicAppliance) a).nic();
    return crossIfPeered(s, nva.subnet().vnetId(), space, b, (s1, b1) -> atAppliance(nva, ip, s1,
        b1));
  }

  private List<SpacePart> atAppliance(NicPlane nva, IpAddress ip, FlowSpace space, Branch b) {
    if (b.appliances.contains(nva.nic().id())) {
      return loop(nva.nic().id(), Hop.Kind.VIRTUAL_APPLIANCE, space, b);
    }
    b.appliances.add(nva.nic().id());
    SubnetPlane t = nva.subnet();
    b.rec.hop(t.subnet().id(), Hop.Kind.SUBNET);
    return nsg(space, b, t.nsgInbound(), Step.Type.NSG_INBOUND, "subnet", Disposition.DENIED_NSG_INBOUND, t,
        (s1, b1) -> {
          b1.rec.hop(nva.nic().id(), Hop.Kind.VIRTUAL_APPLIANCE);
          return nsg(s1, b1, nva.nsgInbound(), Step.Type.NSG_INBOUND, "NIC", Disposition.DENIED_NSG_INBOUND, t,
              (s2, b2) -> forward(nva, ip, s2, b2));
        });
  }

  private List<SpacePart> forward(NicPlane nva, IpAddress ip, FlowSpace space, Branch b) {
    List<SpacePart> out = new ArrayList<>();
    FlowSpace own = space.restrictDestination(nva.addresses());
    if (!own.isEmpty()) {
      Branch nb = b.copy();
      nb.rec.step(delivered(nva.nic().id(), "to " + own.destinations().firstAddress()));
      out.addAll(end(own, nb, Disposition.DELIVERED, Optional.empty()));
    }
    FlowSpace rest = space.withoutDestination(nva.addresses());
    if (rest.isEmpty()) {
      return out;
    }
    if (!nva.ipForwarding()) {
      b.rec.step(new Step.Transit(Step.Type.IP_FORWARDING, Step.Action.DROPPED, Optional.of(nva.nic().id()),
          "IP forwarding is disabled on " + nva.nic().name() + ": Azure drops packets not addressed to it (§2.3)"));
      out.addAll(end(rest, b, Disposition.NULL_ROUTED, Optional.of(DecidedBy.route(nva.nic().id(),
          "enableIPForwarding"))));
      return out;
    }
    b.rec.step(new Step.Transit(Step.Type.IP_FORWARDING, Step.Action.FORWARDED, Optional.of(nva.nic().id()),
        "virtual appliance " + ip + " forwards (IP forwarding enabled)"));
    b.rec.assume(Assumptions.APPLIANCE_FORWARDS.line(nva.nic().name() + " " + ip));
    SubnetPlane t = nva.subnet();
    out.addAll(nsg(rest, b, nva.nsgOutbound(), Step.Type.NSG_OUTBOUND, "NIC", Disposition.DENIED_NSG_OUTBOUND, t,
        (s1, b1) -> {
          b1.rec.hop(t.subnet().id(), Hop.Kind.SUBNET);
          return nsg(s1, b1, t.nsgOutbound(), Step.Type.NSG_OUTBOUND, "subnet", Disposition.DENIED_NSG_OUTBOUND, t,
              (s2, b2) -> route(t, nva, s2, b2));
        }));
    return out;
  }

  private List<SpacePart> viaFirewall(SubnetPlane s, AzureFirewall fw, FlowSpace space, Branch b) {
    SubnetPlane fs = Walks.firewallSubnet(dp, fw).orElse(null);
    if (fs == null) {
      b.rec.step(unsupported(Optional.of(fw.id()), "the firewall's subnet is not in the input"));
      return end(space, b, Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    return crossIfPeered(s, fs.vnetId(), space, b, (s1, b1) -> {
      if (b1.appliances.contains(fw.id())) {
        return loop(fw.id(), Hop.Kind.FIREWALL, s1, b1);
      }
      b1.appliances.add(fw.id());
      b1.rec.hop(fw.id(), Hop.Kind.FIREWALL);
      return firewallOutcomes(fw, fs, s1, b1);
    });
  }

  /** The firewall's verdicts (§4.2); allowed parts are source- or destination-NATed (§4.5, §4.6) and routed on. */
  private List<SpacePart> firewallOutcomes(AzureFirewall fw, SubnetPlane fs, FlowSpace space, Branch b) {
    List<SpacePart> out = new ArrayList<>();
    for (FirewallStage.Outcome o : dp.firewallStage().evaluate(fw, space, prelude.name())) {
      Branch nb = b.copy();
      o.assumptions().forEach(nb.rec::assume);
      if (o.verdict() == FirewallStage.Verdict.UNKNOWN) {
        nb.rec.step(unsupported(Optional.of(fw.id()), o.detail()));
        out.addAll(end(o.space(), nb, Disposition.INSUFFICIENT_INFO, o.decidedBy()));
        continue;
      }
      nb.rec.step(FirewallSteps.step(fw, o));
      if (o.verdict() == FirewallStage.Verdict.DENY) {
        out.addAll(end(o.space(), nb, Disposition.DENIED_FIREWALL, o.decidedBy()));
        continue;
      }
      if (nb.inbound && o.dnat().isEmpty()) {
        nb.rec.step(unsupported(Optional.of(fw.id()), "traffic to the firewall's own public IP that no DNAT rule"
            + " translates is not modelled (§4.5)"));
        out.addAll(end(o.space(), nb, Disposition.INSUFFICIENT_INFO, o.decidedBy()));
        continue;
      }
      nb.firewall = fw;
      nb.snat = o.snat();
      nb.dnat = o.dnat().isPresent();
      nb.rec.hop(fs.subnet().id(), Hop.Kind.SUBNET);
      FlowSpace onward = o.space();
      Optional<IpAddress> fwIp = fw.privateIpAddress();
      // §4.6: whatever is SNATed leaves the firewall from its address: the private IP inside Azure (toward the
      // Internet the egress step names the public IP). Network rules toward private ranges keep the source.
      boolean snatSource = o.snat() != Snat.NONE && fwIp.isPresent();
      if (snatSource) {
        onward = SpaceRewrites.rewrite(onward, IpSet.of(fwIp.get()), null, null);
      }
      if (o.dnat().isPresent()) {
        FirewallStage.Translation t = o.dnat().get();
        onward = SpaceRewrites.rewrite(onward, null, IpSet.of(t.address()), t.port().orElse(null));
      }
      List<SpacePart> parts = route(fs, null, onward, nb);
      boolean translated = snatSource || o.dnat().isPresent();
      out.addAll(translated ? SpaceRewrites.mapBack(parts, o.space(), snatSource, o.dnat().isPresent(),
          o.dnat().flatMap(FirewallStage.Translation::port).isPresent()) : parts);
    }
    return out;
  }

  private static List<SpacePart> loop(ResourceId again, Hop.Kind kind, FlowSpace space, Branch b) {
    int from = b.appliances.indexOf(again);
    StringBuilder cycle = new StringBuilder();
    for (int i = from; i < b.appliances.size(); i++) {
      cycle.append(b.appliances.get(i).name()).append(" -> ");
    }
    cycle.append(again.name());
    b.rec.hop(again, kind).step(new Step.Transit(Step.Type.LOOP, Step.Action.DROPPED, Optional.of(again),
        "routing loop: " + cycle));
    return end(space, b, Disposition.LOOP, b.rec.lastRoute());
  }

  /** From the Internet to a public IP; the space's destination is the public address, as the parts report it. */
  List<SpacePart> fromInternet(PublicIpAddress pip, FlowSpace space) {
    IpSet publicSide = space.destinations();
    List<SpacePart> out = new ArrayList<>();
    for (SpacePart p : translatedFromInternet(pip, space)) {
      FlowSpace original = FlowSpace.EMPTY;
      for (FlowBox x : p.space().boxes()) {
        original = original.union(FlowSpace.of(x.withDestination(publicSide)));
      }
      out.add(new SpacePart(original, p.result()));
    }
    return out;
  }

  private List<SpacePart> translatedFromInternet(PublicIpAddress pip, FlowSpace space) {
    Branch b = new Branch();
    b.rec.hop(Walks.INTERNET, Hop.Kind.INTERNET).step(new Step.Transit(Step.Type.ORIGINATED,
        Step.Action.ORIGINATED, Optional.empty(), "from " + space.sources().firstAddress()));
    b.rec.hop(pip.id(), Hop.Kind.PUBLIC_IP);
    Optional<AzureFirewall> fw = Walks.firewallOfPublicIp(dp, pip);
    if (fw.isPresent()) {
      SubnetPlane fs = Walks.firewallSubnet(dp, fw.get()).orElse(null);
      if (fs == null) {
        b.rec.step(unsupported(Optional.of(fw.get().id()), "the firewall's subnet is not in the input"));
        return end(space, b, Disposition.INSUFFICIENT_INFO, Optional.empty());
      }
      b.rec.hop(fw.get().id(), Hop.Kind.FIREWALL);
      b.appliances.add(fw.get().id());
      b.inbound = true;
      return firewallOutcomes(fw.get(), fs, space, b);
    }
    PacketWalk.InboundTarget target = PacketWalk.InboundTarget.of(dp, pip);
    if (target.failure().isPresent()) {
      b.rec.step(target.failure().get().step());
      return end(space, b, target.failure().get().disposition(), Optional.empty());
    }
    NicPlane nic = target.nic().orElseThrow();
    IpAddress priv = target.privateAddress().orElseThrow();
    b.rec.step(new Step.Transit(Step.Type.INBOUND_NAT, Step.Action.TRANSLATED, Optional.of(pip.id()),
        pip.ipAddress().map(Object::toString).orElse(pip.name()) + " -> " + priv));
    FlowSpace translated = FlowSpace.EMPTY;
    for (FlowBox x : space.boxes()) {
      translated = translated.union(FlowSpace.of(x.withDestination(IpSet.of(priv))));
    }
    EffectiveRouteTable t = nic.subnet().routes();
    List<SpacePart> out = new ArrayList<>();
    FlowSpace direct = FlowSpace.EMPTY;
    for (int i = 0; i < t.routes().size(); i++) {
      IpSet region = t.region(i);
      FlowSpace part = translated.restrictSource(region);
      if (part.isEmpty()) {
        continue;
      }
      EffectiveRoute br = t.route(i);
      if (br.nextHopType() == RouteNextHopType.INTERNET) {
        direct = direct.union(part);
        continue;
      }
      Branch nb = b.copy();
      nb.rec.step(new dev.vnetsim.simulator.trace.Step.Routing(Step.Action.DROPPED, t.container(br), br.ruleName(),
          "replies to " + part.sources().firstAddress() + " would follow " + t.description(i)
              + ", not the Internet: no direct inbound path (§2.4.4)"));
      out.addAll(end(part, nb, Disposition.NO_INBOUND_PATH, nb.rec.lastRoute()));
    }
    if (direct.isEmpty()) {
      return out;
    }
    if (pip.sku() == PublicIpAddress.Sku.STANDARD && nic.nsgInbound().isEmpty()
        && nic.subnet().nsgInbound().isEmpty()) {
      b.rec.step(new Step.Transit(Step.Type.INBOUND_NAT, Step.Action.DROPPED, Optional.of(pip.id()),
          "a Standard SKU public IP is closed to inbound traffic unless an NSG on the NIC or subnet allows it"
              + " (§1.10); neither has an NSG"));
      out.addAll(end(direct, b, Disposition.NO_INBOUND_PATH, Optional.empty()));
      return out;
    }
    SubnetPlane s = nic.subnet();
    b.rec.hop(s.subnet().id(), Hop.Kind.SUBNET);
    out.addAll(nsg(direct, b, s.nsgInbound(), Step.Type.NSG_INBOUND, "subnet", Disposition.DENIED_NSG_INBOUND, s,
        (s1, b1) -> atNic(nic, s1, b1)));
    return out;
  }

  /** Splits by the NSG's deciding rules; allowed parts go on to {@code next}. */
  private List<SpacePart> nsg(FlowSpace space, Branch b, Optional<NsgPlane> p, Step.Type type, String level,
      Disposition denied, SubnetPlane ctx, Next next) {
    if (p.isEmpty()) {
      return next.go(space, b);
    }
    NsgPlane n = p.get();
    if (n.missing()) {
      b.rec.step(Walks.missingNsg(type, n, level));
      return end(space, b, Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    List<SpacePart> out = new ArrayList<>();
    for (NsgPart part : NsgSpaceEvaluator.evaluateRecent(n.resolved().get(), space)) {
      Branch nb = b.copy();
      nb.rec.step(Walks.nsgStep(type, part.rule(), part.certain(), level));
      if (!part.certain()) {
        out.addAll(end(part.space(), nb, Disposition.INSUFFICIENT_INFO, Optional.of(part.rule().decidedBy())));
        continue;
      }
      Walks.ruleAssumptions(nb.rec, part.rule(), ctx);
      if (part.rule().rule().protocol() == Protocol.ANY && part.space().boxes().stream()
          .anyMatch(x -> x.protocols().contains(Protocol.ESP) || x.protocols().contains(Protocol.AH))) {
        nb.rec.assume(Assumptions.ANY_PROTOCOL.line());
      }
      if (part.rule().access() == Access.DENY) {
        out.addAll(end(part.space(), nb, denied, Optional.of(part.rule().decidedBy())));
      } else {
        out.addAll(next.go(part.space(), nb));
      }
    }
    return out;
  }
}
