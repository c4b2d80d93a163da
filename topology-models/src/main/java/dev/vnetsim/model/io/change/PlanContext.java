package dev.vnetsim.model.io.change;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vnetsim.model.ResourceId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What reading a plan's resources needs beyond one resource: ARM ids (the {@code id} attribute when known, else
 * synthesised from subscription, resource group, type and name), lookups of parents by name (a standalone rule
 * names its NSG by {@code network_security_group_name}), references through the configuration for values unknown
 * at plan time, and the notes collected on the way.
 */
final class PlanContext {

  /** How an azurerm type maps to an ARM type; {@code parentAttribute} names the parent of a child resource. */
  record ArmKind(String armType, Optional<String> parentAttribute) {
    String parentType() {
      return armType.substring(0, armType.lastIndexOf('/'));
    }

    String segment() {
      return armType.substring(armType.lastIndexOf('/') + 1);
    }
  }

  static final Map<String, ArmKind> KINDS = Map.ofEntries(
      kind("azurerm_virtual_network", "virtualNetworks", null),
      kind("azurerm_subnet", "virtualNetworks/subnets", "virtual_network_name"),
      kind("azurerm_virtual_network_peering", "virtualNetworks/virtualNetworkPeerings", "virtual_network_name"),
      kind("azurerm_network_security_group", "networkSecurityGroups", null),
      kind("azurerm_network_security_rule", "networkSecurityGroups/securityRules", "network_security_group_name"),
      kind("azurerm_application_security_group", "applicationSecurityGroups", null),
      kind("azurerm_route_table", "routeTables", null),
      kind("azurerm_route", "routeTables/routes", "route_table_name"),
      kind("azurerm_nat_gateway", "natGateways", null),
      kind("azurerm_public_ip", "publicIPAddresses", null),
      kind("azurerm_network_interface", "networkInterfaces", null),
      kind("azurerm_private_endpoint", "privateEndpoints", null),
      kind("azurerm_private_dns_zone", "privateDnsZones", null),
      kind("azurerm_private_dns_a_record", "privateDnsZones/A", "zone_name"),
      kind("azurerm_private_dns_zone_virtual_network_link", "privateDnsZones/virtualNetworkLinks",
          "private_dns_zone_name"));

  private static Map.Entry<String, ArmKind> kind(String tf, String arm, String parent) {
    return Map.entry(tf, new ArmKind("Microsoft.Network/" + arm, Optional.ofNullable(parent)));
  }

  final String planName;
  final String subscription;
  private final Map<String, TfResource> prior;
  private final Map<String, TfResource> after;
  private final Map<String, JsonNode> expressions;
  private final Collection<ResourceId> baseIds;
  private final Map<TfResource, Optional<ResourceId>> ids = new IdentityHashMap<>();
  final Set<ResourceId> synthesised = new LinkedHashSet<>();
  final Set<PlanNote> notes = new LinkedHashSet<>();
  private Set<ResourceId> standaloneChildren;

  PlanContext(String planName, String subscription, Map<String, TfResource> prior, Map<String, TfResource> after,
      Map<String, JsonNode> expressions, Collection<ResourceId> baseIds) {
    this.planName = planName;
    this.subscription = subscription;
    this.prior = prior;
    this.after = after;
    this.expressions = expressions;
    this.baseIds = baseIds;
  }

  /** Reading one resource: its values, and notes kept only if the reading is used. */
  final class Reading {
    final TfResource resource;
    final List<PlanNote> notes = new ArrayList<>();

    Reading(TfResource resource) {
      this.resource = resource;
    }

    TfValues values() {
      return new TfValues(resource.values(), resource.unknown(), expressions.get(resource.configAddress()), "",
          this);
    }

    void note(String attribute, String message) {
      notes.add(new PlanNote(resource.address(), attribute, message));
    }

    PlanContext context() {
      return PlanContext.this;
    }

    /** A value unknown at plan time, from what the configuration says it refers to ({@code azurerm_x.y.id}). */
    Optional<String> resolve(JsonNode expression, String key) {
      JsonNode refs = expression == null ? null : expression.get("references");
      if (refs == null || !refs.isArray()) {
        return Optional.empty();
      }
      for (JsonNode ref : refs) {
        String r = ref.asText();
        int dot = r.lastIndexOf('.');
        if (dot <= 0) {
          continue;
        }
        Optional<TfResource> target = find(resource.modulePrefix() + r.substring(0, dot));
        String attribute = r.substring(dot + 1);
        if (target.isPresent()) {
          Optional<String> v = attribute.equals("id") ? idOrEmpty(target.get()).map(ResourceId::value)
              : knownText(target.get(), attribute);
          if (v.isPresent()) {
            return v;
          }
        }
      }
      return Optional.empty();
    }
  }

