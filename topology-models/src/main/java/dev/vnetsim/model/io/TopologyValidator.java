package dev.vnetsim.model.io;

import com.fasterxml.jackson.databind.node.MissingNode;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.IpConfiguration;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.model.network.VirtualNetwork;
import dev.vnetsim.model.security.NetworkSecurityGroup;
import dev.vnetsim.model.security.SecurityRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rules that span more than one value: subnets inside their VNet's address space and not overlapping each other,
 * unique NSG priorities per direction, NIC addresses inside their subnet. The first violation is thrown as an
 * {@link InvalidTopologyException} at the input path of the offending value. {@link References} checks references.
 */
public final class TopologyValidator {
  private TopologyValidator() {}

  /** Validates a topology built in code (errors name the resource id; there is no input path). */
  public static void validate(Topology topology) {
    validate(topology, Map.of());
  }

  static void validate(Topology t, Map<ResourceId, Json> origins) {
    Origins o = new Origins(origins);
    for (VirtualNetwork v : t.virtualNetworks().values()) {
      subnetsInsideAddressSpace(v, o);
      subnetsDisjoint(v, o);
    }
    for (NetworkSecurityGroup nsg : t.networkSecurityGroups().values()) {
      uniquePriorities(nsg, o);
    }
    for (NetworkInterface nic : t.networkInterfaces().values()) {
      for (IpConfiguration ic : nic.ipConfigurations()) {
        addressInsideSubnet(t, ic, o);
      }
    }
  }

  /**
   * As {@link #validate(Topology, Map)}, for {@code t} made from {@code valid} (already validated) by replacing,
   * adding or removing some resources: only the VNets and NSGs that are not {@code valid}'s very instances, and the
   * NICs that are not or whose subnet's VNet is not, can break a rule. They are checked in the same order, so the
   * error is the one a full validation reports first.
   */
  static void validate(Topology t, Map<ResourceId, Json> origins, Topology valid) {
    Origins o = new Origins(origins);
    Set<ResourceId> changedVnets = new HashSet<>();
    if (t.virtualNetworks() != valid.virtualNetworks()) {
      for (VirtualNetwork v : t.virtualNetworks().values()) {
        if (valid.virtualNetworks().get(v.id()) != v) {
          changedVnets.add(v.id());
          subnetsInsideAddressSpace(v, o);
          subnetsDisjoint(v, o);
        }
      }
    }
    if (t.networkSecurityGroups() != valid.networkSecurityGroups()) {
      for (NetworkSecurityGroup nsg : t.networkSecurityGroups().values()) {
        if (valid.networkSecurityGroups().get(nsg.id()) != nsg) {
          uniquePriorities(nsg, o);
        }
      }
    }
    if (t.networkInterfaces() == valid.networkInterfaces() && changedVnets.isEmpty()) {
      return;
    }
    for (NetworkInterface nic : t.networkInterfaces().values()) {
      boolean changed = valid.networkInterfaces().get(nic.id()) != nic;
      for (IpConfiguration ic : nic.ipConfigurations()) {
        if (changed || ic.subnet().flatMap(t::subnet).map(s -> changedVnets.contains(s.virtualNetwork()))
            .orElse(false)) {
          addressInsideSubnet(t, ic, o);
        }
      }
    }
  }

  /** Where each resource and child was read, with a fallback for topologies built in code. */
  static final class Origins {
    private final Map<ResourceId, Json> map;

    Origins(Map<ResourceId, Json> map) {
      this.map = map;
    }

    /** Where {@code id} was read; for a resource not read from input, an empty path ("$"). */
    Json of(ResourceId id) {
      Json at = map.get(id);
      return at != null ? at : Json.root(MissingNode.getInstance(), "");
    }
  }

  private static void subnetsInsideAddressSpace(VirtualNetwork v, Origins o) {
    if (v.addressSpace().isEmpty()) {
      return;
    }
    for (Subnet s : v.subnets()) {
      for (Cidr prefix : s.addressPrefixes()) {
        if (v.addressSpace().stream().noneMatch(space -> space.contains(prefix))) {
          throw new InvalidTopologyException(prefixAt(o.of(s.id()), prefix).path(), s.id().value(),
              "subnet prefix must lie within the virtual network's address space " + v.addressSpace() + ", was "
                  + prefix);
        }
      }
    }
  }

