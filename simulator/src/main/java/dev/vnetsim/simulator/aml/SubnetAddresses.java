package dev.vnetsim.simulator.aml;

import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpFamily;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.IpConfiguration;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.Subnet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Address accounting of a subnet: Azure reserves five addresses in every subnet (the network address, the next
 * three, and the broadcast address; learn.microsoft.com "What IP address ranges can I use").
 */
final class SubnetAddresses {
  static final int RESERVED = 5;

  private SubnetAddresses() {}

  /** Addresses used by NICs (including private endpoint NICs) in the subnet. */
  static Set<IpAddress> used(Topology t, Subnet s) {
    Set<IpAddress> used = new HashSet<>();
    for (NetworkInterface nic : t.networkInterfaces().values()) {
      for (IpConfiguration c : nic.ipConfigurations()) {
        if (c.subnet().isPresent() && c.subnet().get().equals(s.id())) {
          c.privateIpAddress().ifPresent(used::add);
        }
      }
    }
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
