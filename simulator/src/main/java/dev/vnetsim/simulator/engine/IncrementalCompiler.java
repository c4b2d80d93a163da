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

/**
 * Compiles a sequence of related topologies (aml-check's topology with a compute probe, then with each proposed fix;
 * a what-if's two sides): each is recompiled ({@link DataPlane#recompile}) from the most recent of the last
 * {@value #KEEP} data planes it differs from only locally ({@link LocalChange}), else from the first one compiled
 * (the topology every probe and fix starts from), else compiled from scratch. Finding the difference compares the
 * topologies resource by resource (equal instances are skipped), which costs far less than a compile. A topology
 * made from another by putting in a few resources (an Azure ML compute's probe) says so ({@link #derived}): it is
 * recompiled from that topology's plane with those resources as the difference, without comparing the topologies.
 * Thread-safe.
 */
public final class IncrementalCompiler implements Compiler {
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

  @Override
  public ReachabilityEngine derived(Topology topology, Topology base, Set<ResourceId> put) {
    return new DataPlaneEngine(dataPlane(topology, base, put));
  }

  /**
   * The data plane of {@code topology}, which is {@code base} with the resources {@code put} added or replaced:
   * recompiled from the plane of {@code base} (found or made as by {@link #dataPlane(Topology)}) with {@code put} as
   * the difference, when that change is local; else as {@link #dataPlane(Topology)}. The plane of {@code base} stays
   * the most recent but one, so that the next probe of the same topology starts from it too.
   */
  public DataPlane dataPlane(Topology topology, Topology base, Set<ResourceId> put) {
    DataPlane from = dataPlane(base);
    if (LocalChange.of(base, topology, put).isEmpty()) {
      return dataPlane(topology);
    }
    DataPlane out = DataPlane.recompile(from, topology, put); // outside the lock: probes recompile side by side
    synchronized (this) {
      remember(from); // the base again, for the probes recompiled meanwhile have pushed it down
      remember(out);
    }
    return out;
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
        remember(base);
        return base;
      }
    }
    for (DataPlane base : bases) {
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
    remember(out);
    return out;
  }

  /** Puts a plane first among the recent ones, forgetting the oldest beyond {@link #KEEP}. */
  private void remember(DataPlane out) {
    recent.remove(out);
    recent.addFirst(out);
    while (recent.size() > KEEP) {
      recent.removeLast();
    }
  }
}
