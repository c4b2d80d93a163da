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
  final ImmutableMap<ResourceId, Integer> nicIndex;
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
    Nics nics = new Nics(si.size(), new IntIntMap(topology.networkInterfaces().size() * 2));
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
    this.subnetIndex = subnetIndex;
    this.nicIndex = ImmutableMap.copyOf(nics.index);
    this.subnetOfNic = nics.subnetOf.stream().mapToInt(Integer::intValue).toArray();
    this.nicsBySubnet = nics.bySubnet();
    this.nicAddresses = ImmutableList.copyOf(nics.addresses);
    this.v4Nic = nics.v4;
    this.v6Nic = ImmutableMap.copyOf(nics.v6);
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
    Nics nics = new Nics(this, v4Nic.copy());
    added.forEach(n -> nics.add(n, subnetIndex));
    Map<IpAddress, PublicIpAddress> pips = new HashMap<>(publicIpByAddress);
    addedPublicIps.forEach(p -> p.ipAddress().ifPresent(a -> pips.put(a, p)));
    return new PlaneIndex(subnetIndex, nics, pesBySubnet, peByAddress, subnetsOfVnet, vnetSpaces,
        ImmutableMap.copyOf(pips), firewallByAddress, loadBalancerByFrontend);
  }

  /** NIC numbering being built: the NICs that get a plane (not a private endpoint's, in a known subnet). */
  private static final class Nics {
    final Map<ResourceId, Integer> index = new LinkedHashMap<>();
    final List<Integer> subnetOf = new ArrayList<>();
    final List<List<Integer>> bySubnet = new ArrayList<>();
    final List<IpSet> addresses = new ArrayList<>();
    final IntIntMap v4;
    final Map<IpAddress, Integer> v6 = new HashMap<>();

    Nics(int subnets, IntIntMap v4) {
      this.v4 = v4;
      for (int i = 0; i < subnets; i++) {
        bySubnet.add(new ArrayList<>());
      }
    }

    Nics(PlaneIndex from, IntIntMap v4) {
      this(from.nicsBySubnet.length, v4);
      index.putAll(from.nicIndex);
      Arrays.stream(from.subnetOfNic).forEach(subnetOf::add);
      for (int s = 0; s < from.nicsBySubnet.length; s++) {
        for (int n : from.nicsBySubnet[s]) {
          bySubnet.get(s).add(n);
        }
      }
      addresses.addAll(from.nicAddresses);
      v6.putAll(from.v6Nic);
    }

    void add(NetworkInterface nic, Map<ResourceId, Integer> subnetIndex) {
      if (nic.privateEndpoint().isPresent()) {
        return; // a private endpoint's NIC: the endpoint is the hop (§5)
      }
      Integer subnet = nic.primary().flatMap(IpConfiguration::subnet).map(subnetIndex::get).orElse(null);
      if (subnet == null) {
        return;
      }
      int n = index.size();
      index.put(nic.id(), n);
      subnetOf.add(subnet);
      bySubnet.get(subnet).add(n);
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

    int[][] bySubnet() {
      return bySubnet.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }
  }
}
