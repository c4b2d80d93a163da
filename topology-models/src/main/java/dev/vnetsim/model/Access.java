package dev.vnetsim.model;

import java.util.Optional;

/** NSG rule access. */
public enum Access {
  ALLOW("Allow"),
  DENY("Deny");

  private final String armName;

  Access(String armName) {
    this.armName = armName;
  }

  public String armName() {
    return armName;
  }

  public static Optional<Access> tryParse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "allow" -> Optional.of(ALLOW);
      case "deny" -> Optional.of(DENY);
      default -> Optional.empty();
    };
  }
}
