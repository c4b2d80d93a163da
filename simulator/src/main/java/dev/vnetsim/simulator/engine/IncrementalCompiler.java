package dev.vnetsim.simulator.engine;

import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles a sequence of related topologies (aml-check's topology with a compute probe, then with each proposed fix;
 * a what-if's two sides): each is recompiled ({@link DataPlane#recompile}) from the most recent of the last
 * {@value #KEEP} data planes it differs from only locally ({@link LocalChange}), else from the first one compiled
 * (the topology every probe and fix starts from), else compiled from scratch. Finding the difference compares the
 * topologies resource by resource (equal instances are skipped), which costs far less than a compile. A topology
 * made from another by putting in a few resources (an Azure ML compute's probe) says so ({@link #derived}): it is
 * recompiled from a recent plane made from the same topology, with both sets of resources as the difference, without
 * comparing the topologies. Thread-safe.
 */
public final class IncrementalCompiler implements Compiler {
  static final int KEEP = 4;

  private final ServiceTagLookup tags;
  private final Deque<DataPlane> recent = new ArrayDeque<>();
  private DataPlane root;
  /** How the planes in {@code recent} that {@link #derived} made were made: from which topology, putting in what. */
  private final Map<DataPlane, Derivation> derivations = new IdentityHashMap<>();

  private record Derivation(Topology base, Set<ResourceId> put) {}

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
   * recompiled from a recent plane of {@code base} itself, or of {@code base} with other resources put in (then the
   * two sets of resources are all that differ), when the change is local; else as {@link #dataPlane(Topology)}.
   */
  public synchronized DataPlane dataPlane(Topology topology, Topology base, Set<ResourceId> put) {
    for (DataPlane p : recent) {
      Derivation d = derivations.get(p);
      Set<ResourceId> changed;
      if (p.topology() == base) {
        changed = put;
      } else if (d != null && d.base() == base) {
        changed = new HashSet<>(d.put());
        changed.addAll(put);
      } else {
        continue;
      }
      if (LocalChange.of(p.topology(), topology, changed).isPresent()) {
        DataPlane out = DataPlane.recompile(p, topology, changed);
        remember(out);
        derivations.put(out, new Derivation(base, Set.copyOf(put)));
        return out;
      }
    }
    DataPlane out = dataPlane(topology);
    derivations.put(out, new Derivation(base, Set.copyOf(put)));
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
    remember(out);
    return out;
  }

  /** Puts a plane first among the recent ones, forgetting the oldest beyond {@link #KEEP}. */
  private void remember(DataPlane out) {
    recent.remove(out);
    recent.addFirst(out);
    while (recent.size() > KEEP) {
      derivations.remove(recent.removeLast());
    }
  }
}
