package dev.vnetsim.model.firewall;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Checks;

/** A rule collection (policy or classic): one action for all its rules, priority 100–65000. */
public record RuleCollection(String name, Kind kind, int priority, FirewallAction action, ImmutableList<FirewallRule> rules) {

  /** Which rules a collection holds. */
  public enum Kind {
    NAT,
    NETWORK,
    APPLICATION,
    /** A policy filter collection: network and/or application rules. */
    FILTER
  }

  public RuleCollection {
    Checks.inRange(priority, 100, 65000, "priority");
  }
}
