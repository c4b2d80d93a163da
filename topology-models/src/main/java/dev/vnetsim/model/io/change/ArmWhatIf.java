package dev.vnetsim.model.io.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vnetsim.model.InputPath;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.io.TopologyReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An ARM/Bicep what-if ({@code --arm-whatif}, the JSON of {@code az deployment group what-if --no-pretty-print}):
 * {@code changes[]} with {@code changeType}, {@code resourceId}, {@code before} and {@code after} (full resources in
 * the REST shape). As with a Terraform plan, the before side is the topology overlaid by the {@code before} bodies
 * (what-if read them from Azure; same id: what-if wins) and the after side takes each {@code after}: Create, Modify
 * and NoChange put it, Delete removes the resource, Ignore and NoEffect keep the topology's. Output without payloads
 * ({@code --result-format ResourceIdOnly}) is refused; Unsupported changes are noted and left out.
 */
public final class ArmWhatIf {
  private ArmWhatIf() {}

  public static ChangeSet apply(ArmResources base, Path file) {
    return apply(base, ChangeFile.source(file));
  }

  public static ChangeSet apply(ArmResources base, TopologyReader.Source file) {
    JsonNode root = TopologyReader.parseTree(file);
    InputPath at = InputPath.of(file.name());
    JsonNode changes = ArmTrees.member(root, "changes");
    InputPath changesAt = at.key("changes");
    if (changes == null && ArmTrees.member(root, "properties") != null) {
      changes = ArmTrees.member(ArmTrees.member(root, "properties"), "changes");
      changesAt = at.key("properties").key("changes");
    }
    if (changes == null || !changes.isArray()) {
      throw new InvalidTopologyException(changesAt, "is required (a list; write the file with az deployment group"
          + " what-if --no-pretty-print)");
    }
    ArmResources.Editor before = base.edit();
    ArmResources.Editor after = base.edit();
    List<PlanNote> notes = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      change(changes.get(i), changesAt.index(i), before, after, notes);
    }
    return ChangeSet.of(before.build(), after.build(), notes, List.of());
  }

  private static void change(JsonNode c, InputPath at, ArmResources.Editor before, ArmResources.Editor after,
      List<PlanNote> notes) {
    String type = ArmTrees.text(c, "changeType").orElseThrow(() -> new InvalidTopologyException(
        at.key("changeType"), "is required")).toLowerCase(Locale.ROOT);
    ResourceId id = ArmTrees.text(c, "resourceId").map(ResourceId::of).orElseThrow(() ->
        new InvalidTopologyException(at.key("resourceId"), "is required"));
    Optional<ObjectNode> was = body(c, "before", id, at);
    Optional<ObjectNode> will = body(c, "after", id, at);
    if (!type.equals("ignore") && !type.equals("noeffect") && !type.equals("unsupported")) {
      boolean fromAfter = type.equals("nochange") && will.isPresent(); // the resource as it is now
      InputPath currentAt = at.key(fromAfter ? "after" : "before");
      (fromAfter ? will : was).ifPresent(b -> {
        before.put(b, currentAt, List.of());
        after.put(b.deepCopy(), currentAt, List.of());
      });
    }
    switch (type) {
      case "create", "modify", "deploy" -> after.put(will.orElseThrow(() -> new InvalidTopologyException(
          at.key("after"), id.value(), "is required: this what-if has no resource payloads (--result-format"
              + " ResourceIdOnly); write it with --result-format FullResourcePayloads --no-pretty-print")),
          at.key("after"), List.of());
      case "delete" -> {
        if (!after.remove(id, at)) {
          notes.add(new PlanNote(id.value(), "", "is deleted by the deployment but is not in the topology"));
        }
      }
      case "nochange" -> { }
      case "ignore", "noeffect" -> { }
      case "unsupported" -> notes.add(new PlanNote(id.value(), "", "what-if could not evaluate this change ("
          + ArmTrees.text(c, "unsupportedReason").orElse("no reason given") + "); it is left out"));
      default -> throw new InvalidTopologyException(at.key("changeType"), id.value(), "must be one of Create,"
          + " Delete, Modify, NoChange, Ignore, NoEffect, Deploy, Unsupported, was '"
          + ArmTrees.text(c, "changeType").orElse("") + "'");
    }
  }

  /** A before/after body in the REST shape, with the change's id when the body has none. */
  private static Optional<ObjectNode> body(JsonNode c, String key, ResourceId id, InputPath at) {
    JsonNode b = ArmTrees.member(c, key);
    if (b == null || b.isNull()) {
      return Optional.empty();
    }
    if (!b.isObject()) {
      throw new InvalidTopologyException(at.key(key), id.value(), "must be a resource (an object), was "
          + JsonPatch.describe(b));
    }
    ObjectNode tree = ArmTrees.normalised(b);
    if (ArmTrees.id(tree).isEmpty()) {
      tree.put("id", id.value());
    }
    return Optional.of(tree);
  }
}
