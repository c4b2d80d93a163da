package dev.vnetsim.simulator.resolve;

import com.google.common.collect.ImmutableMap;
import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.IpConfiguration;
import dev.vnetsim.model.network.NetworkInterface;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns rule and route address terms into address sets: prefixes and ranges as written, {@code *} as everything,
 * virtual tags from the subnet's {@link VirtualTags}, other tags from the {@link ServiceTagLookup}, and application
 * security groups as the addresses of the NIC IP configurations that are members (azure-semantics.md §1.7 ASGs).
 * Anything it cannot resolve comes back as {@link Resolved#unknown}.
 */
public final class AddressResolver {

  /** The Instance Metadata Service address (azure-semantics.md §1.8). */
  public static final IpSet IMDS = IpSet.parse("169.254.169.254/32");

  private final ServiceTagLookup tags;
  private final Topology topology;
  private final ImmutableMap<ResourceId, IpSet> asgMembers;

  public AddressResolver(Topology topology, ServiceTagLookup tags) {
    this.topology = topology;
    this.tags = tags;
    Map<ResourceId, IpSet> members = new HashMap<>();
    for (NetworkInterface nic : topology.networkInterfaces().values()) {
      for (IpConfiguration c : nic.ipConfigurations()) {
        IpSet own = addresses(c);
        for (ResourceId asg : c.applicationSecurityGroups()) {
          members.merge(asg, own, IpSet::union);
        }
      }
    }
    asgMembers = ImmutableMap.copyOf(members);
  }

  public ServiceTagLookup serviceTags() {
    return tags;
  }

  /** The addresses of one IP configuration: its address, or its whole prefix for the IP-prefix-on-NIC feature. */
  public static IpSet addresses(IpConfiguration c) {
    if (c.privateIpAddress().isEmpty()) {
      return IpSet.EMPTY;
    }
    IpAddress a = c.privateIpAddress().get();
    if (c.privateIpPrefixLength().isPresent()) {
      return Cidr.parseMasked(a + "/" + c.privateIpPrefixLength().get()).toIpSet();
    }
    return IpSet.of(a);
  }

  public Resolved resolve(AddressMatch m, VirtualTags context) {
    if (m instanceof AddressMatch.Any) {
      return Resolved.of(IpSet.ALL);
    }
    if (m instanceof AddressMatch.Prefix p) {
      return Resolved.of(p.cidr().toIpSet());
    }
    if (m instanceof AddressMatch.Range r) {
      return Resolved.of(IpSet.range(r.first(), r.last()));
    }
    return serviceTag(((AddressMatch.ServiceTag) m).name(), context);
  }

  public Resolved resolveAll(List<AddressMatch> terms, VirtualTags context) {
    Resolved out = Resolved.of(IpSet.EMPTY);
    for (AddressMatch m : terms) {
      out = out.union(resolve(m, context));
    }
    return out;
  }

  /** A tag by name: the virtual tags (and their classic spellings, §1.7) from the context, the rest from the catalogue. */
  public Resolved serviceTag(String name, VirtualTags context) {
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "virtualnetwork", "virtual_network":
        return Resolved.of(context.virtualNetwork());
      case "internet":
        return Resolved.of(context.internet());
      case "azureloadbalancer", "azure_loadbalancer":
        return Resolved.of(context.azureLoadBalancer());
      case "azureplatformdns": // §1.8: the host's DNS (not in the service-tag file; assumption PLATFORM_TAGS)
        return Resolved.of(VirtualTags.HOST_VIP);
      case "azureplatformimds": // §1.8: the Instance Metadata Service (assumption PLATFORM_TAGS)
        return Resolved.of(IMDS);
      default:
        return tags.addresses(name).map(Resolved::of).orElseGet(() -> Resolved.unknown("service tag " + name));
    }
  }

  /** Whether ASGs resolve alike here and in {@code other}: the same ASGs in the input, with the same members. */
  public boolean sameAsgMembers(AddressResolver other) {
    return asgMembers.equals(other.asgMembers)
        && topology.applicationSecurityGroups().keySet().equals(other.topology.applicationSecurityGroups().keySet());
  }

  /** Member addresses of ASGs; an ASG not in the input is unknown (its members may be NICs not in the input). */
  public Resolved asgs(List<ResourceId> ids) {
    Resolved out = Resolved.of(IpSet.EMPTY);
    for (ResourceId id : ids) {
      if (!topology.applicationSecurityGroups().containsKey(id)) {
        out = out.union(Resolved.unknown("application security group " + id.name() + " (not in the input)"));
      } else {
        out = out.union(Resolved.of(asgMembers.getOrDefault(id, IpSet.EMPTY)));
      }
    }
    return out;
  }
}
