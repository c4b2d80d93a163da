package dev.vnetsim.simulator.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.firewall.AzureFirewall;
import dev.vnetsim.model.network.IpConfiguration;
import dev.vnetsim.model.network.LoadBalancer;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.PrivateEndpoint;
import dev.vnetsim.model.network.PublicIpAddress;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.model.network.VirtualNetwork;
import dev.vnetsim.simulator.resolve.AddressResolver;
import dev.vnetsim.simulator.resolve.NetworkFacts;
import dev.vnetsim.simulator.routing.EffectiveRoutes;
import dev.vnetsim.simulator.routing.Fib;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The positional skeleton of a data plane: subnets and NICs numbered in input order, and every index from addresses
 * and ids to those numbers (IPv4 owners in an allocation-free int map, subnets per VNet in an LPM table), plus the
 * public IPs, firewalls, load balancers and private endpoints by address. It depends only on what a
 * {@link LocalChange} cannot touch, so a recompiled data plane shares it. Immutable after building.
 */
final class PlaneIndex {

  final ImmutableMap<ResourceId, Integer> subnetIndex;
  final NicNumbers nicIndex;
  /** Per NIC number: the number of its subnet (the subnet of its primary IP configuration). */
  final int[] subnetOfNic;
  /** Per subnet number: the numbers of the NICs in it. */
  final int[][] nicsBySubnet;
  /** Per subnet number: the private endpoints in it, each with its addresses. */
  final ImmutableList<ImmutableList<Map.Entry<PrivateEndpoint, IpSet>>> pesBySubnet;
  /** Per NIC number: its addresses. */
  final ImmutableList<IpSet> nicAddresses;
  final IntIntMap v4Nic;
  final ImmutableMap<IpAddress, Integer> v6Nic;
  final ImmutableMap<IpAddress, PrivateEndpoint> peByAddress;
  final ImmutableMap<ResourceId, Fib> subnetsOfVnet;
  final ImmutableMap<IpAddress, PublicIpAddress> publicIpByAddress;
  final ImmutableMap<ResourceId, IpSet> vnetSpaces;
  final ImmutableMap<IpAddress, AzureFirewall> firewallByAddress;
  final ImmutableMap<IpAddress, LoadBalancer> loadBalancerByFrontend;

  static PlaneIndex of(Topology topology) {
    Map<ResourceId, Integer> si = new LinkedHashMap<>();
    for (Subnet s : topology.subnets().values()) {
      si.put(s.id(), si.size());
    }
    Nics nics = new Nics(0, new IntIntMap(topology.networkInterfaces().size() * 2));
    topology.networkInterfaces().values().forEach(n -> nics.add(n, si));
    Map<IpAddress, PrivateEndpoint> pes = new HashMap<>();
    List<List<Map.Entry<PrivateEndpoint, IpSet>>> peIn = new ArrayList<>();
    si.forEach((id, i) -> peIn.add(new ArrayList<>()));
    for (PrivateEndpoint pe : topology.privateEndpoints().values()) {
      IpSet a = IpSet.EMPTY;
      for (IpAddress ip : EffectiveRoutes.privateEndpointAddresses(topology, pe)) {
        pes.put(ip, pe);
        a = a.union(IpSet.of(ip));
      }
      Integer subnet = pe.subnet().map(si::get).orElse(null);
      if (subnet != null) {
        peIn.get(subnet).add(Map.entry(pe, a));
      }
    }
    Map<ResourceId, Fib> fibs = new HashMap<>();
    Map<ResourceId, IpSet> spaces = new HashMap<>();
    for (VirtualNetwork v : topology.virtualNetworks().values()) {
      spaces.put(v.id(), NetworkFacts.addressSpace(v));
      Map<Cidr, Integer> prefixes = new LinkedHashMap<>();
      for (Subnet s : v.subnets()) {
        int p = si.get(s.id());
        s.addressPrefixes().forEach(c -> prefixes.put(c, p));
      }
      fibs.put(v.id(), Fib.build(prefixes));
    }
    Map<IpAddress, PublicIpAddress> pips = new HashMap<>();
    topology.publicIpAddresses().values().forEach(p -> p.ipAddress().ifPresent(a -> pips.put(a, p)));
    Map<IpAddress, AzureFirewall> fws = new HashMap<>();
    topology.azureFirewalls().values().forEach(fw -> fw.privateIpAddress().ifPresent(a -> fws.put(a, fw)));
    Map<IpAddress, LoadBalancer> lbs = new HashMap<>();
    for (LoadBalancer lb : topology.loadBalancers().values()) {
      lb.frontends().forEach(f -> f.privateIpAddress().ifPresent(a -> lbs.put(a, lb)));
    }
    return new PlaneIndex(ImmutableMap.copyOf(si), nics,
        peIn.stream().map(ImmutableList::copyOf).collect(ImmutableList.toImmutableList()), ImmutableMap.copyOf(pes),
        ImmutableMap.copyOf(fibs), ImmutableMap.copyOf(spaces), ImmutableMap.copyOf(pips), ImmutableMap.copyOf(fws),
        ImmutableMap.copyOf(lbs));
  }

