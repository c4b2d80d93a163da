package dev.vnetsim.simulator.routing;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.network.ServiceEndpoint;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.simulator.resolve.NetworkFacts;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Effective routes computed once per distinct input and shared by the subnets with that input: a subnet's routes
 * ({@link EffectiveRoutes#forSubnet}) depend only on its VNet (address space, peerings, gateways, private endpoints),
 * its route table and its service endpoints, so subnets equal in those get one route list and one {@link Fib}; each
 * still gets its own {@link EffectiveRouteTable} naming it. Across tables, equal prefix lists of {@value #SHARE_MIN}
 * or more prefixes (a service-tag route: hundreds of prefixes, in every route table that uses the tag) are kept once.
 * Not thread-safe (one per compile); results are immutable.
 */
public final class SharedRoutes {

  private record Key(ResourceId vnet, Optional<ResourceId> routeTable, ImmutableList<ServiceEndpoint> endpoints) {}

  private final NetworkFacts facts;
  private final ServiceTagLookup tags;
  static final int SHARE_MIN = 8;

  private final Map<Key, EffectiveRouteTable> computed = new HashMap<>();
  private final Map<ImmutableList<Cidr>, ImmutableList<Cidr>> prefixLists = new HashMap<>();
  private int requests;

  public SharedRoutes(NetworkFacts facts, ServiceTagLookup tags) {
    this.facts = facts;
    this.tags = tags;
  }

  /** The subnet's effective routes: equal to {@code EffectiveRoutes.forSubnet(facts, tags, subnet)}. */
  public EffectiveRouteTable forSubnet(Subnet subnet) {
    requests++;
    Key k = new Key(subnet.virtualNetwork(), subnet.routeTable(), subnet.serviceEndpoints());
    EffectiveRouteTable t = computed.get(k);
    if (t == null) {
      t = sharePrefixes(EffectiveRoutes.forSubnet(facts, tags, subnet));
      computed.put(k, t);
      return t;
    }
    return t.subnet().equals(subnet.id()) ? t : new EffectiveRouteTable(subnet.id(), t.routeTable(), t.routes(),
        t.fib(), t.unresolved());
  }

  private EffectiveRouteTable sharePrefixes(EffectiveRouteTable t) {
    boolean changed = false;
    ImmutableList.Builder<EffectiveRoute> routes = ImmutableList.builderWithExpectedSize(t.routes().size());
    for (EffectiveRoute r : t.routes()) {
      ImmutableList<Cidr> p = r.addressPrefix();
      if (p.size() >= SHARE_MIN) {
        ImmutableList<Cidr> shared = prefixLists.computeIfAbsent(p, x -> x);
        if (shared != p) {
          changed = true;
          r = new EffectiveRoute(r.source(), r.state(), shared, r.nextHopType(), r.nextHopIpAddress(), r.name(),
              r.routeId(), r.target(), r.unresolved());
        }
      }
      routes.add(r);
    }
    return changed ? new EffectiveRouteTable(t.subnet(), t.routeTable(), routes.build(), t.fib(), t.unresolved()) : t;
  }

  @Override
  public String toString() {
    return "SharedRoutes[" + requests + " subnets, " + computed.size() + " distinct route tables]";
  }
}
