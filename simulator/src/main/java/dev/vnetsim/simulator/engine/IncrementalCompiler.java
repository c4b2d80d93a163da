package dev.vnetsim.simulator.engine;

import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Compiles a sequence of related topologies (aml-check's topology with a compute probe, then with each proposed fix;
 * a what-if's two sides): each is recompiled ({@link DataPlane#recompile}) from the most recent of the last
 * {@value #KEEP} data planes it differs from only locally ({@link LocalChange}), else from the first one compiled
 * (the topology every probe and fix starts from), else compiled from scratch. Finding the difference compares the
 * topologies resource by resource (equal instances are skipped), which costs far less than a compile. Thread-safe.
 */
public final class IncrementalCompiler implements Function<Topology, ReachabilityEngine> {
  static final int KEEP = 4;

  private final ServiceTagLookup tags;
  private final Deque<DataPlane> recent = new ArrayDeque<>();
  private DataPlane root;

  public IncrementalCompiler(ServiceTagLookup tags) {
    this.tags = tags;
  }

  @Override
  public ReachabilityEngine apply(Topology topology) {
    return new DataPlaneEngine(dataPlane(topology));
  }

  /** The data plane of {@code topology}, recompiled from a recent one when the change allows it. */
  public synchronized DataPlane dataPlane(Topology topology) {
    DataPlane out = null;
    List<DataPlane> bases = new ArrayList<>(recent);
    if (root != null && !recent.contains(root)) {
      bases.add(root);
    }
    for (DataPlane base : bases) {
      if (base.topology() == topology) {
        out = base;
        break;
      }
      Set<ResourceId> changed = LocalChange.differences(base.topology(), topology);
      Optional<LocalChange> local = LocalChange.of(base.topology(), topology, changed);
      if (local.isPresent()) {
        out = DataPlane.recompile(base, topology, changed);
        break;
      }
    }
    if (out == null) {
      out = DataPlane.compile(topology, tags);
      if (root == null) {
        root = out;
      }
    }
    recent.remove(out);
    recent.addFirst(out);
    while (recent.size() > KEEP) {
      recent.removeLast();
    }
    return out;
  }
}
