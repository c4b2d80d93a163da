package dev.vnetsim.model.io.change;

import static dev.vnetsim.model.io.change.ArmTrees.NODES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.ResourceId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * azurerm resources as ARM resources (REST shape, property names as the ARM reader expects). Inline blocks
 * ({@code subnet}, {@code security_rule}, {@code route}) become nested children unless a standalone resource on
 * either side of the plan manages the same child; association resources become {@link PlanPiece.Link}s. Attribute
 * names of provider 3.x, 4.x and 5.x are all read (by presence, not by version). Private endpoint connections that
 * are not manual are taken as Approved (Azure approves them on creation); manual ones as Pending.
 */
final class AzurermToArm {
  private AzurermToArm() {}

  private static final String NETWORK = "Microsoft.Network/";

  /** The azurerm types read; changes to other network types are noted as not modelled. */
  static final Set<String> TYPES = Set.of("azurerm_virtual_network", "azurerm_subnet",
      "azurerm_virtual_network_peering", "azurerm_network_security_group", "azurerm_network_security_rule",
      "azurerm_subnet_network_security_group_association", "azurerm_route_table", "azurerm_route",
      "azurerm_subnet_route_table_association", "azurerm_nat_gateway", "azurerm_nat_gateway_public_ip_association",
      "azurerm_nat_gateway_public_ip_prefix_association", "azurerm_subnet_nat_gateway_association",
      "azurerm_public_ip", "azurerm_network_interface", "azurerm_network_interface_security_group_association",
      "azurerm_network_interface_application_security_group_association", "azurerm_application_security_group",
      "azurerm_private_endpoint", "azurerm_private_dns_zone", "azurerm_private_dns_a_record",
      "azurerm_private_dns_zone_virtual_network_link");

  /** Converts one resource; throws {@link TfValues.Unknown} when a value it needs is unknown at plan time. */
  static List<PlanPiece> convert(PlanContext.Reading rd) {
    TfValues v = rd.values();
    String a = rd.resource.address();
    return switch (rd.resource.type()) {
      case "azurerm_virtual_network" -> List.of(new PlanPiece.Resource(virtualNetwork(rd, v), a,
          ImmutableList.of("subnets", "virtualNetworkPeerings")));
      case "azurerm_subnet" -> one(subnet(rd, v, id(rd), v.text("name"), true), a);
      case "azurerm_virtual_network_peering" -> one(peering(rd, v), a);
      case "azurerm_network_security_group" -> one(networkSecurityGroup(rd, v), a);
      case "azurerm_network_security_rule" -> one(typed(rule(v, id(rd), v.text("name")), "securityRules"), a);
      case "azurerm_application_security_group" -> one(resource(id(rd), "applicationSecurityGroups", v), a);
      case "azurerm_route_table" -> one(routeTable(rd, v), a);
      case "azurerm_route" -> one(typed(route(v, id(rd), v.text("name")), "routeTables/routes"), a);
      case "azurerm_nat_gateway" -> one(natGateway(rd, v), a);
      case "azurerm_public_ip" -> one(publicIp(rd, v), a);
      case "azurerm_network_interface" -> one(NetworkInterfaces.nic(rd, v, id(rd)), a);
      case "azurerm_private_endpoint" -> NetworkInterfaces.privateEndpoint(rd, v, id(rd));
      case "azurerm_private_dns_zone" -> List.of(new PlanPiece.Resource(zone(rd, v), a,
          ImmutableList.of("recordSets", "virtualNetworkLinks")));
      case "azurerm_private_dns_a_record" -> one(aRecord(rd, v), a);
      case "azurerm_private_dns_zone_virtual_network_link" -> one(zoneLink(rd, v), a);
      case "azurerm_subnet_network_security_group_association" ->
          link(v, "subnet_id", "networkSecurityGroup", "network_security_group_id", false, a);
      case "azurerm_subnet_route_table_association" -> link(v, "subnet_id", "routeTable", "route_table_id", false, a);
      case "azurerm_subnet_nat_gateway_association" -> link(v, "subnet_id", "natGateway", "nat_gateway_id", false, a);
      case "azurerm_nat_gateway_public_ip_association" ->
          link(v, "nat_gateway_id", "publicIpAddresses", "public_ip_address_id", true, a);
      case "azurerm_nat_gateway_public_ip_prefix_association" ->
          link(v, "nat_gateway_id", "publicIpPrefixes", "public_ip_prefix_id", true, a);
      case "azurerm_network_interface_security_group_association" ->
          link(v, "network_interface_id", "networkSecurityGroup", "network_security_group_id", false, a);
      case "azurerm_network_interface_application_security_group_association" ->
          link(v, "network_interface_id", "applicationSecurityGroups", "application_security_group_id", true, a);
      default -> List.of();
    };
  }

