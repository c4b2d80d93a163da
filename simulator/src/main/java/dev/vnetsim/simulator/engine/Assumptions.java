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
  /** §4.2 step 1: threat intelligence in Deny mode is taken to match nothing (its feed is not in the input). */
  FW_THREAT_INTEL("threat intelligence in Alert-and-deny mode is taken to match no flow: its feed of known-malicious"
      + " addresses and FQDNs is not in the input (azure-semantics.md §4.2 step 1)"),
  /** §4.3: network-rule FQDNs need DNS proxy; without it they match nothing. */
  FW_NETWORK_FQDN_NEEDS_PROXY("FQDNs in firewall network rules need DNS proxy; with DNS proxy off (or on a classic"
      + " firewall, whose DNS settings are not read) they match nothing (azure-semantics.md §4.3 [FW-FQDNNET])"),
  /** §4.3: a network-rule FQDN matches a flow addressed to that same public name. */
  FW_NETWORK_FQDN_BY_NAME("a network-rule FQDN matches a flow addressed to the same public name: the client and the"
      + " firewall's DNS proxy get the same public answer (azure-semantics.md §4.3 [FW-FQDNNET])"),
  /** §4.3 / DESIGN §4: a network-rule FQDN nobody can resolve is taken not to resolve to the flow's address. */
  FW_NETWORK_FQDN_UNRESOLVED("a network-rule FQDN that no private zone, --resolve pin or catalogue entry knows is"
      + " taken to resolve to an address other than the flow's (azure-semantics.md §4.3; DESIGN §4)"),
  /** §4.4 / §4.8: application rules match names; a bare-IP flow has none. */
  FW_APP_RULE_NEEDS_NAME("a flow to a bare IP address carries no FQDN (SNI or Host header) for application rules to"
      + " match, so no application rule matches it (azure-semantics.md §4.4, §4.8)"),
  /** §4.2 step 4 / §4.4: a TCP flow on an application rule's port speaks its protocol and carries the name. */
  FW_APP_RULE_PROTOCOL("a TCP flow to a port an application rule lists is taken to speak that rule's protocol (http,"
      + " https, mssql) and to carry its destination FQDN as Host header or SNI (azure-semantics.md §4.2 step 4, §4.4)"),
  /** §4.2 step 5: the built-in infrastructure rule collection is not modelled. */
  FW_INFRASTRUCTURE_RULES("the firewall's built-in infrastructure rule collection (platform FQDNs) is not modelled:"
      + " its FQDN list is not in the sources, so a flow only it would allow is shown at the default action"
      + " (azure-semantics.md §4.2 step 5)"),
  /** §4.5 / §11.16: DNAT-matched traffic gets no further network-rule processing (the 2026 text). */
  FW_DNAT_FINAL("DNAT-matched traffic is translated and allowed with no further network-rule processing, as the 2026"
      + " text says (azure-semantics.md §4.5, §11.16)"),
  /** §4.6: SNAT private ranges are the IANA defaults. */
  FW_SNAT_PRIVATE_RANGES("the firewall's SNAT private ranges are the default IANAPrivateRanges (10/8, 172.16/12,"
      + " 192.168/16, 100.64/10); a policy's snat.privateRanges is not read (azure-semantics.md §4.6)"),
  /** §4.6 / §11.17: application-rule SNAT toward private destinations uses the firewall's private IP. */
  FW_APP_SNAT_SOURCE("after an application rule toward a private destination the firewall connects from its private"
      + " IP; the instance address it really uses in AzureFirewallSubnet is not in the input (azure-semantics.md §4.6,"
      + " §11.17)"),
  /** §4.3: firewall protocol Any = every IP protocol, or TCP+UDP with ports. */
  FW_ANY_PROTOCOL("a firewall network rule with protocol Any matches every IP protocol (since 2020-11-09), or TCP and"
      + " UDP when it names destination ports (azure-semantics.md §4.3)"),
  /** §3.1 / §11.7: a NAT gateway on AzureFirewallSubnet takes the firewall's Internet egress. */
  FW_NAT_GATEWAY("a NAT gateway on AzureFirewallSubnet takes over the firewall's Internet egress: its traffic leaves"
      + " with the NAT gateway's address (azure-semantics.md §3.1, §11.7)"),
  /** DESIGN §4: a catalogue answer. */
  DNS_CATALOGUE("FQDN resolved through the public catalogue: the name resolves to some address of the service tag"
      + " (DESIGN §4; azure-semantics.md §5.3)"),
  /** DESIGN §3: the catalogue's region is the source's when the account is not in the input. */
  DNS_SOURCE_REGION("the catalogue's <region> is the source's region: the storage account behind the name is not in"
      + " the input (DESIGN §3)"),
  /** DESIGN §3 / §4: an unknown public name. */
  DNS_UNKNOWN_NAME("an FQDN that no linked private zone and no catalogue entry knows resolves to an unknown public"
      + " address outside every service tag, shown as 203.0.113.80 (DESIGN §3, §4)"),
  /** §5.3: custom DNS servers forward to Azure DNS from the VNet. */
  DNS_CUSTOM_SERVERS("the VNet uses custom DNS servers; they are taken to forward to Azure DNS (168.63.129.16) from"
      + " that VNet, so its private zone links apply (azure-semantics.md §5.3)"),
  /** §4.3 / §5.3: a firewall's DNS proxy resolves in the firewall's VNet. */
  DNS_FIREWALL_PROXY("the VNet's DNS server is an Azure Firewall with DNS proxy: names resolve as Azure DNS answers in"
      + " the firewall's VNet, with that VNet's private zone links (azure-semantics.md §4.3, §5.3)"),
  /** §1.8: the platform tags the service-tag file does not list. */
  PLATFORM_TAGS("AzurePlatformDNS is 168.63.129.16/32 and AzurePlatformIMDS is 169.254.169.254/32: the service-tag file"
      + " does not list them, and they name the platform traffic NSGs otherwise skip (azure-semantics.md §1.8)"),
  /** §6: a service endpoint policy's denial is shown as NULL_ROUTED. */
  SEP_DISPOSITION("traffic a service endpoint policy does not allow is reported NULL_ROUTED (dropped by the platform"
      + " at the service endpoint), decided by the policy and its definition (azure-semantics.md §6)"),
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
