package dev.vnetsim.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.InputPath;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A JSON (or YAML) node with its place in the input. Keys are matched case-insensitively and paths keep the input's
 * own spelling, so an error points at exactly what the user wrote. {@link #field} reads ARM properties from either
 * shape: from the {@code properties} object when there is one (REST, Resource Graph), else from the object itself
 * (the az CLI's flattened shape).
 */
final class Json {
  private final JsonNode node;
  // The path is built only when asked for (errors, warnings): loading a large estate reads millions of nodes.
  private final Json parent;
  private final String key;
  private final int index;
  private InputPath path;

  private Json(JsonNode node, InputPath path) {
    this(node, null, null, -1);
    this.path = path;
  }

  private Json(JsonNode node, Json parent, String key, int index) {
    this.node = node == null ? MissingNode.getInstance() : node;
    this.parent = parent;
    this.key = key;
    this.index = index;
  }

  static Json root(JsonNode node, String file) {
    return new Json(node, InputPath.of(file));
  }

  /** A node at a given place in the input (a resource tree read on its own, see TopologyReader.readTrees). */
  static Json at(JsonNode node, InputPath path) {
    return new Json(node, path);
  }

  /** A missing node (for an absent optional field). */
  static Json missing() {
    return new Json(MissingNode.getInstance(), InputPath.ROOT);
  }

  /** A text node at this node's path (one part of a comma-separated value). */
  Json withText(String text) {
    return new Json(TextNode.valueOf(text), path());
  }

  InputPath path() {
    InputPath p = path;
    if (p == null) {
      p = key != null ? parent.path().key(key) : parent.path().index(index);
      path = p;
    }
    return p;
  }

  JsonNode node() {
    return node;
  }

  /** Absent or JSON null. */
  boolean isMissing() {
    return node.isMissingNode() || node.isNull();
  }

  boolean isObject() {
    return node.isObject();
  }

  boolean isArray() {
    return node.isArray();
  }

  /** The member {@code key} of this object, matched case-insensitively; a missing node (with its path) if absent. */
  Json get(String key) {
    if (node.isObject()) {
      JsonNode exact = node.get(key);
      if (exact != null) {
        return new Json(exact, this, key, -1);
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (e.getKey().equalsIgnoreCase(key)) {
          return new Json(e.getValue(), this, e.getKey(), -1);
        }
      }
    }
    return new Json(MissingNode.getInstance(), this, key, -1);
  }

  /** An ARM property: {@code properties.key} when present, else {@code key} on the object itself. */
  Json field(String key) {
    Json p = get("properties");
    Json inProperties = null;
    if (p.isObject()) {
      inProperties = p.get(key);
      if (!inProperties.isMissing()) {
        return inProperties;
      }
    }
    Json v = get(key);
    if (!v.isMissing() || inProperties == null) {
      return v;
    }
    return inProperties;
  }

  /** An ARM property spelled one of two ways ({@code ipProtocols} in policies, {@code protocols} in classic rules). */
  Json field(String key, String alternative) {
    Json v = field(key);
    return v.isMissing() ? field(alternative) : v;
  }

  /** The elements of an array with their paths; empty when missing; an error when not an array. */
  List<Json> elements() {
    if (isMissing()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw error("must be a list, was " + describe());
    }
    List<Json> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      out.add(new Json(node.get(i), this, null, i));
    }
    return out;
  }

  /** A scalar as text; empty when missing; an error for objects and arrays. */
  Optional<String> text() {
    if (isMissing()) {
      return Optional.empty();
    }
    if (!node.isValueNode()) {
      throw error("must be a single value, was " + describe());
    }
    return Optional.of(node.asText());
  }

  String requiredText() {
    String s = text().orElse("");
    if (s.isBlank()) {
      throw error("is required");
    }
    return s;
  }

  boolean bool(boolean fallback) {
    if (isMissing()) {
      return fallback;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    String s = text().orElse("").trim();
    if (s.equalsIgnoreCase("true")) {
      return true;
    }
    if (s.equalsIgnoreCase("false")) {
      return false;
    }
    throw error("must be true or false, was " + describe());
  }

  Optional<Integer> integer() {
    if (isMissing()) {
      return Optional.empty();
    }
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return Optional.of(node.intValue());
    }
    if (node.isTextual()) {
      try {
        return Optional.of(Integer.parseInt(node.textValue().trim()));
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw error("must be an integer, was " + describe());
  }

  /**
   * The ARM id of a reference: {@code {"id": "..."}} (the id's path) or a bare id string. Empty when missing or
   * when the id is blank.
   */
  Optional<ResourceId> ref() {
    return refAt().text().filter(s -> !s.isBlank()).map(ResourceId::of);
  }

  /** Where a reference's id sits: {@code x.id} for an object, {@code x} for a bare string. */
  Json refAt() {
    return node.isObject() ? get("id") : this;
  }

  /** The ids of a list of references ({@code [{"id": ...}]} or strings). */
  ImmutableList<ResourceId> refs() {
    return elements().stream().flatMap(e -> e.ref().stream()).collect(ImmutableList.toImmutableList());
  }

  /** The texts of a list of scalars; a single scalar counts as a list of one. */
  ImmutableList<String> texts() {
    if (!isMissing() && !node.isArray()) {
      return text().map(ImmutableList::of).orElse(ImmutableList.of());
    }
    return elements().stream().flatMap(e -> e.text().stream()).collect(ImmutableList.toImmutableList());
  }

  /** Applies a model parser to this node's text; its error (thrown with an empty path) is re-rooted here. */
  <T> T parse(Function<String, T> parser) {
    String s = requiredText();
    try {
      return parser.apply(s);
    } catch (InvalidTopologyException e) {
      throw e.under(path());
    }
  }

  InvalidTopologyException error(String reason) {
    return new InvalidTopologyException(path(), reason);
  }

  /** A short rendering of the value for messages: {@code '10.0.0.1'}, {@code 5}, {@code a list}. */
  String describe() {
    if (isMissing()) {
      return "nothing";
    }
    if (node.isTextual()) {
      return "'" + node.textValue() + "'";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "an object";
    }
    return node.asText();
  }
}
