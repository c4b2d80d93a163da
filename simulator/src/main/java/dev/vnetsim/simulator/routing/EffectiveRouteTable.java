package dev.vnetsim.simulator.routing;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.ResourceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.BitSet;
import java.util.Map;
import java.util.Optional;

/**
 * A subnet's effective routes (what Azure shows for every NIC in the subnet) and their compiled longest-prefix-match
 * table. Lookups return the index of the winning route, or -1. {@code unresolved} lists routes whose prefixes could not
 * be resolved: any flow routed by this table is then {@code INSUFFICIENT_INFO}, since such a route may win LPM.
 */
public final class EffectiveRouteTable {

  private final ResourceId subnet;
  private final Optional<ResourceId> routeTable;
  private final ImmutableList<EffectiveRoute> routes;
  private final Fib fib;
  private final ImmutableList<String> unresolved;
  private volatile Map<Integer, IpSet> regions;
  private final String[] descriptions;

  EffectiveRouteTable(ResourceId subnet, Optional<ResourceId> routeTable, ImmutableList<EffectiveRoute> routes,
      Fib fib, ImmutableList<String> unresolved) {
    this.subnet = subnet;
    this.routeTable = routeTable;
    this.routes = routes;
    this.fib = fib;
    this.unresolved = unresolved;
    this.descriptions = new String[routes.size()];
    for (int i = 0; i < descriptions.length; i++) {
      descriptions[i] = describe(routes.get(i));
    }
  }

  /** One line naming a route: {@code User route 0.0.0.0/0 -> VirtualAppliance 10.0.100.4} (computed once). */
  public String description(int index) {
    return descriptions[index];
  }

  static String describe(EffectiveRoute r) {
    String prefix = r.addressPrefix().size() == 1 ? r.addressPrefix().get(0).toString()
        : r.addressPrefix().isEmpty() ? r.unresolved().orElse("?") : r.addressPrefix().size() + " prefixes";
    String ip = r.nextHopIpAddress().isEmpty() ? "" : " " + r.nextHopIpAddress().get(0);
    return r.source().armName() + " route " + prefix + " -> " + r.nextHopType().armName() + ip;
  }

  public ResourceId subnet() {
    return subnet;
  }

  public Optional<ResourceId> routeTable() {
    return routeTable;
  }

  /** The route table attached to the subnet, or the subnet when none is. */
  public ResourceId container() {
    return routeTable.orElse(subnet);
  }

  /**
   * The container a routing step (and {@code decidedBy}) names for a route: the route table for a user route, the
   * subnet for a route Azure creates. Azure's next hop names no table for a system route ({@code routeTableId} is
   * {@code System Route}, azure-semantics.md §2.5), even when a table is attached: attaching one leaves the steps of
   * the destinations its routes do not win as they were.
   */
  public ResourceId container(EffectiveRoute r) {
    return r.source() == RouteSource.USER ? container() : subnet;
  }

  public ImmutableList<EffectiveRoute> routes() {
    return routes;
  }

  public EffectiveRoute route(int index) {
    return routes.get(index);
  }

  public Fib fib() {
    return fib;
  }

  public ImmutableList<String> unresolved() {
    return unresolved;
  }

  /** Index of the route that wins for an IPv4 address (as an unsigned int); allocation-free. */
  public int lookupV4(int address) {
    return fib.lookupV4(address);
  }

  public int lookup(IpAddress a) {
    return fib.lookup(a);
  }

  /** The routes that win some address of {@code d}, by index (the others route none of its packets). */
  public BitSet routesMeeting(IpSet d) {
    BitSet out = new BitSet(routes.size());
    fib.valuesMeeting(d, out);
    return out;
  }

  /** The destinations a route wins for (empty for an Invalid route). */
  public IpSet region(int routeIndex) {
    Map<Integer, IpSet> r = regions;
    if (r == null) {
      r = fib.regions();
      regions = r;
    }
    return r.getOrDefault(routeIndex, IpSet.EMPTY);
  }

  /** Network Watcher next hop for a destination (azure-semantics.md §2.5). */
  public NextHopResult nextHop(IpAddress destination) {
    int i = lookup(destination);
    if (i < 0) {
      return new NextHopResult(RouteNextHopType.NONE, Optional.empty(), "System Route", Optional.empty());
    }
    EffectiveRoute r = routes.get(i);
    String table = r.source() == RouteSource.USER ? routeTable.map(ResourceId::value).orElse("System Route")
        : "System Route";
    return new NextHopResult(r.nextHopType(), r.nextHopIpAddress().stream().findFirst(), table, Optional.of(r));
  }

  /** {@code {"value":[…]}} in the shape of Azure's effective route table (DESIGN §3 {@code routes}). */
  public Map<String, Object> toJsonMap() {
    List<Object> value = new ArrayList<>();
    routes.forEach(r -> value.add(r.toJsonMap()));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("value", value);
    return m;
  }
}