  private static Optional<String> knownText(TfResource r, String attribute) {
    JsonNode unknown = r.unknown().get(attribute);
    JsonNode v = r.values().get(attribute);
    if (unknown != null && unknown.asBoolean(false) || v == null || !v.isValueNode() || v.asText().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(v.asText());
  }

  /** A resource by instance address, or by configuration address when that names a single instance. */
  private Optional<TfResource> find(String address) {
    TfResource r = after.containsKey(address) ? after.get(address) : prior.get(address);
    if (r != null) {
      return Optional.of(r);
    }
    List<TfResource> matches = new ArrayList<>();
    for (TfResource x : after.values()) {
      if (x.configAddress().equals(address)) {
        matches.add(x);
      }
    }
    return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
  }

  /** The ARM id of a resource, or empty when it cannot be known (unknown name or resource group). */
  Optional<ResourceId> idOrEmpty(TfResource r) {
    try {
      return id(r);
    } catch (TfValues.Unknown u) {
      return Optional.empty();
    }
  }

  /**
   * The ARM id: the {@code id} attribute when known; for a resource being replaced, its id before; else synthesised
   * from the subscription, {@code resource_group_name}, the parent's name and {@code name} (recorded and noted).
   * Throws {@link TfValues.Unknown} when a value needed for that is unknown.
   */
  Optional<ResourceId> id(TfResource r) {
    Optional<ResourceId> cached = ids.get(r);
    if (cached != null) {
      return cached;
    }
    Reading reading = new Reading(r);
    TfValues v = reading.values();
    Optional<ResourceId> id;
    if (!v.isUnknown("id") && !v.text("id").isBlank()) {
      id = Optional.of(ResourceId.of(v.text("id")));
    } else if (prior.containsKey(r.address()) && prior.get(r.address()) != r) {
      id = id(prior.get(r.address()));
    } else if (!KINDS.containsKey(r.type())) {
      id = Optional.empty();
    } else {
      ArmKind kind = KINDS.get(r.type());
      String group = v.text("resource_group_name");
      ResourceId made = kind.parentAttribute().isPresent()
          ? parent(kind.parentType(), group, v.text(kind.parentAttribute().get())).child(kind.segment(), v.text("name"))
          : top(kind.armType(), group, v.text("name"));
      synthesised.add(made);
      notes.add(new PlanNote(r.address(), "id", "unknown at plan time; synthesised as " + made));
      id = Optional.of(made);
    }
    ids.put(r, id);
    return id;
  }

  /**
   * The id of a parent named by resource group and name: a resource of that type in the plan (after side first),
   * else one in the topology, else synthesised.
   */
  ResourceId parent(String armType, String group, String name) {
    for (Map<String, TfResource> side : List.of(after, prior)) {
      for (TfResource r : side.values()) {
        ArmKind k = KINDS.get(r.type());
        if (k != null && r.managed() && k.armType().equalsIgnoreCase(armType)
            && knownText(r, "name").filter(name::equalsIgnoreCase).isPresent()
            && knownText(r, "resource_group_name").filter(group::equalsIgnoreCase).isPresent()) {
          Optional<ResourceId> id = idOrEmpty(r);
          if (id.isPresent()) {
            return id.get();
          }
        }
      }
    }
    for (ResourceId id : baseIds) {
      if (id.type().filter(armType::equalsIgnoreCase).isPresent() && id.name().equalsIgnoreCase(name)
          && id.resourceGroup().filter(group::equalsIgnoreCase).isPresent()) {
        return id;
      }
    }
    return top(armType, group, name);
  }

  private ResourceId top(String armType, String group, String name) {
    if (group.isBlank() || name.isBlank()) {
      throw new TfValues.Unknown(group.isBlank() ? "resource_group_name" : "name");
    }
    return ResourceId.of("/subscriptions/" + subscription + "/resourceGroups/" + group + "/providers/" + armType
        + "/" + name);
  }

  /** Whether a child id (subnet, rule, route) is managed by a standalone resource on either side of the plan. */
  boolean standalone(ResourceId child) {
    if (standaloneChildren == null) {
      standaloneChildren = new LinkedHashSet<>();
      for (Map<String, TfResource> side : List.of(prior, after)) {
        for (TfResource r : side.values()) {
          ArmKind k = KINDS.get(r.type());
          if (k != null && r.managed() && k.parentAttribute().isPresent()) {
            idOrEmpty(r).ifPresent(standaloneChildren::add);
          }
        }
      }
    }
    return standaloneChildren.contains(child);
  }

  /**
   * Whether an association resource (on either side) sets {@code key} of {@code target} ({@code networkSecurityGroup}
   * of a subnet …): the target's own computed attribute for it then does not matter.
   */
  boolean associated(ResourceId target, String key) {
    for (Map<String, TfResource> side : List.of(prior, after)) {
      for (TfResource r : side.values()) {
        if (!AzurermToArm.TYPES.contains(r.type()) || !r.type().endsWith("_association")) {
          continue;
        }
        try {
          for (PlanPiece p : AzurermToArm.convert(new Reading(r))) {
            if (p instanceof PlanPiece.Link l && l.target().equals(target) && l.key().equals(key)) {
              return true;
            }
          }
        } catch (TfValues.Unknown u) {
          // an association that cannot be read sets nothing
        }
      }
    }
    return false;
  }

  String label(String address) {
    return planName + " (" + address + ")";
  }
}