  private static List<PlanPiece> one(ObjectNode tree, String address) {
    return List.of(new PlanPiece.Resource(tree, address, ImmutableList.of()));
  }

  private static List<PlanPiece> link(TfValues v, String targetKey, String key, String valueKey, boolean list,
      String address) {
    Optional<ResourceId> target = v.ref(targetKey);
    Optional<ResourceId> value = v.ref(valueKey);
    if (target.isEmpty() || value.isEmpty()) {
      return List.of();
    }
    return List.of(new PlanPiece.Link(target.get(), key, value.get(), list, address));
  }

  static ResourceId id(PlanContext.Reading rd) {
    return rd.context().id(rd.resource).orElseThrow(() -> new TfValues.Unknown("id"));
  }

  private static ObjectNode virtualNetwork(PlanContext.Reading rd, TfValues v) {
    ResourceId id = id(rd);
    ObjectNode o = resource(id, "virtualNetworks", v);
    ObjectNode p = properties(o);
    p.putObject("addressSpace").set("addressPrefixes", texts(v.texts("address_space")));
    p.putObject("dhcpOptions").set("dnsServers", texts(v.texts("dns_servers")));
    ArrayNode subnets = p.putArray("subnets");
    for (TfValues s : v.blocks("subnet")) {
      String name = s.text("name");
      ResourceId sid = s.ref("id").orElse(id.child("subnets", name));
      if (!rd.context().standalone(sid)) {
        subnets.add(subnet(rd, s, sid, name, false));
      }
    }
    return o;
  }

  /** A subnet, inline in a VNet ({@code security_group}) or standalone ({@code network_security_group_id}, 5.x). */
  private static ObjectNode subnet(PlanContext.Reading rd, TfValues s, ResourceId id, String name,
      boolean standalone) {
    ObjectNode o = child(id, name);
    if (standalone) {
      o.put("type", NETWORK + "virtualNetworks/subnets");
    }
    ObjectNode p = properties(o);
    List<String> prefixes = s.texts("address_prefixes");
    p.set("addressPrefixes", texts(prefixes.isEmpty() ? s.texts("address_prefix") : prefixes));
    if (s.has("security_group")) {
      s.ref("security_group").ifPresent(r -> p.set("networkSecurityGroup", ref(r)));
    }
    computedLink(rd, s, id, "network_security_group_id", "networkSecurityGroup", p);
    computedLink(rd, s, id, "route_table_id", "routeTable", p);
    ArrayNode endpoints = p.putArray("serviceEndpoints");
    s.texts("service_endpoints").forEach(e -> endpoints.addObject().put("service", e));
    s.blocks("service_endpoint").forEach(e -> endpoints.addObject().put("service", e.text("service")));
    ArrayNode delegations = p.putArray("delegations");
    for (TfValues d : s.blocks("delegation")) {
      ObjectNode del = delegations.addObject();
      del.put("name", d.text("name"));
      for (TfValues sd : d.blocks("service_delegation")) {
        properties(del).put("serviceName", sd.text("name"));
      }
    }
    ArrayNode policies = NODES.arrayNode();
    s.texts("service_endpoint_policy_ids").forEach(i -> policies.add(ref(ResourceId.of(i))));
    if (!policies.isEmpty()) {
      p.set("serviceEndpointPolicies", policies);
    }
    privateEndpointPolicies(s).ifPresent(x -> p.put("privateEndpointNetworkPolicies", x));
    s.bool("default_outbound_access_enabled").ifPresent(b -> p.put("defaultOutboundAccess", b));
    return o;
  }

