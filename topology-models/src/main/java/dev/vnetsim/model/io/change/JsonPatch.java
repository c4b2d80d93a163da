package dev.vnetsim.model.io.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.InputPath;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.ResourceId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * RFC 6902 operations whose paths start with an ARM id: the document is every resource keyed by its id, so
 * {@code /<nsg id>/properties/securityRules/2} is element 2 of that NSG's rules. ARM ids contain slashes, so the id
 * is the longest prefix of the path that names a resource (ignoring case), or a child nested in one (a rule id
 * reaches the rule inside its NSG); the rest is a JSON pointer into it. {@code add} of a path that names no
 * resource adds a new resource with that id.
 */
final class JsonPatch {
  private JsonPatch() {}

  /** A path resolved to a resource: the top-level tree, the pointer to the resource in it, the rest of the path. */
  private record Target(ResourceId id, ArmResources.Location location, Pointer resource, Pointer rest) {
    Pointer full() {
      return resource.append(rest.tokens());
    }
  }

  /** Applies one operation ({@code op} already lower-cased) at {@code at} ({@code file: $[i]}). */
  static void apply(ArmResources.Editor e, JsonNode op, String name, InputPath at, InputPath origin) {
    switch (name) {
      case "add" -> add(e, text(op, "path", at), value(op, at), at.key("path"), origin);
      case "remove" -> remove(e, existing(e, text(op, "path", at), at.key("path")), at.key("path"), origin);
      case "replace" -> {
        Target t = existing(e, text(op, "path", at), at.key("path"));
        JsonNode value = value(op, at);
        run(t, at.key("path"), () -> {
          if (t.rest().isRoot()) {
            replaceWhole(e, t, value, at.key("value"), origin);
          } else {
            t.full().replace(e.mutable(t.location().top(), origin), value);
          }
        });
      }
      case "test" -> test(e, existing(e, text(op, "path", at), at.key("path")), value(op, at), at.key("path"));
      case "move", "copy" -> {
        String from = text(op, "from", at);
        Target source = existing(e, from, at.key("from"));
        JsonNode value = run(source, at.key("from"), () -> source.full().get(e.node(top(source))).deepCopy());
        String path = text(op, "path", at);
        if (name.equals("move")) {
          Optional<Target> to = find(e, path);
          if (to.isPresent() && to.get().location().top().equals(source.location().top())
              && source.full().isProperPrefixOf(to.get().full())) {
            throw new InvalidTopologyException(at.key("from"), source.id().value(),
                "must not be a parent of path '" + path + "' (a value cannot be moved into itself)");
          }
          remove(e, source, at.key("from"), origin);
        }
        add(e, path, value, at.key("path"), origin);
      }
      default -> throw new IllegalArgumentException(name);
    }
  }

  private static ArmResources.Location top(Target t) {
    return ArmResources.Location.of(t.location().top());
  }

  private static void add(ArmResources.Editor e, String path, JsonNode value, InputPath at, InputPath origin) {
    Optional<Target> t = find(e, path);
    if (t.isEmpty()) {
      if (!idPart(path).equals(path)) { // a path into the properties of a resource that is not there
        throw new InvalidTopologyException(at, idPart(path), "no resource with this id in the topology (to add a"
            + " resource, give its id as the path and the whole resource as the value)");
      }
      ResourceId id = ResourceId.of(path);
      if (!value.isObject()) {
        throw new InvalidTopologyException(at, id.value(), "names no resource in the topology, so the value must be"
            + " a new resource (an object), was " + describe(value));
      }
      ObjectNode tree = withId(value, id, at);
      if (id.parent().isPresent() && ArmTrees.childList(id).isPresent() && !e.contains(id.parent().get())) {
        throw new InvalidTopologyException(at, id.value(), "the parent " + id.parent().get()
            + " is not in the topology");
      }
      e.put(tree, origin, List.of());
      return;
    }
    Target target = t.get();
    run(target, at, () -> {
      if (target.rest().isRoot()) {
        replaceWhole(e, target, value, at, origin);
      } else {
        target.full().add(e.mutable(target.location().top(), origin), value);
      }
    });
  }

  private static void remove(ArmResources.Editor e, Target t, InputPath at, InputPath origin) {
    if (t.rest().isRoot()) {
      e.remove(t.id(), origin);
    } else {
      run(t, at, () -> t.full().remove(e.mutable(t.location().top(), origin)));
    }
  }

  private static void test(ArmResources.Editor e, Target t, JsonNode expected, InputPath at) {
    JsonNode actual = run(t, at, () -> t.full().get(e.node(top(t))));
    if (!TreeDiff.same(actual, expected)) {
      throw new InvalidTopologyException(at, t.id().value(), "test failed: " + (t.rest().isRoot() ? "the resource"
          : t.rest().toString()) + " is " + describe(actual) + ", expected " + describe(expected));
    }
  }

