package dev.vnetsim.simulator.routing;

/** Effective route {@code source} (azure-semantics.md §2.4.8). */
public enum RouteSource {
  DEFAULT("Default"),
  USER("User"),
  VIRTUAL_NETWORK_GATEWAY("VirtualNetworkGateway");

  private final String armName;

  RouteSource(String armName) {
    this.armName = armName;
  }

  public String armName() {
    return armName;
  }
}
