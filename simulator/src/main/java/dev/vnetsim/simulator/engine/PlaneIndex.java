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

  PlaneIndex(Topology topology) {
    Map<ResourceId, Integer> si = new LinkedHashMap<>();
    for (Subnet s : topology.subnets().values()) {
      si.put(s.id(), si.size());
    }
    subnetIndex = ImmutableMap.copyOf(si);
    Map<ResourceId, Integer> ni = new LinkedHashMap<>();
    List<Integer> subnetOf = new ArrayList<>();
    List<List<Integer>> bySubnet = new ArrayList<>();
    si.forEach((id, i) -> bySubnet.add(new ArrayList<>()));
    ImmutableList.Builder<IpSet> addresses = ImmutableList.builder();
    v4Nic = new IntIntMap(topology.networkInterfaces().size() * 2);
    Map<IpAddress, Integer> v6 = new HashMap<>();
    for (NetworkInterface nic : topology.networkInterfaces().values()) {
      if (nic.privateEndpoint().isPresent()) {
        continue; // a private endpoint's NIC: the endpoint is the hop (§5)
      }
      Integer subnet = nic.primary().flatMap(IpConfiguration::subnet).map(si::get).orElse(null);
      if (subnet == null) {
        continue;
      }
      int n = ni.size();
      ni.put(nic.id(), n);
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
            v4Nic.put(a.v4Bits(), n);
          } else {
            v6.put(a, n);
          }
          if (a.equals(r[1])) {
            break;
          }
        }
      }
    }
    nicIndex = ImmutableMap.copyOf(ni);
    subnetOfNic = subnetOf.stream().mapToInt(Integer::intValue).toArray();
    nicsBySubnet = bySubnet.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    nicAddresses = addresses.build();
    v6Nic = ImmutableMap.copyOf(v6);

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
    peByAddress = ImmutableMap.copyOf(pes);
    pesBySubnet = peIn.stream().map(ImmutableList::copyOf).collect(ImmutableList.toImmutableList());

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
    subnetsOfVnet = ImmutableMap.copyOf(fibs);
    vnetSpaces = ImmutableMap.copyOf(spaces);
    Map<IpAddress, PublicIpAddress> pips = new HashMap<>();
    topology.publicIpAddresses().values().forEach(p -> p.ipAddress().ifPresent(a -> pips.put(a, p)));
    publicIpByAddress = ImmutableMap.copyOf(pips);
    Map<IpAddress, AzureFirewall> fws = new HashMap<>();
    topology.azureFirewalls().values().forEach(fw -> fw.privateIpAddress().ifPresent(a -> fws.put(a, fw)));
    firewallByAddress = ImmutableMap.copyOf(fws);
    Map<IpAddress, LoadBalancer> lbs = new HashMap<>();
    for (LoadBalancer lb : topology.loadBalancers().values()) {
      lb.frontends().forEach(f -> f.privateIpAddress().ifPresent(a -> lbs.put(a, lb)));
    }
    loadBalancerByFrontend = ImmutableMap.copyOf(lbs);
  }

}
