package dev.vnetsim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import dev.vnetsim.model.Access;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.NextHopType;
import dev.vnetsim.model.network.PrivateEndpointNetworkPolicies;
import dev.vnetsim.simulator.Extras;
import dev.vnetsim.simulator.Scenarios;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import dev.vnetsim.simulator.trace.Coverage;
import dev.vnetsim.simulator.trace.Disposition;
import dev.vnetsim.simulator.trace.Trace;
import dev.vnetsim.simulator.trace.TraceText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Private endpoints (azure-semantics.md §5.1, §5.2) reached by name through private DNS (§5.3). VNet app 10.5.0.0/16:
 * work 10.5.1.0/24 (vm 10.5.1.4), pe 10.5.2.0/24 with the blob endpoint of storage account stdata001 at 10.5.2.4.
 */
class PrivateEndpointDnsTest {

  static final ServiceTagLookup TAGS = ServiceTagLookup.of(Map.of(
      "Storage.WestEurope", IpSet.parse("20.60.0.0/16"),
      "Storage.NorthEurope", IpSet.parse("20.38.0.0/16"),
      "Storage", IpSet.parse("20.60.0.0/16", "20.38.0.0/16")));

  static final String NAME = "stdata001.blob.core.windows.net";
  static final String ZONE = "privatelink.blob.core.windows.net";

  static Scenarios network() {
    return new Scenarios().vnet("app", "westeurope", "10.5.0.0/16").subnet("work", "10.5.1.0/24").and()
        .subnet("pe", "10.5.2.0/24").done().nic("vm", "app", "work", "10.5.1.4").done();
  }

  static Extras endpoint(Scenarios s, String status) {
    return new Extras(s.build()).storageAccount("stdata001", "northeurope")
        .storageEndpoint("pe-blob", "app", "pe", "10.5.2.4", "stdata001", "blob", status);
  }

  static Trace trace(Topology t, String to, int port) {
    return trace(t, Character.isDigit(to.charAt(0)) ? new Endpoint.Addresses(IpSet.parse(to), to)
        : new Endpoint.Fqdn(to), port);
  }

  static Trace trace(Topology t, Endpoint to, int port) {
    DataPlaneEngine e = DataPlaneEngine.compile(t, TAGS);
    return e.trace(Query.of(new Endpoint.Nic(EngineScenariosTest.nic("vm")), to, Protocol.TCP, port, 50000));
  }

  /** §5.3 table: in a VNet linked to the zone holding the A record, acct.blob → CNAME acct.privatelink.blob → PE IP. */
  @Test
  void linkedZone_resolvesToEndpoint_delivered() {
    Topology t = endpoint(network(), "Approved").zone(ZONE, List.of("app"), "stdata001=10.5.2.4").build();
    Trace tr = trace(t, NAME, 443);
    assertThat(tr.disposition()).isEqualTo(Disposition.DELIVERED);
    assertThat(EngineScenariosTest.path(tr)).isEqualTo("NIC:vm > SUBNET:work > SUBNET:pe > PRIVATE_ENDPOINT:pe-blob");
    assertThat(TraceText.render(tr))
        .contains("DNS RESOLVED - stdata001.blob.core.windows.net CNAME stdata001.privatelink.blob.core.windows.net")
        .contains("DNS RESOLVED - stdata001.privatelink.blob.core.windows.net A [10.5.2.4/32] (private DNS zone "
            + ZONE + " linked to app)")
        .contains("to private endpoint pe-blob of stdata001 (blob)");
    assertThat(tr.assumptions()).noneMatch(a -> a.startsWith("DNS_"));
  }

