package dev.vnetsim.model.io.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.ResourceId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The differences between two sets of resource trees, as {@link ResourceChange}s. Child lists (rules, routes,
 * subnets, rule collections …) are compared element by element, matched by name, so a removed rule is reported as
 * that rule whatever its index was. Keys are compared ignoring case, ids ignoring case, and read-only noise
 * ({@code etag}, {@code provisioningState}, {@code resourceGuid}) is ignored.
 */
final class TreeDiff {
  private TreeDiff() {}

  /** Lists inside child elements that are compared element by element too (firewall rule collections, rules). */
  private static final List<String> NESTED = List.of("ruleCollections", "rules");

  /** Child lists of classic Azure Firewalls, compared by element as well. */
  private static final List<String> CLASSIC_FIREWALL = List.of("applicationRuleCollections", "natRuleCollections",
      "networkRuleCollections");

  static ImmutableList<ResourceChange> diff(ArmResources before, ArmResources after, Set<ResourceId> synthesised) {
    List<ResourceChange> out = new ArrayList<>();
    before.entries().forEach((id, b) -> {
      ArmResources.Entry a = after.entries().get(id);
      if (a == null) {
        out.add(new ResourceChange(id, ResourceChange.Kind.REMOVED, Optional.empty(), "removed"));
      } else {
        resource(id, b.tree(), a.tree(), out);
      }
    });
    after.entries().forEach((id, a) -> {
      if (!before.entries().containsKey(id)) {
        out.add(new ResourceChange(id, ResourceChange.Kind.ADDED, Optional.empty(),
            synthesised.contains(id) ? "added (id synthesised; the real id is known after apply)" : "added"));
      }
    });
    return ImmutableList.copyOf(out);
  }

  private static void resource(ResourceId id, JsonNode b, JsonNode a, List<ResourceChange> out) {
    if (same(b, a)) {
      return;
    }
    String type = ArmTrees.type(a).or(() -> ArmTrees.type(b)).orElse("");
    List<String> lists = new ArrayList<>(ArmTrees.childLists(type));
    if (type.equalsIgnoreCase("Microsoft.Network/azureFirewalls")) {
      lists.addAll(CLASSIC_FIREWALL);
    }
    List<String> keys = changedKeys(b, a, lists);
    if (!keys.isEmpty()) {
      out.add(new ResourceChange(id, ResourceChange.Kind.MODIFIED, Optional.empty(),
          "modified (" + String.join(", ", keys) + ")"));
    }
    for (String list : lists) {
      children(id, "", list, list(b, list), list(a, list), out);
    }
  }

  /** Compares two child lists by element name: added, removed, modified (recursing into nested lists). */
  private static void children(ResourceId id, String prefix, String list, List<JsonNode> before,
      List<JsonNode> after, List<ResourceChange> out) {
    Map<String, JsonNode> b = byName(before);
    Map<String, JsonNode> a = byName(after);
    b.forEach((key, element) -> {
      String child = prefix + list + "/" + ArmTrees.elementName(element).orElse(key);
      JsonNode other = a.get(key);
      if (other == null) {
        out.add(new ResourceChange(id, ResourceChange.Kind.REMOVED, Optional.of(child), child + " removed"));
      } else if (!same(element, other)) {
        List<String> keys = changedKeys(element, other, NESTED);
        if (!keys.isEmpty()) {
          out.add(new ResourceChange(id, ResourceChange.Kind.MODIFIED, Optional.of(child),
              child + " modified (" + String.join(", ", keys) + ")"));
        }
        for (String nested : NESTED) {
          children(id, child + "/", nested, list(element, nested), list(other, nested), out);
        }
      }
    });
    a.forEach((key, element) -> {
      if (!b.containsKey(key)) {
        String child = prefix + list + "/" + ArmTrees.elementName(element).orElse(key);
        out.add(new ResourceChange(id, ResourceChange.Kind.ADDED, Optional.of(child), child + " added"));
      }
    });
  }

