package dev.vnetsim.model.io.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.vnetsim.model.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The attributes of a Terraform resource (or of one nested block) with their {@code after_unknown} and configuration
 * {@code expressions} mirrors. A value the model needs that is unknown at plan time throws {@link Unknown} (the
 * caller keeps the resource as it was, or leaves a new one out), unless it is a reference that the configuration
 * resolves to another resource in the plan; an optional value that is unknown is left unset with a note. Nothing
 * unknown is ever replaced by a default.
 */
final class TfValues {

  /** A needed value that is unknown at plan time; {@code attribute} is its path ({@code security_rule[1].priority}). */
  static final class Unknown extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String attribute;

    Unknown(String attribute) {
      super(attribute, null, false, false);
      this.attribute = attribute;
    }
  }

  private final JsonNode values;
  private final JsonNode unknown;
  private final JsonNode expressions;
  private final String path;
  private final PlanContext.Reading reading;

  TfValues(JsonNode values, JsonNode unknown, JsonNode expressions, String path, PlanContext.Reading reading) {
    this.values = values == null ? MissingNode.getInstance() : values;
    this.unknown = unknown == null ? MissingNode.getInstance() : unknown;
    this.expressions = expressions == null ? MissingNode.getInstance() : expressions;
    this.path = path;
    this.reading = reading;
  }

  /** Whether the value (or anything inside it) is unknown at plan time. */
  boolean isUnknown(String key) {
    return anyTrue(unknown.get(key));
  }

  private static boolean anyTrue(JsonNode n) {
    if (n == null) {
      return false;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    for (JsonNode c : n) {
      if (anyTrue(c)) {
        return true;
      }
    }
    return false;
  }

  boolean has(String key) {
    JsonNode v = values.get(key);
    return v != null && !v.isNull() || isUnknown(key);
  }

  String attribute(String key) {
    return path + key;
  }

  /** A needed text value ("" when absent or null); unknown → resolved through the configuration, else thrown. */
  String text(String key) {
    if (isUnknown(key)) {
      return reading.resolve(expressions.get(key), key).orElseThrow(() -> new Unknown(attribute(key)));
    }
    JsonNode v = values.get(key);
    return v == null || v.isNull() || !v.isValueNode() ? "" : v.asText();
  }

  /** A non-blank text value, empty when absent; unknown → left unset with a note. */
  Optional<String> optionalText(String key) {
    if (isUnknown(key)) {
      Optional<String> resolved = reading.resolve(expressions.get(key), key);
      if (resolved.isEmpty()) {
        reading.note(attribute(key), "unknown at plan time; left unset");
      }
      return resolved;
    }
    return Optional.of(text(key)).filter(s -> !s.isBlank());
  }

  /** A reference to another resource by ARM id; empty when absent or blank; unknown → resolved, else thrown. */
  Optional<ResourceId> ref(String key) {
    return Optional.of(text(key)).filter(s -> !s.isBlank()).map(ResourceId::of);
  }

  /** As {@link #ref}, but an unknown value that the configuration does not resolve is left unset with a note. */
  Optional<ResourceId> optionalRef(String key) {
    return optionalText(key).map(ResourceId::of);
  }

  /** A list (or set) of texts, blanks dropped; a single text counts as a list of one. */
  List<String> texts(String key) {
    if (isUnknown(key)) {
      throw new Unknown(attribute(key));
    }
    JsonNode v = values.get(key);
    List<String> out = new ArrayList<>();
    if (v != null && v.isArray()) {
      v.forEach(e -> {
        if (e.isValueNode() && !e.isNull() && !e.asText().isBlank()) {
          out.add(e.asText());
        }
      });
    } else if (v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank()) {
      out.add(v.asText());
    }
    return out;
  }

  Optional<Boolean> bool(String key) {
    if (isUnknown(key)) {
      throw new Unknown(attribute(key));
    }
    JsonNode v = values.get(key);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asBoolean());
  }

  Optional<Integer> integer(String key) {
    if (isUnknown(key)) {
      throw new Unknown(attribute(key));
    }
    JsonNode v = values.get(key);
    return v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank() ? Optional.empty()
        : Optional.of(v.asInt());
  }

  /** The nested blocks {@code key} (a list or set of objects); the whole list unknown is thrown. */
  List<TfValues> blocks(String key) {
    if (unknown.get(key) != null && unknown.get(key).isBoolean() && unknown.get(key).booleanValue()) {
      throw new Unknown(attribute(key));
    }
    JsonNode v = values.get(key);
    List<TfValues> out = new ArrayList<>();
    if (v != null && v.isArray()) {
      for (int i = 0; i < v.size(); i++) {
        out.add(new TfValues(v.get(i), element(unknown.get(key), i), element(expressions.get(key), i),
            path + key + "[" + i + "].", reading));
      }
    }
    return out;
  }

  /** Like {@link #blocks}, but a list that is unknown as a whole is left out with a note. */
  List<TfValues> optionalBlocks(String key) {
    try {
      return blocks(key);
    } catch (Unknown u) {
      reading.note(u.attribute, "unknown at plan time; left unset");
      return List.of();
    }
  }

  private static JsonNode element(JsonNode n, int i) {
    return n != null && n.isArray() && i < n.size() ? n.get(i) : null;
  }
}