  private PlaneIndex(ImmutableMap<ResourceId, Integer> subnetIndex, Nics nics,
      ImmutableList<ImmutableList<Map.Entry<PrivateEndpoint, IpSet>>> pesBySubnet,
      ImmutableMap<IpAddress, PrivateEndpoint> peByAddress, ImmutableMap<ResourceId, Fib> subnetsOfVnet,
      ImmutableMap<ResourceId, IpSet> vnetSpaces, ImmutableMap<IpAddress, PublicIpAddress> publicIpByAddress,
      ImmutableMap<IpAddress, AzureFirewall> firewallByAddress,
      ImmutableMap<IpAddress, LoadBalancer> loadBalancerByFrontend) {
    this(subnetIndex, NicNumbers.of(nics.ids), nics.subnetOf.stream().mapToInt(Integer::intValue).toArray(),
        nics.bySubnet(subnetIndex.size(), new int[subnetIndex.size()][]), ImmutableList.copyOf(nics.addresses),
        nics.v4, ImmutableMap.copyOf(nics.v6), pesBySubnet, peByAddress, subnetsOfVnet, vnetSpaces,
        publicIpByAddress, firewallByAddress, loadBalancerByFrontend);
  }

  private PlaneIndex(ImmutableMap<ResourceId, Integer> subnetIndex, NicNumbers nicIndex, int[] subnetOfNic,
      int[][] nicsBySubnet, ImmutableList<IpSet> nicAddresses, IntIntMap v4Nic, ImmutableMap<IpAddress, Integer> v6Nic,
      ImmutableList<ImmutableList<Map.Entry<PrivateEndpoint, IpSet>>> pesBySubnet,
      ImmutableMap<IpAddress, PrivateEndpoint> peByAddress, ImmutableMap<ResourceId, Fib> subnetsOfVnet,
      ImmutableMap<ResourceId, IpSet> vnetSpaces, ImmutableMap<IpAddress, PublicIpAddress> publicIpByAddress,
      ImmutableMap<IpAddress, AzureFirewall> firewallByAddress,
      ImmutableMap<IpAddress, LoadBalancer> loadBalancerByFrontend) {
    this.subnetIndex = subnetIndex;
    this.nicIndex = nicIndex;
    this.subnetOfNic = subnetOfNic;
    this.nicsBySubnet = nicsBySubnet;
    this.nicAddresses = nicAddresses;
    this.v4Nic = v4Nic;
    this.v6Nic = v6Nic;
    this.pesBySubnet = pesBySubnet;
    this.peByAddress = peByAddress;
    this.subnetsOfVnet = subnetsOfVnet;
    this.vnetSpaces = vnetSpaces;
    this.publicIpByAddress = publicIpByAddress;
    this.firewallByAddress = firewallByAddress;
    this.loadBalancerByFrontend = loadBalancerByFrontend;
  }

