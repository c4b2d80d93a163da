package dev.vnetsim.model.io;

import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.ResourceId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The registry of per-type readers, and what all of them share: ids, names, locations. */
final class Readers {
  private Readers() {}

  /** Reads one resource of a known type into the collector. */
  @FunctionalInterface
  interface ResourceReader {
    void read(Collector c, Json at, ResourceId id);
  }

  private static final Map<String, ResourceReader> BY_TYPE = new HashMap<>();

  static {
    NetworkReaders.register(BY_TYPE);
    InterfaceReaders.register(BY_TYPE);
    GatewayReaders.register(BY_TYPE);
    SecurityReaders.register(BY_TYPE);
    FirewallReaders.register(BY_TYPE);
    DnsReaders.register(BY_TYPE);
    ComputeReaders.register(BY_TYPE);
  }

  /**
   * The resource type of an object: its {@code type} when that looks like an ARM type ({@code Provider/type}),
   * else the type its {@code id} implies (REST examples often omit {@code type}). Empty when it is not a resource.
   */
  static Optional<String> typeOf(Json at) {
    if (!at.isObject()) {
      return Optional.empty();
    }
    Json type = at.get("type");
    if (type.node().isTextual() && type.node().textValue().indexOf('/') > 0) {
      return Optional.of(type.node().textValue().trim());
    }
    Json id = at.get("id");
    return id.node().isTextual() ? ResourceId.of(id.node().textValue()).type() : Optional.empty();
  }

  /** Reads a resource of any type; unknown types are kept as other resources and counted, never an error. */
  static void read(Collector c, Json at, String type) {
    ResourceReader reader = BY_TYPE.get(type.toLowerCase(Locale.ROOT));
    Optional<ResourceId> id = at.get("id").text().filter(s -> !s.isBlank()).map(ResourceId::of);
    if (reader == null) {
      c.other(at, id, type);
      return;
    }
    ResourceId rid = id.orElseThrow(() -> at.get("id").error("is required"));
    try {
      reader.read(c, at, rid);
    } catch (InvalidTopologyException e) {
      throw e.forResource(rid.value());
    }
  }

  /** The {@code name}, else the id's last segment. */
  static String name(Json at, ResourceId id) {
    return at.get("name").text().filter(s -> !s.isBlank()).orElse(id.name());
  }

  /**
   * The region in Azure's canonical form ({@code West US} and {@code westus} are both {@code westus}), or "" when
   * absent; service-tag names such as {@code Storage.WestUS} are built from it.
   */
  static String location(Json at) {
    return at.get("location").text().orElse("").replace(" ", "").toLowerCase(Locale.ROOT);
  }

  /**
   * The id of a nested child: its own {@code id}, else {@code parent/<childType>/<name>} (hand-written input may
   * leave child ids out).
   */
  static ResourceId childId(Json at, ResourceId parent, String childType) {
    Optional<String> id = at.get("id").text().filter(s -> !s.isBlank());
    if (id.isPresent()) {
      return ResourceId.of(id.get());
    }
    String name = at.get("name").text().filter(s -> !s.isBlank()).orElseThrow(
        () -> at.get("name").error("is required (a nested " + childType + " entry needs an id or a name)"));
    return parent.child(childType, name);
  }

  /** An optional integer field that must lie in [min, max] when present; the error names the field's path. */
  static int intInRange(Json at, int fallback, int min, int max) {
    int v = at.integer().orElse(fallback);
    if (v < min || v > max) {
      throw at.error("must be between " + min + " and " + max + ", was " + v);
    }
    return v;
  }

  /** A required integer in [min, max]. */
  static int requiredIntInRange(Json at, int min, int max) {
    int v = at.integer().orElseThrow(() -> at.error("is required"));
    return intInRange(at, v, min, max);
  }
}
