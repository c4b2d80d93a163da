package dev.vnetsim.simulator.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.firewall.AzureFirewall;
import dev.vnetsim.model.network.IpConfiguration;
import dev.vnetsim.model.network.LoadBalancer;
import dev.vnetsim.model.network.NatGateway;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.PrivateEndpoint;
import dev.vnetsim.model.network.PublicIpAddress;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.model.network.VirtualNetwork;
import dev.vnetsim.model.security.NetworkSecurityGroup;
import dev.vnetsim.simulator.dns.DnsView;
import dev.vnetsim.simulator.policy.NsgCompiler;
import dev.vnetsim.simulator.policy.NsgResolver;
import dev.vnetsim.simulator.policy.ResolvedNsg;
import dev.vnetsim.simulator.resolve.AddressResolver;
import dev.vnetsim.simulator.resolve.NetworkFacts;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import dev.vnetsim.simulator.resolve.VirtualTags;
import dev.vnetsim.simulator.routing.EffectiveRouteTable;
import dev.vnetsim.simulator.routing.EffectiveRoutes;
import dev.vnetsim.simulator.routing.SharedRoutes;
import dev.vnetsim.simulator.routing.Fib;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A topology compiled for queries (DESIGN §1): per subnet its virtual tags, effective routes (with a flat LPM table)
 * and compiled NSGs; per NIC its addresses, NSGs and outbound methods; address indexes (IPv4 owners in an
 * allocation-free int map, subnets per VNet in an LPM table). The firewall stage is pluggable ({@link FirewallStage}).
 * Immutable once built; a changed topology compiles into a new DataPlane.
 */
public final class DataPlane {

  /** Who holds an address: a NIC, a private endpoint (in its subnet), or nobody in the input. */
  public record Owner(Optional<NicPlane> nic, Optional<PrivateEndpoint> privateEndpoint, Optional<SubnetPlane> peSubnet) {
    static final Owner NONE = new Owner(Optional.empty(), Optional.empty(), Optional.empty());
  }

  private final Topology topology;
  private final ServiceTagLookup tags;
  private final NetworkFacts facts;
  private final AddressResolver resolver;
  private final FirewallStage firewallStage;
  private final DnsView dns;
  private final ImmutableMap<ResourceId, SubnetPlane> subnets;
  private final SubnetPlane[] subnetArray;
  private final ImmutableMap<ResourceId, NicPlane> nics;
  private final NicPlane[] nicArray;
  private final IntIntMap v4Nic;
  private final Map<IpAddress, NicPlane> v6Nic = new HashMap<>();
  private final Map<IpAddress, PrivateEndpoint> peByAddress = new HashMap<>();
  private final Map<ResourceId, Fib> subnetsOfVnet = new HashMap<>();
  private final Map<ResourceId, List<Map.Entry<Owner, IpSet>>> ownersInSubnet = new HashMap<>();
  private final Map<IpAddress, PublicIpAddress> publicIpByAddress = new HashMap<>();
  private final Map<ResourceId, IpSet> vnetSpaces = new HashMap<>();
  private final Map<IpAddress, AzureFirewall> firewallByAddress = new HashMap<>();
  private final Map<IpAddress, LoadBalancer> loadBalancerByFrontend = new HashMap<>();

