package dev.vnetsim.simulator.whatif;

import com.google.common.collect.ImmutableSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.io.change.ChangeSet;
import dev.vnetsim.model.io.change.ResourceChange;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.simulator.trace.Hop;
import dev.vnetsim.simulator.trace.Part;
import dev.vnetsim.simulator.trace.Step;
import dev.vnetsim.simulator.trace.Trace;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a change can affect, for incremental what-if: the resources whose compiled form changes ("dirty"), so that a
 * before trace that touches none of them is also the after trace and need not be simulated again. Local changes are
 * those of an NSG (dirty: the NSG and the subnets and NICs it is attached to on either side), a route table (the
 * table and its subnets: user routes also widen the subnets' VirtualNetwork tag), a NAT gateway or public IP (itself
 * and its subnets), and a subnet whose prefixes stay the same (the subnet). Anything else (a VNet's address space or
 * peerings, a NIC, a subnet added, removed or resized, private endpoints, DNS, firewalls, gateways, other types) can
 * move addresses or tags anywhere: every flow is simulated again.
 */
final class Impact {
  private final boolean global;
  private final ImmutableSet<ResourceId> dirty;

  private Impact(boolean global, ImmutableSet<ResourceId> dirty) {
    this.global = global;
    this.dirty = dirty;
  }

  /** Nothing is reused (every after trace is simulated). */
  static Impact everything() {
    return new Impact(true, ImmutableSet.of());
  }

  /**
   * The impact of a change set on sides that carry {@code probes}. A dirty subnet also dirties the NICs in it (the
   * probes included) and their public IPs: an inbound trace that stops at a closed Standard public IP does not show
   * the subnet whose NSG it looked for.
   */
  static Impact of(ChangeSet cs, Map<ResourceId, SubnetProbe> probes) {
    Set<ResourceId> dirty = new HashSet<>();
    for (ResourceChange c : cs.changes()) {
      String type = c.resourceId().type().orElse("").toLowerCase(Locale.ROOT);
      ResourceId id = c.resourceId();
      switch (type) {
        case "microsoft.network/networksecuritygroups" -> {
          dirty.add(id);
          for (Topology t : new Topology[] {cs.before(), cs.after()}) {
            t.subnets().values().stream().filter(s -> s.networkSecurityGroup().filter(id::equals).isPresent())
                .forEach(s -> dirty.add(s.id()));
            t.networkInterfaces().values().stream().filter(n -> n.networkSecurityGroup().filter(id::equals)
                .isPresent()).forEach(n -> dirty.add(n.id()));
          }
        }
        case "microsoft.network/routetables" -> withSubnets(dirty, id, cs, Subnet::routeTable);
        case "microsoft.network/natgateways" -> withSubnets(dirty, id, cs, Subnet::natGateway);
        case "microsoft.network/publicipaddresses" -> dirty.add(id);
        case "microsoft.network/virtualnetworks" -> {
          Optional<ResourceId> subnet = c.child().filter(x -> x.regionMatches(true, 0, "subnets/", 0, 8))
              .map(x -> ResourceId.of(id.value() + "/" + x));
          if (subnet.isEmpty() || !samePrefixes(cs, subnet.get())) {
            return everything();
          }
          dirty.add(subnet.get());
        }
        default -> {
          return everything();
        }
      }
    }
    Set<ResourceId> expanded = new HashSet<>(dirty);
    for (Topology t : new Topology[] {cs.before(), cs.after()}) {
      for (NetworkInterface n : t.networkInterfaces().values()) {
        boolean inDirty = dirty.contains(n.id()) || n.ipConfigurations().stream()
            .anyMatch(c -> c.subnet().filter(dirty::contains).isPresent());
        if (inDirty) {
          expanded.add(n.id());
          n.ipConfigurations().forEach(c -> c.publicIpAddress().ifPresent(expanded::add));
        }
      }
    }
    for (SubnetProbe p : probes.values()) {
      if (dirty.contains(p.subnet())) {
        expanded.addAll(List.of(p.client(), p.server(), p.serverPublicIp()));
      }
    }
    return new Impact(false, ImmutableSet.copyOf(expanded));
  }

  private static void withSubnets(Set<ResourceId> dirty, ResourceId id, ChangeSet cs,
      java.util.function.Function<Subnet, Optional<ResourceId>> ref) {
    dirty.add(id);
    for (Topology t : new Topology[] {cs.before(), cs.after()}) {
      t.subnets().values().stream().filter(s -> ref.apply(s).filter(id::equals).isPresent())
          .forEach(s -> dirty.add(s.id()));
    }
  }

  private static boolean samePrefixes(ChangeSet cs, ResourceId subnet) {
    Optional<Subnet> b = cs.before().subnet(subnet);
    Optional<Subnet> a = cs.after().subnet(subnet);
    return b.isPresent() && a.isPresent() && b.get().addressPrefixes().equals(a.get().addressPrefixes());
  }

  /** Whether the before trace is also the after trace: nothing it touched is dirty. */
  boolean unaffected(Trace before) {
    if (global) {
      return false;
    }
    if (touches(before.hops()) || before.decidedBy().filter(d -> dirty.contains(d.resourceId())).isPresent()
        || before.egress().flatMap(e -> e.resourceId()).filter(dirty::contains).isPresent()) {
      return false;
    }
    for (Part p : before.parts()) {
      if (touches(p.hops()) || p.decidedBy().filter(d -> dirty.contains(d.resourceId())).isPresent()
          || p.egress().flatMap(e -> e.resourceId()).filter(dirty::contains).isPresent()) {
        return false;
      }
    }
    return true;
  }

  private boolean touches(Iterable<Hop> hops) {
    for (Hop h : hops) {
      if (dirty.contains(h.resourceId())) {
        return true;
      }
      for (Step s : h.steps()) {
        if (s.resourceId().filter(dirty::contains).isPresent()) {
          return true;
        }
      }
    }
    return false;
  }
}
