package dev.vnetsim.model.io;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.LoadWarning;
import dev.vnetsim.model.Topology;

/** What {@link TopologyReader} read: the valid topology (warnings included) and what each input file held. */
public record TopologyLoad(Topology topology, ImmutableList<FileLoad> files) {

  /** How a file was laid out. */
  public enum Shape {
    /** One resource object. */
    RESOURCE,
    /** A JSON array of resources ({@code az … list}). */
    LIST,
    /** {@code {"value": [...]}} (REST list). */
    VALUE_LIST,
    /** {@code {"data": [...]}} or {@code {"count", "data"}} (Resource Graph). */
    RESOURCE_GRAPH,
    /** Empty, or not an object or array. */
    NONE
  }

  /** One input file: its name as given, its shape and how many resources it held (modelled or skipped). */
  public record FileLoad(String file, Shape shape, int resources) {}

  public ImmutableList<LoadWarning> warnings() {
    return topology.warnings();
  }
}
