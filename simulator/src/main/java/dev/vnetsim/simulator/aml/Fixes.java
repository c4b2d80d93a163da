package dev.vnetsim.simulator.aml;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vnetsim.model.Access;
import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.PortRange;

import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.NatGateway;
import dev.vnetsim.model.network.PublicIpAddress;
import dev.vnetsim.model.network.Route;
import dev.vnetsim.model.network.RouteTable;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.model.network.VirtualNetwork;
import dev.vnetsim.model.network.NextHopType;
import dev.vnetsim.model.security.NetworkSecurityGroup;
import dev.vnetsim.model.security.SecurityRule;
import dev.vnetsim.simulator.requirements.Requirement;
import dev.vnetsim.simulator.trace.DecidedBy;
import dev.vnetsim.simulator.trace.Disposition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Proposes the smallest change that lets a failing row through, and applies it to a topology so that the row can
 * be simulated again. Each change opens exactly the row's flow: an NSG allow rule from the compute subnet's prefixes
 * to the row's tag on the row's protocol and ports (or the reverse for inbound), placed at the largest free
 * priority below the rule that denied it; a route for the tag to {@code Internet}; a NAT gateway.
 */
final class Fixes {
  private Fixes() {}

  /** A proposed fix and the topology with it applied. */
  record Applied(Fix fix, Topology topology) {}

  static Optional<Applied> propose(Topology t, Subnet subnet, Requirement row, String peerTag,
      Disposition disposition, Optional<DecidedBy> decidedBy) {
    Optional<String> tag = Optional.ofNullable(peerTag);
    return switch (disposition) {
      case DENIED_FIREWALL -> decidedBy.flatMap(d -> FirewallFixes.propose(t, subnet, row, tag, d));
      case DENIED_NSG_OUTBOUND, DENIED_NSG_INBOUND -> tag.isEmpty() ? Optional.empty()
          : decidedBy.flatMap(d -> nsgRule(t, subnet, row, peerTag, d,
              disposition == Disposition.DENIED_NSG_INBOUND ? Direction.INBOUND : Direction.OUTBOUND));
      case NULL_ROUTED -> tag.isEmpty() ? Optional.empty() : decidedBy.flatMap(d -> route(t, row, peerTag, d));
      case NO_OUTBOUND_CONNECTIVITY -> natGateway(t, subnet);
      default -> Optional.empty();
    };
  }

  static Optional<Applied> nsgRule(Topology t, Subnet subnet, Requirement row, String peerTag, DecidedBy denied,
      Direction direction) {
    NetworkSecurityGroup nsg = t.networkSecurityGroups().get(denied.resourceId());
    if (nsg == null || subnet.networkSecurityGroup().filter(nsg.id()::equals).isEmpty()) {
      return Optional.empty(); // only the subnet's own NSG is ours to change (the NIC belongs to Azure ML)
    }
    Optional<Integer> priority = freePriority(nsg, direction, denied.priority().orElse(65500));
    if (priority.isEmpty()) {
      return Optional.empty();
    }
    String name = "Allow-AzureML-" + row.id() + "-" + peerTag.replaceAll("[^A-Za-z0-9]", "");
    ImmutableList<AddressMatch> subnetSide = subnet.addressPrefixes().stream()
        .map(c -> (AddressMatch) new AddressMatch.Prefix(c)).collect(ImmutableList.toImmutableList());
    ImmutableList<AddressMatch> tagSide = ImmutableList.of(new AddressMatch.ServiceTag(peerTag));
    boolean out = direction == Direction.OUTBOUND;
    SecurityRule rule = new SecurityRule(nsg.id().child("securityRules", name), name, false, priority.get(),
        direction, Access.ALLOW, row.protocol(), out ? subnetSide : tagSide, ImmutableList.of(),
        ImmutableList.of(PortRange.ALL), out ? tagSide : subnetSide, ImmutableList.of(), row.ports(),
        "Azure ML requirement " + row.id() + ": " + row.purpose());
    NetworkSecurityGroup changed = new NetworkSecurityGroup(nsg.id(), nsg.name(), nsg.location(),
        ImmutableList.<SecurityRule>builder().addAll(nsg.securityRules()).add(rule).build(),
        nsg.defaultSecurityRules());
    Topology.Builder b = t.toBuilder();
    b.networkSecurityGroups.put(nsg.id(), changed);
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("priority", priority.get());
    props.put("direction", direction.armName());
    props.put("access", "Allow");
    props.put("protocol", row.protocol().armName());
    props.put("sourcePortRange", "*");
    List<String> prefixes = subnet.addressPrefixes().stream().map(Cidr::toString).toList();
    if (out) {
      props.put("sourceAddressPrefixes", prefixes);
      props.put("destinationAddressPrefix", peerTag);
    } else {
      props.put("sourceAddressPrefix", peerTag);
      props.put("destinationAddressPrefixes", prefixes);
    }
    props.put("destinationPortRanges", row.ports().stream().map(PortRange::toString).toList());
    String summary = String.format("add to %s: %s rule %s priority %d, %s %s -> %s port %s, Allow", nsg.name(),
        direction.armName().toLowerCase(java.util.Locale.ROOT), name, priority.get(), row.protocol().armName(),
        out ? String.join(",", prefixes) : peerTag, out ? peerTag : String.join(",", prefixes),
        String.join(",", row.ports().stream().map(PortRange::toString).toList()));
    return Optional.of(new Applied(new Fix(Fix.Kind.NSG_RULE, nsg.id(), summary,
        ImmutableMap.of("name", name, "properties", props), false), b.build()));
  }

