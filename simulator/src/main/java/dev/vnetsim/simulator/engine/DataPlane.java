package dev.vnetsim.simulator.engine;

import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.firewall.AzureFirewall;
import dev.vnetsim.model.network.LoadBalancer;
import dev.vnetsim.model.network.PrivateEndpoint;
import dev.vnetsim.model.network.PublicIpAddress;
import dev.vnetsim.simulator.dns.DnsView;
import dev.vnetsim.simulator.policy.NsgCompiler;
import dev.vnetsim.simulator.resolve.AddressResolver;
import dev.vnetsim.simulator.resolve.NetworkFacts;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import dev.vnetsim.simulator.routing.Fib;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A topology compiled for queries (DESIGN §1): per subnet its virtual tags, effective routes (with a flat LPM table)
 * and compiled NSGs; per NIC its addresses, NSGs and outbound methods; address indexes (IPv4 owners in an
 * allocation-free int map, subnets per VNet in an LPM table: {@link PlaneIndex}). The firewall stage is pluggable
 * ({@link FirewallStage}). Immutable once built; a changed topology compiles into a new DataPlane, and a local change
 * ({@link #recompile}) into one that shares all but the planes the change touches.
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
  private final NsgCompiler nsgCompiler;
  private final PlaneIndex index;
  private final Attachments attachments;
  private final PlaneArray<SubnetPlane> subnetArray;
  private final PlaneArray<NicPlane> nicArray;
  private final PlaneArray<List<Map.Entry<Owner, IpSet>>> owners;

  private DataPlane(Topology topology, ServiceTagLookup tags, NetworkFacts facts, AddressResolver resolver,
      FirewallStage firewallStage, DnsView dns, NsgCompiler nsgCompiler, PlaneIndex index, Attachments attachments,
      PlaneArray<SubnetPlane> subnetArray, PlaneArray<NicPlane> nicArray,
      PlaneArray<List<Map.Entry<Owner, IpSet>>> owners) {
    this.topology = topology;
    this.tags = tags;
    this.facts = facts;
    this.resolver = resolver;
    this.firewallStage = firewallStage;
    this.dns = dns;
    this.nsgCompiler = nsgCompiler;
    this.index = index;
    this.attachments = attachments;
    this.subnetArray = subnetArray;
    this.nicArray = nicArray;
    this.owners = owners;
  }

  /** Compiles a topology with the default firewall stage ({@link CompiledFirewalls}). */
  public static DataPlane compile(Topology topology, ServiceTagLookup tags) {
    return compile(topology, tags, null);
  }

  public static DataPlane compile(Topology topology, ServiceTagLookup tags, FirewallStage firewallStage) {
    return compile(topology, tags, firewallStage, null);
  }

  /**
   * A full compile that takes the NSG planes of {@code donor} (a data plane of another topology with the same service
   * tags, or null) where they cannot differ: the same NSG, direction and virtual tags, and the same application
   * security group members. A change of address spaces or peerings compiles again in full, yet leaves most NSGs alone.
   */
  private static DataPlane compile(Topology topology, ServiceTagLookup tags, FirewallStage firewallStage,
      DataPlane donor) {
    DnsView dns = new DnsView(topology, tags);
    FirewallStage fw = firewallStage != null ? firewallStage : new CompiledFirewalls(topology, tags, dns);
    NetworkFacts facts = new NetworkFacts(topology);
    // Sharing (issue 7): tags resolved once per name, and the rest in PlaneBuilder.
    AddressResolver resolver = new AddressResolver(topology, memoize(tags));
    NsgCompiler compiler = new NsgCompiler();
    PlaneIndex index = PlaneIndex.of(topology);
    PlaneBuilder b = new PlaneBuilder(topology, facts, resolver, compiler, null, null);
    if (donor != null && donor.tags == tags && resolver.sameAsgMembers(donor.resolver)) {
      b.reuseNsgPlanes(donor.topology, donor.subnetArray, donor.nicArray);
    }
    List<ResourceId> subnetIds = index.subnetIndex.keySet().asList();
    List<ResourceId> nicIds = index.nicIndex.ids();
    PlaneArray<SubnetPlane> subnets = PlaneArray.of(subnetIds.size(),
        i -> b.subnet(i, topology.subnets().get(subnetIds.get(i)), null));
    PlaneArray<NicPlane> nics = PlaneArray.of(nicIds.size(), i -> b.nic(i,
        topology.networkInterfaces().get(nicIds.get(i)), subnets.get(index.subnetOfNic[i]),
        index.nicAddresses.get(i), null));
    PlaneArray<List<Map.Entry<Owner, IpSet>>> owners = PlaneArray.of(subnets.size(),
        i -> owners(i, subnets, nics, index));
    return new DataPlane(topology, tags, facts, resolver, fw, dns, compiler, index, new Attachments(topology, index),
        subnets, nics, owners);
  }

  /**
   * The data plane of {@code next}, a topology that differs from {@code previous}'s in the resources named by
   * {@code changed} (ids of the changed resources or of their children; unchanged ones are ignored). When the change
   * is local ({@link LocalChange}: NSGs, route tables, NAT gateways, subnet and NIC associations) only the planes of
   * the subnets and NICs it touches are rebuilt and everything else is shared with {@code previous}, which stays
   * valid; otherwise {@code next} is compiled from scratch. Either way the result answers every query as
   * {@code compile(next, ...)} does.
   */
  public static DataPlane recompile(DataPlane previous, Topology next, Collection<ResourceId> changed) {
    Optional<LocalChange> local = LocalChange.of(previous.topology, next, changed);
    if (local.isEmpty()) {
      return compile(next, previous.tags, null, previous);
    }
    LocalChange change = local.get();
    boolean ownFirewalls = previous.firewallStage instanceof CompiledFirewalls;
    if (change.remakesDnsAndFirewalls() && !ownFirewalls) {
      return compile(next, previous.tags); // a firewall stage given by the caller cannot be made again here
    }
    boolean grows = !change.addedNics().isEmpty() || !change.addedPublicIps().isEmpty();
    PlaneIndex index = grows ? previous.index.with(change.addedNics(), change.addedPublicIps()) : previous.index;
    boolean onlyAdded = change.vnets().isEmpty() && change.nics().isEmpty();
    Attachments attachments = !change.associationsChanged() ? previous.attachments
        : onlyAdded ? previous.attachments.withAdded(change.addedNics(), index) : new Attachments(next, index);
    BitSet dirtySubnets = new BitSet();
    BitSet dirtyNics = new BitSet();
    for (ResourceId r : change.changedReferences()) {
      for (Attachments a : List.of(previous.attachments, attachments)) {
        Arrays.stream(a.subnets(r)).forEach(dirtySubnets::set);
        Arrays.stream(a.nics(r)).forEach(dirtyNics::set);
      }
    }
    for (ResourceId v : change.vnets()) {
      next.virtualNetworks().get(v).subnets().forEach(s -> dirtySubnets.set(index.subnetIndex.get(s.id())));
    }
    change.nics().forEach(n -> Optional.ofNullable(index.nicIndex.get(n)).ifPresent(dirtyNics::set));
    dirtyNics.set(previous.nicArray.size(), index.nicIndex.size()); // the added NICs
    dirtySubnets.stream().forEach(s -> Arrays.stream(index.nicsBySubnet[s]).forEach(dirtyNics::set));
    BitSet ownersDirty = (BitSet) dirtySubnets.clone();
    dirtyNics.stream().forEach(n -> ownersDirty.set(index.subnetOfNic[n]));

    NetworkFacts facts = previous.facts.withTopology(next);
    NsgCompiler compiler = previous.nsgCompiler.successor();
    PlaneBuilder b = new PlaneBuilder(next, facts, previous.resolver, compiler, change, previous.topology);
    PlaneArray<SubnetPlane> subnets = previous.subnetArray.with(dirtySubnets, i -> b.subnet(i,
        next.subnets().get(previous.subnetArray.get(i).subnet().id()), previous.subnetArray.get(i)));
    List<ResourceId> nicIds = index.nicIndex.ids();
    PlaneArray<NicPlane> nics = previous.nicArray.with(nicIds.size(), dirtyNics, i -> b.nic(i,
        next.networkInterfaces().get(nicIds.get(i)), subnets.get(index.subnetOfNic[i]), index.nicAddresses.get(i),
        i < previous.nicArray.size() ? previous.nicArray.get(i) : null));
    PlaneArray<List<Map.Entry<Owner, IpSet>>> owners = previous.owners.with(ownersDirty,
        i -> owners(i, subnets, nics, index));
    // The resolver (ASG membership) reads nothing a local change touches; the DNS view and the firewall stage read
    // firewall policies (DNS proxy, rules) and storage accounts (regions), so they are made again (firewalls compile
    // on first use) when those change.
    DnsView dns = change.remakesDnsAndFirewalls() ? new DnsView(next, previous.tags) : previous.dns;
    FirewallStage firewalls = change.remakesDnsAndFirewalls() ? new CompiledFirewalls(next, previous.tags, dns)
        : previous.firewallStage;
    return new DataPlane(next, previous.tags, facts, previous.resolver, firewalls, dns, compiler, index, attachments,
        subnets, nics, owners);
  }

  private static List<Map.Entry<Owner, IpSet>> owners(int subnet, List<SubnetPlane> subnets, List<NicPlane> nics,
      PlaneIndex index) {
    List<Map.Entry<Owner, IpSet>> out = new ArrayList<>();
    for (int n : index.nicsBySubnet[subnet]) {
      NicPlane nic = nics.get(n);
      out.add(Map.entry(new Owner(Optional.of(nic), Optional.empty(), Optional.empty()), nic.addresses()));
    }
    for (Map.Entry<PrivateEndpoint, IpSet> pe : index.pesBySubnet.get(subnet)) {
      out.add(Map.entry(new Owner(Optional.empty(), Optional.of(pe.getKey()), Optional.of(subnets.get(subnet))),
          pe.getValue()));
    }
    return List.copyOf(out);
  }

  /** A catalogue that asks {@code tags} once per tag name (thread-safe; queries resolve tags too). */
  private static ServiceTagLookup memoize(ServiceTagLookup tags) {
    Map<String, Optional<IpSet>> byName = new ConcurrentHashMap<>();
    return name -> byName.computeIfAbsent(name, tags::addresses);
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

  /** Subnet planes in input order. */
  public List<SubnetPlane> subnets() {
    return subnetArray;
  }

  /** NIC planes in input order (NICs of private endpoints and NICs outside any known subnet have none). */
  public List<NicPlane> nics() {
    return nicArray;
  }

  public Optional<SubnetPlane> subnet(ResourceId id) {
    Integer i = index.subnetIndex.get(id);
    return i == null ? Optional.empty() : Optional.of(subnetArray.get(i));
  }

  public Optional<NicPlane> nic(ResourceId id) {
    Integer i = index.nicIndex.get(id);
    return i == null ? Optional.empty() : Optional.of(nicArray.get(i));
  }

  /** The NIC holding an IPv4 address (as an unsigned int), or null. Allocation-free. */
  public NicPlane nicAtV4(int address) {
    int i = index.v4Nic.get(address, -1);
    return i < 0 ? null : nicArray.get(i);
  }

  public Optional<NicPlane> nicAt(IpAddress a) {
    if (a.isV4()) {
      return Optional.ofNullable(nicAtV4(a.v4Bits()));
    }
    Integer i = index.v6Nic.get(a);
    return i == null ? Optional.empty() : Optional.of(nicArray.get(i));
  }

  public Optional<PrivateEndpoint> privateEndpointAt(IpAddress a) {
    return Optional.ofNullable(index.peByAddress.get(a));
  }

  /** The subnet of a VNet whose prefixes hold an address (LPM over the VNet's subnet prefixes). */
  public SubnetPlane subnetAt(ResourceId vnet, IpAddress a) {
    Fib f = index.subnetsOfVnet.get(vnet);
    if (f == null) {
      return null;
    }
    int i = f.lookup(a);
    return i < 0 ? null : subnetArray.get(i);
  }

  /** A VNet's address set split by subnet; the rest (in no subnet) under key null. */
  public Map<SubnetPlane, IpSet> splitBySubnet(ResourceId vnet, IpSet addresses) {
    Map<SubnetPlane, IpSet> out = new LinkedHashMap<>();
    Fib f = index.subnetsOfVnet.get(vnet);
    IpSet rest = addresses;
    if (f != null) {
      for (Map.Entry<Integer, IpSet> e : f.regions().entrySet()) {
        IpSet part = addresses.intersection(e.getValue());
        if (!part.isEmpty()) {
          out.put(subnetArray.get(e.getKey()), part);
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
    Integer i = index.subnetIndex.get(subnet.subnet().id());
    return i == null ? List.of() : owners.get(i);
  }

  public Optional<PublicIpAddress> publicIpAt(IpAddress a) {
    return Optional.ofNullable(index.publicIpByAddress.get(a));
  }

  public Optional<AzureFirewall> firewallAt(IpAddress a) {
    return Optional.ofNullable(index.firewallByAddress.get(a));
  }

  public Optional<LoadBalancer> loadBalancerAt(IpAddress a) {
    return Optional.ofNullable(index.loadBalancerByFrontend.get(a));
  }

  /** A VNet's address space (empty when the VNet is not in the input). */
  public IpSet vnetSpace(ResourceId vnet) {
    return index.vnetSpaces.getOrDefault(vnet, IpSet.EMPTY);
  }

  /** The subnet of a private endpoint. */
  public Optional<SubnetPlane> subnetOf(PrivateEndpoint pe) {
    return pe.subnet().flatMap(this::subnet);
  }
}
