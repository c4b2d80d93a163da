package dev.vnetsim.simulator.trace;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.vnetsim.model.ResourceId;
import java.util.Optional;

/**
 * The rule or route that decided a flow (DESIGN §3): {@code resourceId} is the container (NSG, firewall policy, route
 * table, or the subnet for a system route when no table is attached), {@code ruleName} the rule in Azure's words
 * ({@code securityRules/X}, {@code defaultSecurityRules/DenyAllInBound}, a user route's name or {@code System Route}).
 */
public record DecidedBy(ResourceId resourceId, String ruleName, Optional<Integer> priority) {
  public DecidedBy {
    checkNotNull(resourceId, "resourceId");
    checkNotNull(ruleName, "ruleName");
    checkNotNull(priority, "priority");
  }

  public static DecidedBy rule(ResourceId container, String ruleName, int priority) {
    return new DecidedBy(container, ruleName, Optional.of(priority));
  }

  public static DecidedBy route(ResourceId container, String routeName) {
    return new DecidedBy(container, routeName, Optional.empty());
  }
}
