package dev.vnetsim.model.security;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.ResourceId;

/** An NSG with its custom rules and Azure's default rules (always six when read from input without them). */
public record NetworkSecurityGroup(
    ResourceId id,
    String name,
    String location,
    ImmutableList<SecurityRule> securityRules,
    ImmutableList<SecurityRule> defaultSecurityRules) {

  /** Custom then default rules of one direction, sorted by priority (lower first). */
  public ImmutableList<SecurityRule> rules(Direction direction) {
    return ImmutableList.<SecurityRule>builder()
        .addAll(securityRules.stream().filter(r -> r.direction() == direction)
            .sorted(java.util.Comparator.comparingInt(SecurityRule::priority)).iterator())
        .addAll(defaultSecurityRules.stream().filter(r -> r.direction() == direction)
            .sorted(java.util.Comparator.comparingInt(SecurityRule::priority)).iterator())
        .build();
  }
}
