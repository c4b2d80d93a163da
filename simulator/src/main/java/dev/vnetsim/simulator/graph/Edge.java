package dev.vnetsim.simulator.graph;

import dev.vnetsim.model.IpSet;

/**
 * An edge of the forwarding graph: a NIC attached to its subnet, or a route of a subnet's effective table (labelled
 * by route name and next hop). Edges are unique objects by {@code id}: JGraphT ignores an equal edge (STYLE §2).
 */
public record Edge(int id, Kind kind, String label, IpSet destinations) {

  /** Attachment or route. */
  public enum Kind {
    ATTACHED,
    ROUTE
  }
}
