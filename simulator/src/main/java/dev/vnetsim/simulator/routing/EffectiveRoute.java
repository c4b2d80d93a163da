package dev.vnetsim.simulator.routing;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.ResourceId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of a subnet's effective route table, in the shape of Azure's effective routes API
 * ({@code {source, state, addressPrefix:[…], nextHopType, nextHopIpAddress:[…], name}}, DESIGN §3), plus what the
 * engine needs: the user route's id, the resource the route leads to (remote VNet, gateway, private endpoint), and for
 * a route whose prefixes could not be resolved (an unknown service tag) what is missing.
 */
public record EffectiveRoute(
    RouteSource source,
    RouteState state,
    ImmutableList<Cidr> addressPrefix,
    RouteNextHopType nextHopType,
    ImmutableList<IpAddress> nextHopIpAddress,
    Optional<String> name,
    Optional<ResourceId> routeId,
    Optional<ResourceId> target,
    Optional<String> unresolved) {

  /** {@code System Route} for routes Azure creates, the user route's name otherwise (DESIGN §3 ruleName). */
  public String ruleName() {
    return source == RouteSource.USER ? name.orElse("") : "System Route";
  }

  public EffectiveRoute withState(RouteState s) {
    return new EffectiveRoute(source, s, addressPrefix, nextHopType, nextHopIpAddress, name, routeId, target,
        unresolved);
  }

  /** The JSON shape of Azure's effective route table entry. */
  public Map<String, Object> toJsonMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", source.armName());
    m.put("state", state.armName());
    List<String> prefixes = addressPrefix.stream().map(Cidr::toString).collect(java.util.stream.Collectors.toList());
    if (prefixes.isEmpty() && unresolved.isPresent()) {
      prefixes.add(unresolved.get());
    }
    m.put("addressPrefix", prefixes);
    m.put("nextHopType", nextHopType.armName());
    m.put("nextHopIpAddress",
        nextHopIpAddress.stream().map(IpAddress::toString).collect(java.util.stream.Collectors.toList()));
    m.put("name", name.orElse(null));
    return m;
  }
}
