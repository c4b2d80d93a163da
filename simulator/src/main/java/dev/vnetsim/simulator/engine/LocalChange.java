package dev.vnetsim.simulator.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.PublicIpAddress;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.model.network.VirtualNetwork;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A change between two topologies that a data plane can absorb by recompiling a few subnets and NICs
 * ({@link DataPlane#recompile}). Local are changes to:
 * <ul>
 *   <li>NSGs (rules added, removed, edited; the NSG added or deleted): the subnet and NIC NSG planes that use them;</li>
 *   <li>route tables: the effective routes and virtual tags of their subnets (a user route widens the subnet's
 *       VirtualNetwork tag, azure-semantics.md §1.5), and so those subnets' NSG planes;</li>
 *   <li>NAT gateways: the egress of their subnets;</li>
 *   <li>a subnet's NSG, route table or NAT gateway association (nothing else of the subnet or its VNet changed);</li>
 *   <li>a NIC's NSG association (nothing else of the NIC changed);</li>
 *   <li>a NIC added (not a private endpoint's, without application security groups), and public IPs added: the
 *       address indexes grow, the NIC gets its plane (aml-check's compute probe, a what-if that adds a VM);</li>
 *   <li>firewall policies (rule collection groups, DNS proxy) and IP groups: the firewall stage and the DNS view
 *       (a firewall's DNS proxy) are made again; the firewalls themselves (addresses, subnets) must not change.</li>
 *   <li>resources of types the model does not use (storage accounts, key vaults …): as policies, for the DNS view
 *       reads storage accounts' regions; VMs and Azure ML computes (a workspace's child): nothing to rebuild.</li>
 * </ul>
 * Everything else (address spaces, prefixes, peerings, gateways, NIC addresses, NICs removed, ASGs, public IPs
 * changed or removed, private endpoints, DNS, firewall resources, load balancers) can move addresses,
 * routes or tags anywhere in the estate: it is global, and the data plane is compiled again from scratch. The parts
 * of a data plane a local change cannot touch (address indexes, ASG membership, peering and gateway facts, and unless
 * policies change the DNS view and firewalls) are shared with the next one.
 */
public final class LocalChange {
  private final ImmutableSet<ResourceId> nsgs;
  private final ImmutableSet<ResourceId> routeTables;
  private final ImmutableSet<ResourceId> natGateways;
  private final ImmutableSet<ResourceId> vnets;
  private final ImmutableSet<ResourceId> nics;
  private final ImmutableList<NetworkInterface> addedNics;
  private final ImmutableList<PublicIpAddress> addedPublicIps;
  private final boolean remakesDnsAndFirewalls;

  private LocalChange(Set<ResourceId> nsgs, Set<ResourceId> routeTables, Set<ResourceId> natGateways,
      Set<ResourceId> vnets, Set<ResourceId> nics, List<NetworkInterface> addedNics,
      List<PublicIpAddress> addedPublicIps, boolean remakesDnsAndFirewalls) {
    this.remakesDnsAndFirewalls = remakesDnsAndFirewalls;
    this.nsgs = ImmutableSet.copyOf(nsgs);
    this.routeTables = ImmutableSet.copyOf(routeTables);
    this.natGateways = ImmutableSet.copyOf(natGateways);
    this.vnets = ImmutableSet.copyOf(vnets);
    this.nics = ImmutableSet.copyOf(nics);
    this.addedNics = ImmutableList.copyOf(addedNics);
    this.addedPublicIps = ImmutableList.copyOf(addedPublicIps);
  }

  /**
   * The local change from {@code before} to {@code after}, given the ids of every resource that differs (children such
   * as rules, routes and subnets may be named by their own id or their parent's); empty when the change is global.
   * Named resources that are equal on both sides are ignored (an NSG is compared later, per direction).
   */
  public static Optional<LocalChange> of(Topology before, Topology after, Collection<ResourceId> changed) {
    Set<ResourceId> nsgs = new HashSet<>();
    Set<ResourceId> routeTables = new HashSet<>();
    Set<ResourceId> natGateways = new HashSet<>();
    Set<ResourceId> vnets = new HashSet<>();
    Set<ResourceId> nics = new HashSet<>();
    Set<ResourceId> added = new HashSet<>();
    boolean remakes = false; // the DNS view and the firewall stage
    List<ImmutableMap<ResourceId, ?>> was = before.resourceMaps();
    List<ImmutableMap<ResourceId, ?>> now = after.resourceMaps();
    for (ResourceId named : changed) {
      ResourceId id = topLevel(named);
      String type = id.type().orElse("").toLowerCase(Locale.ROOT);
      // An NSG is not compared here: the recompile compares its rules per direction and keeps an unchanged one.
      if (!type.equals("microsoft.network/networksecuritygroups") && unchanged(was, now, id)) {
        continue;
      }
      boolean local = true;
      switch (type) {
        case "microsoft.network/networksecuritygroups" -> nsgs.add(id);
        case "microsoft.network/routetables" -> routeTables.add(id);
        case "microsoft.network/natgateways" -> natGateways.add(id);
        case "microsoft.network/virtualnetworks" -> {
          local = onlyAssociations(before.virtualNetworks().get(id), after.virtualNetworks().get(id));
          vnets.add(id);
        }
        case "microsoft.network/networkinterfaces" -> {
          NetworkInterface b = before.networkInterfaces().get(id);
          NetworkInterface a = after.networkInterfaces().get(id);
          if (b == null && a != null && addable(a)) {
            added.add(id);
          } else {
            local = onlyNsg(b, a);
            nics.add(id);
          }
        }
        case "microsoft.network/publicipaddresses" -> {
          local = !before.publicIpAddresses().containsKey(id);
          added.add(id);
        }
        case "microsoft.network/firewallpolicies", "microsoft.network/ipgroups" -> remakes = true;
        case "microsoft.compute/virtualmachines" -> { } // no plane reads a VM (sites by name do)
        default -> {
          // A resource of a type the model does not use (a storage account …): only the DNS view (a storage
          // account's region) and the service endpoint policy check (which reads the topology) look at it, so it
          // is made again as for policies.
          local = isOther(before, id) || isOther(after, id);
          remakes |= local;
        }
      }
      if (!local) {
        return Optional.empty();
      }
    }
    List<NetworkInterface> addedNics = inTopologyOrder(after.networkInterfaces(), added);
    List<PublicIpAddress> addedPublicIps = inTopologyOrder(after.publicIpAddresses(), added);
    return Optional.of(new LocalChange(nsgs, routeTables, natGateways, vnets, nics, addedNics, addedPublicIps,
        remakes));
  }

  /**
   * The resources of one kind among {@code added}, in the order of the topology (see PlaneIndex#with); one is looked
   * up (an Azure ML compute's probe adds one NIC to a topology of thousands).
   */
  private static <T> List<T> inTopologyOrder(Map<ResourceId, T> all, Set<ResourceId> added) {
    List<T> out = new ArrayList<>();
    for (ResourceId id : added) {
      T r = all.get(id);
      if (r != null) {
        out.add(r);
      }
    }
    if (out.size() > 1) {
      out.clear();
      all.forEach((id, r) -> {
        if (added.contains(id)) {
          out.add(r);
        }
      });
    }
    return out;
  }

  /** Every resource of {@code after} that differs from {@code before}, by id (for callers without a change list). */
  public static Set<ResourceId> differences(Topology before, Topology after) {
    Set<ResourceId> out = new HashSet<>();
    List<ImmutableMap<ResourceId, ?>> was = before.resourceMaps();
    List<ImmutableMap<ResourceId, ?>> now = after.resourceMaps();
    for (int k = 0; k < was.size(); k++) {
      Map<ResourceId, ?> b = was.get(k);
      Map<ResourceId, ?> a = now.get(k);
      if (a == b) {
        continue; // a map shared by both (Topology#toBuilder keeps those whose entries are the same)
      }
      b.forEach((id, v) -> {
        Object w = a.get(id);
        if (v != w && !Objects.equals(v, w)) {
          out.add(id);
        }
      });
      a.keySet().stream().filter(id -> !b.containsKey(id)).forEach(out::add);
    }
    return out;
  }

  /** Whether a resource is the same on both sides (absent from both counts as the same). */
  private static boolean unchanged(List<ImmutableMap<ResourceId, ?>> before, List<ImmutableMap<ResourceId, ?>> after,
      ResourceId id) {
    for (int k = 0; k < before.size(); k++) {
      Object b = before.get(k).get(id);
      Object a = after.get(k).get(id);
      if (a != null || b != null) {
        return Objects.equals(a, b);
      }
    }
    return true;
  }

  /** Whether a topology holds {@code id} as a resource of a type the model does not use. */
  public static boolean isOther(Topology t, ResourceId id) {
    return t.otherResources().containsKey(id);
  }

  private static ResourceId topLevel(ResourceId id) {
    ResourceId out = id;
    for (Optional<ResourceId> p = id.parent(); p.isPresent(); p = p.get().parent()) {
      out = p.get();
    }
    return out;
  }

  /** Both sides present and equal but for their subnets' NSG, route table and NAT gateway associations. */
  private static boolean onlyAssociations(VirtualNetwork b, VirtualNetwork a) {
    if (b == null || a == null || b.subnets().size() != a.subnets().size()) {
      return false;
    }
    for (int i = 0; i < b.subnets().size(); i++) {
      if (!withoutAssociations(b.subnets().get(i)).equals(withoutAssociations(a.subnets().get(i)))) {
        return false;
      }
    }
    return new VirtualNetwork(b.id(), b.name(), b.location(), b.addressSpace(), b.dnsServers(), a.subnets(),
        b.peerings()).equals(a);
  }

  private static Subnet withoutAssociations(Subnet s) {
    return new Subnet(s.id(), s.name(), s.addressPrefixes(), Optional.empty(), Optional.empty(), Optional.empty(),
        s.serviceEndpoints(), s.serviceEndpointPolicies(), s.delegations(), s.privateEndpointNetworkPolicies(),
        s.defaultOutboundAccess());
  }

  /**
   * A new NIC that changes nothing but its own plane and the address indexes: not a private endpoint's (that would
   * add routes), no application security groups (that would change the members of ASGs other rules name).
   */
  private static boolean addable(NetworkInterface nic) {
    return nic.privateEndpoint().isEmpty()
        && nic.ipConfigurations().stream().allMatch(c -> c.applicationSecurityGroups().isEmpty());
  }

  /** Both sides present and equal but for the NIC's NSG association. */
  public static boolean onlyNsg(NetworkInterface b, NetworkInterface a) {
    return b != null && a != null && new NetworkInterface(b.id(), b.name(), b.location(), b.ipConfigurations(),
        a.networkSecurityGroup(), b.enableIpForwarding(), b.virtualMachine(), b.privateEndpoint()).equals(a);
  }

  /** Whether an NSG's compiled form must be rebuilt. */
  boolean nsgDirty(ResourceId nsg) {
    return nsgs.contains(nsg);
  }

  boolean routeTableDirty(ResourceId routeTable) {
    return routeTables.contains(routeTable);
  }

  /** VNets whose subnets' associations changed (their subnets are rebuilt). */
  ImmutableSet<ResourceId> vnets() {
    return vnets;
  }

  /** NICs whose NSG association changed. */
  ImmutableSet<ResourceId> nics() {
    return nics;
  }

  /**
   * Whether a subnet or NIC association changed or NICs were added, so the indexes from NSGs, route tables and NAT
   * gateways must be rebuilt.
   */
  boolean associationsChanged() {
    return !vnets.isEmpty() || !nics.isEmpty() || !addedNics.isEmpty();
  }

  /**
   * Whether the DNS view and the firewall stage must be made again: firewall policies (with their rule collection
   * groups), IP groups or resources of types the model does not use changed.
   */
  boolean remakesDnsAndFirewalls() {
    return remakesDnsAndFirewalls;
  }

  /** NICs added (in topology order). */
  ImmutableList<NetworkInterface> addedNics() {
    return addedNics;
  }

  /** Public IPs added (in topology order). */
  ImmutableList<PublicIpAddress> addedPublicIps() {
    return addedPublicIps;
  }

  /** NSGs, route tables and NAT gateways whose content changed. */
  Set<ResourceId> changedReferences() {
    Set<ResourceId> out = new HashSet<>(nsgs);
    out.addAll(routeTables);
    out.addAll(natGateways);
    return out;
  }

  @Override
  public String toString() {
    return "LocalChange[nsgs=" + nsgs + ", routeTables=" + routeTables + ", natGateways=" + natGateways + ", vnets="
        + vnets + ", nics=" + nics + ", added " + addedNics.size() + " NICs and " + addedPublicIps.size()
        + " public IPs]";
  }
}