  private record Placed(Cidr cidr, int index) {}

  /** Sweeps the VNet's subnet prefixes by start address; any start before the furthest end so far overlaps. */
  private static void subnetsDisjoint(VirtualNetwork v, Origins o) {
    List<Placed> all = new ArrayList<>();
    for (int i = 0; i < v.subnets().size(); i++) {
      for (Cidr c : v.subnets().get(i).addressPrefixes()) {
        all.add(new Placed(c, i));
      }
    }
    all.sort(Comparator.comparing((Placed p) -> p.cidr().first()).thenComparingInt(Placed::index));
    Placed furthest = null;
    for (Placed p : all) {
      if (furthest != null && furthest.index() != p.index() && p.cidr().family() == furthest.cidr().family()
          && p.cidr().first().compareTo(furthest.cidr().last()) <= 0) {
        Placed later = p.index() > furthest.index() ? p : furthest;
        Placed earlier = later == p ? furthest : p;
        Subnet s = v.subnets().get(later.index());
        throw new InvalidTopologyException(prefixAt(o.of(s.id()), later.cidr()).path(), s.id().value(),
            "subnet prefixes in one virtual network must not overlap, was " + later.cidr() + ", which overlaps "
                + earlier.cidr() + " of subnet '" + v.subnets().get(earlier.index()).name() + "'");
      }
      if (furthest == null || furthest.cidr().family() != p.cidr().family()
          || p.cidr().last().compareTo(furthest.cidr().last()) > 0) {
        furthest = p;
      }
    }
  }

  /** The path of {@code prefix} in a subnet: {@code addressPrefix} or the matching {@code addressPrefixes[i]}. */
  private static Json prefixAt(Json subnet, Cidr prefix) {
    Json single = subnet.field("addressPrefix");
    if (matches(single, prefix)) {
      return single;
    }
    for (Json e : subnet.field("addressPrefixes").elements()) {
      if (matches(e, prefix)) {
        return e;
      }
    }
    return single;
  }

  private static boolean matches(Json at, Cidr prefix) {
    return at.node().isTextual() && Cidr.tryParse(at.node().textValue()).filter(prefix::equals).isPresent();
  }

  private static void uniquePriorities(NetworkSecurityGroup nsg, Origins o) {
    Map<Direction, Map<Integer, SecurityRule>> seen = new HashMap<>();
    for (SecurityRule r : nsg.securityRules()) {
      SecurityRule first = seen.computeIfAbsent(r.direction(), d -> new HashMap<>()).putIfAbsent(r.priority(), r);
      if (first != null) {
        throw new InvalidTopologyException(o.of(r.id()).field("priority").path(), r.id().value(),
            "priority must be unique per direction, was " + r.priority() + " for both " + r.direction().armName()
                + " rules '" + first.name() + "' and '" + r.name() + "'");
      }
    }
  }

  private static void addressInsideSubnet(Topology t, IpConfiguration ic, Origins o) {
    Optional<Subnet> subnet = ic.subnet().flatMap(t::subnet);
    if (ic.privateIpAddress().isEmpty() || subnet.isEmpty()) {
      return;
    }
    IpAddress a = ic.privateIpAddress().get();
    Cidr own = Cidr.parseMasked(a + "/" + ic.privateIpPrefixLength().orElse(a.family().bits()));
    if (subnet.get().addressPrefixes().stream().noneMatch(p -> p.contains(own))) {
      String value = ic.privateIpPrefixLength().map(l -> a + "/" + l).orElse(a.toString());
      throw new InvalidTopologyException(o.of(ic.id()).field("privateIPAddress").path(), ic.id().value(),
          "private IP address must lie within its subnet's address prefixes " + subnet.get().addressPrefixes()
              + ", was " + value);
    }
  }
}
