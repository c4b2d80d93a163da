package dev.vnetsim.model.io.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vnetsim.model.InputPath;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.io.TopologyReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A change file ({@code --change}, JSON or YAML): a list whose elements are RFC 6902 operations with paths that
 * start with an ARM id ({@code {"op": "remove", "path": "/<nsg id>/properties/securityRules/2"}}, see
 * {@link JsonPatch}) or resource operations ({@code {"op": "put", "resource": {…}}}, {@code {"op": "delete",
 * "id": "…"}}), applied in order. A change must apply cleanly: an id not in the topology, a path that does not exist
 * or a failed {@code test} is invalid input naming the file, the operation's JSON path and the id. The result is
 * read and validated like any input; errors inside a resource the file changed name {@code <file> (after)} and the
 * path in the changed resource.
 */
public final class ChangeFile {
  private ChangeFile() {}

  private static final String OPS = "add, remove, replace, move, copy, test, put, delete";

  public static ChangeSet apply(ArmResources before, Path file) {
    return apply(before, source(file));
  }

  public static ChangeSet apply(ArmResources before, TopologyReader.Source file) {
    return ChangeSet.of(before, edited(before, file).build(), List.of(), List.of());
  }

  /** The file's operations applied to a working copy of {@code before}, not yet read back. */
  static ArmResources.Editor edited(ArmResources before, TopologyReader.Source file) {
    JsonNode root = TopologyReader.parseTree(file);
    InputPath at = InputPath.of(file.name());
    if (!root.isArray()) {
      throw new InvalidTopologyException(at, "must be a list of changes (JSON Patch operations, or {op: put|delete}),"
          + " was " + (root.isObject() ? "an object" : JsonPatch.describe(root)));
    }
    InputPath after = InputPath.of(file.name() + " (after)");
    ArmResources.Editor e = before.edit();
    for (int i = 0; i < root.size(); i++) {
      JsonNode op = root.get(i);
      InputPath opAt = at.index(i);
      if (!op.isObject()) {
        throw new InvalidTopologyException(opAt, "must be an object with 'op', was " + JsonPatch.describe(op));
      }
      String name = ArmTrees.text(op, "op").orElseThrow(() -> new InvalidTopologyException(opAt.key("op"),
          "is required (one of " + OPS + ")")).toLowerCase(Locale.ROOT);
      switch (name) {
        case "add", "remove", "replace", "move", "copy", "test" -> JsonPatch.apply(e, op, name, opAt, after);
        case "put" -> put(e, op, opAt);
        case "delete" -> delete(e, op, opAt, after);
        default -> throw new InvalidTopologyException(opAt.key("op"), "must be one of " + OPS + ", was '"
            + ArmTrees.text(op, "op").orElse("") + "'");
      }
    }
    return e;
  }

  /** Creates or replaces a resource (a child whose parent is in the topology goes into the parent). */
  private static void put(ArmResources.Editor e, JsonNode op, InputPath at) {
    JsonNode resource = ArmTrees.member(op, "resource");
    if (resource == null || !resource.isObject()) {
      throw new InvalidTopologyException(at.key("resource"), "is required (the ARM resource to put, an object)");
    }
    InputPath resourceAt = at.key(ArmTrees.memberName(op, "resource").orElseThrow());
    ObjectNode tree = ArmTrees.normalised(resource);
    ResourceId id = ArmTrees.id(tree).orElseThrow(() -> new InvalidTopologyException(resourceAt.key("id"),
        "is required (the ARM id of the resource to put)"));
    Optional<ResourceId> parent = id.parent();
    if (!e.contains(id) && parent.isPresent() && ArmTrees.childList(id).isPresent() && !e.contains(parent.get())) {
      throw new InvalidTopologyException(resourceAt.key("id"), id.value(), "the parent " + parent.get()
          + " is not in the topology");
    }
    e.put(tree, resourceAt, List.of());
  }

  private static void delete(ArmResources.Editor e, JsonNode op, InputPath at, InputPath after) {
    InputPath idAt = at.key("id");
    Optional<String> id = ArmTrees.text(op, "id");
    if (id.isEmpty()) {
      JsonNode resource = ArmTrees.member(op, "resource");
      idAt = at.key("resource").key("id");
      id = resource == null ? Optional.empty() : ArmTrees.text(resource, "id");
    }
    if (id.isEmpty()) {
      throw new InvalidTopologyException(at.key("id"), "is required (the ARM id of the resource to delete)");
    }
    if (!e.remove(ResourceId.of(id.get()), after)) {
      throw new InvalidTopologyException(idAt, id.get(), "no resource with this id in the topology");
    }
  }

  /** Reads a file named on the command line (its name as given is used in messages). */
  static TopologyReader.Source source(Path file) {
    try {
      return new TopologyReader.Source(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new InvalidTopologyException(InputPath.of(file.toString()), "cannot be read: " + e);
    }
  }
}