  /** Replaces a whole resource (or nested child) with {@code value}, whose id must be the one in the path. */
  private static void replaceWhole(ArmResources.Editor e, Target t, JsonNode value, InputPath at, InputPath origin) {
    if (!value.isObject()) {
      throw new InvalidTopologyException(at, t.id().value(), "must be a resource (an object) to replace the whole"
          + " resource, was " + describe(value));
    }
    ObjectNode tree = withId(value, t.id(), at);
    if (t.location().nested()) {
      ObjectNode top = e.mutable(t.location().top(), origin);
      ((ArrayNode) ArmTrees.member(ArmTrees.properties(top), t.location().list().get()))
          .set(t.location().index(), tree);
    } else {
      e.put(tree, origin, List.of());
    }
  }

  /** The value as a resource tree in the REST shape, with the path's id (it must not name another). */
  private static ObjectNode withId(JsonNode value, ResourceId id, InputPath at) {
    ObjectNode tree = ArmTrees.normalised(value);
    Optional<ResourceId> own = ArmTrees.id(tree);
    if (own.isPresent() && !own.get().equals(id)) {
      throw new InvalidTopologyException(at, id.value(), "the value's id '" + own.get() + "' is not the id in the"
          + " path");
    }
    if (own.isEmpty()) {
      tree.put("id", id.value());
    }
    return tree;
  }

  /** Resolves a path that must name an existing resource. */
  private static Target existing(ArmResources.Editor e, String path, InputPath at) {
    return find(e, checked(path, at)).orElseThrow(() -> new InvalidTopologyException(at, idPart(path),
        "no resource with this id in the topology"));
  }

  /** The longest prefix of the path that names a resource, and the pointer after it. */
  private static Optional<Target> find(ArmResources.Editor e, String path) {
    String[] segs = path.substring(1).split("/", -1);
    for (int k = segs.length; k >= 1; k--) {
      ResourceId id = ResourceId.of("/" + String.join("/", Arrays.copyOfRange(segs, 0, k)));
      Optional<ArmResources.Location> l = e.locate(id);
      if (l.isPresent()) {
        Pointer resource = l.get().nested() ? new Pointer(ImmutableList.of("properties",
            l.get().list().get(), Integer.toString(l.get().index()))) : Pointer.ROOT;
        return Optional.of(new Target(id, l.get(), resource,
            Pointer.decode(Arrays.asList(segs).subList(k, segs.length))));
      }
    }
    return Optional.empty();
  }

  /** For a message about a path naming no resource: the part before the first {@code properties} segment. */
  private static String idPart(String path) {
    int p = path.toLowerCase(Locale.ROOT).indexOf("/properties/");
    if (p < 0 && path.toLowerCase(Locale.ROOT).endsWith("/properties")) {
      p = path.length() - "/properties".length();
    }
    return p < 0 ? path : path.substring(0, p);
  }

  private static String checked(String path, InputPath at) {
    if (!path.startsWith("/") || path.length() < 2) {
      throw new InvalidTopologyException(at, "must be '/' followed by an ARM id and a JSON pointer into the"
          + " resource, was '" + path + "'");
    }
    return path;
  }

  private static String text(JsonNode op, String key, InputPath at) {
    JsonNode v = ArmTrees.member(op, key);
    if (v == null || !v.isTextual()) {
      throw new InvalidTopologyException(at.key(key), "is required (a JSON Patch " + ArmTrees.text(op, "op")
          .orElse("") + " operation needs '" + key + "')");
    }
    return checked(v.textValue(), at.key(key));
  }

  private static JsonNode value(JsonNode op, InputPath at) {
    JsonNode v = ArmTrees.member(op, "value");
    if (v == null) {
      throw new InvalidTopologyException(at.key("value"), "is required (a JSON Patch " + ArmTrees.text(op, "op")
          .orElse("") + " operation needs 'value')");
    }
    return v;
  }

  /** Runs a pointer operation; a missing step becomes the one-line error for this path. */
  private static <T> T run(Target t, InputPath at, java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (Pointer.Missing m) {
      throw new InvalidTopologyException(at, t.id().value(), "'" + t.rest() + "' does not exist in the resource: "
          + m.getMessage());
    }
  }

  private static void run(Target t, InputPath at, Runnable action) {
    run(t, at, () -> {
      action.run();
      return null;
    });
  }

  static String describe(JsonNode v) {
    String s = v == null ? "nothing" : v.toString();
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
