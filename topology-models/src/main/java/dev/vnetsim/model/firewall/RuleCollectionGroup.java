package dev.vnetsim.model.firewall;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Checks;
import dev.vnetsim.model.ResourceId;

/** A rule collection group of a firewall policy (priority 100–65000). */
public record RuleCollectionGroup(ResourceId id, String name, int priority, ImmutableList<RuleCollection> ruleCollections) {
  public RuleCollectionGroup {
    Checks.inRange(priority, 100, 65000, "priority");
  }
}
