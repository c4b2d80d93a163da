package dev.vnetsim.model.io.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vnetsim.model.InputPath;
import dev.vnetsim.model.ResourceId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lays converted plan pieces over a topology: resources first (same id: the plan wins, except child lists another
 * tool owns), then children into their parents, then association links. A link an association owns on either side of
 * the plan is cleared first, so that deleting an association removes the link even where the target's own attributes
 * (or another input) still show it.
 */
final class PlanOverlay {
  private PlanOverlay() {}

  static void apply(ArmResources.Editor e, List<PlanPiece> pieces, Set<String> ownedLinks, PlanContext ctx) {
    for (boolean children : new boolean[] {false, true}) {
      for (PlanPiece p : pieces) {
        if (p instanceof PlanPiece.Resource r) {
          ResourceId id = ArmTrees.id(r.tree()).orElseThrow();
          if (ArmTrees.childList(id).isPresent() == children) {
            e.put(r.tree(), origin(ctx, r.address()), r.keepChildren());
          }
        }
      }
    }
    InputPath cleared = InputPath.of(ctx.planName);
    for (String owned : ownedLinks) {
      String[] parts = owned.split("\\|", -1);
      ResourceId target = ResourceId.of(parts[0]);
      String key = parts[1];
      Optional<ResourceId> value = parts.length == 2 ? Optional.empty() : Optional.of(ResourceId.of(parts[2]));
      boolean set = holders(e, target, key, cleared, false).stream().anyMatch(h -> value.isEmpty()
          ? ArmTrees.memberName(h, key).isPresent() : !indexes(h, key, value.get()).isEmpty());
      if (set) {
        for (ObjectNode h : holders(e, target, key, cleared, true)) {
          if (value.isEmpty()) {
            ArmTrees.memberName(h, key).ifPresent(h::remove);
          } else {
            List<Integer> at = indexes(h, key, value.get());
            for (int i = at.size() - 1; i >= 0; i--) {
              ((ArrayNode) ArmTrees.member(h, key)).remove(at.get(i));
            }
          }
        }
      }
    }
    for (PlanPiece p : pieces) {
      if (p instanceof PlanPiece.Link l) {
        if (!e.contains(l.target())) {
          ctx.notes.add(new PlanNote(l.address(), "", "links " + l.target() + ", which is neither in the plan nor in"
              + " the topology; the association is left out"));
          continue;
        }
        for (ObjectNode props : holders(e, l.target(), l.key(), origin(ctx, l.address()), true)) {
          if (!l.list()) {
            props.set(ArmTrees.memberName(props, l.key()).orElse(l.key()), AzurermToArm.ref(l.value()));
          } else if (indexes(props, l.key(), l.value()).isEmpty()) {
            JsonNode list = ArmTrees.member(props, l.key());
            (list instanceof ArrayNode a ? a : props.putArray(l.key())).add(AzurermToArm.ref(l.value()));
          }
        }
      }
    }
  }

  /** The links that the associations among {@code pieces} own: target and key, plus the value for list links. */
  static Set<String> links(List<PlanPiece> pieces) {
    Set<String> out = new LinkedHashSet<>();
    for (PlanPiece p : pieces) {
      if (p instanceof PlanPiece.Link l) {
        out.add(l.target().key() + "|" + l.key() + (l.list() ? "|" + l.value().key() : ""));
      }
    }
    return out;
  }

  /** The ids a conversion produced: resources and the children nested in them. */
  static Set<ResourceId> produced(List<PlanPiece> pieces) {
    Set<ResourceId> out = new LinkedHashSet<>();
    for (PlanPiece p : pieces) {
      if (p instanceof PlanPiece.Resource r) {
        ResourceId id = ArmTrees.id(r.tree()).orElseThrow();
        out.add(id);
        for (String list : ArmTrees.childLists(ArmTrees.type(r.tree()).orElse(""))) {
          JsonNode items = ArmTrees.member(ArmTrees.properties(r.tree()), list);
          if (items != null && items.isArray()) {
            items.forEach(item -> ArmTrees.elementId(id, list, item).ifPresent(out::add));
          }
        }
      }
    }
    return out;
  }

  private static InputPath origin(PlanContext ctx, String address) {
    return InputPath.of(ctx.label(address));
  }

  private static List<Integer> indexes(ObjectNode props, String key, ResourceId value) {
    List<Integer> out = new ArrayList<>();
    JsonNode list = ArmTrees.member(props, key);
    if (list != null && list.isArray()) {
      for (int i = 0; i < list.size(); i++) {
        if (ArmTrees.id(list.get(i)).filter(value::equals).isPresent()) {
          out.add(i);
        }
      }
    }
    return out;
  }

  /** The properties objects a link sets: the target's, or each IP configuration's for a NIC's ASGs. */
  private static List<ObjectNode> holders(ArmResources.Editor e, ResourceId target, String key, InputPath origin,
      boolean mutable) {
    Optional<ArmResources.Location> l = e.locate(target);
    if (l.isEmpty()) {
      return List.of();
    }
    JsonNode top = mutable ? e.mutable(l.get().top(), origin) : e.node(ArmResources.Location.of(l.get().top()));
    JsonNode node = l.get().nested()
        ? ArmTrees.member(ArmTrees.member(top, "properties"), l.get().list().get()).get(l.get().index()) : top;
    JsonNode props = ArmTrees.member(node, "properties");
    if (!(props instanceof ObjectNode p)) {
      return mutable ? List.of(ArmTrees.properties((ObjectNode) node)) : List.of();
    }
    if (!key.equals("applicationSecurityGroups")) {
      return List.of(p);
    }
    List<ObjectNode> out = new ArrayList<>();
    JsonNode configs = ArmTrees.member(p, "ipConfigurations");
    if (configs != null) {
      configs.forEach(c -> {
        if (ArmTrees.member(c, "properties") instanceof ObjectNode cp) {
          out.add(cp);
        }
      });
    }
    return out;
  }
}
