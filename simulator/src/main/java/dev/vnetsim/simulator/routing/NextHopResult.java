package dev.vnetsim.simulator.routing;

import dev.vnetsim.model.IpAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Network Watcher's next hop, offline (azure-semantics.md §2.5): the type, the next hop IP (absent when none) and the
 * route table id, or {@code System Route} when the route is not user-created.
 */
public record NextHopResult(RouteNextHopType nextHopType, Optional<IpAddress> nextHopIpAddress, String routeTableId,
    Optional<EffectiveRoute> route) {

  /** {@code {"nextHopType", "nextHopIpAddress" (absent when none), "routeTableId"}} (DESIGN §3 {@code next-hop}). */
  public Map<String, Object> toJsonMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nextHopType", nextHopType.armName());
    nextHopIpAddress.ifPresent(a -> m.put("nextHopIpAddress", a.toString()));
    m.put("routeTableId", routeTableId);
    return m;
  }
}
