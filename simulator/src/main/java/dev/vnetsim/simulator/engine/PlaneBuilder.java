package dev.vnetsim.simulator.engine;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.LoadBalancer;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.PublicIpAddress;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.model.security.NetworkSecurityGroup;
import dev.vnetsim.simulator.policy.NsgCompiler;
import dev.vnetsim.simulator.policy.NsgResolver;
import dev.vnetsim.simulator.policy.ResolvedNsg;
import dev.vnetsim.simulator.resolve.AddressResolver;
import dev.vnetsim.simulator.resolve.NetworkFacts;
import dev.vnetsim.simulator.resolve.VirtualTags;
import dev.vnetsim.simulator.routing.EffectiveRouteTable;
import dev.vnetsim.simulator.routing.SharedRoutes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the subnet and NIC planes of one compile, sharing work between equal inputs (issue 7): virtual tags once per
 * (VNet, route table) and interned by content, effective routes once per (VNet, route table, service endpoints)
 * ({@link SharedRoutes}), NSG planes once per (NSG, direction, context) with match tables shared by the
 * {@link NsgCompiler}. For a recompile ({@link DataPlane#recompile}) it takes each rebuilt plane's previous version
 * and keeps what the {@link LocalChange} left valid: the tags and routes when the route table is the same and
 * unchanged, an NSG plane when the NSG and its context are. Not thread-safe (one per compile).
 */
final class PlaneBuilder {

  private record NsgKey(ResourceId nsg, Direction direction, VirtualTags context) {}

  private final Topology topology;
  private final NetworkFacts facts;
  private final AddressResolver resolver;
  private final NsgCompiler compiler;
  private final LocalChange change;
  private final SharedRoutes routes;
  private final Map<List<Object>, VirtualTags> tagsBySource = new HashMap<>();
  private final Map<VirtualTags, VirtualTags> tagsByContent = new HashMap<>();
  private final Map<NsgKey, NsgPlane> nsgs = new HashMap<>();

  /** A builder for a full compile ({@code change} null) or for the planes a local change rebuilds. */
  PlaneBuilder(Topology topology, NetworkFacts facts, AddressResolver resolver, NsgCompiler compiler,
      LocalChange change) {
    this.topology = topology;
    this.facts = facts;
    this.resolver = resolver;
    this.compiler = compiler;
    this.change = change;
    this.routes = new SharedRoutes(facts, resolver.serviceTags());
  }

  /** The plane of subnet number {@code index}; {@code previous} is its plane before a local change, or null. */
  SubnetPlane subnet(int index, Subnet s, SubnetPlane previous) {
    boolean keep = previous != null && previous.subnet().routeTable().equals(s.routeTable())
        && s.routeTable().map(id -> !change.routeTableDirty(id)).orElse(true);
    VirtualTags vt = keep ? previous.tags() : tagsBySource.computeIfAbsent(List.of(s.virtualNetwork(),
        s.routeTable()), k -> tagsByContent.computeIfAbsent(VirtualTags.forSubnet(facts, s), x -> x));
    EffectiveRouteTable r = keep ? previous.routes() : routes.forSubnet(s);
    return new SubnetPlane(index, s, topology.virtualNetworkOf(s), vt, r,
        s.networkSecurityGroup().map(id -> nsg(id, Direction.INBOUND, vt, keep ? previous.nsgInbound() : null)),
        s.networkSecurityGroup().map(id -> nsg(id, Direction.OUTBOUND, vt, keep ? previous.nsgOutbound() : null)),
        s.natGateway().map(id -> topology.natGateways().get(id)), s.virtualNetwork());
  }

  /**
   * The plane of NIC number {@code index} in {@code subnet}; {@code previous} is its plane before a local change (which
   * leaves its addresses, public IPs and load balancers as they were), or null.
   */
  NicPlane nic(int index, NetworkInterface nic, SubnetPlane subnet, IpSet addresses, NicPlane previous) {
    VirtualTags vt = subnet.tags();
    boolean sameContext = previous != null && previous.subnet().tags() == vt;
    ImmutableList<PublicIpAddress> pips = previous != null ? previous.publicIps() : publicIps(nic);
    Optional<LoadBalancer> lb = previous != null ? previous.outboundLoadBalancer() : outboundLoadBalancer(nic);
    return new NicPlane(index, nic, subnet, addresses,
        nic.networkSecurityGroup().map(id -> nsg(id, Direction.INBOUND, vt, sameContext ? previous.nsgInbound()
            : null)),
        nic.networkSecurityGroup().map(id -> nsg(id, Direction.OUTBOUND, vt, sameContext ? previous.nsgOutbound()
            : null)),
        pips, lb);
  }

  private NsgPlane nsg(ResourceId id, Direction d, VirtualTags context, Optional<NsgPlane> previous) {
    if (previous != null && previous.isPresent() && previous.get().id().equals(id) && !change.nsgDirty(id)) {
      return previous.get();
    }
    return nsgs.computeIfAbsent(new NsgKey(id, d, context), k -> {
      NetworkSecurityGroup nsg = topology.networkSecurityGroups().get(id);
      if (nsg == null) {
        return new NsgPlane(id, Optional.empty(), Optional.empty());
      }
      ResolvedNsg resolved = compiler.share(NsgResolver.resolve(nsg, d, context, resolver));
      return new NsgPlane(id, Optional.of(resolved), Optional.of(compiler.compile(resolved)));
    });
  }

  private ImmutableList<PublicIpAddress> publicIps(NetworkInterface nic) {
    ImmutableList.Builder<PublicIpAddress> out = ImmutableList.builder();
    nic.ipConfigurations().forEach(c -> c.publicIpAddress().map(id -> topology.publicIpAddresses().get(id))
        .ifPresent(out::add));
    return out.build();
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
}
