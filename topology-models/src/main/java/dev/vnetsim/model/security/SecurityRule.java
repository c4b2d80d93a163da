package dev.vnetsim.model.security;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Access;
import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.Checks;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;

/**
 * One NSG rule with the singular and plural ARM fields merged ({@code sourceAddressPrefix} +
 * {@code sourceAddressPrefixes}, ...). Sources are address terms or ASGs (ARM allows one or the other).
 * Custom rules have priorities 100–4096; default rules 65000–65500.
 */
public record SecurityRule(
    ResourceId id,
    String name,
    boolean isDefault,
    int priority,
    Direction direction,
    Access access,
    Protocol protocol,
    ImmutableList<AddressMatch> sourceAddresses,
    ImmutableList<ResourceId> sourceApplicationSecurityGroups,
    ImmutableList<PortRange> sourcePortRanges,
    ImmutableList<AddressMatch> destinationAddresses,
    ImmutableList<ResourceId> destinationApplicationSecurityGroups,
    ImmutableList<PortRange> destinationPortRanges,
    String description) {

  public SecurityRule {
    Checks.nonBlank(name, "name");
    if (isDefault) {
      Checks.inRange(priority, 65000, 65500, "priority");
    } else {
      Checks.inRange(priority, 100, 4096, "priority");
    }
    Checks.check(!sourceAddresses.isEmpty() || !sourceApplicationSecurityGroups.isEmpty(), "sourceAddressPrefix",
        "a rule needs a source address prefix or a source application security group");
    Checks.check(!destinationAddresses.isEmpty() || !destinationApplicationSecurityGroups.isEmpty(),
        "destinationAddressPrefix",
        "a rule needs a destination address prefix or a destination application security group");
    Checks.nonEmpty(sourcePortRanges, "sourcePortRange");
    Checks.nonEmpty(destinationPortRanges, "destinationPortRange");
  }

  /** The name as Azure's effective security rules show it: {@code securityRules/X} or {@code defaultSecurityRules/X}. */
  public String qualifiedName() {
    return (isDefault ? "defaultSecurityRules/" : "securityRules/") + name;
  }
}
