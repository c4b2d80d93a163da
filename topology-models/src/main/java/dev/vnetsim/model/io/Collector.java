package dev.vnetsim.model.io;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.LoadWarning;
import dev.vnetsim.model.OtherResource;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.dns.DnsRecordSet;
import dev.vnetsim.model.dns.VirtualNetworkLink;
import dev.vnetsim.model.firewall.RuleCollectionGroup;
import dev.vnetsim.model.network.Route;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.model.network.VnetPeering;
import dev.vnetsim.model.security.SecurityRule;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the per-kind readers produce: resources by id (the same id twice must have the same content), standalone
 * children waiting for their parent, where each thing was defined (for error paths), and the warnings so far.
 */
final class Collector {

  /** A standalone child resource ({@code virtualNetworks/subnets}) to be merged into its parent by id. */
  record Child<T>(ResourceId parent, ResourceId id, T value, Json at) {}

  final Topology.Builder topology = Topology.builder();
  final List<Child<Subnet>> subnets = new ArrayList<>();
  final List<Child<VnetPeering>> peerings = new ArrayList<>();
  final List<Child<SecurityRule>> securityRules = new ArrayList<>();
  final List<Child<SecurityRule>> defaultSecurityRules = new ArrayList<>();
  final List<Child<Route>> routes = new ArrayList<>();
  final List<Child<RuleCollectionGroup>> ruleCollectionGroups = new ArrayList<>();
  final List<Child<DnsRecordSet>> recordSets = new ArrayList<>();
  final List<Child<VirtualNetworkLink>> virtualNetworkLinks = new ArrayList<>();

  private final boolean strict;
  /** How many warnings reading and merging gave (set by {@link Assembly}, before references are checked). */
  int readWarnings = -1;
  /** How many of them are about a whole input file (empty, no resources, a next page), not about a resource. */
  int fileWarnings;
  private final Map<ResourceId, Json> origins = new HashMap<>();
  private final Set<ResourceId> repeated = new HashSet<>();
  private final Map<String, Integer> unnamedSkipped = new LinkedHashMap<>();
  private final List<LoadWarning> warnings = new ArrayList<>();

  Collector(boolean strict) {
    this.strict = strict;
  }

  /** Where {@code id} was first defined; readers record every resource and child they read. */
  void origin(ResourceId id, Json at) {
    Json first = origins.putIfAbsent(id, at);
    if (first != null && first.node() != at.node()) {
      repeated.add(id);
    }
  }

  Map<ResourceId, Json> origins() {
    return origins;
  }

  /** Ids defined more than once, by different JSON objects (the first definition is the origin). */
  Set<ResourceId> repeated() {
    return repeated;
  }

  /** Adds a resource; the same id again must come with equal content. */
  <T> void put(Map<ResourceId, T> map, ResourceId id, T value, Json at) {
    T old = map.get(id);
    if (old == null) {
      map.put(id, value);
      origin(id, at);
    } else if (!old.equals(value)) {
      throw conflict(id, old, value, at);
    }
  }

  /** A standalone child: its parent is named by its id. */
  <T> void child(List<Child<T>> children, ResourceId id, T value, Json at) {
    ResourceId parent = id.parent().orElseThrow(() -> at.get("id").error(
        "a child resource's id must name its parent, was '" + id + "'"));
    children.add(new Child<>(parent, id, value, at));
    origin(id, at);
  }

  /** A resource of a type the model does not use: kept by id (a possible target) and counted. */
  void other(Json at, Optional<ResourceId> id, String type) {
    if (id.isEmpty()) {
      unnamedSkipped.merge(type.toLowerCase(Locale.ROOT), 1, Integer::sum);
      return;
    }
    String name = at.get("name").text().orElse(id.get().name());
    OtherResource seen = topology.otherResources.get(id.get());
    String spelling = seen != null && seen.type().equalsIgnoreCase(type) ? seen.type() : type; // types ignore case
    put(topology.otherResources, id.get(), new OtherResource(id.get(), name, spelling, Readers.location(at)), at);
  }

  /**
   * Records a warning; in strict mode the first warning is an error instead (same path, resource and text).
   */
  void warn(LoadWarning w) {
    if (strict) {
      throw new InvalidTopologyException(w.path(), w.resource().map(ResourceId::value).orElse(null), w.message());
    }
    warnings.add(w);
  }

  List<LoadWarning> warnings() {
    return warnings;
  }

  Map<String, Integer> unnamedSkipped() {
    return unnamedSkipped;
  }

  /** A list of nested children of one parent, with duplicate ids checked as for top-level resources. */
  <T> Children<T> children(Function<T, ResourceId> idOf) {
    return new Children<>(idOf);
  }

  final class Children<T> {
    private final Function<T, ResourceId> idOf;
    private final Map<ResourceId, T> byId = new LinkedHashMap<>();

    private Children(Function<T, ResourceId> idOf) {
      this.idOf = idOf;
    }

    /** Reads one child; errors inside it name the child's id. */
    void read(Json at, ResourceId id, Supplier<T> reader) {
      T value;
      try {
        value = reader.get();
      } catch (InvalidTopologyException e) {
        throw e.forResource(id.value());
      }
      add(value, at);
    }

    void add(T value, Json at) {
      ResourceId id = idOf.apply(value);
      try {
        put(byId, id, value, at);
      } catch (InvalidTopologyException e) {
        throw e.forResource(id.value());
      }
    }

    /** The children so far, in input order. */
    ImmutableList<T> build() {
      return ImmutableList.copyOf(byId.values());
    }
  }

  InvalidTopologyException conflict(ResourceId id, Object old, Object value, Json at) {
    Json first = origins.get(id);
    String where = first == null ? "" : " at " + first.path();
    return new InvalidTopologyException(at.path(), id.value(), "the same id must not be defined twice with different"
        + " content, was defined before" + where + " with a different " + firstDifference(old, value));
  }

  /** The name of the first record component in which two values differ (for the duplicate-id message). */
  private static String firstDifference(Object a, Object b) {
    if (a.getClass().isRecord() && a.getClass() == b.getClass()) {
      for (RecordComponent c : a.getClass().getRecordComponents()) {
        try {
          if (!Objects.equals(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) {
            return c.getName();
          }
        } catch (ReflectiveOperationException e) {
          break;
        }
      }
    }
    return "content";
  }
}
