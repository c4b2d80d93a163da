package dev.vnetsim.simulator.engine;

import dev.vnetsim.model.IpSet;

/** The reserved prefixes that carry a None system route by default (azure-semantics.md §2.1). */
final class Reserved {
  private Reserved() {}

  static final IpSet SET = IpSet.parse("10.0.0.0/8", "100.64.0.0/10", "172.16.0.0/12", "192.168.0.0/16");

  /** Whether a route has a /0 prefix (forced tunnelling, §2.4.4). */
  static boolean isDefaultRoute(dev.vnetsim.simulator.routing.EffectiveRoute r) {
    for (dev.vnetsim.model.Cidr c : r.addressPrefix()) {
      if (c.prefixLength() == 0) {
        return true;
      }
    }
    return false;
  }
}
