package dev.vnetsim.model.io.change;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vnetsim.model.InputPath;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.io.TopologyReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Terraform plan ({@code --plan}, the JSON of {@code terraform show -json <planfile>}, {@code format_version} 1.x)
 * as the two sides of a what-if. Before: the topology overlaid by the plan's {@code prior_state} (root module and
 * child modules; same id: the plan wins). After: the same base with {@code resource_changes} applied (create, update
 * and replace take {@code after}; delete removes; no-op, read and forget keep). azurerm network resources become ARM
 * resources ({@link AzurermToArm}); a created resource whose id is unknown gets one synthesised from subscription
 * (the most common one in the plan), resource group, type and name. Values unknown at plan time are never defaulted:
 * see {@link TfValues}. {@code resource_drift} is not applied.
 */
public final class TerraformPlan {
  private TerraformPlan() {}

  private static final Pattern SUBSCRIPTION = Pattern.compile("(?i)/subscriptions/([^/]+)/");
  private static final Pattern NETWORK_TYPES = Pattern.compile("azurerm_.*(network|subnet|firewall|route|nat_gateway"
      + "|private_|public_ip|lb|vpn|express_route|application_gateway|dns|bastion|virtual_hub|virtual_wan|peering"
      + "|ip_group|virtual_machine|machine_learning_compute).*");
  private static final String DEFAULT_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

  private enum Action { NO_OP, CREATE, READ, UPDATE, DELETE, REPLACE, FORGET }

  public static ChangeSet apply(ArmResources base, Path plan) {
    return apply(base, ChangeFile.source(plan));
  }

  public static ChangeSet apply(ArmResources base, TopologyReader.Source plan) {
    JsonNode root = TopologyReader.parseTree(plan);
    InputPath at = InputPath.of(plan.name());
    checkFormat(root, at);
    Map<String, TfResource> prior = new LinkedHashMap<>();
    JsonNode state = root.path("prior_state").path("values").path("root_module");
    collect(state, prior);
    Map<String, TfResource> after = new LinkedHashMap<>(prior);
    List<PlanNote> planNotes = new ArrayList<>();
    JsonNode changes = root.path("resource_changes");
    for (int i = 0; i < changes.size(); i++) {
      change(changes.get(i), at.key("resource_changes").index(i), prior, after, planNotes);
    }
    Set<ResourceId> baseIds = new LinkedHashSet<>(base.ids());
    PlanContext ctx = new PlanContext(plan.name(), subscription(root, baseIds, planNotes), prior, after,
        expressions(root), baseIds);
    List<PlanPiece> beforePieces = pieces(ctx, prior, Map.of());
    List<PlanPiece> afterPieces = pieces(ctx, after, prior);
    // links set by associations: the prior ones on the before side; on the after side also the new ones, so that
    // a deleted association clears its link and a new one replaces what the topology had
    Set<String> ownedBefore = PlanOverlay.links(beforePieces);
    Set<String> ownedAfter = new LinkedHashSet<>(ownedBefore);
    ownedAfter.addAll(PlanOverlay.links(afterPieces));
    ArmResources.Editor before = base.edit();
    PlanOverlay.apply(before, beforePieces, ownedBefore, ctx);
    ArmResources.Editor afterEdit = base.edit();
    Set<ResourceId> gone = PlanOverlay.produced(beforePieces);
    gone.removeAll(PlanOverlay.produced(afterPieces));
    gone.forEach(id -> afterEdit.remove(id, InputPath.of(ctx.planName)));
    PlanOverlay.apply(afterEdit, afterPieces, ownedAfter, ctx);
    List<PlanNote> notes = new ArrayList<>(planNotes);
    notes.addAll(ctx.notes);
    return ChangeSet.of(before.build(), afterEdit.build(), notes, ctx.synthesised);
  }

  private static void checkFormat(JsonNode root, InputPath at) {
    if (!root.isObject()) {
      throw new InvalidTopologyException(at, "must be the JSON of terraform show -json <planfile>, was "
          + JsonPatch.describe(root));
    }
    JsonNode v = root.get("format_version");
    if (v == null || !v.isTextual()) {
      throw new InvalidTopologyException(at.key("format_version"), "is required (terraform show -json <planfile>"
          + " writes it)");
    }
    if (!v.textValue().split("\\.")[0].equals("1")) {
      throw new InvalidTopologyException(at.key("format_version"), "must be 1.x (the plan JSON of Terraform 1.1 and"
          + " later; other major versions are not supported), was '" + v.textValue() + "'");
    }
    if (!root.has("resource_changes") && !root.has("prior_state")) {
      throw new InvalidTopologyException(at, "is not a Terraform plan: it has neither prior_state nor"
          + " resource_changes (write it with terraform show -json <planfile>)");
    }
  }

  /** The resources of a state module and its child modules, by address. */
  private static void collect(JsonNode module, Map<String, TfResource> out) {
    for (JsonNode r : module.path("resources")) {
      out.put(r.path("address").asText(), TfResource.known(r.path("address").asText(), r.path("mode").asText(
          "managed"), r.path("type").asText(), r.path("values")));
    }
    for (JsonNode child : module.path("child_modules")) {
      collect(child, out);
    }
  }

