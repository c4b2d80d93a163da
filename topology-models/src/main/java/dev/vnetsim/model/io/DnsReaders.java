package dev.vnetsim.model.io;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.dns.DnsRecordSet;
import dev.vnetsim.model.dns.PrivateDnsZone;
import dev.vnetsim.model.dns.VirtualNetworkLink;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Private DNS zones, their A/AAAA/CNAME record sets and VNet links (nested in the zone or standalone). Record sets
 * of other types (SOA, MX, TXT …) do not affect reachability and are skipped like any unknown type.
 */
final class DnsReaders {
  private DnsReaders() {}

  private static final String ZONE_TYPE = "Microsoft.Network/privateDnsZones/";

  static void register(Map<String, Readers.ResourceReader> m) {
    m.put("microsoft.network/privatednszones", DnsReaders::zone);
    for (DnsRecordSet.RecordType t : DnsRecordSet.RecordType.values()) {
      m.put((ZONE_TYPE + t.name()).toLowerCase(Locale.ROOT),
          (c, at, id) -> c.child(c.recordSets, id, recordSet(at, id, t), at));
    }
    m.put("microsoft.network/privatednszones/virtualnetworklinks",
        (c, at, id) -> c.child(c.virtualNetworkLinks, id, link(at, id), at));
  }

  static void zone(Collector c, Json at, ResourceId id) {
    Collector.Children<DnsRecordSet> records = c.children(DnsRecordSet::id);
    for (Json r : at.field("recordSets").elements()) {
      Optional<DnsRecordSet.RecordType> type = recordType(r);
      if (type.isEmpty()) {
        Readers.typeOf(r).ifPresent(t -> c.other(r, r.get("id").text().map(ResourceId::of), t));
        continue;
      }
      ResourceId rid = Readers.childId(r, id, type.get().name());
      records.read(r, rid, () -> recordSet(r, rid, type.get()));
    }
    Collector.Children<VirtualNetworkLink> links = c.children(VirtualNetworkLink::id);
    for (Json l : at.field("virtualNetworkLinks").elements()) {
      ResourceId lid = Readers.childId(l, id, "virtualNetworkLinks");
      links.read(l, lid, () -> link(l, lid));
    }
    c.put(c.topology.privateDnsZones, id, new PrivateDnsZone(id, Readers.name(at, id), records.build(),
        links.build()), at);
  }

  /** A nested record set's type: from {@code type}, else from which records it holds. */
  private static Optional<DnsRecordSet.RecordType> recordType(Json at) {
    Optional<String> type = Readers.typeOf(at);
    if (type.isPresent()) {
      String t = type.get();
      String last = t.substring(t.lastIndexOf('/') + 1).toUpperCase(Locale.ROOT);
      for (DnsRecordSet.RecordType rt : DnsRecordSet.RecordType.values()) {
        if (rt.name().equals(last)) {
          return Optional.of(rt);
        }
      }
      return Optional.empty();
    }
    if (at.field("aRecords").isArray()) {
      return Optional.of(DnsRecordSet.RecordType.A);
    }
    if (at.field("aaaaRecords").isArray()) {
      return Optional.of(DnsRecordSet.RecordType.AAAA);
    }
    return at.field("cnameRecord").isObject() ? Optional.of(DnsRecordSet.RecordType.CNAME) : Optional.empty();
  }

  static DnsRecordSet recordSet(Json at, ResourceId id, DnsRecordSet.RecordType type) {
    ImmutableList<IpAddress> addresses = switch (type) {
      case A -> at.field("aRecords").elements().stream().flatMap(r -> Values.ip(r.field("ipv4Address")).stream())
          .collect(ImmutableList.toImmutableList());
      case AAAA -> at.field("aaaaRecords").elements().stream().flatMap(r -> Values.ip(r.field("ipv6Address")).stream())
          .collect(ImmutableList.toImmutableList());
      case CNAME -> ImmutableList.of();
    };
    Optional<String> cname = type == DnsRecordSet.RecordType.CNAME
        ? at.field("cnameRecord").get("cname").text().filter(s -> !s.isBlank()) : Optional.empty();
    return new DnsRecordSet(id, Readers.name(at, id), type, Readers.intInRange(at.field("ttl"), 3600, 0, 2147483647),
        addresses, cname);
  }

  static VirtualNetworkLink link(Json at, ResourceId id) {
    Json vnet = at.field("virtualNetwork");
    return new VirtualNetworkLink(id, Readers.name(at, id),
        vnet.ref().orElseThrow(() -> vnet.refAt().error("is required")), at.field("registrationEnabled").bool(false));
  }
}
