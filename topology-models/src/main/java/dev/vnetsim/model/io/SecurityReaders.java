package dev.vnetsim.model.io;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.security.ApplicationSecurityGroup;
import dev.vnetsim.model.security.DefaultSecurityRules;
import dev.vnetsim.model.security.NetworkSecurityGroup;
import dev.vnetsim.model.security.SecurityRule;
import java.util.List;
import java.util.Map;

/** NSGs with their custom and default rules, and application security groups. */
final class SecurityReaders {
  private SecurityReaders() {}

  static void register(Map<String, Readers.ResourceReader> m) {
    m.put("microsoft.network/networksecuritygroups", SecurityReaders::networkSecurityGroup);
    m.put("microsoft.network/networksecuritygroups/securityrules",
        (c, at, id) -> c.child(c.securityRules, id, rule(at, id, false), at));
    m.put("microsoft.network/networksecuritygroups/defaultsecurityrules",
        (c, at, id) -> c.child(c.defaultSecurityRules, id, rule(at, id, true), at));
    m.put("microsoft.network/applicationsecuritygroups", (c, at, id) -> c.put(c.topology.applicationSecurityGroups,
        id, new ApplicationSecurityGroup(id, Readers.name(at, id), Readers.location(at)), at));
  }

  /** An NSG; one without {@code defaultSecurityRules} gets Azure's six. */
  static void networkSecurityGroup(Collector c, Json at, ResourceId id) {
    ImmutableList<SecurityRule> rules = rules(c, at.field("securityRules"), id, "securityRules", false);
    ImmutableList<SecurityRule> defaults = rules(c, at.field("defaultSecurityRules"), id, "defaultSecurityRules",
        true);
    c.put(c.topology.networkSecurityGroups, id, new NetworkSecurityGroup(id, Readers.name(at, id),
        Readers.location(at), rules, defaults.isEmpty() ? DefaultSecurityRules.forNsg(id) : defaults), at);
  }

  private static ImmutableList<SecurityRule> rules(Collector c, Json list, ResourceId nsg, String childType,
      boolean isDefault) {
    Collector.Children<SecurityRule> rules = c.children(SecurityRule::id);
    for (Json r : list.elements()) {
      ResourceId rid = Readers.childId(r, nsg, childType);
      rules.read(r, rid, () -> rule(r, rid, isDefault));
    }
    return rules.build();
  }

  /** One rule, singular and plural fields merged ({@code sourceAddressPrefix} + {@code sourceAddressPrefixes} …). */
  static SecurityRule rule(Json at, ResourceId id, boolean isDefault) {
    int priority = isDefault ? Readers.requiredIntInRange(at.field("priority"), 65000, 65500)
        : Readers.requiredIntInRange(at.field("priority"), 100, 4096);
    ImmutableList<AddressMatch> sources = Values.addresses(at.field("sourceAddressPrefix"),
        at.field("sourceAddressPrefixes"));
    ImmutableList<ResourceId> sourceAsgs = at.field("sourceApplicationSecurityGroups").refs();
    ImmutableList<AddressMatch> destinations = Values.addresses(at.field("destinationAddressPrefix"),
        at.field("destinationAddressPrefixes"));
    ImmutableList<ResourceId> destinationAsgs =
        at.field("destinationApplicationSecurityGroups").refs();
    requireOne(at, "sourceAddressPrefix", sources, sourceAsgs);
    requireOne(at, "destinationAddressPrefix", destinations, destinationAsgs);
    return new SecurityRule(id, Readers.name(at, id), isDefault, priority, Values.direction(at.field("direction")),
        Values.access(at.field("access")), Values.protocol(at.field("protocol")), sources, sourceAsgs,
        ports(at, "sourcePortRange"), destinations, destinationAsgs, ports(at, "destinationPortRange"),
        at.field("description").text().orElse(""));
  }

  private static void requireOne(Json at, String field, List<?> prefixes, List<?> asgs) {
    if (prefixes.isEmpty() && asgs.isEmpty()) {
      throw at.field(field).error("is required (" + field + ", " + field + "es or the application security group"
          + " list)");
    }
  }

  private static ImmutableList<PortRange> ports(Json at, String field) {
    ImmutableList<PortRange> ports = Values.ports(at.field(field), at.field(field + "s"));
    if (ports.isEmpty()) {
      throw at.field(field).error("is required (" + field + " or " + field + "s)");
    }
    return ports;
  }
}