  /** Applies one {@code resource_changes} entry to the after side. */
  private static void change(JsonNode rc, InputPath at, Map<String, TfResource> prior, Map<String, TfResource> after,
      List<PlanNote> notes) {
    String mode = rc.path("mode").asText("managed");
    if (!mode.equals("managed")) {
      return;
    }
    String address = rc.path("address").asText();
    String type = rc.path("type").asText();
    JsonNode change = rc.path("change");
    Action action = action(change.path("actions"), at.key("change").key("actions"));
    JsonNode before = change.get("before");
    if (!prior.containsKey(address) && before != null && before.isObject()) {
      prior.put(address, TfResource.known(address, mode, type, before));
      after.putIfAbsent(address, prior.get(address));
    }
    switch (action) {
      case CREATE, UPDATE, REPLACE -> after.put(address, new TfResource(address, mode, type, change.path("after"),
          change.path("after_unknown")));
      case DELETE -> after.remove(address);
      default -> {
        return;
      }
    }
    if (!AzurermToArm.TYPES.contains(type) && NETWORK_TYPES.matcher(type).matches()) {
      notes.add(new PlanNote(address, "", "is not modelled by vnetsim; this change is left out"));
    }
  }

  private static Action action(JsonNode actions, InputPath at) {
    List<String> list = new ArrayList<>();
    actions.forEach(a -> list.add(a.asText()));
    return switch (String.join(",", list)) {
      case "no-op" -> Action.NO_OP;
      case "create" -> Action.CREATE;
      case "read" -> Action.READ;
      case "update" -> Action.UPDATE;
      case "delete" -> Action.DELETE;
      case "delete,create", "create,delete" -> Action.REPLACE;
      case "forget" -> Action.FORGET;
      default -> throw new InvalidTopologyException(at, "must be one of [\"no-op\"], [\"create\"], [\"read\"],"
          + " [\"update\"], [\"delete\"], [\"delete\",\"create\"], [\"create\",\"delete\"], [\"forget\"], was "
          + JsonPatch.describe(actions));
    };
  }

  /** Converts one side; on the after side a resource needing an unknown value is kept as before or left out. */
  private static List<PlanPiece> pieces(PlanContext ctx, Map<String, TfResource> side,
      Map<String, TfResource> prior) {
    List<PlanPiece> out = new ArrayList<>();
    for (TfResource r : side.values()) {
      if (!r.managed() || !AzurermToArm.TYPES.contains(r.type())) {
        continue;
      }
      PlanContext.Reading rd = ctx.new Reading(r);
      try {
        out.addAll(AzurermToArm.convert(rd));
        ctx.notes.addAll(rd.notes);
      } catch (TfValues.Unknown u) {
        TfResource was = prior.get(r.address());
        if (was != null && was != r) {
          PlanContext.Reading old = ctx.new Reading(was);
          out.addAll(AzurermToArm.convert(old));
          ctx.notes.add(new PlanNote(r.address(), u.attribute, "unknown at plan time; the resource is left as it"
              + " was before the change"));
        } else {
          ctx.notes.add(new PlanNote(r.address(), u.attribute, was == null
              ? "unknown at plan time; the new resource is left out" : "unknown; the resource is left out"));
        }
      }
    }
    return out;
  }

  /** The subscription for synthesised ids: the most common one in the plan's ids, else in the topology's. */
  private static String subscription(JsonNode root, Set<ResourceId> baseIds, List<PlanNote> notes) {
    Map<String, Integer> counts = new HashMap<>();
    count(root.path("prior_state"), counts);
    count(root.path("resource_changes"), counts);
    if (counts.isEmpty()) {
      baseIds.forEach(id -> id.subscription().ifPresent(s -> counts.merge(s, 1, Integer::sum)));
    }
    if (counts.isEmpty()) {
      notes.add(new PlanNote("", "subscription", "no ARM id in the plan or the topology names a subscription;"
          + " synthesised ids use " + DEFAULT_SUBSCRIPTION));
      return DEFAULT_SUBSCRIPTION;
    }
    Comparator<Map.Entry<String, Integer>> mostCommonThenFirstByName = Map.Entry.<String, Integer>comparingByValue()
        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder());
    return counts.entrySet().stream().max(mostCommonThenFirstByName).orElseThrow().getKey();
  }

  private static void count(JsonNode n, Map<String, Integer> counts) {
    if (n.isTextual()) {
      Matcher m = SUBSCRIPTION.matcher(n.textValue());
      if (m.find()) {
        counts.merge(m.group(1), 1, Integer::sum);
      }
    }
    n.forEach(c -> count(c, counts));
  }

  /** The configuration's {@code expressions} of each resource, by configuration address (modules included). */
  private static Map<String, JsonNode> expressions(JsonNode root) {
    Map<String, JsonNode> out = new HashMap<>();
    expressions(root.path("configuration").path("root_module"), "", out);
    return out;
  }

  private static void expressions(JsonNode module, String prefix, Map<String, JsonNode> out) {
    for (JsonNode r : module.path("resources")) {
      out.put(prefix + r.path("address").asText(), r.path("expressions"));
    }
    module.path("module_calls").properties().forEach(call -> expressions(call.getValue().path("module"),
        prefix + "module." + call.getKey() + ".", out));
  }
}
