package dev.vnetsim.simulator.resolve;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.GatewayConnection;
import dev.vnetsim.model.network.LocalNetworkGateway;
import dev.vnetsim.model.network.PrivateEndpoint;
import dev.vnetsim.model.network.VirtualNetwork;
import dev.vnetsim.model.network.VirtualNetworkGateway;
import dev.vnetsim.model.network.VnetPeering;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Facts derived once from a topology that routing and the virtual tags both need: connected peerings per VNet, each
 * VNet's gateway, and the prefixes reachable through a gateway (own, or a hub's via gateway transit).
 */
public final class NetworkFacts {

  private final Topology topology;
  private final ImmutableMap<ResourceId, ImmutableList<ConnectedPeering>> peerings;
  private final ImmutableMap<ResourceId, VirtualNetworkGateway> gatewayByVnet;
  private final Map<ResourceId, GatewayRoutes> gatewayRoutes;
  private final ImmutableMap<ResourceId, ImmutableList<PrivateEndpoint>> privateEndpoints;
  private final ImmutableMap<ResourceId, Integer> privateEndpointOrder;

  /** Gateway prefixes of a VNet, plus references that could not be resolved (missing local network gateways). */
  public record GatewayRoutes(ImmutableList<GatewayPrefix> prefixes, ImmutableList<String> unresolved) {
    static final GatewayRoutes NONE = new GatewayRoutes(ImmutableList.of(), ImmutableList.of());
  }

  public NetworkFacts(Topology topology) {
    this.topology = topology;
    this.gatewayRoutes = new HashMap<>();
    ImmutableMap.Builder<ResourceId, VirtualNetworkGateway> gw = ImmutableMap.builder();
    for (VirtualNetworkGateway g : topology.virtualNetworkGateways().values()) {
      for (ResourceId s : g.subnets()) {
        s.parent().ifPresent(v -> gw.put(v, g));
      }
    }
    gatewayByVnet = gw.buildKeepingLast();
    ImmutableMap.Builder<ResourceId, ImmutableList<ConnectedPeering>> p = ImmutableMap.builder();
    for (VirtualNetwork v : topology.virtualNetworks().values()) {
      p.put(v.id(), connected(v));
    }
    peerings = p.buildKeepingLast();
    for (VirtualNetwork v : topology.virtualNetworks().values()) {
      gatewayRoutes.put(v.id(), computeGatewayRoutes(v));
    }
    Map<ResourceId, ImmutableList.Builder<PrivateEndpoint>> pes = new HashMap<>();
    Map<ResourceId, Integer> order = new HashMap<>();
    for (PrivateEndpoint pe : topology.privateEndpoints().values()) {
      order.putIfAbsent(pe.id(), order.size());
      pe.subnet().flatMap(ResourceId::parent).ifPresent(v -> pes.computeIfAbsent(v, k -> ImmutableList.builder())
          .add(pe));
    }
    ImmutableMap.Builder<ResourceId, ImmutableList<PrivateEndpoint>> byVnet = ImmutableMap.builder();
    pes.forEach((v, b) -> byVnet.put(v, b.build()));
    privateEndpoints = byVnet.build();
    privateEndpointOrder = ImmutableMap.copyOf(order);
  }

  private NetworkFacts(NetworkFacts from, Topology topology) {
    this.topology = topology;
    this.peerings = from.peerings;
    this.gatewayByVnet = from.gatewayByVnet;
    this.gatewayRoutes = from.gatewayRoutes;
    this.privateEndpoints = from.privateEndpoints;
    this.privateEndpointOrder = from.privateEndpointOrder;
  }

  /**
   * These facts over {@code next}, a topology that differs from this one only in what the facts do not read (NSGs,
   * route tables, NAT gateways, subnet and NIC associations: a local change of a recompile).
   */
  public NetworkFacts withTopology(Topology next) {
    return new NetworkFacts(this, next);
  }

  /** A private endpoint's position in the input. */
  public int privateEndpointOrder(ResourceId pe) {
    return privateEndpointOrder.getOrDefault(pe, Integer.MAX_VALUE);
  }

  /** The private endpoints whose subnet is in a VNet, in input order. */
  public ImmutableList<PrivateEndpoint> privateEndpoints(ResourceId vnet) {
    return privateEndpoints.getOrDefault(vnet, ImmutableList.of());
  }

  public Topology topology() {
    return topology;
  }

  /** Peerings of a VNet in state Connected (only those carry routes, azure-semantics.md §7). */
  public ImmutableList<ConnectedPeering> peerings(ResourceId vnet) {
    return peerings.getOrDefault(vnet, ImmutableList.of());
  }

  public Optional<VirtualNetworkGateway> gateway(ResourceId vnet) {
    return Optional.ofNullable(gatewayByVnet.get(vnet));
  }

