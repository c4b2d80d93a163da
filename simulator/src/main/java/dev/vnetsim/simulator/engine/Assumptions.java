package dev.vnetsim.simulator.engine;

/**
 * Every choice the simulator makes where azure-semantics.md is ambiguous or silent, in one place. Each is emitted in a
 * trace's {@code assumptions} (as {@code CODE: text}) when it affected the answer. Choices follow today's Azure.
 */
public enum Assumptions {
  /** §1.2 / §11.1: NSG protocol {@code *} matches every IP protocol, ESP and AH included; ports only apply to TCP/UDP. */
  ANY_PROTOCOL("NSG protocol '*' matches every IP protocol (ESP and AH included); ports are only checked for TCP and"
      + " UDP (azure-semantics.md §1.2, §11.1)"),
  /** §1.7 / §11.5: the VirtualNetwork tag holds the explicit prefixes of every UDR in the subnet's table. */
  VNET_TAG_UDR_PREFIXES("the VirtualNetwork tag of a subnet includes the explicit address prefixes of every user route"
      + " in its route table, 0.0.0.0/0 included; service-tag routes add nothing (azure-semantics.md §1.7, §11.5)"),
  /** §1.7 / §11.6: Internet is public space minus private/shared/special ranges and the VNet-side address spaces. */
  INTERNET_TAG("the Internet tag is public address space: everything outside 0/8, 10/8, 100.64/10, 127/8, 169.254/16,"
      + " 172.16/12, 192.168/16, 224/3, 168.63.129.16 and the VNet, peered and gateway address spaces"
      + " (azure-semantics.md §1.7, §11.6)"),
  /** §7 / §11.20: allowVirtualNetworkAccess=false removes the peer's space from VirtualNetwork; routes stay. */
  PEERING_ACCESS("a peering with allowVirtualNetworkAccess=false keeps its routes but leaves the peered space out of the"
      + " VirtualNetwork tag, so only NSG rules decide (azure-semantics.md §7, §11.20)"),
  /** §2.4.5 / §11.3: a 0.0.0.0/0 user or gateway route to an appliance or gateway removes the reserved None routes. */
  FORCED_TUNNEL_RESERVED("a user (or gateway) route 0.0.0.0/0 to a virtual appliance or gateway removes the 10/8,"
      + " 100.64/10, 172.16/12 and 192.168/16 None routes, as the routing example shows (azure-semantics.md §2.4.5,"
      + " §11.3)"),
  /** §2.4.3 / §11.4: on an equal prefix a service endpoint route beats user and BGP routes. */
  SE_OVER_UDR("on an equal prefix a service endpoint route wins over user and gateway routes (azure-semantics.md §2.4.3,"
      + " §6, §11.4)"),
  /** §2.3: a virtual appliance with IP forwarding forwards every packet unchanged. */
  APPLIANCE_FORWARDS("the virtual appliance forwards every packet it receives unchanged (no filtering, no SNAT in the"
      + " guest) (azure-semantics.md §2.3)"),
  /** §3.2: a subnet that does not say otherwise has default outbound access. */
  DEFAULT_OUTBOUND_ACCESS("the subnet does not set defaultOutboundAccess, so it is taken as not private: default"
      + " outbound access applies (azure-semantics.md §3.2, §11.8)"),
  /** §1.5: NSGs are evaluated on the packet that opens the flow; replies of an allowed flow pass. */
  STATEFUL_RETURN("NSGs are stateful: only the packet that opens the flow is evaluated, and its replies are allowed"
      + " (azure-semantics.md §1.5)"),
  /** §7: a peering with unknown remote region is taken as regional (VNetPeering). */
  PEERING_REGION("the remote VNet of a peering is not in the input; the peering is shown as regional (VNetPeering)");

  private final String text;
  private final String line;

  Assumptions(String text) {
    this.text = text;
    this.line = name() + ": " + text;
  }

  public String text() {
    return text;
  }

  /** {@code CODE: text}, as traces list it. */
  public String line() {
    return line;
  }

  /** An assumption about one resource ({@code CODE (detail): text}). */
  public String line(String detail) {
    return name() + " (" + detail + "): " + text;
  }
}
