package dev.vnetsim.simulator.whatif;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpFamily;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.firewall.AzureFirewall;
import dev.vnetsim.model.network.IpConfiguration;
import dev.vnetsim.model.network.LoadBalancer;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.PrivateEndpoint;
import dev.vnetsim.model.network.PublicIpAddress;
import dev.vnetsim.model.network.Route;
import dev.vnetsim.model.network.RouteTable;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.simulator.engine.LocalChange;
import dev.vnetsim.simulator.routing.EffectiveRoutes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Plans {@link SubnetProbe}s and adds them to topologies. The same probes (ids and addresses) go into every side of a
 * what-if, so that traces of both sides cover the same packets: addresses are the highest ones of the subnet's first
 * IPv4 prefix that no side uses (Azure reserves the first four and the last address of every subnet).
 */
public final class Probes {
  private static final int RESERVED_LOW = 4;

  private Probes() {}

  /** Probes for {@code subnets} (those in none of the sides, or without two free IPv4 addresses, are left out). */
  public static ImmutableMap<ResourceId, SubnetProbe> plan(List<Topology> sides, Collection<ResourceId> subnets) {
    Set<IpAddress> used = new HashSet<>();
    Map<String, Integer> names = new LinkedHashMap<>();
    for (Topology t : sides) {
      used.addAll(usedAddresses(t));
      Map<String, Integer> side = new LinkedHashMap<>();
      t.subnets().values().forEach(s -> side.merge(s.name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum));
      side.forEach((k, v) -> names.merge(k, v, Math::max));
    }
    ImmutableMap.Builder<ResourceId, SubnetProbe> out = ImmutableMap.builder();
    Set<ResourceId> done = new HashSet<>();
    for (ResourceId id : subnets) {
      if (!done.add(id)) {
        continue;
      }
      Optional<Subnet> subnet = sides.stream().flatMap(t -> t.subnet(id).stream()).findFirst();
      if (subnet.isEmpty()) {
        continue;
      }
      List<IpAddress> free = free(subnet.get(), sides, used, 2);
      if (free.size() < 2) {
        continue;
      }
      used.addAll(free);
      out.put(id, probe(subnet.get(), label(subnet.get(), names), free.get(0), free.get(1)));
    }
    return out.build();
  }

  /** Probes for every subnet of every side. */
  public static ImmutableMap<ResourceId, SubnetProbe> planAll(List<Topology> sides) {
    List<ResourceId> all = new ArrayList<>();
    sides.forEach(t -> all.addAll(t.subnets().keySet()));
    return plan(sides, all);
  }

  /** The before side's probes and the addresses it uses. */
  private record Plan(ImmutableMap<ResourceId, SubnetProbe> probes, Set<IpAddress> used) {}

  /**
   * {@link #planAll} of a what-if's two sides. The before side's plan is kept in {@code memo}; it is the plan of both
   * sides when the after side has the very same subnets and addressed resources (NICs, private endpoints, firewalls,
   * load balancers) and its changed route tables name no next hop the before side does not use: then the sides use
   * the same addresses, and planning both gives the same probes.
   */
  public static ImmutableMap<ResourceId, SubnetProbe> planAll(Topology before, Topology after, Memo memo) {
    Plan p = memo.get("whatif.probes", new Memo.Same(before),
        () -> new Plan(planAll(List.of(before)), Set.copyOf(usedAddresses(before))));
    boolean same = after.subnets() == before.subnets()
        && after.networkInterfaces() == before.networkInterfaces()
        && after.privateEndpoints() == before.privateEndpoints()
        && after.azureFirewalls() == before.azureFirewalls()
        && after.loadBalancers() == before.loadBalancers();
    if (same) {
      for (Map.Entry<ResourceId, RouteTable> e : after.routeTables().entrySet()) {
        if (before.routeTables().get(e.getKey()) != e.getValue()) {
          same &= e.getValue().routes().stream().allMatch(r -> r.nextHopIpAddress().map(p.used()::contains)
              .orElse(true));
        }
      }
    }
    return same ? p.probes() : planAll(List.of(before, after));
  }

  /** The subnet's name, or {@code vnet/subnet} when another subnet has the same name. */
  static String label(Subnet s, Map<String, Integer> names) {
    return names.getOrDefault(s.name().toLowerCase(java.util.Locale.ROOT), 0) > 1
        ? s.virtualNetwork().name() + "/" + s.name() : s.name();
  }

  private static final Pattern VNET_PART = Pattern.compile("(?i)/providers/Microsoft\\.Network/virtualNetworks/.*$");

  private static SubnetProbe probe(Subnet s, String label, IpAddress client, IpAddress server) {
    String base = VNET_PART.matcher(s.id().value()).replaceAll("");
    String stem = base + "/providers/Microsoft.Network/networkInterfaces/vnetsim-probe-" + s.virtualNetwork().name()
        + "-" + s.name();
    ResourceId pip = ResourceId.of(base + "/providers/Microsoft.Network/publicIPAddresses/vnetsim-probe-"
        + s.virtualNetwork().name() + "-" + s.name() + "-ip");
    return new SubnetProbe(s.id(), label, ResourceId.of(stem + "-client"), client, ResourceId.of(stem + "-server"),
        server, pip);
  }

