package dev.vnetsim.simulator.aml;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpFamily;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.IpConfiguration;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.Subnet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Address accounting of a subnet: Azure reserves five addresses in every subnet (the network address, the next
 * three, and the broadcast address; learn.microsoft.com "What IP address ranges can I use").
 */
final class SubnetAddresses {
  static final int RESERVED = 5;

  private SubnetAddresses() {}

  /**
   * The addresses NICs use, by subnet, per topology (by identity, held weakly): a what-if checks every compute of a
   * side, and each check asks twice (its probe's address, its lint); one pass over the NICs answers them all.
   */
  private static final LoadingCache<Topology, Map<ResourceId, Set<IpAddress>>> USED = CacheBuilder.newBuilder()
      .weakKeys().build(CacheLoader.from(SubnetAddresses::usedBySubnet));

  /** Addresses used by NICs (including private endpoint NICs) in the subnet. */
  static Set<IpAddress> used(Topology t, Subnet s) {
    return USED.getUnchecked(t).getOrDefault(s.id(), Set.of());
  }

  private static Map<ResourceId, Set<IpAddress>> usedBySubnet(Topology t) {
    Map<ResourceId, Set<IpAddress>> used = new HashMap<>();
    for (NetworkInterface nic : t.networkInterfaces().values()) {
      for (IpConfiguration c : nic.ipConfigurations()) {
        if (c.subnet().isPresent() && c.privateIpAddress().isPresent()) {
          used.computeIfAbsent(c.subnet().get(), k -> new HashSet<>()).add(c.privateIpAddress().get());
        }
      }
    }
    used.replaceAll((k, v) -> Collections.unmodifiableSet(v));
    return used;
  }

  /** Usable IPv4 addresses: the prefixes' sizes minus the five Azure reserves in each. */
  static long usable(Subnet s) {
    long n = 0;
    for (Cidr c : s.addressPrefixes()) {
      if (c.family() == IpFamily.IPV4) {
        n += Math.max(0, c.size() - RESERVED);
      }
    }
    return n;
  }

  /** The first IPv4 address of the subnet that is neither reserved nor used. */
  static Optional<IpAddress> firstFree(Topology t, Subnet s) {
    Set<IpAddress> used = used(t, s);
    for (Cidr c : s.addressPrefixes()) {
      if (c.family() != IpFamily.IPV4 || c.size() <= RESERVED) {
        continue;
      }
      long first = c.first().lo() + 4;
      long last = c.last().lo() - 1;
      for (long v = first; v <= last; v++) {
        IpAddress a = IpAddress.v4(v);
        if (!used.contains(a)) {
          return Optional.of(a);
        }
      }
    }
    return Optional.empty();
  }
}