  /**
   * This index with NICs and public IPs added after the existing ones, in the order of the topology that has them (so
   * that an address held twice goes to the later holder, as in a full compile).
   */
  PlaneIndex with(List<NetworkInterface> added, List<PublicIpAddress> addedPublicIps) {
    Nics nics = new Nics(nicIndex.size(), v4Nic.copy());
    added.forEach(n -> nics.add(n, subnetIndex));
    int[] subnetOf = Arrays.copyOf(subnetOfNic, subnetOfNic.length + nics.subnetOf.size());
    for (int i = 0; i < nics.subnetOf.size(); i++) {
      subnetOf[subnetOfNic.length + i] = nics.subnetOf.get(i);
    }
    Map<IpAddress, Integer> v6 = nics.v6;
    if (!v6.isEmpty()) {
      v6 = new HashMap<>(v6Nic);
      v6.putAll(nics.v6);
    }
    Map<IpAddress, PublicIpAddress> pips = new HashMap<>(publicIpByAddress);
    addedPublicIps.forEach(p -> p.ipAddress().ifPresent(a -> pips.put(a, p)));
    return new PlaneIndex(subnetIndex, nicIndex.with(nics.ids), subnetOf,
        nics.bySubnet(nicsBySubnet.length, nicsBySubnet.clone()),
        ImmutableList.<IpSet>builderWithExpectedSize(subnetOf.length).addAll(nicAddresses).addAll(nics.addresses)
            .build(), nics.v4, v6 == nics.v6 ? v6Nic : ImmutableMap.copyOf(v6), pesBySubnet, peByAddress, subnetsOfVnet,
        vnetSpaces, addedPublicIps.isEmpty() ? publicIpByAddress : ImmutableMap.copyOf(pips), firewallByAddress,
        loadBalancerByFrontend);
  }

  /**
   * NICs being numbered from {@code start} on (every NIC of a topology, or those added to an index): those that get a
   * plane (not a private endpoint's, in a known subnet).
   */
  private static final class Nics {
    private static final int[] NONE = new int[0];

    final int start;
    final List<ResourceId> ids = new ArrayList<>();
    final List<Integer> subnetOf = new ArrayList<>();
    final Map<Integer, List<Integer>> bySubnet = new HashMap<>();
    final List<IpSet> addresses = new ArrayList<>();
    final IntIntMap v4;
    final Map<IpAddress, Integer> v6 = new HashMap<>();

    Nics(int start, IntIntMap v4) {
      this.start = start;
      this.v4 = v4;
    }

    void add(NetworkInterface nic, Map<ResourceId, Integer> subnetIndex) {
      if (nic.privateEndpoint().isPresent()) {
        return; // a private endpoint's NIC: the endpoint is the hop (§5)
      }
      Integer subnet = nic.primary().flatMap(IpConfiguration::subnet).map(subnetIndex::get).orElse(null);
      if (subnet == null) {
        return;
      }
      int n = start + ids.size();
      ids.add(nic.id());
      subnetOf.add(subnet);
      bySubnet.computeIfAbsent(subnet, k -> new ArrayList<>()).add(n);
      IpSet own = IpSet.EMPTY;
      for (IpConfiguration c : nic.ipConfigurations()) {
        own = own.union(AddressResolver.addresses(c));
      }
      addresses.add(own);
      for (IpAddress[] r : own.ranges()) {
        for (IpAddress a = r[0]; a.compareTo(r[1]) <= 0; a = a.next()) {
          if (a.isV4()) {
            v4.put(a.v4Bits(), n);
          } else {
            v6.put(a, n);
          }
          if (a.equals(r[1])) {
            break;
          }
        }
      }
    }

    /** {@code rows} (per subnet: NIC numbers, null for none) with these NICs appended to their subnets' rows. */
    int[][] bySubnet(int subnets, int[][] rows) {
      for (int s = 0; s < subnets; s++) {
        if (rows[s] == null) {
          rows[s] = NONE;
        }
      }
      // only the subnets that got NICs (a probe's one, when a compute probe is recompiled from the estate)
      bySubnet.forEach((s, more) -> {
        if (s >= subnets) {
          return; // not a subnet of this index (as before: only its subnets are rows)
        }
        int[] row = Arrays.copyOf(rows[s], rows[s].length + more.size());
        for (int i = 0; i < more.size(); i++) {
          row[row.length - more.size() + i] = more.get(i);
        }
        rows[s] = row;
      });
      return rows;
    }
  }
}