  /** The topology with the probes of its subnets added (probes of subnets it does not have are skipped). */
  public static Topology add(Topology t, Collection<SubnetProbe> probes) {
    if (probes.isEmpty()) {
      return t;
    }
    Topology.Builder b = t.toBuilder();
    for (SubnetProbe p : probes) {
      Optional<Subnet> s = t.subnet(p.subnet());
      if (s.isEmpty() || !inSubnet(s.get(), p.clientAddress()) || !inSubnet(s.get(), p.serverAddress())) {
        continue;
      }
      String location = t.virtualNetworkOf(s.get()).map(v -> v.location()).orElse("");
      b.networkInterfaces.put(p.client(), nic(p.client(), location, s.get(), p.clientAddress(), Optional.empty()));
      b.networkInterfaces.put(p.server(), nic(p.server(), location, s.get(), p.serverAddress(),
          Optional.of(p.serverPublicIp())));
      b.publicIpAddresses.put(p.serverPublicIp(), new PublicIpAddress(p.serverPublicIp(), p.serverPublicIp().name(),
          location, Optional.empty(), PublicIpAddress.Sku.STANDARD, Optional.of(ipConfig(p.server())),
          Optional.empty()));
    }
    return b.build();
  }

  /**
   * {@link #add} for {@code topology}, made from {@code probed}, the same probes added to {@code previous}, when the
   * two differ only in resources replaced in place (none added or removed, no VNet changed, so every probe is the
   * same): those are put into {@code probed}'s copy, so that the maps they are not in, the NIC map and its indexes
   * among them, are shared with it. Otherwise (or when {@code probed} is not such a topology) as {@link #add}.
   */
  static Topology addAgain(Topology probed, Topology previous, Topology topology, Collection<SubnetProbe> probes) {
    if (probes.isEmpty() || previous.virtualNetworks() != topology.virtualNetworks()) {
      return add(topology, probes);
    }
    Set<ResourceId> changed = LocalChange.differences(previous, topology);
    List<ImmutableMap<ResourceId, ?>> was = previous.resourceMaps();
    List<ImmutableMap<ResourceId, ?>> now = topology.resourceMaps();
    for (ResourceId id : changed) {
      for (int k = 0; k < now.size(); k++) {
        if (was.get(k).containsKey(id) != now.get(k).containsKey(id)) {
          return add(topology, probes); // added or removed: the order of a full addition is another
        }
      }
    }
    Topology.Builder b = probed.toBuilder();
    List<Map<ResourceId, ?>> into = b.resourceMaps();
    for (ResourceId id : changed) {
      for (int k = 0; k < now.size(); k++) {
        Object r = now.get(k).get(id);
        if (r != null) {
          put(into.get(k), id, r);
        }
      }
    }
    b.warnings.clear();
    b.warnings.addAll(topology.warnings());
    b.skippedTypes.clear();
    b.skippedTypes.putAll(topology.skippedTypes());
    return b.build();
  }

  @SuppressWarnings("unchecked")
  private static <V> void put(Map<ResourceId, V> map, ResourceId id, Object value) {
    map.put(id, (V) value);
  }

  private static ResourceId ipConfig(ResourceId nic) {
    return nic.child("ipConfigurations", "ipconfig1");
  }

  private static NetworkInterface nic(ResourceId id, String location, Subnet s, IpAddress a,
      Optional<ResourceId> pip) {
    IpConfiguration c = new IpConfiguration(ipConfig(id), "ipconfig1", Optional.of(a), Optional.empty(),
        Optional.of(s.id()), pip, ImmutableList.of(), ImmutableList.of(), true);
    return new NetworkInterface(id, id.name(), location, ImmutableList.of(c), Optional.empty(), false,
        Optional.empty(), Optional.empty());
  }

  private static boolean inSubnet(Subnet s, IpAddress a) {
    return s.addressPrefixes().stream().anyMatch(c -> c.contains(a));
  }

  /** Up to {@code n} free addresses from the top of the subnet's first IPv4 prefix, in every side's version of it. */
  private static List<IpAddress> free(Subnet s, List<Topology> sides, Set<IpAddress> used, int n) {
    List<IpAddress> out = new ArrayList<>();
    for (Cidr c : s.addressPrefixes()) {
      if (c.family() != IpFamily.IPV4 || c.size() < RESERVED_LOW + 1 + n) {
        continue;
      }
      long low = c.first().lo() + RESERVED_LOW;
      for (long v = c.last().lo() - 1; v >= low && out.size() < n; v--) {
        IpAddress a = IpAddress.v4(v);
        if (!used.contains(a) && sides.stream().allMatch(t -> t.subnet(s.id()).map(x -> inSubnet(x, a))
            .orElse(true))) {
          out.add(a);
        }
      }
      if (out.size() == n) {
        return out;
      }
      out.clear();
    }
    return out;
  }

  /** Every address a topology gives to something: NICs, private endpoints, firewalls, load balancers, next hops. */
  static Set<IpAddress> usedAddresses(Topology t) {
    Set<IpAddress> used = new HashSet<>();
    for (NetworkInterface nic : t.networkInterfaces().values()) {
      nic.ipConfigurations().forEach(c -> c.privateIpAddress().ifPresent(used::add));
    }
    for (PrivateEndpoint pe : t.privateEndpoints().values()) {
      used.addAll(EffectiveRoutes.privateEndpointAddresses(t, pe));
    }
    for (AzureFirewall fw : t.azureFirewalls().values()) {
      fw.privateIpAddress().ifPresent(used::add);
    }
    for (LoadBalancer lb : t.loadBalancers().values()) {
      lb.frontends().forEach(f -> f.privateIpAddress().ifPresent(used::add));
    }
    for (RouteTable rt : t.routeTables().values()) {
      for (Route r : rt.routes()) {
        r.nextHopIpAddress().ifPresent(used::add);
      }
    }
    return used;
  }
}