  /** A subnet link that 4.x/5.x report as computed: unknown is noted unless an association sets it anyway. */
  private static void computedLink(PlanContext.Reading rd, TfValues s, ResourceId subnet, String key, String armKey,
      ObjectNode p) {
    if (!s.has(key)) {
      return;
    }
    Optional<ResourceId> r = s.isUnknown(key) && rd.context().associated(subnet, armKey) ? Optional.empty()
        : s.optionalRef(key);
    r.ifPresent(x -> p.set(armKey, ref(x)));
  }

  /** {@code private_endpoint_network_policies} (4.x string), or the 3.x booleans it replaced. */
  private static Optional<String> privateEndpointPolicies(TfValues s) {
    String policies = s.text("private_endpoint_network_policies");
    if (!policies.isBlank()) {
      return Optional.of(policies);
    }
    Optional<Boolean> enabled = s.bool("private_endpoint_network_policies_enabled");
    if (enabled.isPresent()) {
      return Optional.of(enabled.get() ? "Enabled" : "Disabled");
    }
    return s.bool("enforce_private_link_endpoint_network_policies").map(b -> b ? "Disabled" : "Enabled");
  }

  private static ObjectNode peering(PlanContext.Reading rd, TfValues v) {
    ObjectNode o = typed(child(id(rd), v.text("name")), "virtualNetworks/virtualNetworkPeerings");
    ObjectNode p = properties(o);
    v.ref("remote_virtual_network_id").ifPresent(r -> p.set("remoteVirtualNetwork", ref(r)));
    v.bool("allow_virtual_network_access").ifPresent(b -> p.put("allowVirtualNetworkAccess", b));
    v.bool("allow_forwarded_traffic").ifPresent(b -> p.put("allowForwardedTraffic", b));
    v.bool("allow_gateway_transit").ifPresent(b -> p.put("allowGatewayTransit", b));
    v.bool("use_remote_gateways").ifPresent(b -> p.put("useRemoteGateways", b));
    return o;
  }

  private static ObjectNode networkSecurityGroup(PlanContext.Reading rd, TfValues v) {
    ResourceId id = id(rd);
    ObjectNode o = resource(id, "networkSecurityGroups", v);
    ArrayNode rules = properties(o).putArray("securityRules");
    for (TfValues r : v.blocks("security_rule")) {
      String name = r.text("name");
      ResourceId rid = id.child("securityRules", name);
      if (!rd.context().standalone(rid)) {
        rules.add(rule(r, rid, name));
      }
    }
    return o;
  }

  /** A security rule: singular and plural prefix and port fields, as Terraform keeps both. */
  private static ObjectNode rule(TfValues r, ResourceId id, String name) {
    ObjectNode o = child(id, name);
    ObjectNode p = properties(o);
    r.integer("priority").ifPresent(x -> p.put("priority", x));
    put(p, "direction", r.text("direction"));
    put(p, "access", r.text("access"));
    put(p, "protocol", r.text("protocol"));
    singleOrList(p, "sourcePortRange", r.text("source_port_range"), r.texts("source_port_ranges"));
    singleOrList(p, "destinationPortRange", r.text("destination_port_range"), r.texts("destination_port_ranges"));
    singleOrList(p, "sourceAddressPrefix", r.text("source_address_prefix"), r.texts("source_address_prefixes"));
    singleOrList(p, "destinationAddressPrefix", r.text("destination_address_prefix"),
        r.texts("destination_address_prefixes"));
    refs(p, "sourceApplicationSecurityGroups", r.texts("source_application_security_group_ids"));
    refs(p, "destinationApplicationSecurityGroups", r.texts("destination_application_security_group_ids"));
    put(p, "description", r.text("description"));
    return o;
  }

  private static ObjectNode routeTable(PlanContext.Reading rd, TfValues v) {
    ResourceId id = id(rd);
    ObjectNode o = resource(id, "routeTables", v);
    ObjectNode p = properties(o);
    Optional<Boolean> propagation = v.bool("bgp_route_propagation_enabled");
    Optional<Boolean> disable = propagation.isPresent() ? propagation.map(b -> !b)
        : v.bool("disable_bgp_route_propagation");
    disable.ifPresent(b -> p.put("disableBgpRoutePropagation", b));
    ArrayNode routes = p.putArray("routes");
    for (TfValues r : v.blocks("route")) {
      String name = r.text("name");
      ResourceId rid = id.child("routes", name);
      if (!rd.context().standalone(rid)) {
        routes.add(route(r, rid, name));
      }
    }
    return o;
  }

