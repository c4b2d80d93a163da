package dev.vnetsim.simulator.routing;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpFamily;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.PrivateEndpoint;
import dev.vnetsim.model.network.Route;
import dev.vnetsim.model.network.RouteTable;
import dev.vnetsim.model.network.ServiceEndpoint;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.model.network.VirtualNetwork;
import dev.vnetsim.simulator.resolve.AddressResolver;
import dev.vnetsim.simulator.resolve.ConnectedPeering;
import dev.vnetsim.simulator.resolve.GatewayPrefix;
import dev.vnetsim.simulator.resolve.NetworkFacts;
import dev.vnetsim.simulator.resolve.ServiceEndpointTags;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes a subnet's effective routes as Azure does (azure-semantics.md §2) and compiles them into a {@link Fib}.
 * Order of the list: VnetLocal, peering, gateway, default Internet, the reserved None routes, service endpoint,
 * private endpoint, then user routes in table order (the order of Azure's listings, e.g.
 * NetworkInterfaceEffectiveRouteTableList.json).
 */
public final class EffectiveRoutes {
  private EffectiveRoutes() {}

  /** §2.1: the reserved prefixes with next hop None, in the order Azure lists them. */
  static final ImmutableList<Cidr> RESERVED = ImmutableList.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("100.64.0.0/10"),
      Cidr.parse("172.16.0.0/12"), Cidr.parse("192.168.0.0/16"));
  static final Cidr DEFAULT_V4 = Cidr.parse("0.0.0.0/0");
  static final Cidr DEFAULT_V6 = Cidr.parse("::/0");

  private enum Kind { ADDRESS_SPACE, PEERING, GATEWAY, INTERNET, RESERVED, SERVICE_ENDPOINT, PRIVATE_ENDPOINT, USER }

  private static final class Candidate {
    final Kind kind;
    final RouteSource source;
    final List<Cidr> prefixes;
    final RouteNextHopType type;
    final ImmutableList<IpAddress> nextHopIps;
    final Optional<String> name;
    final Optional<ResourceId> routeId;
    final Optional<ResourceId> target;
    Optional<String> unresolved = Optional.empty();
    int tagRank;
    boolean removed;
    /** For private endpoint routes: the prefix length of the PE VNet range holding the IP, when policies allow UDRs. */
    int invalidatedByUdrOfLength = -1;

    Candidate(Kind kind, RouteSource source, List<Cidr> prefixes, RouteNextHopType type, List<IpAddress> nextHopIps,
        Optional<String> name, Optional<ResourceId> routeId, Optional<ResourceId> target) {
      this.kind = kind;
      this.source = source;
      this.prefixes = prefixes;
      this.type = type;
      this.nextHopIps = ImmutableList.copyOf(nextHopIps);
      this.name = name;
      this.routeId = routeId;
      this.target = target;
    }

    /**
     * Equal-prefix preference, lower wins: service endpoint routes first (assumption SE_OVER_UDR, §2.4.3 / §11.4),
     * then user routes (explicit prefix before service tags, regional before top-level before AzureCloud, §2.3),
     * then gateway (BGP) routes, then other system routes (§2.4.2).
     */
    int rank() {
      return switch (kind) {
        case SERVICE_ENDPOINT -> 0;
        case USER -> 10 + tagRank;
        case GATEWAY -> 20;
        default -> 30;
      };
    }

    EffectiveRoute toRoute(RouteState state) {
      return new EffectiveRoute(source, state, ImmutableList.copyOf(prefixes), type, nextHopIps, name, routeId, target,
          unresolved);
    }
  }

  public static EffectiveRouteTable forSubnet(NetworkFacts facts, ServiceTagLookup tags, Subnet subnet) {
    Topology topology = facts.topology();
    VirtualNetwork vnet = topology.virtualNetworkOf(subnet).orElse(null);
    RouteTable table = subnet.routeTable().map(id -> topology.routeTables().get(id)).orElse(null);
    List<Candidate> c = new ArrayList<>();
    List<String> unresolved = new ArrayList<>();
    if (subnet.routeTable().isPresent() && table == null) {
      unresolved.add("route table " + subnet.routeTable().get() + " is not in the input");
    }
    boolean propagate = table == null || !table.disableBgpRoutePropagation();
    if (vnet != null) {
      // §2.1: one VnetLocal route per address range of the VNet.
      for (Cidr r : vnet.addressSpace()) {
        c.add(new Candidate(Kind.ADDRESS_SPACE, RouteSource.DEFAULT, List.of(r), RouteNextHopType.VNET_LOCAL, List.of(),
            Optional.empty(), Optional.empty(), Optional.of(vnet.id())));
      }
      // §2.2, §7: one route per range of each connected peered VNet; global when the regions differ.
      for (ConnectedPeering p : facts.peerings(vnet.id())) {
        RouteNextHopType t = p.global() ? RouteNextHopType.VNET_GLOBAL_PEERING : RouteNextHopType.VNET_PEERING;
        for (Cidr r : p.remoteAddressSpace()) {
          c.add(new Candidate(Kind.PEERING, RouteSource.DEFAULT, List.of(r), t, List.of(), Optional.empty(),
              Optional.of(p.peering().id()), Optional.of(p.remoteVirtualNetwork())));
        }
      }
      // §2.2, §2.3: gateway routes, unless the route table disables gateway route propagation.
      NetworkFacts.GatewayRoutes gw = facts.gatewayRoutes(vnet.id());
      if (propagate) {
        for (GatewayPrefix g : gw.prefixes()) {
          c.add(new Candidate(Kind.GATEWAY, RouteSource.VIRTUAL_NETWORK_GATEWAY, List.of(g.prefix()),
              RouteNextHopType.VIRTUAL_NETWORK_GATEWAY, List.of(), Optional.empty(), Optional.empty(),
              Optional.of(g.gateway())));
        }
        unresolved.addAll(gw.unresolved());
      }
    }
    // §2.1: 0.0.0.0/0 -> Internet and the four reserved None routes.
    c.add(new Candidate(Kind.INTERNET, RouteSource.DEFAULT, List.of(DEFAULT_V4), RouteNextHopType.INTERNET, List.of(),
        Optional.empty(), Optional.empty(), Optional.empty()));
    for (Cidr r : RESERVED) {
      c.add(new Candidate(Kind.RESERVED, RouteSource.DEFAULT, List.of(r), RouteNextHopType.NONE, List.of(),
          Optional.empty(), Optional.empty(), Optional.empty()));
    }
    if (vnet != null && vnet.addressSpace().stream().anyMatch(r -> r.family() == IpFamily.IPV6)) {
      c.add(new Candidate(Kind.INTERNET, RouteSource.DEFAULT, List.of(DEFAULT_V6), RouteNextHopType.INTERNET,
          List.of(), Optional.empty(), Optional.empty(), Optional.empty()));
    }
    // §2.2, §6: service endpoint routes carry the service tag's prefixes, on this subnet only.
    for (ServiceEndpoint se : subnet.serviceEndpoints()) {
      Candidate sc = new Candidate(Kind.SERVICE_ENDPOINT, RouteSource.DEFAULT, new ArrayList<>(),
          RouteNextHopType.VIRTUAL_NETWORK_SERVICE_ENDPOINT, List.of(), Optional.empty(), Optional.empty(),
          Optional.empty());
      Optional<ImmutableList<String>> names = ServiceEndpointTags.tagNames(se);
      if (names.isEmpty()) {
        sc.unresolved = Optional.of(se.service());
      } else {
        IpSet set = IpSet.EMPTY;
        for (String n : names.get()) {
          Optional<IpSet> a = tags.addresses(n);
          if (a.isEmpty()) {
            sc.unresolved = Optional.of(n);
          } else {
            set = set.union(a.get());
          }
        }
        sc.prefixes.addAll(set.toCidrs());
      }
      sc.unresolved.ifPresent(u -> unresolved.add("service endpoint " + se.service() + ": service tag " + u
          + " is not in the service-tag data"));
      c.add(sc);
    }
    if (vnet != null) {
      addPrivateEndpointRoutes(facts, vnet, c);
    }
    if (table != null) {
      for (Route r : table.routes()) {
        c.add(user(r, tags, unresolved));
      }
    }
    return resolve(subnet, table, c, unresolved);
  }

  private static Candidate user(Route r, ServiceTagLookup tags, List<String> unresolved) {
    List<Cidr> prefixes = new ArrayList<>();
    Candidate u = new Candidate(Kind.USER, RouteSource.USER, prefixes, RouteNextHopType.of(r.nextHopType()),
        r.nextHopIpAddress().stream().toList(), Optional.of(r.name()), Optional.of(r.id()), Optional.empty());
    AddressMatch p = r.addressPrefix();
    if (p instanceof AddressMatch.Prefix px) {
      prefixes.add(px.cidr());
    } else if (p instanceof AddressMatch.Any) {
      prefixes.add(DEFAULT_V4); // ARM writes 0.0.0.0/0, which the model reads as Any
    } else if (p instanceof AddressMatch.ServiceTag tag) {
      u.tagRank = tagRank(tag.name());
      Optional<IpSet> a = tags.addresses(tag.name());
      if (a.isPresent()) {
        prefixes.addAll(a.get().toCidrs());
      } else {
        u.unresolved = Optional.of(tag.name());
        unresolved.add("route " + r.name() + ": service tag " + tag.name() + " is not in the service-tag data");
      }
    } else if (p instanceof AddressMatch.Range range) {
      prefixes.addAll(IpSet.range(range.first(), range.last()).toCidrs());
    }
    return u;
  }

  /** §2.3 tie-break among service-tag routes: regional, top-level, AzureCloud regional, AzureCloud. */
  static int tagRank(String tag) {
    String t = tag.toLowerCase(Locale.ROOT);
    if (t.equals("azurecloud")) {
      return 4;
    }
    if (t.startsWith("azurecloud.")) {
      return 3;
    }
    return t.contains(".") ? 1 : 2;
  }

  /** §5.1, §2.2: a /32 per private endpoint IP, in the PE's VNet and in directly peered VNets. */
  private static void addPrivateEndpointRoutes(NetworkFacts facts, VirtualNetwork vnet, List<Candidate> c) {
    Topology topology = facts.topology();
    Set<ResourceId> vnets = new LinkedHashSet<>();
    vnets.add(vnet.id());
    facts.peerings(vnet.id()).forEach(p -> vnets.add(p.remoteVirtualNetwork()));
    List<PrivateEndpoint> pes = new ArrayList<>();
    vnets.forEach(v -> pes.addAll(facts.privateEndpoints(v)));
    if (vnets.size() > 1) {
      pes.sort(Comparator.comparingInt(pe -> facts.privateEndpointOrder(pe.id())));
    }
    for (PrivateEndpoint pe : pes) {
      Subnet peSubnet = topology.subnet(pe.subnet().get()).orElse(null);
      VirtualNetwork peVnet = peSubnet == null ? null : topology.virtualNetworkOf(peSubnet).orElse(null);
      for (IpAddress ip : privateEndpointAddresses(topology, pe)) {
        Cidr host = Cidr.host(ip);
        Candidate pc = new Candidate(Kind.PRIVATE_ENDPOINT, RouteSource.DEFAULT, List.of(host),
            RouteNextHopType.INTERFACE_ENDPOINT, List.of(), Optional.empty(), Optional.empty(), Optional.of(pe.id()));
        // §5.2 UDR enabled: a UDR at least as long as the PE VNet's address range invalidates the /32.
        if (peSubnet != null && peVnet != null && peSubnet.privateEndpointNetworkPolicies().routeTableApplies()) {
          pc.invalidatedByUdrOfLength = peVnet.addressSpace().stream().filter(r -> r.contains(ip))
              .mapToInt(Cidr::prefixLength).min().orElse(-1);
        }
        c.add(pc);
      }
    }
  }

  /** A private endpoint's IPs: its NICs' addresses, else its static IP configurations and custom DNS entries. */
  public static List<IpAddress> privateEndpointAddresses(Topology topology, PrivateEndpoint pe) {
    Set<IpAddress> out = new LinkedHashSet<>();
    for (ResourceId nicId : pe.networkInterfaces()) {
      NetworkInterface nic = topology.networkInterfaces().get(nicId);
      if (nic != null) {
        nic.ipConfigurations().forEach(ic -> ic.privateIpAddress().ifPresent(out::add));
      }
    }
    if (out.isEmpty()) {
      pe.ipConfigurations().forEach(s -> out.add(s.privateIpAddress()));
      pe.customDnsConfigs().forEach(d -> out.addAll(d.ipAddresses()));
    }
    return new ArrayList<>(out);
  }

  private static EffectiveRouteTable resolve(Subnet subnet, RouteTable table, List<Candidate> c,
      List<String> unresolved) {
    // §2.1: a VNet (or peered) range equal to or containing a reserved prefix replaces its None route.
    List<Cidr> spaces = new ArrayList<>();
    c.stream().filter(x -> x.kind == Kind.ADDRESS_SPACE || x.kind == Kind.PEERING).forEach(x -> spaces.addAll(
        x.prefixes));
    // §2.4.5 / §11.3: forced tunnelling (a user or gateway 0.0.0.0/0 to an appliance or gateway) removes the reserved
    // None routes, as the doc's routing example shows (assumption FORCED_TUNNEL_RESERVED).
    boolean forcedTunnel = c.stream().anyMatch(x -> (x.kind == Kind.USER || x.kind == Kind.GATEWAY)
        && x.prefixes.contains(DEFAULT_V4) && (x.type == RouteNextHopType.VIRTUAL_APPLIANCE
            || x.type == RouteNextHopType.VIRTUAL_NETWORK_GATEWAY));
    for (Candidate x : c) {
      if (x.kind == Kind.RESERVED) {
        Cidr n = x.prefixes.get(0);
        x.removed = forcedTunnel || spaces.stream().anyMatch(s -> s.contains(n));
      }
    }
    Map<Cidr, Integer> winner = new LinkedHashMap<>();
    for (int i = 0; i < c.size(); i++) {
      Candidate x = c.get(i);
      if (x.removed) {
        continue;
      }
      for (Cidr p : x.prefixes) {
        if (!eligible(x, p, c, spaces)) {
          continue;
        }
        Integer w = winner.get(p);
        if (w == null || x.rank() < c.get(w).rank()) {
          winner.put(p, i);
        }
      }
    }
    ImmutableList.Builder<EffectiveRoute> routes = ImmutableList.builder();
    int[] index = new int[c.size()];
    int n = 0;
    Set<Integer> winners = new java.util.HashSet<>(winner.values());
    for (int i = 0; i < c.size(); i++) {
      Candidate x = c.get(i);
      if (x.removed) {
        index[i] = -1;
        continue;
      }
      boolean active = winners.contains(i) || x.prefixes.isEmpty() && x.unresolved.isPresent();
      routes.add(x.toRoute(active ? RouteState.ACTIVE : RouteState.INVALID));
      index[i] = n++;
    }
    Map<Cidr, Integer> fibInput = new LinkedHashMap<>();
    winner.forEach((p, i) -> fibInput.put(p, index[i]));
    return new EffectiveRouteTable(subnet.id(), Optional.ofNullable(table).map(RouteTable::id)
        .or(subnet::routeTable), routes.build(), Fib.build(fibInput), ImmutableList.copyOf(unresolved));
  }

  /** Whether a route may claim a prefix at all (before the equal-prefix tie-break). */
  private static boolean eligible(Candidate x, Cidr p, List<Candidate> all, List<Cidr> spaces) {
    if (x.kind == Kind.GATEWAY && spaces.stream().anyMatch(s -> s.contains(p))) {
      return false; // §2.4.3: VNet and peering system routes are preferred even over more specific BGP routes
    }
    if (x.kind == Kind.PRIVATE_ENDPOINT && x.invalidatedByUdrOfLength >= 0) {
      IpAddress ip = p.first();
      for (Candidate u : all) {
        if (u.kind == Kind.USER && u.tagRank == 0 && u.prefixes.stream()
            .anyMatch(q -> q.contains(ip) && q.prefixLength() >= x.invalidatedByUdrOfLength)) {
          return false;
        }
      }
    }
    return true;
  }
}
