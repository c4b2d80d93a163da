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
import dev.vnetsim.model.security.SecurityRule;
import dev.vnetsim.simulator.policy.NsgCompiler;
import dev.vnetsim.simulator.policy.NsgResolver;
import dev.vnetsim.simulator.policy.ResolvedNsg;
import dev.vnetsim.simulator.policy.ResolvedRule;
import dev.vnetsim.simulator.resolve.AddressResolver;
import dev.vnetsim.simulator.resolve.NetworkFacts;
import dev.vnetsim.simulator.resolve.VirtualTags;
import dev.vnetsim.simulator.routing.EffectiveRouteTable;
import dev.vnetsim.simulator.routing.SharedRoutes;
import java.util.ArrayList;
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
 * unchanged, an NSG plane when the context is the same and the NSG's rules in that direction are unchanged. Not
 * thread-safe (one per compile).
 */
final class PlaneBuilder {

  private record NsgKey(ResourceId nsg, Direction direction, VirtualTags context) {}

  private final Topology topology;
  private final Topology previousTopology;
  private final NetworkFacts facts;
  private final AddressResolver resolver;
  private final NsgCompiler compiler;
  private final LocalChange change;
  private final SharedRoutes routes;
  private final Map<List<Object>, VirtualTags> tagsBySource = new HashMap<>();
  private final Map<VirtualTags, VirtualTags> tagsByContent = new HashMap<>();
  private final Map<NsgKey, NsgPlane> nsgs = new HashMap<>();
  private final Map<NsgKey, Boolean> sameRules = new HashMap<>();
  /** NSG planes of another compile that a full compile may take ({@link #reuseNsgPlanes}). */
  private final Map<NsgKey, NsgPlane> donated = new HashMap<>();
  private Topology donorTopology;

  /**
   * A builder for a full compile ({@code change} and {@code previousTopology} null) or for the planes a local change
   * from {@code previousTopology} rebuilds.
   */
  PlaneBuilder(Topology topology, NetworkFacts facts, AddressResolver resolver, NsgCompiler compiler,
      LocalChange change, Topology previousTopology) {
    this.topology = topology;
    this.previousTopology = previousTopology;
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
    ResourceId vnet = previous != null ? previous.vnetId() : s.virtualNetwork();
    return new SubnetPlane(index, s, Optional.ofNullable(topology.virtualNetworks().get(vnet)), vt, r,
        s.networkSecurityGroup().map(id -> nsg(id, Direction.INBOUND, vt, keep ? previous.nsgInbound() : null)),
        s.networkSecurityGroup().map(id -> nsg(id, Direction.OUTBOUND, vt, keep ? previous.nsgOutbound() : null)),
        s.natGateway().map(id -> topology.natGateways().get(id)), vnet);
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

  /**
   * For a full compile: the NSG planes of a compile of {@code donor} (the same service tags, and application security
   * groups with the same members: what resolving a rule reads besides the rule and its context), taken where the NSG
   * is equal on both topologies and the context (virtual tags) is equal.
   */
  void reuseNsgPlanes(Topology donor, List<SubnetPlane> subnets, List<NicPlane> nics) {
    donorTopology = donor;
    for (SubnetPlane s : subnets) {
      s.nsgInbound().ifPresent(p -> donated.putIfAbsent(new NsgKey(p.id(), Direction.INBOUND, s.tags()), p));
      s.nsgOutbound().ifPresent(p -> donated.putIfAbsent(new NsgKey(p.id(), Direction.OUTBOUND, s.tags()), p));
    }
    for (NicPlane n : nics) {
      VirtualTags vt = n.subnet().tags();
      n.nsgInbound().ifPresent(p -> donated.putIfAbsent(new NsgKey(p.id(), Direction.INBOUND, vt), p));
      n.nsgOutbound().ifPresent(p -> donated.putIfAbsent(new NsgKey(p.id(), Direction.OUTBOUND, vt), p));
    }
  }

  private NsgPlane donated(NsgKey k) {
    NsgPlane p = donated.get(k);
    if (p == null || p.resolved().isEmpty()) {
      return null;
    }
    NetworkSecurityGroup mine = topology.networkSecurityGroups().get(k.nsg());
    NetworkSecurityGroup theirs = donorTopology.networkSecurityGroups().get(k.nsg());
    return mine != null && (mine == theirs || mine.equals(theirs)) ? p : null;
  }

  private NsgPlane nsg(ResourceId id, Direction d, VirtualTags context, Optional<NsgPlane> previous) {
    boolean samePlace = previous != null && previous.isPresent() && previous.get().id().equals(id);
    if (samePlace && (!change.nsgDirty(id) || sameRules(id, d))) {
      return previous.get();
    }
    return nsgs.computeIfAbsent(new NsgKey(id, d, context), k -> {
      NsgPlane reused = donorTopology == null ? null : donated(k);
      if (reused != null) {
        return reused;
      }
      NetworkSecurityGroup nsg = topology.networkSecurityGroups().get(id);
      if (nsg == null) {
        return new NsgPlane(id, Optional.empty(), Optional.empty());
      }
      ResolvedNsg resolved;
      if (samePlace && previous.get().resolved().isPresent()) {
        // A changed NSG in the same context: its unchanged rules keep their resolved (and shared) form.
        // Both rule lists are in ascending priority (unique per direction): one walk pairs them up.
        List<ResolvedRule> before = previous.get().resolved().get().rules();
        int[] at = {0};
        resolved = NsgResolver.resolve(nsg, d, context, resolver, rule -> {
          while (at[0] < before.size() && before.get(at[0]).rule().priority() < rule.priority()) {
            at[0]++;
          }
          ResolvedRule r = at[0] < before.size() ? before.get(at[0]) : null;
          return r != null && r.rule().equals(rule) ? r : null;
        });
      } else {
        resolved = compiler.share(NsgResolver.resolve(nsg, d, context, resolver));
      }
      return new NsgPlane(id, Optional.of(resolved), Optional.of(compiler.compile(resolved)));
    });
  }

  /**
   * Whether a changed NSG still has the same rules in one direction (a change to the other leaves this plane): the
   * same custom and default rules of that direction in the same order. Asked once per NSG and direction.
   */
  private boolean sameRules(ResourceId id, Direction d) {
    return sameRules.computeIfAbsent(new NsgKey(id, d, null), k -> {
      NetworkSecurityGroup before = previousTopology.networkSecurityGroups().get(id);
      NetworkSecurityGroup after = topology.networkSecurityGroups().get(id);
      return before != null && after != null && before.id().value().equals(after.id().value())
          && inDirection(before.securityRules(), d).equals(inDirection(after.securityRules(), d))
          && inDirection(before.defaultSecurityRules(), d).equals(inDirection(after.defaultSecurityRules(), d));
    });
  }

  private static List<SecurityRule> inDirection(List<SecurityRule> rules, Direction d) {
    List<SecurityRule> out = new ArrayList<>(rules.size());
    for (SecurityRule r : rules) {
      if (r.direction() == d) {
        out.add(r);
      }
    }
    return out;
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