  private static ObjectNode route(TfValues r, ResourceId id, String name) {
    ObjectNode o = child(id, name);
    ObjectNode p = properties(o);
    put(p, "addressPrefix", r.text("address_prefix"));
    put(p, "nextHopType", r.text("next_hop_type"));
    put(p, "nextHopIpAddress", r.text("next_hop_in_ip_address"));
    return o;
  }

  private static ObjectNode natGateway(PlanContext.Reading rd, TfValues v) {
    ObjectNode o = resource(id(rd), "natGateways", v);
    put(o.putObject("sku"), "name", v.text("sku_name"));
    v.integer("idle_timeout_in_minutes").ifPresent(x -> properties(o).put("idleTimeoutInMinutes", x));
    return o;
  }

  private static ObjectNode publicIp(PlanContext.Reading rd, TfValues v) {
    ObjectNode o = resource(id(rd), "publicIPAddresses", v);
    put(o.putObject("sku"), "name", v.text("sku"));
    ObjectNode p = properties(o);
    v.optionalText("ip_address").ifPresent(x -> p.put("ipAddress", x));
    put(p, "publicIPAllocationMethod", v.text("allocation_method"));
    put(p, "publicIPAddressVersion", v.text("ip_version"));
    return o;
  }

  private static ObjectNode zone(PlanContext.Reading rd, TfValues v) {
    ObjectNode o = resource(id(rd), "privateDnsZones", v);
    o.put("location", "global");
    return o;
  }

  private static ObjectNode aRecord(PlanContext.Reading rd, TfValues v) {
    ObjectNode o = typed(child(id(rd), v.text("name")), "privateDnsZones/A");
    ObjectNode p = properties(o);
    v.integer("ttl").ifPresent(t -> p.put("ttl", t));
    ArrayNode records = p.putArray("aRecords");
    v.texts("records").forEach(ip -> records.addObject().put("ipv4Address", ip));
    return o;
  }

  private static ObjectNode zoneLink(PlanContext.Reading rd, TfValues v) {
    ObjectNode o = typed(child(id(rd), v.text("name")), "privateDnsZones/virtualNetworkLinks");
    ObjectNode p = properties(o);
    v.ref("virtual_network_id").ifPresent(r -> p.set("virtualNetwork", ref(r)));
    v.bool("registration_enabled").ifPresent(b -> p.put("registrationEnabled", b));
    return o;
  }

  // ---- building trees

  static ObjectNode resource(ResourceId id, String type, TfValues v) {
    ObjectNode o = child(id, v.text("name"));
    o.put("type", NETWORK + type);
    put(o, "location", v.text("location"));
    return o;
  }

  static ObjectNode child(ResourceId id, String name) {
    ObjectNode o = NODES.objectNode();
    o.put("id", id.value());
    put(o, "name", name);
    o.putObject("properties");
    return o;
  }

  private static ObjectNode typed(ObjectNode o, String type) {
    o.put("type", NETWORK + type);
    return o;
  }

  static ObjectNode properties(ObjectNode o) {
    return ArmTrees.properties(o);
  }

  static ObjectNode ref(ResourceId id) {
    return NODES.objectNode().put("id", id.value());
  }

  static ArrayNode texts(List<String> values) {
    ArrayNode a = NODES.arrayNode();
    values.forEach(a::add);
    return a;
  }

  static void refs(ObjectNode p, String key, List<String> ids) {
    if (!ids.isEmpty()) {
      ArrayNode a = p.putArray(key);
      ids.forEach(i -> a.add(ref(ResourceId.of(i))));
    }
  }

  static void put(ObjectNode o, String key, String value) {
    if (!value.isBlank()) {
      o.put(key, value);
    }
  }

  private static void singleOrList(ObjectNode p, String key, String single, List<String> list) {
    if (!single.isBlank()) {
      p.put(key, single);
    }
    if (!list.isEmpty()) {
      p.set(key.endsWith("Prefix") ? key + "es" : key + "s", texts(list));
    }
  }
}