  private DataPlane(Topology topology, ServiceTagLookup tags, FirewallStage firewallStage) {
    this.topology = topology;
    this.tags = tags;
    this.dns = new DnsView(topology, tags);
    this.firewallStage = firewallStage != null ? firewallStage : new CompiledFirewalls(topology, tags, dns);
    this.facts = new NetworkFacts(topology);
    // Sharing (issue 7): tags resolved once per name; virtual tags once per (VNet, route table) and interned by
    // content; effective routes once per (VNet, route table, service endpoints); NSG match tables once per equal
    // resolved rule fields, with service-tag partitions shared between NSGs.
    ServiceTagLookup cachedTags = memoize(tags);
    this.resolver = new AddressResolver(topology, cachedTags);
    Map<NsgKey, NsgPlane> nsgCache = new HashMap<>();
    NsgCompiler nsgCompiler = new NsgCompiler();
    SharedRoutes sharedRoutes = new SharedRoutes(facts, cachedTags);
    Map<List<Object>, VirtualTags> tagsBySource = new HashMap<>();
    Map<VirtualTags, VirtualTags> tagsByContent = new HashMap<>();
    Map<ResourceId, SubnetPlane> sp = new LinkedHashMap<>();
    List<SubnetPlane> sa = new ArrayList<>();
    for (Subnet s : topology.subnets().values()) {
      VirtualTags vt = tagsBySource.computeIfAbsent(List.of(s.virtualNetwork(), s.routeTable()),
          k -> tagsByContent.computeIfAbsent(VirtualTags.forSubnet(facts, s), x -> x));
      EffectiveRouteTable routes = sharedRoutes.forSubnet(s);
      Optional<NatGateway> nat = s.natGateway().map(id -> topology.natGateways().get(id));
      SubnetPlane plane = new SubnetPlane(sa.size(), s, topology.virtualNetworkOf(s), vt, routes,
          s.networkSecurityGroup().map(id -> nsg(nsgCache, nsgCompiler, id, Direction.INBOUND, vt)),
          s.networkSecurityGroup().map(id -> nsg(nsgCache, nsgCompiler, id, Direction.OUTBOUND, vt)), nat,
          s.virtualNetwork());
      sp.put(s.id(), plane);
      sa.add(plane);
    }
    subnets = ImmutableMap.copyOf(sp);
    subnetArray = sa.toArray(new SubnetPlane[0]);
    for (VirtualNetwork v : topology.virtualNetworks().values()) {
      vnetSpaces.put(v.id(), NetworkFacts.addressSpace(v));
      Map<Cidr, Integer> prefixes = new LinkedHashMap<>();
      for (Subnet s : v.subnets()) {
        SubnetPlane p = subnets.get(s.id());
        s.addressPrefixes().forEach(c -> prefixes.put(c, p.index()));
      }
      subnetsOfVnet.put(v.id(), Fib.build(prefixes));
    }
    Map<ResourceId, NicPlane> np = new LinkedHashMap<>();
    List<NicPlane> na = new ArrayList<>();
    v4Nic = new IntIntMap(topology.networkInterfaces().size() * 2);
    for (NetworkInterface nic : topology.networkInterfaces().values()) {
      if (nic.privateEndpoint().isPresent()) {
        continue; // a private endpoint's NIC: the endpoint is the hop (§5)
      }
      Optional<SubnetPlane> subnet = nic.primary().flatMap(IpConfiguration::subnet).map(subnets::get);
      if (subnet.isEmpty()) {
        continue;
      }
      IpSet addresses = IpSet.EMPTY;
      ImmutableList.Builder<PublicIpAddress> pips = ImmutableList.builder();
      for (IpConfiguration c : nic.ipConfigurations()) {
        addresses = addresses.union(AddressResolver.addresses(c));
        c.publicIpAddress().map(id -> topology.publicIpAddresses().get(id)).ifPresent(pips::add);
      }
      VirtualTags vt = subnet.get().tags();
      NicPlane plane = new NicPlane(na.size(), nic, subnet.get(), addresses,
          nic.networkSecurityGroup().map(id -> nsg(nsgCache, nsgCompiler, id, Direction.INBOUND, vt)),
          nic.networkSecurityGroup().map(id -> nsg(nsgCache, nsgCompiler, id, Direction.OUTBOUND, vt)), pips.build(),
          outboundLoadBalancer(nic));
      np.put(nic.id(), plane);
      na.add(plane);
      for (IpAddress[] r : addresses.ranges()) {
        for (IpAddress a = r[0]; a.compareTo(r[1]) <= 0; a = a.next()) {
          if (a.isV4()) {
            v4Nic.put(a.v4Bits(), plane.index());
          } else {
            v6Nic.put(a, plane);
          }
          if (a.equals(r[1])) {
            break;
          }
        }
      }
    }
    nics = ImmutableMap.copyOf(np);
    nicArray = na.toArray(new NicPlane[0]);
    for (PrivateEndpoint pe : topology.privateEndpoints().values()) {
      EffectiveRoutes.privateEndpointAddresses(topology, pe).forEach(a -> peByAddress.put(a, pe));
    }
    for (PublicIpAddress p : topology.publicIpAddresses().values()) {
      p.ipAddress().ifPresent(a -> publicIpByAddress.put(a, p));
    }
    for (AzureFirewall fw : topology.azureFirewalls().values()) {
      fw.privateIpAddress().ifPresent(a -> firewallByAddress.put(a, fw));
    }
    for (LoadBalancer lb : topology.loadBalancers().values()) {
      lb.frontends().forEach(f -> f.privateIpAddress().ifPresent(a -> loadBalancerByFrontend.put(a, lb)));
    }
    for (SubnetPlane s : subnetArray) {
      List<Map.Entry<Owner, IpSet>> owners = new ArrayList<>();
      ownersInSubnet.put(s.subnet().id(), owners);
    }
    for (NicPlane n : nicArray) {
      ownersInSubnet.get(n.subnet().subnet().id()).add(Map.entry(new Owner(Optional.of(n), Optional.empty(),
          Optional.empty()), n.addresses()));
    }
    for (PrivateEndpoint pe : topology.privateEndpoints().values()) {
      SubnetPlane s = pe.subnet().map(subnets::get).orElse(null);
      if (s != null) {
        IpSet a = IpSet.EMPTY;
        for (IpAddress ip : EffectiveRoutes.privateEndpointAddresses(topology, pe)) {
          a = a.union(IpSet.of(ip));
        }
        ownersInSubnet.get(s.subnet().id()).add(Map.entry(new Owner(Optional.empty(), Optional.of(pe),
            Optional.of(s)), a));
      }
    }
  }

