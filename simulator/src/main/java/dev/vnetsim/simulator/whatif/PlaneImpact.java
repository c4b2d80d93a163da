package dev.vnetsim.simulator.whatif;

import com.google.common.collect.ImmutableSet;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.IpConfiguration;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.PrivateEndpoint;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.model.network.VirtualNetwork;
import dev.vnetsim.model.network.VnetPeering;
import dev.vnetsim.simulator.engine.DataPlane;
import dev.vnetsim.simulator.engine.NicPlane;
import dev.vnetsim.simulator.engine.NsgPlane;
import dev.vnetsim.simulator.engine.SubnetPlane;
import dev.vnetsim.simulator.firewall.Snat;
import dev.vnetsim.simulator.resolve.AddressResolver;
import dev.vnetsim.simulator.routing.EffectiveRoutes;
import dev.vnetsim.simulator.routing.EffectiveRouteTable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a change of VNets (address spaces, subnets added, removed or resized, peerings added, removed or edited) or of
 * private endpoints (added, removed, moved, with their NICs) can affect, read off the two compiled data planes rather
 * than guessed from the change. Such a change alters:
 * <ul>
 *   <li>each subnet's compiled plane (virtual tags, effective routes, NSGs resolved against those tags): the subnets
 *       whose plane differs, on any VNet, are {@link #dirty}, bounded there by {@link Exposure} (and at carriers by
 *       {@link CarrierExposure}) as for any local change;</li>
 *   <li>where addresses are: flows to the Internet or a service tag whose addresses meet a subnet, address space or
 *       private endpoint address that moved ({@link #moved}) may be delivered differently, and every flow to or from
 *       the subnet of a private endpoint that changed is {@link #forced} (the endpoint is an address there; its /32
 *       routes in its VNet and the peered ones show as routes that differ, azure-semantics.md §2.2, §5.1);</li>
 *   <li>what crossing a peering does (azure-semantics.md §7: the remote VNet and the peering back must exist, and
 *       forwarded traffic, a source outside the sending VNet's space, needs the remote side's
 *       {@code allowForwardedTraffic}). A packet crosses a peering from VNet X to VNet Y only if it starts in X or a
 *       carrier of X (an Azure Firewall, gateway, appliance) forwards it, and ends in Y or a carrier of Y forwards it
 *       on. So when a peering between X and Y changes, every flow of the side without carriers is {@link #forced}
 *       (simulated again whatever its planes say), and when both sides hold carriers the change is global. Likewise
 *       the subnets that lie in the part of a VNet's space that changed (their sources turn forwarded or not), and
 *       the change is global when that VNet holds carriers, unless that part is private and holds no other VNet's
 *       subnet ({@link #privateAndUnused}).</li>
 * </ul>
 * A NIC added, removed or changed (addresses, subnet, application security groups, public IP) has its subnets on
 * both sides {@link #forced} and its addresses {@link #moved}; NSG rules that name its security groups resolve
 * anew, and the subnets and NICs whose NSG planes differ are dirty. A NIC that forwards or that a user route sends
 * to, or one in a load balancer's backend pool, is global: others' flows cross it.
 * A VNet's location (or name) changed is global. Its DNS servers change no plane: they decide only how names
 * resolve for clients in it (azure-semantics.md §5.3; a firewall's DNS proxy when they point at one, §4.3). The DNS
 * view and firewalls read no address space; what a private endpoint or a VNet's DNS servers change in names (an
 * FQDN a requirement row, an intent or a firewall rule resolves) is judged by {@link Impact} (every named flow
 * again, and the firewall rules that differ).
 */
record PlaneImpact(ImmutableSet<ResourceId> dirty, ImmutableSet<ResourceId> forced, IpSet moved) {

  /**
   * The impact of changes to {@code vnets} (ids of VNets changed, added or removed) and {@code endpoints} (private
   * endpoints and their NICs, changed, added or removed); empty when it is global.
   */
  static Optional<PlaneImpact> of(Set<ResourceId> vnets, Set<ResourceId> endpoints, Set<ResourceId> nics,
      Topology before, Topology after, DataPlane b, DataPlane a) {
    Set<ResourceId> carrying = new HashSet<>();
    for (Topology t : List.of(before, after)) {
      Set<ResourceId> carriers = CarrierExposure.carriers(t);
      for (ResourceId c : carriers) {
        Optional<Subnet> s = t.subnet(c);
        s.ifPresent(x -> carrying.add(x.virtualNetwork()));
        Optional.ofNullable(t.networkInterfaces().get(c)).ifPresent(n -> n.ipConfigurations()
            .forEach(ic -> ic.subnet().flatMap(ResourceId::parent).ifPresent(carrying::add)));
      }
      for (ResourceId id : nics) {
        NetworkInterface nic = t.networkInterfaces().get(id);
        if (nic != null && (carriers.contains(id) || nic.ipConfigurations().stream()
            .anyMatch(c -> !c.loadBalancerBackendAddressPools().isEmpty()))) {
          return Optional.empty(); // an appliance, or a load balancer's backend: others' flows cross it
        }
      }
    }
    Set<ResourceId> forcedVnets = new HashSet<>();
    IpSet moved = IpSet.EMPTY;
    Set<ResourceId> forced = new HashSet<>();
    Set<ResourceId> changedNics = new HashSet<>(endpoints);
    changedNics.addAll(nics);
    for (Topology t : List.of(before, after)) {
      for (ResourceId id : endpoints) {
        PrivateEndpoint pe = t.privateEndpoints().get(id);
        if (pe != null) {
          pe.subnet().ifPresent(forced::add);
          for (IpAddress ip : EffectiveRoutes.privateEndpointAddresses(t, pe)) {
            moved = moved.union(IpSet.of(ip));
          }
        }
      }
      for (ResourceId id : changedNics) { // endpoints' NICs and other NICs: their subnets and addresses
        NetworkInterface nic = t.networkInterfaces().get(id);
        if (nic != null) {
          for (IpConfiguration c : nic.ipConfigurations()) {
            c.subnet().ifPresent(forced::add);
            moved = moved.union(AddressResolver.addresses(c));
          }
        }
      }
    }
    for (ResourceId id : vnets) {
      VirtualNetwork vb = before.virtualNetworks().get(id);
      VirtualNetwork va = after.virtualNetworks().get(id);
      if (vb != null && va != null && !(vb.name().equals(va.name()) && vb.location().equals(va.location()))) {
        return Optional.empty(); // the region of every flow from it (regional tags, global peerings)
      }
      IpSet sb = vb == null ? IpSet.EMPTY : IpSet.ofCidrs(vb.addressSpace());
      IpSet sa = va == null ? IpSet.EMPTY : IpSet.ofCidrs(va.addressSpace());
      IpSet delta = sb.difference(sa).union(sa.difference(sb));
      if (!delta.isEmpty()) {
        if (vb != null && va != null && carrying.contains(id) && !privateAndUnused(delta, id, before, after)) {
          return Optional.empty(); // sources a carrier forwards may turn forwarded or not (§7)
        }
        moved = moved.union(delta);
        for (VirtualNetwork v : new VirtualNetwork[] {vb, va}) {
          if (v != null) {
            v.subnets().stream().filter(s -> IpSet.ofCidrs(s.addressPrefixes()).intersects(delta))
                .forEach(s -> forced.add(s.id()));
          }
        }
      }
      for (VnetPeering p : changedPeerings(vb, va)) {
        boolean local = carrying.contains(id);
        boolean remote = carrying.contains(p.remoteVirtualNetwork());
        if (local && remote) {
          return Optional.empty();
        }
        forcedVnets.add(local ? p.remoteVirtualNetwork() : id);
      }
    }
    Set<ResourceId> dirty = new HashSet<>();
    for (Topology t : List.of(before, after)) {
      for (Subnet s : t.subnets().values()) {
        if (forcedVnets.contains(s.virtualNetwork())) {
          forced.add(s.id());
        }
      }
    }
    for (Topology t : List.of(before, after)) {
      Topology other = t == before ? after : before;
      for (Subnet s : t.subnets().values()) {
        Optional<Subnet> o = other.subnet(s.id());
        if (o.isEmpty() || !o.get().addressPrefixes().equals(s.addressPrefixes())) {
          dirty.add(s.id());
          IpSet here = IpSet.ofCidrs(s.addressPrefixes());
          moved = moved.union(o.map(x -> here.difference(IpSet.ofCidrs(x.addressPrefixes()))).orElse(here));
        }
      }
    }
    Map<Object, Boolean> sameNsgs = new HashMap<>();
    for (SubnetPlane pb : b.subnets()) {
      Optional<SubnetPlane> pa = a.subnet(pb.subnet().id());
      if (pa.isPresent() && !dirty.contains(pb.subnet().id()) && !samePlane(pb, pa.get(), b, a, sameNsgs)) {
        dirty.add(pb.subnet().id());
      }
    }
    for (NicPlane nb : b.nics()) { // a NIC's own NSG resolves application security groups whose members moved
      Optional<NicPlane> na = nb == null ? Optional.empty() : a.nic(nb.nic().id());
      if (na.isPresent() && !(sameNsg(nb.nsgInbound(), na.get().nsgInbound(), sameNsgs)
          && sameNsg(nb.nsgOutbound(), na.get().nsgOutbound(), sameNsgs))) {
        dirty.add(nb.nic().id());
      }
    }
    dirty.addAll(forced);
    return Optional.of(new PlaneImpact(ImmutableSet.copyOf(dirty), ImmutableSet.copyOf(forced), moved));
  }

  /**
   * Whether a change of the address space of a VNet that holds carriers is private ({@code IANAPrivateRanges}) and
   * holds no subnet of another VNet on either side. A packet a carrier forwards across a peering counts as forwarded
   * when its source lies outside the carrier's VNet (azure-semantics.md §7): such a change turns no source of another
   * VNet, and no Internet source, forwarded or not. Its own subnets in the changed part are forced, the routes and
   * tags that change at its subnets are compared as for any subnet (at a carrier's, by {@link CarrierExposure}), and
   * sources outside every VNet (on-premises) appear only in requirement rows and intents, which are simulated again.
   */
  private static boolean privateAndUnused(IpSet delta, ResourceId vnet, Topology before, Topology after) {
    if (!Snat.PRIVATE_RANGES.containsAll(delta)) {
      return false;
    }
    for (Topology t : List.of(before, after)) {
      for (VirtualNetwork v : t.virtualNetworks().values()) {
        if (!v.id().equals(vnet) && v.subnets().stream().anyMatch(s -> IpSet.ofCidrs(s.addressPrefixes())
            .intersects(delta))) {
          return false;
        }
      }
    }
    return true;
  }

  /** Peerings of one VNet added, removed or edited (either version, so both ends are known). */
  private static List<VnetPeering> changedPeerings(VirtualNetwork b, VirtualNetwork a) {
    Map<ResourceId, VnetPeering> before = new HashMap<>();
    if (b != null) {
      b.peerings().forEach(p -> before.put(p.id(), p));
    }
    Set<VnetPeering> out = new HashSet<>();
    if (a != null) {
      for (VnetPeering p : a.peerings()) {
        VnetPeering old = before.remove(p.id());
        if (!p.equals(old)) {
          out.add(p);
          if (old != null) {
            out.add(old);
          }
        }
      }
    }
    out.addAll(before.values());
    return List.copyOf(out);
  }

  /**
   * Whether a subnet compiles to the same plane on both sides: the same subnet, VNet space, virtual tags, effective
   * routes (as Azure lists them), NAT gateway and NSG rules (resolved against its tags). Its NICs are the same NICs:
   * a NIC that changed is judged on its own.
   */
  private static boolean samePlane(SubnetPlane pb, SubnetPlane pa, DataPlane b, DataPlane a,
      Map<Object, Boolean> sameNsgs) {
    return pb.subnet().equals(pa.subnet()) && pb.vnetId().equals(pa.vnetId())
        && b.vnetSpace(pb.vnetId()).equals(a.vnetSpace(pa.vnetId())) && pb.tags().equals(pa.tags())
        && sameRoutes(pb.routes(), pa.routes()) && pb.natGateway().equals(pa.natGateway())
        && sameNsg(pb.nsgInbound(), pa.nsgInbound(), sameNsgs) && sameNsg(pb.nsgOutbound(), pa.nsgOutbound(), sameNsgs);
  }

  private static boolean sameRoutes(EffectiveRouteTable b, EffectiveRouteTable a) {
    return b == a || b.routes().equals(a.routes()) && b.routeTable().equals(a.routeTable())
        && b.unresolved().equals(a.unresolved());
  }

  private static boolean sameNsg(Optional<NsgPlane> b, Optional<NsgPlane> a, Map<Object, Boolean> memo) {
    if (b.isEmpty() || a.isEmpty()) {
      return b.isEmpty() && a.isEmpty();
    }
    NsgPlane x = b.get();
    NsgPlane y = a.get();
    if (x == y) {
      return true;
    }
    return memo.computeIfAbsent(new IdentityPair(x, y), k -> x.id().equals(y.id()) && x.resolved().isPresent()
        && y.resolved().isPresent() && x.compiled().isPresent() == y.compiled().isPresent()
        && x.resolved().get().rules().equals(y.resolved().get().rules()));
  }

  /** Two planes by identity (shared planes are compared once). */
  private record IdentityPair(Object x, Object y) {
    @Override
    public boolean equals(Object o) {
      return o instanceof IdentityPair p && p.x == x && p.y == y;
    }

    @Override
    public int hashCode() {
      return Objects.hash(System.identityHashCode(x), System.identityHashCode(y));
    }
  }
}