  private static Map<String, JsonNode> byName(List<JsonNode> elements) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (int i = 0; i < elements.size(); i++) {
      JsonNode e = elements.get(i);
      out.putIfAbsent(ArmTrees.elementName(e).map(n -> n.toLowerCase(Locale.ROOT)).orElse("#" + i), e);
    }
    return out;
  }

  /** The elements of a list held in {@code properties} (REST shape) or on the object itself. */
  private static List<JsonNode> list(JsonNode node, String key) {
    JsonNode props = ArmTrees.member(node, "properties");
    JsonNode items = props != null && props.isObject() && ArmTrees.member(props, key) != null
        ? ArmTrees.member(props, key) : ArmTrees.member(node, key);
    List<JsonNode> out = new ArrayList<>();
    if (items != null && items.isArray()) {
      items.forEach(out::add);
    }
    return out;
  }

  /**
   * The keys (inside {@code properties} or beside it) whose values differ, apart from {@code lists}; a resource's
   * {@code type}, and a {@code name} given on one side only, are implied by its id and not compared.
   */
  private static List<String> changedKeys(JsonNode b, JsonNode a, List<String> lists) {
    Map<String, JsonNode[]> pairs = new LinkedHashMap<>();
    collect(pairs, b, 0);
    collect(pairs, a, 1);
    List<String> out = new ArrayList<>();
    pairs.forEach((key, pair) -> {
      String name = key.substring(key.indexOf(' ') + 1);
      boolean implied = key.startsWith("type ") || key.startsWith("name ") && (pair[0] == null || pair[1] == null);
      if (!implied && lists.stream().noneMatch(name::equalsIgnoreCase) && !same(pair[0], pair[1])) {
        out.add(name);
      }
    });
    return out;
  }

  /** Fills "lowerkey displayKey" → [before, after] with the members of an object and of its properties. */
  private static void collect(Map<String, JsonNode[]> pairs, JsonNode node, int side) {
    node.properties().forEach(e -> {
      String lower = e.getKey().toLowerCase(Locale.ROOT);
      if (lower.equals("properties") && e.getValue().isObject()) {
        e.getValue().properties().forEach(p -> put(pairs, p.getKey(), p.getValue(), side));
      } else if (!lower.equals("id")) {
        put(pairs, e.getKey(), e.getValue(), side);
      }
    });
  }

  private static void put(Map<String, JsonNode[]> pairs, String key, JsonNode value, int side) {
    String lower = key.toLowerCase(Locale.ROOT);
    if (ArmTrees.NOISE.contains(lower)) {
      return;
    }
    String existing = pairs.keySet().stream().filter(k -> k.startsWith(lower + " ")).findFirst()
        .orElse(lower + " " + key);
    pairs.computeIfAbsent(existing, k -> new JsonNode[2])[side] = value;
  }

  /** Equal as ARM sees it: keys ignoring case and noise, ids ignoring case, numbers by value. */
  static boolean same(JsonNode b, JsonNode a) {
    if (b == a) {
      return true; // an edit leaves the trees it does not touch as they were
    }
    if (b == null || a == null || b.isNull() || a.isNull() || b.isMissingNode() || a.isMissingNode()) {
      return absent(b) && absent(a);
    }
    if (b.isObject() && a.isObject()) {
      Map<String, JsonNode[]> pairs = new LinkedHashMap<>();
      b.properties().forEach(e -> put(pairs, e.getKey(), e.getValue(), 0));
      a.properties().forEach(e -> put(pairs, e.getKey(), e.getValue(), 1));
      return pairs.values().stream().allMatch(p -> same(p[0], p[1]));
    }
    if (b.isArray() && a.isArray()) {
      if (b.size() != a.size()) {
        return false;
      }
      Iterator<JsonNode> i = a.iterator();
      for (JsonNode x : b) {
        if (!same(x, i.next())) {
          return false;
        }
      }
      return true;
    }
    if (b.isNumber() && a.isNumber()) {
      return b.decimalValue().compareTo(a.decimalValue()) == 0;
    }
    if (b.isTextual() && a.isTextual() && b.textValue().regionMatches(true, 0, "/subscriptions/", 0, 15)) {
      return b.textValue().equalsIgnoreCase(a.textValue());
    }
    return b.equals(a);
  }

  private static boolean absent(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode();
  }
}
