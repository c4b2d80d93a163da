package dev.vnetsim.simulator.engine;

import static dev.vnetsim.simulator.engine.Walks.delivered;
import static dev.vnetsim.simulator.engine.Walks.unsupported;

import dev.vnetsim.model.Access;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.firewall.AzureFirewall;
import dev.vnetsim.model.network.IpConfiguration;
import dev.vnetsim.model.network.PrivateEndpoint;
import dev.vnetsim.model.network.PublicIpAddress;
import dev.vnetsim.simulator.firewall.Snat;
import dev.vnetsim.simulator.policy.CompiledNsg;
import dev.vnetsim.simulator.policy.ResolvedRule;
import dev.vnetsim.simulator.resolve.ConnectedPeering;
import dev.vnetsim.simulator.resolve.GatewayPrefix;
import dev.vnetsim.simulator.resolve.NetworkFacts;
import dev.vnetsim.simulator.routing.EffectiveRoute;
import dev.vnetsim.simulator.routing.EffectiveRouteTable;
import dev.vnetsim.simulator.routing.RouteNextHopType;
import dev.vnetsim.simulator.routing.RouteSource;
import dev.vnetsim.simulator.trace.DecidedBy;
import dev.vnetsim.simulator.trace.Disposition;
import dev.vnetsim.simulator.trace.Egress;
import dev.vnetsim.simulator.trace.Flow;
import dev.vnetsim.simulator.trace.FlowSpace;
import dev.vnetsim.simulator.trace.Hop;
import dev.vnetsim.simulator.trace.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks one packet through the compiled data plane (DESIGN §1): NIC NSG then subnet NSG outbound (§1.6), the source
 * subnet's effective routes (§2.4), peering crossings without transit (§7), virtual appliances with IP forwarding
 * (§2.3), Internet egress (§3.3), and at the destination the subnet NSG then the NIC NSG inbound (§1.6). Each instance
 * walks one packet once.
 */
final class PacketWalk {

  private final DataPlane dp;
  private Flow f;
  private final PathRecorder rec = new PathRecorder();
  private final List<ResourceId> appliances = new ArrayList<>(2);
  private AzureFirewall forwardingFirewall;
  private Snat snat = Snat.NONE;
  private boolean inbound;
  private boolean dnat;
  private int hopsLeft = Walks.MAX_HOPS;
  private final Prelude prelude;

  PacketWalk(DataPlane dp, Flow f) {
    this(dp, f, Prelude.NONE);
  }

  PacketWalk(DataPlane dp, Flow f, Prelude prelude) {
    this.dp = dp;
    this.f = f;
    this.prelude = prelude;
  }

  WalkResult fromNic(NicPlane src) {
    rec.hop(src.nic().id(), Hop.Kind.NIC).step(new Step.Transit(Step.Type.ORIGINATED, Step.Action.ORIGINATED,
        Optional.of(src.nic().id()), "from " + f.source()));
    prelude.steps().forEach(rec::step);
    prelude.assumptions().forEach(rec::assume);
    if (PlatformAddresses.SET.contains(f.destination())) {
      return toPlatform(src);
    }
    return outbound(src);
  }

  /** To a platform address (§1.8, §2.4.6): only rules naming its platform tag apply; no routes. */
  private WalkResult toPlatform(NicPlane src) {
    WalkResult r = platformNsg(src.nsgOutbound(), "NIC");
    if (r != null) {
      return r;
    }
    rec.hop(src.subnet().subnet().id(), Hop.Kind.SUBNET);
    r = platformNsg(src.subnet().nsgOutbound(), "subnet");
    if (r != null) {
      return r;
    }
    rec.hop(PlatformAddresses.id(f.destination()), Hop.Kind.PLATFORM).step(PlatformAddresses.delivered(
        f.destination()));
    return rec.end(Disposition.DELIVERED, Optional.empty());
  }

