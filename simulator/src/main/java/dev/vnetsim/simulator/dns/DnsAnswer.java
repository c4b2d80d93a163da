package dev.vnetsim.simulator.dns;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.ResourceId;
import java.util.Optional;

/**
 * What a name resolves to from one VNet (DESIGN §4; azure-semantics.md §5.3). {@code chain} lists each step in DNS
 * words ({@code a.blob.core.windows.net CNAME a.privatelink.blob.core.windows.net}, {@code … A 10.1.1.5}); {@code
 * notes} say how the resolver was chosen (custom DNS servers, a firewall's DNS proxy).
 */
public sealed interface DnsAnswer {

  String name();

  ImmutableList<String> chain();

  ImmutableList<Note> notes();

  /** How the resolver was reached or the answer found, where that is a modelling choice the trace must name. */
  enum Note {
    /** The VNet uses custom DNS servers, taken to forward to Azure DNS from that VNet (§5.3). */
    CUSTOM_DNS_SERVERS,
    /** The VNet's DNS server is an Azure Firewall with DNS proxy: the firewall's VNet resolves (§4.3). */
    FIREWALL_DNS_PROXY,
    /** A public name answered by the FQDN catalogue (an assumption about public DNS, DESIGN §4). */
    CATALOGUE,
    /** The catalogue's {@code <region>} was filled with the source's region: the account is not in the input. */
    CATALOGUE_SOURCE_REGION,
    /** No zone and no catalogue entry knows the name: an unknown public address outside every service tag. */
    UNKNOWN_PUBLIC,
    /** The address was pinned with {@code --resolve}. */
    PINNED
  }

  /** Where the addresses came from. */
  enum Source {
    PINNED,
    PRIVATE_ZONE,
    CATALOGUE,
    UNKNOWN_PUBLIC
  }

  /**
   * The name resolved. {@code zone} is the private zone that answered; {@code serviceTag} the catalogue's tag (with
   * {@code <region>} filled in); {@code addresses} one address, or a tag's set when only the catalogue knows the name.
   */
  record Resolved(String name, IpSet addresses, Source source, Optional<ResourceId> zone,
      Optional<String> serviceTag, ImmutableList<String> chain, ImmutableList<Note> notes) implements DnsAnswer {

    /** Whether the answer is one exact address set (a zone record or a pin), not a catalogue superset or a guess. */
    public boolean exact() {
      return source == Source.PINNED || source == Source.PRIVATE_ZONE;
    }
  }

  /**
   * No address: NXDOMAIN from an authoritative private zone linked to the VNet (§5.3 derived: a resource with a private
   * endpoint and no record in the linked zone), or a DNS server that does not answer. {@code by} is the zone (or
   * firewall) and {@code record} the missing record's relative name.
   */
  record Unresolved(String name, ResourceId by, String record, String why, ImmutableList<String> chain,
      ImmutableList<Note> notes) implements DnsAnswer {}

  /** The answer depends on something not in the input (a service tag missing from the data). */
  record Unknown(String name, String why, ImmutableList<String> chain, ImmutableList<Note> notes)
      implements DnsAnswer {}
}
