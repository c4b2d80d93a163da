package dev.vnetsim.simulator.routing;

/** Effective route {@code state}: the winner of an equal-prefix tie is Active, the losers Invalid (§2.4.2). */
public enum RouteState {
  ACTIVE("Active"),
  INVALID("Invalid");

  private final String armName;

  RouteState(String armName) {
    this.armName = armName;
  }

  public String armName() {
    return armName;
  }
}