  /** The largest priority below {@code below} (at most 4096, at least 100) that no rule of that direction uses. */
  static Optional<Integer> freePriority(NetworkSecurityGroup nsg, Direction direction, int below) {
    Set<Integer> used = new TreeSet<>();
    nsg.securityRules().stream().filter(r -> r.direction() == direction).forEach(r -> used.add(r.priority()));
    for (int p = Math.min(below - 1, 4096); p >= 100; p--) {
      if (!used.contains(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  static Optional<Applied> route(Topology t, Requirement row, String peerTag, DecidedBy nulled) {
    RouteTable rt = t.routeTables().get(nulled.resourceId());
    if (rt == null) {
      return Optional.empty(); // a system route: no user route decided it
    }
    String name = "aml-" + peerTag.replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT) + "-internet";
    Route route = new Route(rt.id().child("routes", name), name, new AddressMatch.ServiceTag(peerTag),
        NextHopType.INTERNET, Optional.empty());
    Topology.Builder b = t.toBuilder();
    b.routeTables.put(rt.id(), new RouteTable(rt.id(), rt.name(), rt.location(), rt.disableBgpRoutePropagation(),
        ImmutableList.<Route>builder().addAll(rt.routes()).add(route).build()));
    String summary = "add to " + rt.name() + ": route " + name + ", " + peerTag + " -> Internet";
    return Optional.of(new Applied(new Fix(Fix.Kind.ROUTE, rt.id(), summary, ImmutableMap.of("name", name,
        "properties", ImmutableMap.of("addressPrefix", peerTag, "nextHopType", "Internet")), false), b.build()));
  }

  static Optional<Applied> natGateway(Topology t, Subnet subnet) {
    VirtualNetwork vnet = t.virtualNetworkOf(subnet).orElse(null);
    if (vnet == null) {
      return Optional.empty();
    }
    String rg = subnet.id().value().replaceAll("/providers/.*$", "");
    ResourceId natId = ResourceId.of(rg + "/providers/Microsoft.Network/natGateways/natgw-" + subnet.name());
    ResourceId pipId = ResourceId.of(rg + "/providers/Microsoft.Network/publicIPAddresses/pip-natgw-"
        + subnet.name());
    Topology.Builder b = t.toBuilder();
    b.publicIpAddresses.put(pipId, new PublicIpAddress(pipId, pipId.name(), vnet.location(), Optional.empty(),
        PublicIpAddress.Sku.STANDARD, Optional.empty(), Optional.empty()));
    b.natGateways.put(natId, new NatGateway(natId, natId.name(), vnet.location(), ImmutableList.of(pipId),
        ImmutableList.of(), 4));
    List<Subnet> subnets = new ArrayList<>();
    for (Subnet s : vnet.subnets()) {
      subnets.add(!s.id().equals(subnet.id()) ? s : new Subnet(s.id(), s.name(), s.addressPrefixes(),
          s.networkSecurityGroup(), s.routeTable(), Optional.of(natId), s.serviceEndpoints(),
          s.serviceEndpointPolicies(), s.delegations(), s.privateEndpointNetworkPolicies(),
          s.defaultOutboundAccess()));
    }
    b.virtualNetworks.put(vnet.id(), new VirtualNetwork(vnet.id(), vnet.name(), vnet.location(), vnet.addressSpace(),
        vnet.dnsServers(), ImmutableList.copyOf(subnets), vnet.peerings()));
    String summary = "attach a NAT gateway (" + natId.name() + ", Standard public IP " + pipId.name() + ") to subnet "
        + subnet.name();
    return Optional.of(new Applied(new Fix(Fix.Kind.NAT_GATEWAY, natId, summary, ImmutableMap.of("name",
        natId.name(), "sku", ImmutableMap.of("name", "Standard"), "properties", ImmutableMap.of(
            "publicIpAddresses", List.of(ImmutableMap.of("id", pipId.value())), "subnets",
            List.of(ImmutableMap.of("id", subnet.id().value())))), false), b.build()));
  }

}
