package dev.vnetsim.model.io;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.LoadWarning;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Re-reads a few changed resources of a topology without reading the rest again (what-if applies a one-rule change to
 * an estate of 100,000 resources). The result is the topology a full read of the changed input would give: the same
 * resources in the same order, the same validation and the same warnings with the same paths. When that cannot be
 * guaranteed cheaply, {@link #apply} declines and the caller reads everything ({@link TopologyReader#readTrees}):
 * <ul>
 *   <li>reading the base's resources gave warnings (a standalone child without its parent, a tree that is not a
 *       resource), which a re-read could not attribute (warnings about whole files are not repeated by any re-read,
 *       full or not: the edited input is read as resource trees);
 *   <li>a changed resource, old or new, read alone (with its standalone children) gives anything but itself in one
 *       map (a child without its parent, an unmodelled type, a warning), or an error;
 *   <li>an id it defines was defined more than once in the input, or is defined elsewhere;
 *   <li>the result is invalid, or warns under {@code --strict} (the full read gives the exact error).
 * </ul>
 */
public final class Reread {
  private Reread() {}

  /** A read topology and what re-reading part of it needs: where each id was read. */
  public static final class Base {
    private final Topology topology;
    private final Map<ResourceId, Json> origins;
    private final Set<ResourceId> repeated;
    private final boolean clean;

    private Base(Topology topology, Map<ResourceId, Json> origins, Set<ResourceId> repeated, boolean clean) {
      this.topology = topology;
      this.origins = origins;
      this.repeated = repeated;
      this.clean = clean;
    }

    static Base of(Topology topology, Collector c) {
      return new Base(topology, c.origins(), c.repeated(), c.readWarnings == c.fileWarnings);
    }

    public Topology topology() {
      return topology;
    }
  }

  /**
   * One resource as read: the trees it was read from (several when the input repeats it or lists its children, such
   * as rule collection groups or security rules, as resources of their own).
   */
  public record Resource(ImmutableList<TopologyReader.Tree> trees) {}

  /**
   * The topology of {@code base} with the resources {@code removed} taken out and {@code added} put in (a resource
   * in both, by id, is replaced in place; new ones go last, in the order given), or empty when a full read is needed.
   */
  public static Optional<Base> apply(Base base, List<Resource> removed, List<Resource> added, boolean strict) {
    if (!base.clean) {
      return Optional.empty();
    }
    Map<ResourceId, Json> origins = new Overlay<>(base.origins); // the base's paths, with this change's laid over
    Topology.Builder b = base.topology.toBuilder();
    b.warnings.clear();
    List<Map<ResourceId, ?>> maps = b.resourceMaps();
    Set<ResourceId> replaced = new HashSet<>();
    for (Resource r : removed) {
      Optional<Alone> old = Alone.read(r);
      if (old.isEmpty() || !old.get().same(base.origins, base.repeated)) {
        return Optional.empty();
      }
      old.get().origins().keySet().forEach(origins::remove);
      replaced.add(old.get().id());
    }
    Set<ResourceId> kept = new HashSet<>();
    for (Resource r : added) {
      Optional<Alone> now = Alone.read(r);
      if (now.isEmpty() || now.get().clashes(origins, base.repeated) || !kept.add(now.get().id())) {
        return Optional.empty();
      }
      Map<ResourceId, ?> map = maps.get(now.get().map());
      if (map.containsKey(now.get().id()) != replaced.contains(now.get().id())) {
        return Optional.empty(); // defined by another resource of the input, or the type changed
      }
      origins.putAll(now.get().origins());
      now.get().putInto(maps);
    }
    for (ResourceId id : replaced) {
      if (!kept.contains(id)) {
        maps.forEach(m -> m.remove(id));
      }
    }
    Topology unchecked = b.build();
    List<LoadWarning> warnings;
    try {
      TopologyValidator.validate(unchecked, origins, base.topology); // the base was validated when it was read
      warnings = References.dangling(unchecked, origins);
    } catch (InvalidTopologyException e) {
      return Optional.empty();
    }
    if (strict && !warnings.isEmpty()) {
      return Optional.empty();
    }
    Topology.Builder out = unchecked.toBuilder();
    out.warnings.clear();
    out.warnings.addAll(warnings);
    return Optional.of(new Base(out.build(), origins, base.repeated, true));
  }

  /**
   * A resource read on its own, with the standalone children given with it: exactly one id in one map, with the ids
   * (its children's too) it was read at.
   */
  private record Alone(int map, ResourceId id, Object value, ImmutableMap<ResourceId, Json> origins) {

    static Optional<Alone> read(Resource r) {
      Collector c = new Collector(false);
      try {
        for (TopologyReader.Tree t : r.trees()) {
          Json at = Json.at(t.resource(), t.at());
          Optional<String> type = Readers.typeOf(at);
          if (type.isEmpty()) {
            return Optional.empty();
          }
          Readers.read(c, at, type.get());
        }
        Assembly.join(c);
      } catch (InvalidTopologyException e) {
        return Optional.empty();
      }
      if (!c.warnings().isEmpty() || !c.unnamedSkipped().isEmpty()) {
        return Optional.empty();
      }
      List<Map<ResourceId, ?>> maps = c.topology.resourceMaps();
      int found = -1;
      for (int i = 0; i < maps.size(); i++) {
        if (!maps.get(i).isEmpty()) {
          if (found >= 0 || maps.get(i).size() != 1 || maps.get(i) == c.topology.otherResources) {
            return Optional.empty();
          }
          found = i;
        }
      }
      if (found < 0) {
        return Optional.empty();
      }
      Map.Entry<ResourceId, ?> e = maps.get(found).entrySet().iterator().next();
      return Optional.of(new Alone(found, e.getKey(), e.getValue(), ImmutableMap.copyOf(c.origins())));
    }

    /** Whether the base read defined each of these ids here, once, at the same path. */
    boolean same(Map<ResourceId, Json> baseOrigins, Set<ResourceId> repeated) {
      for (Map.Entry<ResourceId, Json> o : origins.entrySet()) {
        Json had = baseOrigins.get(o.getKey());
        if (had == null || repeated.contains(o.getKey()) || !had.path().equals(o.getValue().path())) {
          return false;
        }
      }
      return true;
    }

    /** Whether another resource of the input defines one of these ids. */
    boolean clashes(Map<ResourceId, Json> others, Set<ResourceId> repeated) {
      return origins.keySet().stream().anyMatch(k -> others.containsKey(k) || repeated.contains(k));
    }

    @SuppressWarnings("unchecked")
    void putInto(List<Map<ResourceId, ?>> maps) {
      ((Map<ResourceId, Object>) maps.get(map)).put(id, value);
    }
  }
}