  /**
   * §5.3 (derived): "Without a linked private DNS zone ... the name resolves to the public IP"; the catalogue gives
   * Storage.<region> of the account (northeurope, from the input), an assumption.
   */
  @Test
  void zoneNotLinked_publicPath_accountRegion() {
    Topology t = endpoint(network(), "Approved").zone(ZONE, List.of(), "stdata001=10.5.2.4").build();
    Trace tr = trace(t, NAME, 443);
    assertThat(tr.disposition()).isEqualTo(Disposition.EXITS_NETWORK);
    assertThat(tr.coverage()).isEqualTo(Coverage.ALL);
    assertThat(tr.parts()).singleElement().extracting(p -> p.space().destinations().toString())
        .isEqualTo("[20.38.0.0/16]");
    assertThat(tr.assumptions()).anyMatch(a -> a.startsWith("DNS_CATALOGUE (" + NAME + " -> Storage.northeurope)"))
        .noneMatch(a -> a.startsWith("DNS_SOURCE_REGION"));
    assertThat(TraceText.render(tr)).contains("CNAME stdata001.privatelink.blob.core.windows.net");
  }

  /** §5.3 (derived): "A resource that has some PE, but no record in the linked zone, fails to resolve (NXDOMAIN)." */
  @Test
  void linkedZoneMissingRecord_dnsUnresolved() {
    Topology t = endpoint(network(), "Approved").zone(ZONE, List.of("app"), "stother=10.5.2.9").build();
    Trace tr = trace(t, NAME, 443);
    assertThat(tr.disposition()).isEqualTo(Disposition.DNS_UNRESOLVED);
    assertThat(EngineScenariosTest.decided(tr)).isEqualTo(ZONE + " stdata001");
    assertThat(TraceText.render(tr)).contains("has no record stdata001");
  }

  /**
   * §5.3 [PE-DNS]: "A VNet that already uses the private zone ... can reach other resources of that type publicly
   * only if those resources have no PE connections." No endpoint for stfree: public; its region is the source's.
   */
  @Test
  void linkedZone_otherAccountWithoutEndpoint_resolvesPublicly() {
    Topology t = endpoint(network(), "Approved").zone(ZONE, List.of("app"), "stdata001=10.5.2.4").build();
    Trace tr = trace(t, "stfree.blob.core.windows.net", 443);
    assertThat(tr.disposition()).isEqualTo(Disposition.EXITS_NETWORK);
    assertThat(tr.parts()).singleElement().extracting(p -> p.space().destinations().toString())
        .isEqualTo("[20.60.0.0/16]");
    assertThat(tr.assumptions()).anyMatch(a -> a.startsWith("DNS_SOURCE_REGION"));
  }

  /** §5.1 "Only connections in the Approved state carry traffic." */
  @Test
  void pendingConnection_carriesNoTraffic() {
    Topology t = endpoint(network(), "Pending").zone(ZONE, List.of("app"), "stdata001=10.5.2.4").build();
    Trace tr = trace(t, NAME, 443);
    assertThat(tr.disposition()).isEqualTo(Disposition.NULL_ROUTED);
    assertThat(TraceText.render(tr)).contains("no Approved private link connection to stdata001 (blob)");
  }

  /**
   * §5.2 / §1.8: the PE subnet's NSG filters traffic to the endpoint only when privateEndpointNetworkPolicies is
   * Enabled or NetworkSecurityGroupEnabled (default Disabled).
   */
  @Test
  void networkPolicies_nsgOnlyWhenEnabled() {
    for (PrivateEndpointNetworkPolicies p : PrivateEndpointNetworkPolicies.values()) {
      Scenarios s = network();
      s.vnet("app", "").subnet("pe").nsg("pe-nsg").privateEndpointPolicies(p);
      s.nsg("pe-nsg").rule("DenyWork", 100, Direction.INBOUND, Access.DENY, Protocol.ANY, "10.5.1.0/24", "*", "*");
      Topology t = endpoint(s, "Approved").zone(ZONE, List.of("app"), "stdata001=10.5.2.4").build();
      Trace tr = trace(t, NAME, 443);
      assertThat(tr.disposition()).as(p.armName()).isEqualTo(p.nsgApplies() ? Disposition.DENIED_NSG_INBOUND
          : Disposition.DELIVERED);
      if (!p.nsgApplies()) {
        assertThat(TraceText.render(tr)).contains("does not filter traffic to private endpoints:"
            + " privateEndpointNetworkPolicies is " + p.armName());
      }
    }
  }

