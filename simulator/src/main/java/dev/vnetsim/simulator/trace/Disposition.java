package dev.vnetsim.simulator.trace;

/** How a flow ends (DESIGN §3). {@link #reachable()} is true for {@link #DELIVERED} and {@link #EXITS_NETWORK}. */
public enum Disposition {
  /** Reached a NIC or private endpoint in the topology, or a platform address (168.63.129.16, 169.254.169.254). */
  DELIVERED,
  /** Left the modelled network toward an outside address (Internet, public Azure service, on-premises); see egress. */
  EXITS_NETWORK,
  /** Denied by an NSG on the way out (the source NIC's or subnet's, or an appliance's). */
  DENIED_NSG_OUTBOUND,
  /** Denied by an NSG on the way in (the destination subnet's or NIC's, or an appliance's). */
  DENIED_NSG_INBOUND,
  /** Denied by an Azure Firewall rule or its default deny. */
  DENIED_FIREWALL,
  /**
   * Dropped by the network: effective next hop None (also a peering refusing forwarded traffic, a NIC without IP
   * forwarding, a private endpoint connection that is not Approved, storage a service endpoint policy does not list).
   */
  NULL_ROUTED,
  /** Internet-bound from a private subnet without NAT gateway, public IP, load balancer outbound rule or appliance. */
  NO_OUTBOUND_CONNECTIVITY,
  /** Nothing public leads to the target (no public IP, a closed Standard public IP, an asymmetric return path). */
  NO_INBOUND_PATH,
  /** A name did not resolve to an address (NXDOMAIN from a linked private zone, or no DNS server answering). */
  DNS_UNRESOLVED,
  /** The packet came back to a hop it had already visited; the trace shows the cycle. */
  LOOP,
  /** The answer depends on something not in the input (a resource, a service tag, a feature not modelled yet). */
  INSUFFICIENT_INFO;

  public boolean reachable() {
    return this == DELIVERED || this == EXITS_NETWORK;
  }
}
