package dev.vnetsim.model.io;

import static dev.vnetsim.model.io.ReaderTesting.id;
import static dev.vnetsim.model.io.ReaderTesting.topology;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.dns.DnsRecordSet;
import dev.vnetsim.model.dns.PrivateDnsZone;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DnsReadersTest {

  private static final String ZONE = id("privateDnsZones/privatelink.blob.core.windows.net");

  @Test
  void standaloneRecordSetsAndLinks_joinTheirZone() {
    Topology t = topology("""
        [{"id": "%1$s", "type": "Microsoft.Network/privateDnsZones", "location": "global"},
         {"id": "%1$s/A/st1", "type": "Microsoft.Network/privateDnsZones/A",
          "properties": {"ttl": 10, "aRecords": [{"ipv4Address": "10.0.2.4"}, {"ipv4Address": "10.0.2.5"}]}},
         {"id": "%1$s/AAAA/st1", "type": "Microsoft.Network/privateDnsZones/AAAA",
          "properties": {"aaaaRecords": [{"ipv6Address": "fd00::4"}]}},
         {"id": "%1$s/CNAME/alias", "type": "Microsoft.Network/privateDnsZones/CNAME",
          "properties": {"ttl": 60, "cnameRecord": {"cname": "st1.privatelink.blob.core.windows.net"}}},
         {"id": "%1$s/TXT/x", "type": "Microsoft.Network/privateDnsZones/TXT", "properties": {}},
         {"id": "%1$s/virtualNetworkLinks/l", "type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
          "properties": {"registrationEnabled": true, "virtualNetwork": {"id": "%2$s"}}},
         {"id": "%2$s", "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]}}}]"""
        .formatted(ZONE, id("virtualNetworks/v")));
    PrivateDnsZone z = t.privateDnsZones().get(ResourceId.of(ZONE));
    assertThat(z.recordSets()).extracting(r -> r.type() + " " + r.name() + " " + r.ttl()).containsExactly(
        "A st1 10", "AAAA st1 3600", "CNAME alias 60");
    assertThat(z.recordSets().get(0).addresses()).containsExactly(IpAddress.parse("10.0.2.4"),
        IpAddress.parse("10.0.2.5"));
    assertThat(z.recordSets().get(2).cname()).contains("st1.privatelink.blob.core.windows.net");
    assertThat(z.virtualNetworkLinks()).singleElement().satisfies(l -> {
      assertThat(l.registrationEnabled()).isTrue();
      assertThat(l.virtualNetwork()).isEqualTo(ResourceId.of(id("virtualNetworks/v")));
    });
    assertThat(t.skippedTypes()).containsExactly(Map.entry("microsoft.network/privatednszones/txt", 1));
    assertThat(t.warnings()).isEmpty();
  }

  @Test
  void nestedRecordSets_typeFromTheRecordsTheyHold() {
    Topology t = topology("""
        {"id": "%s", "recordSets": [{"name": "www", "aRecords": [{"ipv4Address": "10.1.0.4"}]},
          {"name": "app", "cnameRecord": {"cname": "www.example.internal"}}]}""".formatted(ZONE));
    assertThat(t.privateDnsZones().values().iterator().next().recordSets()).extracting(DnsRecordSet::id)
        .containsExactly(ResourceId.of(ZONE + "/A/www"), ResourceId.of(ZONE + "/CNAME/app"));
  }
}
