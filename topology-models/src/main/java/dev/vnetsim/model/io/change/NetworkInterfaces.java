package dev.vnetsim.model.io.change;

import static dev.vnetsim.model.io.change.AzurermToArm.child;
import static dev.vnetsim.model.io.change.AzurermToArm.properties;
import static dev.vnetsim.model.io.change.AzurermToArm.put;
import static dev.vnetsim.model.io.change.AzurermToArm.ref;
import static dev.vnetsim.model.io.change.AzurermToArm.texts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * azurerm NICs and private endpoints as ARM resources. A private endpoint's own NIC is made by Azure and is not in
 * a plan: its address comes from {@code ip_configuration} (static) or {@code custom_dns_configs} (computed), and the
 * A records of its {@code private_dns_zone_group} from {@code private_dns_zone_configs} (computed); computed values
 * are unknown when the endpoint is being created and are left out with a note.
 */
final class NetworkInterfaces {
  private NetworkInterfaces() {}

  static ObjectNode nic(PlanContext.Reading rd, TfValues v, ResourceId id) {
    ObjectNode o = AzurermToArm.resource(id, "networkInterfaces", v);
    ObjectNode p = properties(o);
    Optional<Boolean> forwarding = v.bool("ip_forwarding_enabled");
    (forwarding.isPresent() ? forwarding : v.bool("enable_ip_forwarding"))
        .ifPresent(b -> p.put("enableIPForwarding", b));
    ArrayNode configs = p.putArray("ipConfigurations");
    for (TfValues c : v.blocks("ip_configuration")) {
      String name = c.text("name");
      ObjectNode config = child(id.child("ipConfigurations", name), name);
      ObjectNode cp = properties(config);
      c.ref("subnet_id").ifPresent(s -> cp.set("subnet", ref(s)));
      c.optionalText("private_ip_address").ifPresent(ip -> cp.put("privateIPAddress", ip));
      put(cp, "privateIPAllocationMethod", c.text("private_ip_address_allocation"));
      put(cp, "privateIPAddressVersion", c.text("private_ip_address_version"));
      c.ref("public_ip_address_id").ifPresent(ip -> cp.set("publicIPAddress", ref(ip)));
      c.bool("primary").ifPresent(b -> cp.put("primary", b));
      configs.add(config);
    }
    return o;
  }

  static List<PlanPiece> privateEndpoint(PlanContext.Reading rd, TfValues v, ResourceId id) {
    String address = rd.resource.address();
    ObjectNode o = AzurermToArm.resource(id, "privateEndpoints", v);
    ObjectNode p = properties(o);
    v.ref("subnet_id").ifPresent(s -> p.set("subnet", ref(s)));
    ArrayNode auto = arrayNode();
    ArrayNode manual = arrayNode();
    for (TfValues c : v.blocks("private_service_connection")) {
      boolean isManual = c.bool("is_manual_connection").orElse(false);
      ObjectNode conn = (isManual ? manual : auto).addObject();
      conn.put("name", c.text("name"));
      ObjectNode cp = conn.putObject("properties");
      c.ref("private_connection_resource_id").ifPresent(r -> cp.put("privateLinkServiceId", r.value()));
      cp.set("groupIds", texts(c.texts("subresource_names")));
      cp.putObject("privateLinkServiceConnectionState").put("status", isManual ? "Pending" : "Approved");
    }
    p.set("privateLinkServiceConnections", auto);
    p.set("manualPrivateLinkServiceConnections", manual);
    ArrayNode statics = p.putArray("ipConfigurations");
    for (TfValues c : v.blocks("ip_configuration")) {
      ObjectNode ic = statics.addObject();
      ic.put("name", c.text("name"));
      ObjectNode icp = ic.putObject("properties");
      put(icp, "groupId", c.text("subresource_name"));
      put(icp, "memberName", c.text("member_name"));
      put(icp, "privateIPAddress", c.text("private_ip_address"));
    }
    ArrayNode dns = p.putArray("customDnsConfigs");
    for (TfValues d : v.optionalBlocks("custom_dns_configs")) {
      ObjectNode cfg = dns.addObject();
      put(cfg, "fqdn", d.text("fqdn"));
      cfg.set("ipAddresses", texts(d.texts("ip_addresses")));
    }
    ArrayNode nics = p.putArray("networkInterfaces");
    v.optionalBlocks("network_interface").forEach(n -> n.optionalRef("id").ifPresent(x -> nics.add(ref(x))));
    List<PlanPiece> out = new ArrayList<>();
    out.add(new PlanPiece.Resource(o, address, ImmutableList.of()));
    for (TfValues z : v.optionalBlocks("private_dns_zone_configs")) {
      Optional<ResourceId> zone = z.optionalRef("private_dns_zone_id");
      for (TfValues rs : z.optionalBlocks("record_sets")) {
        if (zone.isPresent() && rs.text("type").equalsIgnoreCase("A")) {
          out.add(new PlanPiece.Resource(aRecord(zone.get(), rs), address, ImmutableList.of()));
        }
      }
    }
    return out;
  }

  /** An A record that a private DNS zone group creates for the endpoint. */
  private static ObjectNode aRecord(ResourceId zone, TfValues rs) {
    String name = rs.text("name");
    ObjectNode o = child(zone.child("A", name), name);
    o.put("type", "Microsoft.Network/privateDnsZones/A");
    ObjectNode p = properties(o);
    rs.integer("ttl").ifPresent(t -> p.put("ttl", t));
    ArrayNode records = p.putArray("aRecords");
    rs.texts("ip_addresses").forEach(ip -> records.addObject().put("ipv4Address", ip));
    return o;
  }

  private static ArrayNode arrayNode() {
    return ArmTrees.NODES.arrayNode();
  }
}
