package dev.vnetsim.simulator.firewall;

import dev.vnetsim.model.IpSet;

/**
 * Source NAT of traffic a firewall allows (azure-semantics.md §4.6): network rules do not SNAT toward the IANA private
 * ranges (RFC 1918 and RFC 6598) and SNAT to the firewall's public IP otherwise; application rules always SNAT
 * (transparent proxy), to a firewall private IP toward private destinations.
 */
public enum Snat {
  /** The source is kept. */
  NONE,
  /** The source becomes a firewall private IP in AzureFirewallSubnet. */
  PRIVATE,
  /**
   * The source becomes the firewall's public IP when the traffic leaves to the Internet, a firewall private IP when it
   * stays inside Azure (public ranges used internally, forced tunnelling, §4.6).
   */
  PUBLIC;

  /** {@code IANAPrivateRanges}: RFC 1918 plus RFC 6598 shared space (§4.6 [FW-SNAT]). */
  public static final IpSet PRIVATE_RANGES = IpSet.parse("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
      "100.64.0.0/10");
}