  /** Compiles a topology with the default firewall stage ({@link CompiledFirewalls}). */
  public static DataPlane compile(Topology topology, ServiceTagLookup tags) {
    return new DataPlane(topology, tags, null);
  }

  public static DataPlane compile(Topology topology, ServiceTagLookup tags, FirewallStage firewallStage) {
    return new DataPlane(topology, tags, firewallStage);
  }

  private record NsgKey(ResourceId nsg, Direction direction, VirtualTags context) {}

  private NsgPlane nsg(Map<NsgKey, NsgPlane> cache, NsgCompiler compiler, ResourceId id, Direction d,
      VirtualTags context) {
    return cache.computeIfAbsent(new NsgKey(id, d, context), k -> {
      NetworkSecurityGroup nsg = topology.networkSecurityGroups().get(id);
      if (nsg == null) {
        return new NsgPlane(id, Optional.empty(), Optional.empty());
      }
      ResolvedNsg resolved = compiler.share(NsgResolver.resolve(nsg, d, context, resolver));
      return new NsgPlane(id, Optional.of(resolved), Optional.of(compiler.compile(resolved)));
    });
  }

  /** A catalogue that asks {@code tags} once per tag name (thread-safe; queries resolve tags too). */
  private static ServiceTagLookup memoize(ServiceTagLookup tags) {
    Map<String, Optional<IpSet>> byName = new ConcurrentHashMap<>();
    return name -> byName.computeIfAbsent(name, tags::addresses);
  }

  private Optional<LoadBalancer> outboundLoadBalancer(NetworkInterface nic) {
    for (LoadBalancer lb : topology.loadBalancers().values()) {
      for (LoadBalancer.OutboundRule r : lb.outboundRules()) {
        if (r.backendPool().isPresent() && nic.ipConfigurations().stream()
            .anyMatch(c -> c.loadBalancerBackendAddressPools().contains(r.backendPool().get()))) {
          return Optional.of(lb);
        }
      }
    }
    return Optional.empty();
  }

