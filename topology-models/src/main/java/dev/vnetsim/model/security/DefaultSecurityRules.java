package dev.vnetsim.model.security;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Access;
import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;

/** Azure's six default rules, exactly as ARM returns them (azure-semantics.md §1.3). */
public final class DefaultSecurityRules {
  private DefaultSecurityRules() {}

  public static ImmutableList<SecurityRule> forNsg(ResourceId nsg) {
    return ImmutableList.of(
        rule(nsg, "AllowVnetInBound", 65000, Direction.INBOUND, Access.ALLOW, "VirtualNetwork", "VirtualNetwork",
            "Allow inbound traffic from all VMs in VNET"),
        rule(nsg, "AllowAzureLoadBalancerInBound", 65001, Direction.INBOUND, Access.ALLOW, "AzureLoadBalancer", "*",
            "Allow inbound traffic from azure load balancer"),
        rule(nsg, "DenyAllInBound", 65500, Direction.INBOUND, Access.DENY, "*", "*", "Deny all inbound traffic"),
        rule(nsg, "AllowVnetOutBound", 65000, Direction.OUTBOUND, Access.ALLOW, "VirtualNetwork", "VirtualNetwork",
            "Allow outbound traffic from all VMs to all VMs in VNET"),
        rule(nsg, "AllowInternetOutBound", 65001, Direction.OUTBOUND, Access.ALLOW, "*", "Internet",
            "Allow outbound traffic from all VMs to Internet"),
        rule(nsg, "DenyAllOutBound", 65500, Direction.OUTBOUND, Access.DENY, "*", "*", "Deny all outbound traffic"));
  }

  private static SecurityRule rule(ResourceId nsg, String name, int priority, Direction direction, Access access,
      String source, String destination, String description) {
    return new SecurityRule(nsg.child("defaultSecurityRules", name), name, true, priority, direction, access,
        Protocol.ANY, ImmutableList.of(AddressMatch.parse(source)), ImmutableList.of(),
        ImmutableList.of(PortRange.ALL), ImmutableList.of(AddressMatch.parse(destination)), ImmutableList.of(),
        ImmutableList.of(PortRange.ALL), description);
  }
}