  /**
   * §5.2 UDR enabled: "A UDR whose prefix length is equal to or longer than the VNet's address-space prefix length
   * invalidates the PE's /32 route"; "A UDR for 0.0.0.0/0 does not invalidate it."
   */
  @Test
  void routeTablePolicies_udrAtLeastVnetLengthInvalidatesSlash32() {
    for (String prefix : new String[] {"10.5.0.0/16", "10.5.2.0/24", "0.0.0.0/0"}) {
      for (PrivateEndpointNetworkPolicies p : new PrivateEndpointNetworkPolicies[] {
          PrivateEndpointNetworkPolicies.DISABLED, PrivateEndpointNetworkPolicies.ROUTE_TABLE_ENABLED}) {
        Scenarios s = network();
        s.vnet("app", "").subnet("pe").privateEndpointPolicies(p);
        s.vnet("app", "").subnet("work").routeTable("rt");
        s.routeTable("rt").route("blackhole", prefix, NextHopType.NONE, null);
        Topology t = endpoint(s, "Approved").zone(ZONE, List.of("app"), "stdata001=10.5.2.4").build();
        boolean invalidated = p.routeTableApplies() && !prefix.equals("0.0.0.0/0");
        assertThat(trace(t, NAME, 443).disposition()).as(prefix + " " + p.armName())
            .isEqualTo(invalidated ? Disposition.NULL_ROUTED : Disposition.DELIVERED);
      }
    }
  }

  /** {@code --resolve NAME=IP} pins the address over every other answer (DESIGN §3). */
  @Test
  void pinnedAddress_overridesZones() {
    Topology t = endpoint(network(), "Approved").zone(ZONE, List.of("app"), "stdata001=10.5.2.4").build();
    Trace tr = trace(t, new Endpoint.Fqdn(NAME, ImmutableMap.of(NAME, IpAddress.parse("10.5.1.4"))), 443);
    assertThat(tr.disposition()).isEqualTo(Disposition.DELIVERED);
    assertThat(EngineScenariosTest.path(tr)).endsWith("NIC:vm");
    assertThat(TraceText.render(tr)).contains("A 10.5.1.4 (pinned with --resolve)");
  }

  /** §5.3: custom DNS servers must forward to 168.63.129.16 from a linked VNet: taken so, and said. */
  @Test
  void customDnsServers_assumedToForwardToAzureDns() {
    Topology t = new Extras(endpoint(network(), "Approved").zone(ZONE, List.of("app"), "stdata001=10.5.2.4")
        .build()).dnsServers("app", "10.5.1.10").build();
    Trace tr = trace(t, NAME, 443);
    assertThat(tr.disposition()).isEqualTo(Disposition.DELIVERED);
    assertThat(tr.assumptions()).anyMatch(a -> a.startsWith("DNS_CUSTOM_SERVERS"));
  }

  /** §1.8: "DNS to 168.63.129.16 is not subject to NSGs unless a rule targets AzurePlatformDNS" — which can deny it. */
  @Test
  void azurePlatformDnsDenied_nameDoesNotResolve() {
    Scenarios s = network();
    s.vnet("app", "").subnet("work").nsg("work-nsg");
    s.nsg("work-nsg").rule("DenyAzureDns", 100, Direction.OUTBOUND, Access.DENY, Protocol.ANY, "*",
        "AzurePlatformDNS", "*");
    Topology t = endpoint(s, "Approved").zone(ZONE, List.of("app"), "stdata001=10.5.2.4").build();
    Trace tr = trace(t, NAME, 443);
    assertThat(tr.disposition()).isEqualTo(Disposition.DNS_UNRESOLVED);
    assertThat(EngineScenariosTest.decided(tr)).isEqualTo("work-nsg securityRules/DenyAzureDns");
    assertThat(trace(t, "10.5.2.4", 443).disposition()).isEqualTo(Disposition.DELIVERED);
  }
}
