package dev.vnetsim.simulator.aml;

import com.google.common.collect.ImmutableMap;
import dev.vnetsim.model.ResourceId;

/**
 * A concrete change that makes a failing row pass: an NSG rule, a route, or a NAT gateway to add. {@code arm} is
 * the resource or child in ARM shape (what to put in a template or {@code az} call); {@code verified} is true when
 * the tool applied the change to the topology and re-ran the row, and it passed.
 */
public record Fix(Kind kind, ResourceId target, String summary, ImmutableMap<String, Object> arm, boolean verified) {

  public enum Kind {
    NSG_RULE("nsgRule"),
    ROUTE("route"),
    NAT_GATEWAY("natGateway"),
    FIREWALL_RULE("firewallRule");

    private final String jsonName;

    Kind(String jsonName) {
      this.jsonName = jsonName;
    }

    public String jsonName() {
      return jsonName;
    }
  }

  public Fix withVerified(boolean v) {
    return new Fix(kind, target, summary, arm, v);
  }
}
