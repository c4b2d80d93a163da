package dev.vnetsim.model.io;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.LoadWarning;
import dev.vnetsim.model.OtherResource;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.dns.DnsRecordSet;
import dev.vnetsim.model.dns.PrivateDnsZone;
import dev.vnetsim.model.dns.VirtualNetworkLink;
import dev.vnetsim.model.firewall.FirewallPolicy;
import dev.vnetsim.model.firewall.RuleCollectionGroup;
import dev.vnetsim.model.network.Route;
import dev.vnetsim.model.network.RouteTable;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.model.network.VirtualNetwork;
import dev.vnetsim.model.network.VnetPeering;
import dev.vnetsim.model.security.NetworkSecurityGroup;
import dev.vnetsim.model.security.SecurityRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Turns what was collected into a Topology: standalone children join their parents, then the whole is validated
 * (errors) and its references checked (warnings). Nothing is returned unless all of it is valid.
 */
final class Assembly {
  private Assembly() {}

  static Topology assemble(Collector c) {
    join(c);
    Topology.Builder b = c.topology;
    b.skippedTypes.clear();
    for (OtherResource o : b.otherResources.values()) {
      b.skippedTypes.merge(o.type().toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
    c.unnamedSkipped().forEach((t, n) -> b.skippedTypes.merge(t, n, Integer::sum));

    Topology unchecked = b.build();
    c.readWarnings = c.warnings().size();
    TopologyValidator.validate(unchecked, c.origins());
    References.dangling(unchecked, c.origins()).forEach(c::warn);
    Topology.Builder out = unchecked.toBuilder();
    c.warnings().forEach(out::warn);
    return out.build();
  }

  /**
   * Standalone children joined to their parents (a child whose parent was not read is dropped with a warning); also
   * used to read a resource with its standalone children on its own ({@link Reread}).
   */
  static void join(Collector c) {
    Topology.Builder b = c.topology;
    merge(c, b.virtualNetworks, c.subnets, "subnet", Subnet::id, VirtualNetwork::subnets,
        (v, l) -> new VirtualNetwork(v.id(), v.name(), v.location(), v.addressSpace(), v.dnsServers(), l,
            v.peerings()));
    merge(c, b.virtualNetworks, c.peerings, "virtual network peering", VnetPeering::id, VirtualNetwork::peerings,
        (v, l) -> new VirtualNetwork(v.id(), v.name(), v.location(), v.addressSpace(), v.dnsServers(), v.subnets(),
            l));
    merge(c, b.networkSecurityGroups, c.securityRules, "security rule", SecurityRule::id,
        NetworkSecurityGroup::securityRules,
        (n, l) -> new NetworkSecurityGroup(n.id(), n.name(), n.location(), l, n.defaultSecurityRules()));
    merge(c, b.networkSecurityGroups, c.defaultSecurityRules, "default security rule", SecurityRule::id,
        NetworkSecurityGroup::defaultSecurityRules,
        (n, l) -> new NetworkSecurityGroup(n.id(), n.name(), n.location(), n.securityRules(), l));
    merge(c, b.routeTables, c.routes, "route", Route::id, RouteTable::routes,
        (r, l) -> new RouteTable(r.id(), r.name(), r.location(), r.disableBgpRoutePropagation(), l));
    merge(c, b.firewallPolicies, c.ruleCollectionGroups, "rule collection group", RuleCollectionGroup::id,
        FirewallPolicy::ruleCollectionGroups, (p, l) -> new FirewallPolicy(p.id(), p.name(), p.location(),
            p.basePolicy(), p.dnsProxyEnabled(), p.threatIntelMode(), l));
    merge(c, b.privateDnsZones, c.recordSets, "record set", DnsRecordSet::id, PrivateDnsZone::recordSets,
        (z, l) -> new PrivateDnsZone(z.id(), z.name(), l, z.virtualNetworkLinks()));
    merge(c, b.privateDnsZones, c.virtualNetworkLinks, "virtual network link", VirtualNetworkLink::id,
        PrivateDnsZone::virtualNetworkLinks, (z, l) -> new PrivateDnsZone(z.id(), z.name(), z.recordSets(), l));
  }

  /**
   * Adds standalone children to their parents (by the parent id in the child's id). A child whose parent is not in
   * the input is dropped with a warning; one already nested in its parent must be equal to it.
   */
  private static <P, C> void merge(Collector c, Map<ResourceId, P> parents, List<Collector.Child<C>> children,
      String what, Function<C, ResourceId> idOf, Function<P, ImmutableList<C>> get,
      BiFunction<P, ImmutableList<C>, P> with) {
    Map<ResourceId, List<Collector.Child<C>>> byParent = new LinkedHashMap<>();
    for (Collector.Child<C> child : children) {
      if (parents.containsKey(child.parent())) {
        byParent.computeIfAbsent(child.parent(), k -> new ArrayList<>()).add(child);
      } else {
        c.warn(new LoadWarning(LoadWarning.Kind.DANGLING_REFERENCE, child.at().path(), Optional.of(child.id()),
            Optional.of(child.parent()), "standalone " + what + " whose parent " + child.parent()
                + " is not in the input; it is ignored"));
      }
    }
    byParent.forEach((parentId, list) -> {
      P parent = parents.get(parentId);
      Map<ResourceId, C> merged = new LinkedHashMap<>();
      for (C existing : get.apply(parent)) {
        merged.put(idOf.apply(existing), existing);
      }
      for (Collector.Child<C> child : list) {
        C old = merged.get(child.id());
        if (old == null) {
          merged.put(child.id(), child.value());
        } else if (!old.equals(child.value())) {
          throw c.conflict(child.id(), old, child.value(), child.at());
        }
      }
      parents.put(parentId, with.apply(parent, ImmutableList.copyOf(merged.values())));
    });
  }
}
