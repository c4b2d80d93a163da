package dev.vnetsim.model.io.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vnetsim.model.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the raw view knows about ARM resource trees: case-insensitive members, the REST shape ({@code properties}
 * nested), and which lists hold child resources ({@code securityRules} in an NSG, {@code subnets} in a VNet …).
 */
final class ArmTrees {
  private ArmTrees() {}

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Parent type (lower case) → child type segment (lower case) → the list in the parent's properties. */
  private static final Map<String, Map<String, String>> CHILD_LISTS = Map.of(
      "microsoft.network/virtualnetworks",
      Map.of("subnets", "subnets", "virtualnetworkpeerings", "virtualNetworkPeerings"),
      "microsoft.network/networksecuritygroups",
      Map.of("securityrules", "securityRules", "defaultsecurityrules", "defaultSecurityRules"),
      "microsoft.network/routetables", Map.of("routes", "routes"),
      "microsoft.network/firewallpolicies", Map.of("rulecollectiongroups", "ruleCollectionGroups"),
      "microsoft.network/privatednszones",
      Map.of("a", "recordSets", "aaaa", "recordSets", "cname", "recordSets", "virtualnetworklinks",
          "virtualNetworkLinks"),
      "microsoft.network/networkinterfaces", Map.of("ipconfigurations", "ipConfigurations"));

  /** Child types the reader also accepts standalone and merges into their parent; the raw view nests them too. */
  private static final Set<String> NESTED_STANDALONE = Set.of("subnets", "virtualnetworkpeerings", "securityrules",
      "defaultsecurityrules", "routes", "rulecollectiongroups", "a", "aaaa", "cname", "virtualnetworklinks");

  /** Top-level keys of an ARM resource that stay outside {@code properties} in the REST shape. */
  private static final Set<String> ENVELOPE = Set.of("id", "name", "type", "location", "etag", "tags", "sku", "zones",
      "kind", "identity", "extendedlocation", "managedby", "plan", "tenantid", "resourcegroup", "subscriptionid",
      "apiversion", "properties");

  /** Keys that change without any change in meaning (ignored when comparing trees). */
  static final Set<String> NOISE = Set.of("etag", "provisioningstate", "resourceguid");

  /** The member {@code key} of an object: the exact spelling first, else a case-insensitive match. */
  static Optional<String> memberName(JsonNode object, String key) {
    if (!object.isObject()) {
      return Optional.empty();
    }
    if (object.has(key)) {
      return Optional.of(key);
    }
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      if (e.getKey().equalsIgnoreCase(key)) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }

  static JsonNode member(JsonNode object, String key) {
    return memberName(object, key).map(object::get).orElse(null);
  }

  static Optional<String> text(JsonNode object, String key) {
    JsonNode v = member(object, key);
    return v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? Optional.of(v.asText())
        : Optional.empty();
  }

  /** The resource's id, from its {@code id} member. */
  static Optional<ResourceId> id(JsonNode resource) {
    return text(resource, "id").map(ResourceId::of);
  }

  /** The resource's type: its {@code type} when it looks like an ARM type, else the type its id implies. */
  static Optional<String> type(JsonNode resource) {
    Optional<String> t = text(resource, "type").filter(s -> s.indexOf('/') > 0);
    return t.isPresent() ? t : id(resource).flatMap(ResourceId::type);
  }

  /** The {@code properties} object of a resource, created when absent. */
  static ObjectNode properties(ObjectNode resource) {
    Optional<String> key = memberName(resource, "properties");
    if (key.isPresent() && resource.get(key.get()).isObject()) {
      return (ObjectNode) resource.get(key.get());
    }
    return resource.putObject("properties");
  }

  /** The list in the parent holding children of {@code childId}'s type, if the parent type has such lists. */
  static Optional<String> childList(ResourceId childId) {
    return childId.parent().flatMap(p -> p.type()).flatMap(pt -> {
      Map<String, String> lists = CHILD_LISTS.get(pt.toLowerCase(Locale.ROOT));
      String t = childId.type().orElse("");
      String seg = t.substring(t.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      return lists == null ? Optional.empty() : Optional.ofNullable(lists.get(seg));
    });
  }

  /** Whether a standalone child of this id's type is nested into its parent (as the reader merges it). */
  static boolean nestsStandalone(ResourceId childId) {
    String t = childId.type().orElse("");
    return childList(childId).isPresent()
        && NESTED_STANDALONE.contains(t.substring(t.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT));
  }

  /** The child lists of a resource type (their names in {@code properties}). */
  static List<String> childLists(String type) {
    Map<String, String> lists = CHILD_LISTS.get(type.toLowerCase(Locale.ROOT));
    return lists == null ? List.of() : lists.values().stream().distinct().sorted().toList();
  }

  /** The id of an element of a parent's child list: its own id, else {@code parent/<segment>/<name>}. */
  static Optional<ResourceId> elementId(ResourceId parent, String list, JsonNode element) {
    Optional<ResourceId> own = id(element);
    if (own.isPresent()) {
      return own;
    }
    Optional<String> name = text(element, "name");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String segment = list;
    if (list.equals("recordSets")) {
      Optional<String> t = type(element);
      segment = t.map(s -> s.substring(s.lastIndexOf('/') + 1)).orElse("A");
    }
    return Optional.of(parent.child(segment, name.get()));
  }

  /** A child list element's name: its {@code name}, else its id's last segment. */
  static Optional<String> elementName(JsonNode element) {
    Optional<String> name = text(element, "name");
    return name.isPresent() ? name : id(element).map(ResourceId::name);
  }

  /**
   * A deep copy of a resource in the REST shape: a resource or child list element in the az CLI's flattened shape
   * (no {@code properties} object) gets its fields moved into {@code properties}.
   */
  static ObjectNode normalised(JsonNode resource) {
    ObjectNode copy = wrapped((ObjectNode) resource.deepCopy());
    String type = type(copy).orElse("");
    ObjectNode props = properties(copy);
    for (String list : childLists(type)) {
      JsonNode items = member(props, list);
      if (items instanceof ArrayNode a) {
        for (int i = 0; i < a.size(); i++) {
          if (a.get(i) instanceof ObjectNode o && o.size() > 1) {
            a.set(i, wrapped(o));
          }
        }
      }
    }
    return copy;
  }

  private static ObjectNode wrapped(ObjectNode o) {
    JsonNode p = member(o, "properties");
    if (p != null && p.isObject()) {
      return o;
    }
    ObjectNode out = NODES.objectNode();
    ObjectNode props = NODES.objectNode();
    List<String> keys = new ArrayList<>();
    o.fieldNames().forEachRemaining(keys::add);
    for (String k : keys) {
      if (ENVELOPE.contains(k.toLowerCase(Locale.ROOT))) {
        out.set(k, o.get(k));
      } else {
        props.set(k, o.get(k));
      }
    }
    out.set("properties", props);
    return out;
  }
}
