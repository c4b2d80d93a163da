package dev.vnetsim.model.firewall;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.ResourceId;
import java.util.Optional;

/**
 * An Azure Firewall: where it sits (private IP in AzureFirewallSubnet, public IPs), and either classic rule
 * collections or a firewall policy.
 */
public record AzureFirewall(
    ResourceId id,
    String name,
    String location,
    String skuName,
    String skuTier,
    ImmutableList<IpConfig> ipConfigurations,
    Optional<ResourceId> firewallPolicy,
    ImmutableList<RuleCollection> natRuleCollections,
    ImmutableList<RuleCollection> networkRuleCollections,
    ImmutableList<RuleCollection> applicationRuleCollections,
    String threatIntelMode) {

  public record IpConfig(String name, Optional<IpAddress> privateIpAddress, Optional<ResourceId> subnet,
      Optional<ResourceId> publicIpAddress) {}

  public Optional<IpAddress> privateIpAddress() {
    return ipConfigurations.stream().flatMap(c -> c.privateIpAddress().stream()).findFirst();
  }
}