  private WalkResult platformNsg(Optional<NsgPlane> p, String level) {
    if (p.isEmpty()) {
      return null;
    }
    if (p.get().missing()) {
      rec.step(Walks.missingNsg(Step.Type.NSG_OUTBOUND, p.get(), level));
      return rec.end(Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    for (PlatformAddresses.PlatformRule r : PlatformAddresses.rules(p.get(), f.destination())) {
      if (r.region().contains(f)) {
        rec.step(Walks.nsgStep(Step.Type.NSG_OUTBOUND, r.rule(), r.certain(), level));
        rec.assume(Assumptions.PLATFORM_TAGS.line());
        if (!r.certain()) {
          return rec.end(Disposition.INSUFFICIENT_INFO, Optional.of(r.rule().decidedBy()));
        }
        return r.rule().access() == Access.DENY
            ? rec.end(Disposition.DENIED_NSG_OUTBOUND, Optional.of(r.rule().decidedBy())) : null;
      }
    }
    return null;
  }

  /** Out of a NIC: its NSG, then its subnet's NSG (outbound order, §1.6), then routing. */
  private WalkResult outbound(NicPlane nic) {
    WalkResult r = nsg(nic.nsgOutbound(), Step.Type.NSG_OUTBOUND, "NIC", Disposition.DENIED_NSG_OUTBOUND,
        nic.subnet());
    if (r != null) {
      return r;
    }
    SubnetPlane s = nic.subnet();
    rec.hop(s.subnet().id(), Hop.Kind.SUBNET);
    r = nsg(s.nsgOutbound(), Step.Type.NSG_OUTBOUND, "subnet", Disposition.DENIED_NSG_OUTBOUND, s);
    return r != null ? r : route(s, nic);
  }

  private WalkResult route(SubnetPlane s, NicPlane sender) {
    EffectiveRouteTable t = s.routes();
    if (--hopsLeft < 0) {
      rec.step(new Step.Transit(Step.Type.LOOP, Step.Action.DROPPED, Optional.empty(), "more than "
          + Walks.MAX_HOPS + " routing decisions"));
      return rec.end(Disposition.LOOP, rec.lastRoute());
    }
    if (!t.unresolved().isEmpty()) {
      rec.step(unsupported(Optional.of(t.container()), String.join("; ", t.unresolved())));
      return rec.end(Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    int i = t.lookup(f.destination());
    if (i < 0) {
      rec.step(new Step.Routing(Step.Action.DROPPED, t.subnet(), "System Route", "no route to " + f.destination()));
      return rec.end(Disposition.NULL_ROUTED, rec.lastRoute());
    }
    EffectiveRoute r = t.route(i);
    rec.step(Walks.routeStep(s, i));
    if (r.source() == RouteSource.USER && Reserved.isDefaultRoute(r) && Reserved.SET.contains(f.destination())) {
      rec.assume(Assumptions.FORCED_TUNNEL_RESERVED.line());
    }
    ResourceId vnet = s.vnetId();
    return switch (r.nextHopType()) {
      case NONE -> rec.end(Disposition.NULL_ROUTED, rec.lastRoute());
      case VNET_LOCAL -> inVnet(vnet);
      case VNET_PEERING, VNET_GLOBAL_PEERING -> viaPeering(s, r);
      case VIRTUAL_NETWORK_GATEWAY -> viaGateway(vnet, r);
      case VIRTUAL_NETWORK_SERVICE_ENDPOINT -> serviceEndpoint(s);
      case INTERNET -> internet(s, sender);
      case VIRTUAL_APPLIANCE -> viaAppliance(s, r);
      case INTERFACE_ENDPOINT -> toPrivateEndpoint(s, r.target().orElseThrow());
    };
  }

  /** Over a service endpoint (§6): the policy check, then out with the private source the service sees. */
  private WalkResult serviceEndpoint(SubnetPlane s) {
    dev.vnetsim.model.IpSet dst = dev.vnetsim.model.IpSet.of(f.destination());
    ServiceEndpointPolicies.Check c = ServiceEndpointPolicies.check(dp, s, prelude.name(), dst);
    if (c instanceof ServiceEndpointPolicies.Unknown u) {
      rec.step(unsupported(Optional.of(s.subnet().id()), u.why()));
      return rec.end(Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    if (c instanceof ServiceEndpointPolicies.Denied d) {
      rec.step(new Step.Transit(Step.Type.EGRESS, Step.Action.DROPPED, Optional.of(d.decidedBy().resourceId()),
          d.detail()));
      rec.assume(Assumptions.SEP_DISPOSITION.line());
      return rec.end(Disposition.NULL_ROUTED, Optional.of(d.decidedBy()));
    }
    String policy = c instanceof ServiceEndpointPolicies.Allowed a ? "; " + a.detail() : "";
    rec.step(new Step.Transit(Step.Type.EGRESS, Step.Action.EXITED, Optional.of(s.subnet().id()),
        "via service endpoint; the service sees the private source " + f.source() + " (§6)" + policy));
    if (forwardingFirewall == null) {
      Walks.storageWarning(dp, s, dst).ifPresent(rec::warn);
    }
    return rec.end(Disposition.EXITS_NETWORK, Optional.empty(), Optional.of(new Egress(
        Egress.Type.SERVICE_ENDPOINT, Optional.of(s.subnet().id()), Optional.of(f.source()))));
  }

  private WalkResult internet(SubnetPlane s, NicPlane sender) {
    Walks.EgressDecision d = forwardingFirewall != null
        ? Walks.firewallEgress(dp, forwardingFirewall, s, f.protocol()) : Walks.egress(dp, sender, s, f.protocol());
    rec.step(d.step());
    d.assumption().ifPresent(rec::assume);
    d.warning().ifPresent(rec::warn);
    if (forwardingFirewall == null && d.disposition() == Disposition.EXITS_NETWORK) {
      Walks.storageWarning(dp, s, dev.vnetsim.model.IpSet.of(f.destination())).ifPresent(rec::warn);
    }
    Optional<DecidedBy> by = d.disposition() == Disposition.NO_OUTBOUND_CONNECTIVITY ? rec.lastRoute()
        : Optional.empty();
    return rec.end(d.disposition(), by, d.egress());
  }

  private WalkResult inVnet(ResourceId vnet) {
    SubnetPlane t = dp.subnetAt(vnet, f.destination());
    if (t == null) {
      rec.step(unsupported(Optional.of(vnet), f.destination() + " is in no subnet of " + vnet.name()
          + " in the input"));
      return rec.end(Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    return arrive(t);
  }

  /** Into a subnet: a private endpoint, or the subnet NSG then the NIC NSG (inbound order, §1.6). */
  private WalkResult arrive(SubnetPlane t) {
    Optional<PrivateEndpoint> pe = dp.privateEndpointAt(f.destination());
    if (pe.isPresent() && pe.get().subnet().map(t.subnet().id()::equals).orElse(false)) {
      return atPrivateEndpoint(pe.get(), t);
    }
    rec.hop(t.subnet().id(), Hop.Kind.SUBNET);
    WalkResult r = nsg(t.nsgInbound(), Step.Type.NSG_INBOUND, "subnet", Disposition.DENIED_NSG_INBOUND, t);
    if (r != null) {
      return r;
    }
    Optional<NicPlane> nic = dp.nicAt(f.destination());
    if (nic.isEmpty() || nic.get().subnet() != t) {
      rec.step(unsupported(Optional.of(t.subnet().id()), "no NIC with address " + f.destination()
          + " is in the input"));
      return rec.end(Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    return atNic(nic.get());
  }

  private WalkResult atNic(NicPlane nic) {
    rec.hop(nic.nic().id(), Hop.Kind.NIC);
    WalkResult r = nsg(nic.nsgInbound(), Step.Type.NSG_INBOUND, "NIC", Disposition.DENIED_NSG_INBOUND,
        nic.subnet());
    if (r != null) {
      return r;
    }
    rec.step(delivered(nic.nic().id(), "to " + f.destination()));
    if (forwardingFirewall != null && snat == Snat.NONE && !dnat) {
      Walks.asymmetry(dp, forwardingFirewall, nic.subnet(), f.source()).ifPresent(rec::warn);
    }
    return rec.end(Disposition.DELIVERED, Optional.empty());
  }

  /** §5.2: the PE subnet's NSG filters inbound traffic only when network policies enable it. */
  private WalkResult atPrivateEndpoint(PrivateEndpoint pe, SubnetPlane t) {
    rec.hop(t.subnet().id(), Hop.Kind.SUBNET);
    if (t.subnet().privateEndpointNetworkPolicies().nsgApplies()) {
      WalkResult r = nsg(t.nsgInbound(), Step.Type.NSG_INBOUND, "subnet", Disposition.DENIED_NSG_INBOUND, t);
      if (r != null) {
        return r;
      }
    } else {
      t.nsgInbound().ifPresent(n -> rec.step(Walks.privateEndpointNsgSkipped(t, n)));
    }
    rec.hop(pe.id(), Hop.Kind.PRIVATE_ENDPOINT);
    Optional<Boolean> approved = Walks.approved(pe);
    if (approved.isEmpty()) {
      rec.step(unsupported(Optional.of(pe.id()), "the private endpoint's connection state is not in the input"));
      return rec.end(Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    if (!approved.get()) {
      rec.step(new Step.Transit(Step.Type.DELIVERED, Step.Action.DROPPED, Optional.of(pe.id()),
          "no Approved private link connection to " + Walks.privateEndpointTarget(pe) + " (§5.1)"));
      return rec.end(Disposition.NULL_ROUTED, Optional.empty());
    }
    rec.step(delivered(pe.id(), "to private endpoint " + pe.name() + " of " + Walks.privateEndpointTarget(pe)));
    if (forwardingFirewall != null && snat == Snat.NONE && !dnat) {
      rec.warn(Walks.privateEndpointAsymmetry(forwardingFirewall, pe));
    }
    return rec.end(Disposition.DELIVERED, Optional.empty());
  }

  private WalkResult toPrivateEndpoint(SubnetPlane s, ResourceId peId) {
    PrivateEndpoint pe = dp.topology().privateEndpoints().get(peId);
    SubnetPlane t = pe == null ? null : dp.subnetOf(pe).orElse(null);
    if (t == null) {
      rec.step(unsupported(Optional.of(peId), "the private endpoint's subnet is not in the input"));
      return rec.end(Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    WalkResult r = crossIfPeered(s, t.vnetId());
    return r != null ? r : atPrivateEndpoint(pe, t);
  }

  /** Crosses the peering to another VNet when needed; null when the packet may go on. */
  private WalkResult crossIfPeered(SubnetPlane s, ResourceId toVnet) {
    ResourceId from = s.vnetId();
    if (from.equals(toVnet)) {
      return null;
    }
    Optional<ConnectedPeering> p = Walks.peeringTo(dp, from, toVnet);
    if (p.isEmpty()) {
      rec.step(unsupported(Optional.of(toVnet), toVnet.name() + " is not directly peered with " + from.name()));
      return rec.end(Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    return cross(s, p.get());
  }

  private WalkResult cross(SubnetPlane s, ConnectedPeering p) {
    boolean forwarded = !dp.vnetSpace(s.vnetId()).contains(f.source());
    rec.hop(p.peering().id(), Hop.Kind.PEERING);
    Optional<Walks.Refusal> refusal = Walks.refusePeering(p, forwarded);
    if (refusal.isPresent()) {
      rec.step(refusal.get().step());
      return rec.end(refusal.get().disposition(), refusal.get().decidedBy());
    }
    rec.step(Walks.peeringStep(p));
    if (!p.peering().allowVirtualNetworkAccess()) {
      rec.assume(Assumptions.PEERING_ACCESS.line(p.peering().name()));
    }
    return null;
  }

  private WalkResult viaPeering(SubnetPlane s, EffectiveRoute r) {
    ResourceId remote = r.target().orElseThrow();
    Optional<ConnectedPeering> p = Walks.peeringTo(dp, s.vnetId(), remote);
    if (p.isEmpty()) {
      rec.step(unsupported(Optional.of(remote), "no connected peering to " + remote.name()));
      return rec.end(Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    WalkResult x = cross(s, p.get());
    return x != null ? x : inVnet(remote);
  }

  private WalkResult viaGateway(ResourceId vnet, EffectiveRoute r) {
    Optional<GatewayPrefix> g = Walks.gatewayPrefix(dp, vnet, f.destination());
    Optional<ResourceId> gw = r.target().or(() -> g.map(GatewayPrefix::gateway))
        .or(() -> dp.facts().gateway(vnet).map(x -> x.id()));
    if (gw.isEmpty()) {
      rec.step(unsupported(Optional.of(vnet), "no virtual network gateway for " + vnet.name() + " in the input"));
      return rec.end(Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    rec.hop(gw.get(), Hop.Kind.VIRTUAL_NETWORK_GATEWAY);
    if (g.isPresent() && dp.topology().virtualNetworks().containsKey(g.get().origin())) {
      rec.step(new Step.Transit(Step.Type.GATEWAY, Step.Action.FORWARDED, gw, "VNet-to-VNet connection to "
          + g.get().origin().name()));
      return inVnet(g.get().origin());
    }
    rec.step(new Step.Transit(Step.Type.GATEWAY, Step.Action.EXITED, gw, "toward on-premises"
        + g.map(x -> " (" + x.origin().name() + ")").orElse("")));
    return rec.end(Disposition.EXITS_NETWORK, Optional.empty(), Optional.of(new Egress(
        Egress.Type.VIRTUAL_NETWORK_GATEWAY, gw, Optional.empty())));
  }

  private WalkResult viaAppliance(SubnetPlane s, EffectiveRoute r) {
    if (r.nextHopIpAddress().isEmpty()) {
      rec.step(unsupported(r.routeId(), "route " + r.ruleName() + " has no next hop IP"));
      return rec.end(Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    IpAddress ip = r.nextHopIpAddress().get(0);
    Walks.Appliance a = Walks.applianceAt(dp, ip);
    if (a instanceof Walks.UnknownAppliance u) {
      rec.step(unsupported(Optional.empty(), u.why()));
      return rec.end(Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    if (a instanceof Walks.FirewallAppliance fa) {
      return viaFirewall(s, fa.firewall());
    }
    NicPlane nva = ((Walks.NicAppliance) a).nic();
    WalkResult x = crossIfPeered(s, nva.subnet().vnetId());
    if (x != null) {
      return x;
    }
    if (appliances.contains(nva.nic().id())) {
      return loop(nva.nic().id(), Hop.Kind.VIRTUAL_APPLIANCE);
    }
    appliances.add(nva.nic().id());
    SubnetPlane t = nva.subnet();
    rec.hop(t.subnet().id(), Hop.Kind.SUBNET);
    WalkResult n = nsg(t.nsgInbound(), Step.Type.NSG_INBOUND, "subnet", Disposition.DENIED_NSG_INBOUND, t);
    if (n != null) {
      return n;
    }
    rec.hop(nva.nic().id(), Hop.Kind.VIRTUAL_APPLIANCE);
    n = nsg(nva.nsgInbound(), Step.Type.NSG_INBOUND, "NIC", Disposition.DENIED_NSG_INBOUND, t);
    if (n != null) {
      return n;
    }
    if (nva.addresses().contains(f.destination())) {
      rec.step(delivered(nva.nic().id(), "to " + f.destination()));
      return rec.end(Disposition.DELIVERED, Optional.empty());
    }
    if (!nva.ipForwarding()) {
      rec.step(new Step.Transit(Step.Type.IP_FORWARDING, Step.Action.DROPPED, Optional.of(nva.nic().id()),
          "IP forwarding is disabled on " + nva.nic().name() + ": Azure drops packets not addressed to it (§2.3)"));
      return rec.end(Disposition.NULL_ROUTED, Optional.of(DecidedBy.route(nva.nic().id(), "enableIPForwarding")));
    }
    rec.step(new Step.Transit(Step.Type.IP_FORWARDING, Step.Action.FORWARDED, Optional.of(nva.nic().id()),
        "virtual appliance " + ip + " forwards (IP forwarding enabled)"));
    rec.assume(Assumptions.APPLIANCE_FORWARDS.line(nva.nic().name() + " " + ip));
    n = nsg(nva.nsgOutbound(), Step.Type.NSG_OUTBOUND, "NIC", Disposition.DENIED_NSG_OUTBOUND, t);
    if (n != null) {
      return n;
    }
    rec.hop(t.subnet().id(), Hop.Kind.SUBNET);
    n = nsg(t.nsgOutbound(), Step.Type.NSG_OUTBOUND, "subnet", Disposition.DENIED_NSG_OUTBOUND, t);
    return n != null ? n : route(t, nva);
  }

  private WalkResult viaFirewall(SubnetPlane s, AzureFirewall fw) {
    SubnetPlane fs = Walks.firewallSubnet(dp, fw).orElse(null);
    if (fs == null) {
      rec.step(unsupported(Optional.of(fw.id()), "the firewall's subnet is not in the input"));
      return rec.end(Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    WalkResult x = crossIfPeered(s, fs.vnetId());
    if (x != null) {
      return x;
    }
    if (appliances.contains(fw.id())) {
      return loop(fw.id(), Hop.Kind.FIREWALL);
    }
    appliances.add(fw.id());
    rec.hop(fw.id(), Hop.Kind.FIREWALL);
    return firewallOutcome(fw, fs);
  }

  /** The firewall's verdict (§4.2); an allowed packet is source- or destination-NATed (§4.5, §4.6) and routed on. */
  private WalkResult firewallOutcome(AzureFirewall fw, SubnetPlane fs) {
    FirewallStage.Outcome o = dp.firewallStage().evaluate(fw, FlowSpace.of(f), prelude.name()).stream()
        .filter(z -> z.space().contains(f)).findFirst().orElse(null);
    if (o == null) {
      rec.step(unsupported(Optional.of(fw.id()), "firewall gave no verdict"));
      return rec.end(Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    o.assumptions().forEach(rec::assume);
    if (o.verdict() == FirewallStage.Verdict.UNKNOWN) {
      rec.step(unsupported(Optional.of(fw.id()), o.detail()));
      return rec.end(Disposition.INSUFFICIENT_INFO, o.decidedBy());
    }
    rec.step(FirewallSteps.step(fw, o));
    if (o.verdict() == FirewallStage.Verdict.DENY) {
      return rec.end(Disposition.DENIED_FIREWALL, o.decidedBy());
    }
    if (inbound && o.dnat().isEmpty()) {
      rec.step(unsupported(Optional.of(fw.id()), "traffic to the firewall's own public IP that no DNAT rule"
          + " translates is not modelled (§4.5)"));
      return rec.end(Disposition.INSUFFICIENT_INFO, o.decidedBy());
    }
    forwardingFirewall = fw;
    snat = o.snat();
    dnat = o.dnat().isPresent();
    if (o.snat() != Snat.NONE && fw.privateIpAddress().isPresent()) { // §4.6, as in SpaceWalk
      f = new Flow(fw.privateIpAddress().get(), f.destination(), f.protocol(), f.sourcePort(), f.destinationPort());
    }
    if (o.dnat().isPresent()) {
      FirewallStage.Translation t = o.dnat().get();
      f = new Flow(f.source(), t.address(), f.protocol(), f.sourcePort(), t.port().orElse(f.destinationPort()));
    }
    rec.hop(fs.subnet().id(), Hop.Kind.SUBNET);
    return route(fs, null);
  }

  private WalkResult loop(ResourceId again, Hop.Kind kind) {
    int from = appliances.indexOf(again);
    StringBuilder cycle = new StringBuilder();
    for (int i = from; i < appliances.size(); i++) {
      cycle.append(appliances.get(i).name()).append(" -> ");
    }
    cycle.append(again.name());
    rec.hop(again, kind).step(new Step.Transit(Step.Type.LOOP, Step.Action.DROPPED, Optional.of(again),
        "routing loop: " + cycle));
    return rec.end(Disposition.LOOP, rec.lastRoute());
  }

  /** From the Internet to a public IP (§1.4.4 NAT to the private IP, §1.10 SKU, §2.4.4 asymmetric return). */
  WalkResult fromInternet(PublicIpAddress pip) {
    rec.hop(Walks.INTERNET, Hop.Kind.INTERNET).step(new Step.Transit(Step.Type.ORIGINATED, Step.Action.ORIGINATED,
        Optional.empty(), "from " + f.source()));
    rec.hop(pip.id(), Hop.Kind.PUBLIC_IP);
    Optional<AzureFirewall> fw = Walks.firewallOfPublicIp(dp, pip);
    if (fw.isPresent()) {
      SubnetPlane fs = Walks.firewallSubnet(dp, fw.get()).orElse(null);
      if (fs == null) {
        rec.step(unsupported(Optional.of(fw.get().id()), "the firewall's subnet is not in the input"));
        return rec.end(Disposition.INSUFFICIENT_INFO, Optional.empty());
      }
      rec.hop(fw.get().id(), Hop.Kind.FIREWALL);
      appliances.add(fw.get().id());
      inbound = true;
      return firewallOutcome(fw.get(), fs);
    }
    InboundTarget target = InboundTarget.of(dp, pip);
    if (target.failure().isPresent()) {
      rec.step(target.failure().get().step());
      return rec.end(target.failure().get().disposition(), Optional.empty());
    }
    NicPlane nic = target.nic().orElseThrow();
    IpAddress priv = target.privateAddress().orElseThrow();
    rec.step(new Step.Transit(Step.Type.INBOUND_NAT, Step.Action.TRANSLATED, Optional.of(pip.id()),
        pip.ipAddress().map(Object::toString).orElse(pip.name()) + " -> " + priv));
    f = new Flow(f.source(), priv, f.protocol(), f.sourcePort(), f.destinationPort());
    EffectiveRouteTable t = nic.subnet().routes();
    int back = t.lookup(f.source());
    if (back >= 0 && t.route(back).nextHopType() != RouteNextHopType.INTERNET) {
      EffectiveRoute br = t.route(back);
      rec.step(new Step.Routing(Step.Action.DROPPED, t.container(br), br.ruleName(), "replies to " + f.source()
          + " would follow " + t.description(back) + ", not the Internet: no direct inbound path (§2.4.4)"));
      return rec.end(Disposition.NO_INBOUND_PATH, rec.lastRoute());
    }
    if (pip.sku() == PublicIpAddress.Sku.STANDARD && nic.nsgInbound().isEmpty()
        && nic.subnet().nsgInbound().isEmpty()) {
      rec.step(new Step.Transit(Step.Type.INBOUND_NAT, Step.Action.DROPPED, Optional.of(pip.id()),
          "a Standard SKU public IP is closed to inbound traffic unless an NSG on the NIC or subnet allows it"
              + " (§1.10); neither has an NSG"));
      return rec.end(Disposition.NO_INBOUND_PATH, Optional.empty());
    }
    SubnetPlane s = nic.subnet();
    rec.hop(s.subnet().id(), Hop.Kind.SUBNET);
    WalkResult r = nsg(s.nsgInbound(), Step.Type.NSG_INBOUND, "subnet", Disposition.DENIED_NSG_INBOUND, s);
    return r != null ? r : atNic(nic);
  }

  /** Evaluates one NSG on the packet; null when it allows (or there is none), else the end of the walk. */
  private WalkResult nsg(Optional<NsgPlane> p, Step.Type type, String level, Disposition denied, SubnetPlane ctx) {
    if (p.isEmpty()) {
      return null;
    }
    NsgPlane n = p.get();
    if (n.missing()) {
      rec.step(Walks.missingNsg(type, n, level));
      return rec.end(Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    CompiledNsg c = n.compiled().get();
    int i = c.match(f);
    if (i < 0) {
      rec.step(unsupported(Optional.of(n.id()), "no rule matched"));
      return rec.end(Disposition.INSUFFICIENT_INFO, Optional.empty());
    }
    ResolvedRule r = c.rule(i);
    boolean certain = c.certainMatch(i, f);
    rec.step(Walks.nsgStep(type, r, certain, level));
    if (!certain) {
      return rec.end(Disposition.INSUFFICIENT_INFO, Optional.of(r.decidedBy()));
    }
    Walks.ruleAssumptions(rec, r, ctx);
    if (r.rule().protocol() == Protocol.ANY && (f.protocol() == Protocol.ESP || f.protocol() == Protocol.AH)) {
      rec.assume(Assumptions.ANY_PROTOCOL.line());
    }
    return r.access() == Access.DENY ? rec.end(denied, Optional.of(r.decidedBy())) : null;
  }

  /** Where a public IP leads inbound: a NIC IP configuration (or why not). */
  record InboundTarget(Optional<NicPlane> nic, Optional<IpAddress> privateAddress, Optional<Walks.Refusal> failure) {
    static InboundTarget of(DataPlane dp, PublicIpAddress pip) {
      if (pip.ipConfiguration().isEmpty()) {
        return fail(Disposition.NO_INBOUND_PATH, pip.id(), "public IP " + pip.name() + " is not associated");
      }
      ResourceId ic = pip.ipConfiguration().get();
      if (ic.value().toLowerCase(java.util.Locale.ROOT).contains("/loadbalancers/")) {
        return fail(Disposition.INSUFFICIENT_INFO, pip.id(), "public IP " + pip.name()
            + " is a load balancer frontend; inbound load balancing is not modelled yet");
      }
      Optional<NicPlane> nic = dp.topology().nicOfIpConfiguration(ic).flatMap(n -> dp.nic(n.id()));
      Optional<IpAddress> priv = dp.topology().ipConfiguration(ic).flatMap(IpConfiguration::privateIpAddress);
      if (nic.isEmpty() || priv.isEmpty()) {
        return fail(Disposition.INSUFFICIENT_INFO, pip.id(), "the IP configuration " + ic
            + " (or its NIC or private address) is not in the input");
      }
      return new InboundTarget(nic, priv, Optional.empty());
    }

    private static InboundTarget fail(Disposition d, ResourceId id, String why) {
      return new InboundTarget(Optional.empty(), Optional.empty(), Optional.of(new Walks.Refusal(d,
          new Step.Transit(Step.Type.INBOUND_NAT, Step.Action.DROPPED, Optional.of(id), why), Optional.empty())));
    }
  }
}
