package dev.vnetsim.model.firewall;

import java.util.Optional;

/** A rule collection's action. */
public enum FirewallAction {
  ALLOW,
  DENY,
  DNAT;

  public static Optional<FirewallAction> tryParse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "allow" -> Optional.of(ALLOW);
      case "deny" -> Optional.of(DENY);
      case "dnat", "snat" -> Optional.of(DNAT);
      default -> Optional.empty();
    };
  }
}
