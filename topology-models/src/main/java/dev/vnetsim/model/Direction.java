package dev.vnetsim.model;

import java.util.Optional;

/** NSG rule direction. */
public enum Direction {
  INBOUND("Inbound"),
  OUTBOUND("Outbound");

  private final String armName;

  Direction(String armName) {
    this.armName = armName;
  }

  public String armName() {
    return armName;
  }

  public static Optional<Direction> tryParse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "inbound", "in" -> Optional.of(INBOUND);
      case "outbound", "out" -> Optional.of(OUTBOUND);
      default -> Optional.empty();
    };
  }
}