  public Topology topology() {
    return topology;
  }

  public ServiceTagLookup serviceTags() {
    return tags;
  }

  public NetworkFacts facts() {
    return facts;
  }

  public AddressResolver resolver() {
    return resolver;
  }

  public FirewallStage firewallStage() {
    return firewallStage;
  }

  /** The DNS view (private zones, links, the FQDN catalogue) of the topology. */
  public DnsView dns() {
    return dns;
  }

  public ImmutableMap<ResourceId, SubnetPlane> subnets() {
    return subnets;
  }

  public ImmutableMap<ResourceId, NicPlane> nics() {
    return nics;
  }

  public Optional<SubnetPlane> subnet(ResourceId id) {
    return Optional.ofNullable(subnets.get(id));
  }

  public Optional<NicPlane> nic(ResourceId id) {
    return Optional.ofNullable(nics.get(id));
  }

  /** The NIC holding an IPv4 address (as an unsigned int), or null. Allocation-free. */
  public NicPlane nicAtV4(int address) {
    int i = v4Nic.get(address, -1);
    return i < 0 ? null : nicArray[i];
  }

  public Optional<NicPlane> nicAt(IpAddress a) {
    return Optional.ofNullable(a.isV4() ? nicAtV4(a.v4Bits()) : v6Nic.get(a));
  }

  public Optional<PrivateEndpoint> privateEndpointAt(IpAddress a) {
    return Optional.ofNullable(peByAddress.get(a));
  }

  /** The subnet of a VNet whose prefixes hold an address (LPM over the VNet's subnet prefixes). */
  public SubnetPlane subnetAt(ResourceId vnet, IpAddress a) {
    Fib f = subnetsOfVnet.get(vnet);
    if (f == null) {
      return null;
    }
    int i = f.lookup(a);
    return i < 0 ? null : subnetArray[i];
  }

  /** A VNet's address set split by subnet; the rest (in no subnet) under key null. */
  public Map<SubnetPlane, IpSet> splitBySubnet(ResourceId vnet, IpSet addresses) {
    Map<SubnetPlane, IpSet> out = new LinkedHashMap<>();
    Fib f = subnetsOfVnet.get(vnet);
    IpSet rest = addresses;
    if (f != null) {
      for (Map.Entry<Integer, IpSet> e : f.regions().entrySet()) {
        IpSet part = addresses.intersection(e.getValue());
        if (!part.isEmpty()) {
          out.put(subnetArray[e.getKey()], part);
          rest = rest.difference(part);
        }
      }
    }
    if (!rest.isEmpty()) {
      out.put(null, rest);
    }
    return out;
  }

  /** Owners (NICs, private endpoints) of addresses in a subnet, each with its addresses. */
  public List<Map.Entry<Owner, IpSet>> owners(SubnetPlane subnet) {
    return ownersInSubnet.getOrDefault(subnet.subnet().id(), List.of());
  }

  public Optional<PublicIpAddress> publicIpAt(IpAddress a) {
    return Optional.ofNullable(publicIpByAddress.get(a));
  }

  public Optional<AzureFirewall> firewallAt(IpAddress a) {
    return Optional.ofNullable(firewallByAddress.get(a));
  }

  public Optional<LoadBalancer> loadBalancerAt(IpAddress a) {
    return Optional.ofNullable(loadBalancerByFrontend.get(a));
  }

  /** A VNet's address space (empty when the VNet is not in the input). */
  public IpSet vnetSpace(ResourceId vnet) {
    return vnetSpaces.getOrDefault(vnet, IpSet.EMPTY);
  }

  /** The subnet of a private endpoint. */
  public Optional<SubnetPlane> subnetOf(PrivateEndpoint pe) {
    return pe.subnet().map(subnets::get);
  }
}
