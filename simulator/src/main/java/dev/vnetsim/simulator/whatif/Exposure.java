package dev.vnetsim.simulator.whatif;

import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.simulator.engine.DataPlane;
import dev.vnetsim.simulator.engine.NicPlane;
import dev.vnetsim.simulator.engine.NsgPlane;
import dev.vnetsim.simulator.engine.SubnetPlane;
import dev.vnetsim.simulator.policy.ResolvedRule;
import dev.vnetsim.simulator.routing.EffectiveRoute;
import dev.vnetsim.simulator.routing.EffectiveRouteTable;
import dev.vnetsim.simulator.routing.RouteNextHopType;
import dev.vnetsim.simulator.routing.RouteSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a local change can alter at one dirty site (a subnet with its NICs, or a NIC), read off the two data planes
 * when the after side was recompiled from the before side. When the site's virtual tags (but for the user-route
 * prefixes the {@code VirtualNetwork} tag holds), addresses and public IPs are unchanged, only its NSGs, routes, NAT
 * gateway and default outbound access changed:
 * <ul>
 *   <li>a flow's NSG decision can differ only if the flow is matched by a rule that was added, removed or edited
 *       (first match: every other rule keeps its place), so an inbound flow only if its source is among those rules'
 *       sources, an outbound one only if its destination is among their destinations;
 *   <li>a subnet's routes decide where its outbound packets go (by destination) and, for a packet arriving through a
 *       public IP, where the replies would go (by source, azure-semantics.md §2.4.4); elsewhere they only feed
 *       warnings, which a what-if does not compare. So a changed route table matters only for destinations
 *       (outbound) and sources (inbound) whose winning route differs: the route itself, or its region;
 *   <li>a NAT gateway and default outbound access decide only how packets the subnet routes to the Internet leave it
 *       ({@link #egressDelta}).
 * </ul>
 * So an inbound flow can change only if its source is in {@code inboundSources}, an outbound one only if its
 * destination is in {@code outboundDestinations}. Anything else (tags, addresses, unresolved routes …): {@link #ALL}.
 */
record Exposure(IpSet inboundSources, IpSet outboundDestinations) {
  static final Exposure ALL = new Exposure(IpSet.ALL, IpSet.ALL);

  /** A subnet site: its subnet plane and the NICs in it (the probe that sends has no NSG of its own). */
  static Exposure ofSubnet(ResourceId subnet, DataPlane before, DataPlane after) {
    return of(subnet, before, after, true);
  }

  /**
   * A subnet that packets cross on their way elsewhere ({@link CarrierExposure}): as {@link #ofSubnet}, but its
   * routes matter by destination only (a crossing packet is routed on by destination; replies by source concern
   * packets that arrive at a public IP there, which are the subnet's own flows).
   */
  static Exposure ofCarrier(ResourceId subnet, DataPlane before, DataPlane after) {
    return of(subnet, before, after, false);
  }

  private static Exposure of(ResourceId subnet, DataPlane before, DataPlane after, boolean replies) {
    Optional<SubnetPlane> b = before.subnet(subnet);
    Optional<SubnetPlane> a = after.subnet(subnet);
    if (b.isEmpty() || a.isEmpty() || !sameExceptNsgsRoutesAndNat(b.get(), a.get())) {
      return ALL;
    }
    IpSet routes = routeDelta(b.get(), a.get());
    IpSet in = changed(b.get().nsgInbound(), a.get().nsgInbound(), true).union(replies ? routes : IpSet.EMPTY);
    IpSet out = changed(b.get().nsgOutbound(), a.get().nsgOutbound(), false).union(routes)
        .union(egressDelta(b.get(), a.get()));
    List<Map.Entry<DataPlane.Owner, IpSet>> owners = after.owners(a.get());
    if (owners.size() != before.owners(b.get()).size()) {
      return ALL;
    }
    for (Map.Entry<DataPlane.Owner, IpSet> o : owners) {
      if (o.getKey().nic().isPresent()) {
        NicPlane an = o.getKey().nic().get();
        Optional<NicPlane> bn = before.nic(an.nic().id());
        if (bn.isEmpty() || !sameExceptNsgs(bn.get(), an)) {
          return ALL;
        }
        in = in.union(changed(bn.get().nsgInbound(), an.nsgInbound(), true));
      }
    }
    return new Exposure(in, out);
  }

  /** A NIC site: the NIC's NSGs and its subnet's. */
  static Exposure ofNic(ResourceId nic, DataPlane before, DataPlane after) {
    Optional<NicPlane> b = before.nic(nic);
    Optional<NicPlane> a = after.nic(nic);
    if (b.isEmpty() || a.isEmpty() || !sameExceptNsgs(b.get(), a.get())
        || !sameExceptNsgsRoutesAndNat(b.get().subnet(), a.get().subnet())) {
      return ALL;
    }
    SubnetPlane bs = b.get().subnet();
    SubnetPlane as = a.get().subnet();
    IpSet routes = routeDelta(bs, as);
    return new Exposure(
        changed(b.get().nsgInbound(), a.get().nsgInbound(), true).union(changed(bs.nsgInbound(), as.nsgInbound(),
            true)).union(routes),
        changed(b.get().nsgOutbound(), a.get().nsgOutbound(), false).union(changed(bs.nsgOutbound(),
            as.nsgOutbound(), false)).union(routes).union(egressDelta(bs, as)));
  }

  /**
   * The destinations whose way out to the Internet differs between two versions of a subnet: when its NAT gateway
   * (associated, removed, replaced or edited) or its default outbound access differs, those whose winning route there
   * is {@code Internet}, on either side. These decide only how packets routed to the Internet leave the subnet, its own
   * or an Azure Firewall's there (azure-semantics.md §3.1–§3.3, §4.6); everything when a route could not be resolved.
   */
  static IpSet egressDelta(SubnetPlane b, SubnetPlane a) {
    if (b.natGateway().equals(a.natGateway())
        && b.subnet().defaultOutboundAccess().equals(a.subnet().defaultOutboundAccess())) {
      return IpSet.EMPTY;
    }
    IpSet out = IpSet.EMPTY;
    for (EffectiveRouteTable t : List.of(b.routes(), a.routes())) {
      if (!t.unresolved().isEmpty()) {
        return IpSet.ALL;
      }
      for (int i = 0; i < t.routes().size(); i++) {
        if (t.route(i).nextHopType() == RouteNextHopType.INTERNET) {
          out = out.union(t.region(i));
        }
      }
    }
    return out;
  }

  /**
   * The same subnet but for its NSGs, routes and NAT gateway ({@link #egressDelta}). Its {@code VirtualNetwork} tag may
   * differ: it holds the prefixes of the subnet's user routes (§1.7, assumption VNET_TAG_UDR_PREFIXES), and only NSG
   * rules use it, whose planes are then resolved again and compared rule by rule ({@link #changed}).
   */
  private static boolean sameExceptNsgsRoutesAndNat(SubnetPlane b, SubnetPlane a) {
    return (b.tags() == a.tags() || b.tags().internet().equals(a.tags().internet())
        && b.tags().azureLoadBalancer().equals(a.tags().azureLoadBalancer()))
        && b.subnet().addressPrefixes().equals(a.subnet().addressPrefixes())
        && b.subnet().serviceEndpoints().equals(a.subnet().serviceEndpoints());
  }

  private static boolean sameExceptNsgs(NicPlane b, NicPlane a) {
    return b.addresses().equals(a.addresses()) && b.publicIps().equals(a.publicIps())
        && b.outboundLoadBalancer().equals(a.outboundLoadBalancer()) && b.ipForwarding() == a.ipForwarding()
        && b.subnet().subnet().id().equals(a.subnet().subnet().id()); // indexes shift when subnets come and go
  }

  /**
   * The addresses whose winning route differs between two versions of a subnet's routes (the route, or the table
   * that holds it, which traces name for a user route: {@link EffectiveRouteTable#container(EffectiveRoute)});
   * everything when a route could not be resolved on either side.
   */
  static IpSet routeDelta(SubnetPlane b, SubnetPlane a) {
    EffectiveRouteTable tb = b.routes();
    EffectiveRouteTable ta = a.routes();
    if (tb == ta) {
      return IpSet.EMPTY;
    }
    if (!tb.unresolved().isEmpty() || !ta.unresolved().isEmpty() || !tb.subnet().equals(ta.subnet())) {
      return IpSet.ALL;
    }
    Map<EffectiveRoute, IpSet> before = regions(tb);
    Map<EffectiveRoute, IpSet> after = regions(ta);
    IpSet delta = IpSet.EMPTY;
    if (!tb.container().equals(ta.container())) { // a table attached, detached or swapped: user routes are renamed
      for (Map<EffectiveRoute, IpSet> side : List.of(before, after)) {
        for (Map.Entry<EffectiveRoute, IpSet> e : side.entrySet()) {
          if (e.getKey().source() == RouteSource.USER) {
            delta = delta.union(e.getValue());
          }
        }
      }
    }
    Set<EffectiveRoute> routes = new HashSet<>(before.keySet());
    routes.addAll(after.keySet());
    for (EffectiveRoute r : routes) {
      IpSet x = before.getOrDefault(r, IpSet.EMPTY);
      IpSet y = after.getOrDefault(r, IpSet.EMPTY);
      if (!x.equals(y)) {
        delta = delta.union(x.difference(y)).union(y.difference(x));
      }
    }
    return delta;
  }

  private static Map<EffectiveRoute, IpSet> regions(EffectiveRouteTable t) {
    Map<EffectiveRoute, IpSet> out = new HashMap<>();
    for (int i = 0; i < t.routes().size(); i++) {
      out.merge(t.route(i), t.region(i), IpSet::union);
    }
    return out;
  }

  /**
   * The sources (inbound) or destinations (outbound) of the rules that differ between two NSG planes of one place:
   * empty when they are the same plane, everything when either is missing or unresolved.
   */
  private static IpSet changed(Optional<NsgPlane> b, Optional<NsgPlane> a, boolean sources) {
    if (b.isEmpty() && a.isEmpty() || b.isPresent() && a.isPresent() && b.get() == a.get()) {
      return IpSet.EMPTY;
    }
    if (b.isEmpty() || a.isEmpty() || b.get().resolved().isEmpty() || a.get().resolved().isEmpty()) {
      return IpSet.ALL;
    }
    List<ResolvedRule> br = b.get().resolved().get().rules();
    List<ResolvedRule> ar = a.get().resolved().get().rules();
    Set<ResolvedRule> bs = new HashSet<>(br);
    Set<ResolvedRule> as = new HashSet<>(ar);
    IpSet out = IpSet.EMPTY;
    for (List<ResolvedRule> side : List.of(br, ar)) {
      for (ResolvedRule r : side) {
        if (!bs.contains(r) || !as.contains(r)) {
          boolean unknown = sources ? r.sourceUnknown() : r.destinationUnknown();
          out = out.union(unknown ? IpSet.ALL : sources ? r.source() : r.destination());
        }
      }
    }
    return out;
  }
}