  public GatewayRoutes gatewayRoutes(ResourceId vnet) {
    return gatewayRoutes.getOrDefault(vnet, GatewayRoutes.NONE);
  }

  public static IpSet addressSpace(VirtualNetwork v) {
    return IpSet.ofCidrs(v.addressSpace());
  }

  /** Region names compared the way ARM does: case and spaces ignored. */
  public static boolean sameRegion(String a, String b) {
    return norm(a).equals(norm(b));
  }

  private static String norm(String s) {
    return s == null ? "" : s.replace(" ", "").toLowerCase(Locale.ROOT);
  }

  private ImmutableList<ConnectedPeering> connected(VirtualNetwork v) {
    ImmutableList.Builder<ConnectedPeering> out = ImmutableList.builder();
    for (VnetPeering p : v.peerings()) {
      if (p.peeringState() != VnetPeering.PeeringState.CONNECTED) {
        continue;
      }
      Optional<VirtualNetwork> remote = Optional.ofNullable(topology.virtualNetworks().get(p.remoteVirtualNetwork()));
      // The space a peering carries is the one peered: after the remote VNet's address space changes, the peering
      // keeps the old space until it is synced from this side (Sync-AzVirtualNetworkPeering, the
      // syncRemoteAddressSpace parameter of VirtualNetworkPeerings_CreateOrUpdate); ARM then shows the new space in
      // remoteVirtualNetworkAddressSpace only. An input without remoteAddressSpace gets the remote VNet's space.
      ImmutableList<Cidr> space = !p.remoteAddressSpace().isEmpty() ? p.remoteAddressSpace()
          : remote.map(VirtualNetwork::addressSpace).orElse(ImmutableList.of());
      boolean global = remote.map(r -> !sameRegion(r.location(), v.location())).orElse(false);
      Optional<VnetPeering> reverse = remote.flatMap(r -> r.peerings().stream()
          .filter(rp -> rp.remoteVirtualNetwork().equals(v.id())).findFirst());
      out.add(new ConnectedPeering(v.id(), p, remote, space, global, reverse));
    }
    return out.build();
  }

  private GatewayRoutes computeGatewayRoutes(VirtualNetwork v) {
    Optional<VirtualNetworkGateway> own = gateway(v.id());
    if (own.isPresent()) {
      return routesOf(own.get(), false);
    }
    // azure-semantics.md §7: useRemoteGateways takes effect only when the remote side allows gateway transit.
    for (ConnectedPeering p : peerings(v.id())) {
      if (p.peering().useRemoteGateways() && p.reverse().map(VnetPeering::allowGatewayTransit).orElse(false)) {
        Optional<VirtualNetworkGateway> hub = gateway(p.remoteVirtualNetwork());
        if (hub.isPresent()) {
          return routesOf(hub.get(), true);
        }
      }
    }
    return GatewayRoutes.NONE;
  }

  private GatewayRoutes routesOf(VirtualNetworkGateway g, boolean transit) {
    List<GatewayPrefix> prefixes = new ArrayList<>();
    List<String> unresolved = new ArrayList<>();
    for (GatewayConnection c : topology.connections().values()) {
      boolean first = c.virtualNetworkGateway1().map(g.id()::equals).orElse(false);
      boolean second = c.virtualNetworkGateway2().map(g.id()::equals).orElse(false);
      if (!first && !second) {
        continue;
      }
      if (first && c.localNetworkGateway2().isPresent()) {
        ResourceId lngId = c.localNetworkGateway2().get();
        LocalNetworkGateway lng = topology.localNetworkGateways().get(lngId);
        if (lng == null) {
          unresolved.add("local network gateway " + lngId + " (connection " + c.name() + ") is not in the input");
          continue;
        }
        lng.localAddressSpace().forEach(cidr -> prefixes.add(new GatewayPrefix(cidr, g.id(), lngId, transit)));
        continue;
      }
      Optional<ResourceId> other = first ? c.virtualNetworkGateway2() : c.virtualNetworkGateway1();
      if (other.isEmpty()) {
        continue;
      }
      VirtualNetworkGateway og = topology.virtualNetworkGateways().get(other.get());
      Optional<VirtualNetwork> ov = og == null ? Optional.empty()
          : og.subnets().stream().flatMap(s -> s.parent().stream()).findFirst()
              .map(id -> topology.virtualNetworks().get(id));
      if (ov.isEmpty()) {
        unresolved.add("gateway " + other.get() + " (connection " + c.name() + ") or its VNet is not in the input");
        continue;
      }
      ov.get().addressSpace().forEach(cidr -> prefixes.add(new GatewayPrefix(cidr, g.id(), ov.get().id(), transit)));
    }
    return new GatewayRoutes(ImmutableList.copyOf(prefixes), ImmutableList.copyOf(unresolved));
  }
}
