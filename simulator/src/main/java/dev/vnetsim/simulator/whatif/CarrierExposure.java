package dev.vnetsim.simulator.whatif;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.collect.ImmutableSet;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.io.change.ChangeSet;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.simulator.engine.DataPlane;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.Ports;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a change at a subnet that carries others' traffic (the hub firewall's subnet, an appliance's, one a user route
 * sends to) can alter, when only its routes and its subnet NSG changed ({@link Exposure#ofCarrier}: the same
 * addresses, virtual tags, NAT gateway and NICs). Packets pass such a subnet on their way elsewhere: its routes send
 * them on by destination (azure-semantics.md §2.4), and its NSG filters them by source on the way in and by
 * destination on the way out (§1.6). So a packet can answer differently only if its destination is among those whose
 * winning route or outbound rules changed there, or its source among those whose inbound rules changed there: two
 * boxes of changed packets, {@code (anything -> outbound)} and {@code (inbound -> anything)}, over every protocol and
 * port. Flows that start or end in the subnet are the subnet's own (its probes), compared as for any changed subnet.
 */
final class CarrierExposure {
  private CarrierExposure() {}

  /**
   * The boxes of packets that may answer differently at these dirty carriers, or empty when a change there is not one
   * of routes and NSG rules only. A carrier is a subnet or an appliance's NIC (IP forwarding, or an address a user
   * route sends to): the NSGs on its NIC and subnet see each packet it forwards, inbound (matched by source for the
   * rules that changed) and outbound (by destination), as for a packet that ends there (azure-semantics.md §1.6).
   */
  static Optional<List<FirewallExposure.Rect>> of(Collection<ResourceId> carriers, DataPlane before,
      DataPlane after) {
    List<FirewallExposure.Rect> out = new ArrayList<>();
    for (ResourceId c : carriers) {
      Exposure e;
      if (before.subnet(c).isPresent() && after.subnet(c).isPresent()) {
        e = Exposure.ofCarrier(c, before, after);
      } else if (before.nic(c).isPresent() && after.nic(c).isPresent()) {
        e = Exposure.ofNic(c, before, after); // an appliance: its NSGs filter what it forwards by the same rules
      } else {
        return Optional.empty();
      }
      if (e.equals(Exposure.ALL)) {
        return Optional.empty();
      }
      if (!e.outboundDestinations().isEmpty()) {
        out.add(new FirewallExposure.Rect(IpSet.ALL, e.outboundDestinations(), FlowBox.ALL_PROTOCOLS, Ports.ALL,
            false));
      }
      if (!e.inboundSources().isEmpty()) {
        out.add(new FirewallExposure.Rect(e.inboundSources(), IpSet.ALL, FlowBox.ALL_PROTOCOLS, Ports.ALL, false));
      }
    }
    return Optional.of(out);
  }

  /**
   * Subnets (and forwarding NICs) that carry traffic for other subnets (see {@link Impact}). Kept for the last few
   * topologies by the very maps they are read from: both sides of a change that touches none of those maps (a
   * firewall rule) share them, and a what-if asks on every change.
   */
  static Set<ResourceId> carriers(Topology t) {
    Inputs key = new Inputs(List.of(new Memo.Same(t.azureFirewalls()), new Memo.Same(t.virtualNetworkGateways()),
        new Memo.Same(t.loadBalancers()), new Memo.Same(t.routeTables()), new Memo.Same(t.networkInterfaces()),
        new Memo.Same(t.virtualNetworks())));
    ImmutableSet<ResourceId> out = CARRIERS.getIfPresent(key);
    if (out == null) {
      out = ImmutableSet.copyOf(computeCarriers(t));
      CARRIERS.put(key, out);
    }
    return out;
  }

  /** The maps {@link #carriers} reads, by identity. */
  private record Inputs(List<Memo.Same> maps) {}

  private static final Cache<Inputs, ImmutableSet<ResourceId>> CARRIERS = CacheBuilder.newBuilder().maximumSize(4)
      .build();

  private static Set<ResourceId> computeCarriers(Topology t) {
    Set<ResourceId> out = new HashSet<>();
    t.azureFirewalls().values().forEach(f -> f.ipConfigurations().forEach(c -> c.subnet().ifPresent(out::add)));
    t.virtualNetworkGateways().values().forEach(g -> out.addAll(g.subnets()));
    t.loadBalancers().values().forEach(lb -> lb.frontends().forEach(f -> f.subnet().ifPresent(out::add)));
    Set<IpAddress> hops = new HashSet<>();
    t.routeTables().values().forEach(rt -> rt.routes().forEach(r -> r.nextHopIpAddress().ifPresent(hops::add)));
    for (NetworkInterface n : t.networkInterfaces().values()) {
      boolean hop = n.enableIpForwarding() || n.ipConfigurations().stream()
          .anyMatch(c -> c.privateIpAddress().filter(hops::contains).isPresent());
      if (hop) {
        out.add(n.id());
        n.ipConfigurations().forEach(c -> c.subnet().ifPresent(out::add));
      }
    }
    for (Subnet s : t.subnets().values()) {
      if (hops.stream().anyMatch(a -> s.addressPrefixes().stream().anyMatch(c -> c.contains(a)))) {
        out.add(s.id());
      }
    }
    return out;
  }

  /**
   * The dirty resources a trace can touch only where it crosses a carrier: the subnets, their NICs, public IPs and
   * probes, the appliances' NICs, and the route tables and NSGs that changed there (a trace through another subnet
   * that uses them names that subnet too). A trace that touches nothing else dirty changes only if a box of
   * {@link #of} meets it.
   */
  static Set<ResourceId> carriedIds(ChangeSet cs, Set<ResourceId> dirty, Set<ResourceId> carriers,
      Map<ResourceId, SubnetProbe> probes) {
    Set<ResourceId> out = Impact.withNicsAndProbes(carriers, cs, probes);
    for (Topology t : new Topology[] {cs.before(), cs.after()}) {
      for (ResourceId c : carriers) {
        t.subnet(c).ifPresent(s -> {
          s.routeTable().filter(dirty::contains).ifPresent(out::add);
          s.networkSecurityGroup().filter(dirty::contains).ifPresent(out::add);
        });
        Optional.ofNullable(t.networkInterfaces().get(c))
            .flatMap(n -> n.networkSecurityGroup().filter(dirty::contains)).ifPresent(out::add);
      }
    }
    return out;
  }
}
