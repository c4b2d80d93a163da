package dev.vnetsim.model;

import java.util.Collection;

/** Input checks for compact constructors: each throws {@link InvalidTopologyException} with a relative path. */
public final class Checks {
  private Checks() {}

  public static int inRange(int value, int min, int max, String field) {
    if (value < min || value > max) {
      throw InvalidTopologyException.at(field, "must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  public static <T extends Collection<?>> T nonEmpty(T values, String field) {
    if (values.isEmpty()) {
      throw InvalidTopologyException.at(field, "must not be empty");
    }
    return values;
  }

  public static String nonBlank(String value, String field) {
    if (value == null || value.isBlank()) {
      throw InvalidTopologyException.at(field, "is required");
    }
    return value;
  }

  public static void check(boolean condition, String field, String reason) {
    if (!condition) {
      throw InvalidTopologyException.at(field, reason);
    }
  }
}
