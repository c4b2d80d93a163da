package dev.vnetsim.simulator.engine;

import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import java.util.Set;
import java.util.function.Function;

/** Compiles topologies into engines ({@link IncrementalCompiler} reuses what earlier compilations built). */
@FunctionalInterface
public interface Compiler extends Function<Topology, ReachabilityEngine> {

  /**
   * The engine of {@code topology}, which is {@code base} with the resources {@code put} added or replaced (and
   * nothing else changed): a compiler may use that to skip comparing the topologies. By default, {@link #apply}.
   */
  default ReachabilityEngine derived(Topology topology, Topology base, Set<ResourceId> put) {
    return apply(topology);
  }
}
