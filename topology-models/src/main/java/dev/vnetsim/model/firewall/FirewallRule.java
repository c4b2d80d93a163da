package dev.vnetsim.model.firewall;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import java.util.Optional;

/** A firewall rule: network, application or NAT (policy {@code ruleType}, or the classic collection it sits in). */
public sealed interface FirewallRule {

  String name();

  ImmutableList<AddressMatch> sourceAddresses();

  ImmutableList<ResourceId> sourceIpGroups();

  /** A network rule: protocols, addresses (prefixes, ranges, service tags), IP groups, FQDNs and ports. */
  record NetworkRule(
      String name,
      ImmutableList<Protocol> protocols,
      ImmutableList<AddressMatch> sourceAddresses,
      ImmutableList<ResourceId> sourceIpGroups,
      ImmutableList<AddressMatch> destinationAddresses,
      ImmutableList<ResourceId> destinationIpGroups,
      ImmutableList<String> destinationFqdns,
      ImmutableList<PortRange> destinationPorts) implements FirewallRule {}

  /** An application rule: protocol/port pairs and target FQDNs (wildcards allowed), FQDN tags, web categories. */
  record ApplicationRule(
      String name,
      ImmutableList<AppProtocol> protocols,
      ImmutableList<AddressMatch> sourceAddresses,
      ImmutableList<ResourceId> sourceIpGroups,
      ImmutableList<String> targetFqdns,
      ImmutableList<String> fqdnTags,
      ImmutableList<String> webCategories,
      ImmutableList<String> targetUrls,
      boolean terminateTls) implements FirewallRule {}

  /** A DNAT rule: destination (the firewall's public IP) and port, translated address or FQDN and port. */
  record NatRule(
      String name,
      ImmutableList<Protocol> protocols,
      ImmutableList<AddressMatch> sourceAddresses,
      ImmutableList<ResourceId> sourceIpGroups,
      ImmutableList<AddressMatch> destinationAddresses,
      ImmutableList<PortRange> destinationPorts,
      Optional<String> translatedAddress,
      Optional<String> translatedFqdn,
      Optional<Integer> translatedPort) implements FirewallRule {}

  /** {@code Http:80}, {@code Https:443}, {@code Mssql:1433}. */
  record AppProtocol(String type, int port) {}
}
