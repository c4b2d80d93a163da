package dev.vnetsim.simulator.engine;

import static dev.vnetsim.model.Access.ALLOW;
import static dev.vnetsim.model.Access.DENY;
import static dev.vnetsim.model.Direction.INBOUND;
import static dev.vnetsim.model.Direction.OUTBOUND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.NextHopType;
import dev.vnetsim.model.network.PublicIpAddress;
import dev.vnetsim.simulator.Scenarios;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import dev.vnetsim.simulator.trace.Coverage;
import dev.vnetsim.simulator.trace.Disposition;
import dev.vnetsim.simulator.trace.Flow;
import dev.vnetsim.simulator.trace.Hop;
import dev.vnetsim.simulator.trace.Step;
import dev.vnetsim.simulator.trace.Trace;
import dev.vnetsim.simulator.trace.TraceText;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Hand-built topologies whose expected answers follow azure-semantics.md; each test quotes its rule. */
class EngineScenariosTest {

  static final ServiceTagLookup TAGS = ServiceTagLookup.of(Map.of(
      "Storage.WestEurope", IpSet.parse("20.60.0.0/16"),
      "Storage", IpSet.parse("20.60.0.0/16", "52.239.0.0/16"),
      "AzureMachineLearning", IpSet.parse("13.69.64.0/24")));

  /** hub 10.0.0.0/16: web 10.0.1.0/24 (web1 .4, web2 .5), app 10.0.2.0/24 (app1 .4). */
  static Scenarios base() {
    return new Scenarios().vnet("hub", "westeurope", "10.0.0.0/16")
        .subnet("web", "10.0.1.0/24").and().subnet("app", "10.0.2.0/24").and().subnet("nva", "10.0.100.0/24").done()
        .nic("web1", "hub", "web", "10.0.1.4").done()
        .nic("web2", "hub", "web", "10.0.1.5").done()
        .nic("app1", "hub", "app", "10.0.2.4").done();
  }

  static ResourceId nic(String name) {
    return Scenarios.id("networkInterfaces", name);
  }

  static ResourceId nsg(String name) {
    return Scenarios.id("networkSecurityGroups", name);
  }

  static Trace trace(Topology t, String fromNic, String to, Protocol p, int port) {
    DataPlaneEngine e = DataPlaneEngine.compile(t, TAGS);
    return e.trace(nic(fromNic), Flow.of(e.dataPlane().nic(nic(fromNic)).orElseThrow().addresses().firstAddress()
        .toString(), to, p, 50000, port));
  }

  static String decided(Trace t) {
    return t.decidedBy().map(d -> d.resourceId().name() + " " + d.ruleName()).orElse("-");
  }

  static String path(Trace t) {
    return t.hops().stream().map(h -> h.kind() + ":" + h.resourceId().name()).collect(Collectors.joining(" > "));
  }

  /** §1.6 "A packet must be allowed at every level that has an NSG. A level with no NSG allows everything." */
  @Test
  void noNsgAnywhere_delivered() {
    Trace t = trace(base().build(), "web1", "10.0.2.4", Protocol.TCP, 443);
    assertThat(t.disposition()).isEqualTo(Disposition.DELIVERED);
    assertThat(t.reachable()).isTrue();
    assertThat(t.coverage()).isEqualTo(Coverage.ALL);
    assertThat(t.decidedBy()).isEmpty();
    assertThat(path(t)).isEqualTo("NIC:web1 > SUBNET:web > SUBNET:app > NIC:app1");
  }

  /** §1.6 inbound: "the subnet NSG is evaluated first ... A Deny in the subnet NSG ends processing". Subnet only. */
  @Test
  void subnetNsgOnly_inboundDeny_thenAllowByEarlierPriority() {
    Scenarios s = base();
    s.vnet("hub", "").subnet("app").nsg("app-nsg");
    s.nsg("app-nsg").rule("DenyWeb", 200, INBOUND, DENY, Protocol.TCP, "10.0.1.0/24", "*", "443");
    Trace t = trace(s.build(), "web1", "10.0.2.4", Protocol.TCP, 443);
    assertThat(t.disposition()).isEqualTo(Disposition.DENIED_NSG_INBOUND);
    assertThat(decided(t)).isEqualTo("app-nsg securityRules/DenyWeb");
    assertThat(t.decidedBy().orElseThrow().priority()).contains(200);
    s.nsg("app-nsg").rule("AllowWeb1", 100, INBOUND, ALLOW, Protocol.TCP, "10.0.1.4", "*", "443");
    Trace allowed = trace(s.build(), "web1", "10.0.2.4", Protocol.TCP, 443);
    assertThat(allowed.disposition()).isEqualTo(Disposition.DELIVERED);
    assertThat(decided(allowed)).isEqualTo("app-nsg securityRules/AllowWeb1");
    assertThat(trace(s.build(), "web2", "10.0.2.4", Protocol.TCP, 443).disposition())
        .isEqualTo(Disposition.DENIED_NSG_INBOUND);
  }

  /** §1.4 step 2 + §1.3: the first match decides; with no custom match the default DenyAllInBound... */
  @Test
  void subnetNsgOnly_outboundDenyAll_namesTheDefaultRuleInAzureWords() {
    Scenarios s = base();
    s.vnet("hub", "").subnet("web").nsg("web-nsg");
    s.nsg("web-nsg").rule("DenyVnetOut", 4000, OUTBOUND, DENY, Protocol.ANY, "*", "VirtualNetwork", "*");
    Trace t = trace(s.build(), "web1", "10.0.2.4", Protocol.UDP, 53);
    assertThat(t.disposition()).isEqualTo(Disposition.DENIED_NSG_OUTBOUND);
    assertThat(decided(t)).isEqualTo("web-nsg securityRules/DenyVnetOut");
    assertThat(TraceText.render(t)).contains("NSG_OUTBOUND DENIED securityRules/DenyVnetOut (priority 4000)")
        .endsWith("disposition: DENIED_NSG_OUTBOUND by securityRules/DenyVnetOut (priority 4000) in web-nsg\n");
  }

  /** §1.3 DenyAllInBound (65500): a source outside VirtualNetwork and no custom rule. NIC NSG only. */
  @Test
  void nicNsgOnly_defaultDenyAllInbound_fromInternet() {
    Scenarios s = base();
    s.nic("app1", null, null, null).nsg("app1-nsg");
    s.nsg("app1-nsg");
    s.publicIp("app1-pip", PublicIpAddress.Sku.STANDARD, "20.1.2.3", "app1");
    DataPlaneEngine e = DataPlaneEngine.compile(s.build(), TAGS);
    Trace t = e.trace(Query.of(new Endpoint.Addresses(IpSet.parse("203.0.113.7"), "203.0.113.7"),
        new Endpoint.Nic(nic("app1")), Protocol.TCP, 22, 40000));
    assertThat(t.disposition()).isEqualTo(Disposition.DENIED_NSG_INBOUND);
    assertThat(decided(t)).isEqualTo("app1-nsg defaultSecurityRules/DenyAllInBound");
    assertThat(path(t)).isEqualTo("INTERNET:Internet > PUBLIC_IP:app1-pip > SUBNET:app > NIC:app1");
  }

  /**
   * §1.6 "Outbound: the NIC NSG is evaluated first, then the subnet NSG. A Deny in the NIC NSG ends processing";
   * "Inbound: the subnet NSG is evaluated first, then the NIC NSG". Both levels, every order of allow and deny.
   */
  @Test
  void bothNsgs_eachDirectionEachOrder() {
    for (Access2 nicOut : Access2.values()) {
      for (Access2 subnetOut : Access2.values()) {
        Scenarios s = base();
        s.vnet("hub", "").subnet("web").nsg("web-nsg");
        s.nic("web1", null, null, null).nsg("web1-nsg");
        s.nsg("web1-nsg").rule("NicOut", 100, OUTBOUND, nicOut.access, Protocol.TCP, "*", "*", "443");
        s.nsg("web-nsg").rule("SubnetOut", 100, OUTBOUND, subnetOut.access, Protocol.TCP, "*", "*", "443");
        Trace t = trace(s.build(), "web1", "10.0.2.4", Protocol.TCP, 443);
        if (nicOut == Access2.DENY) {
          assertThat(decided(t)).isEqualTo("web1-nsg securityRules/NicOut");
          assertThat(t.disposition()).isEqualTo(Disposition.DENIED_NSG_OUTBOUND);
        } else if (subnetOut == Access2.DENY) {
          assertThat(decided(t)).isEqualTo("web-nsg securityRules/SubnetOut");
          assertThat(t.disposition()).isEqualTo(Disposition.DENIED_NSG_OUTBOUND);
        } else {
          assertThat(t.disposition()).isEqualTo(Disposition.DELIVERED);
          assertThat(decided(t)).as("last allowing filter before the destination").isEqualTo(
              "web-nsg securityRules/SubnetOut");
        }
      }
    }
    for (Access2 subnetIn : Access2.values()) {
      for (Access2 nicIn : Access2.values()) {
        Scenarios s = base();
        s.vnet("hub", "").subnet("app").nsg("app-nsg");
        s.nic("app1", null, null, null).nsg("app1-nsg");
        s.nsg("app-nsg").rule("SubnetIn", 100, INBOUND, subnetIn.access, Protocol.TCP, "*", "*", "443");
        s.nsg("app1-nsg").rule("NicIn", 100, INBOUND, nicIn.access, Protocol.TCP, "*", "*", "443");
        Trace t = trace(s.build(), "web1", "10.0.2.4", Protocol.TCP, 443);
        String expected = subnetIn == Access2.DENY ? "app-nsg securityRules/SubnetIn"
            : "app1-nsg securityRules/NicIn";
        assertThat(decided(t)).isEqualTo(expected);
        assertThat(t.disposition()).isEqualTo(subnetIn == Access2.ALLOW && nicIn == Access2.ALLOW
            ? Disposition.DELIVERED : Disposition.DENIED_NSG_INBOUND);
      }
    }
  }

  enum Access2 {
    ALLOW(dev.vnetsim.model.Access.ALLOW),
    DENY(dev.vnetsim.model.Access.DENY);

    final dev.vnetsim.model.Access access;

    Access2(dev.vnetsim.model.Access a) {
      access = a;
    }
  }

  /**
   * §1.6 "This includes intra-subnet traffic ... A deny-all rule in the subnet NSG blocks VM-to-VM traffic inside that
   * subnet."
   */
  @Test
  void intraSubnet_passesBothChains_andSubnetDenyAllBlocksIt() {
    Scenarios s = base();
    assertThat(path(trace(s.build(), "web1", "10.0.1.5", Protocol.TCP, 22)))
        .isEqualTo("NIC:web1 > SUBNET:web > SUBNET:web > NIC:web2");
    s.vnet("hub", "").subnet("web").nsg("web-nsg");
    s.nsg("web-nsg").rule("DenyAllIn", 4096, INBOUND, DENY, Protocol.ANY, "*", "*", "*");
    Trace t = trace(s.build(), "web1", "10.0.1.5", Protocol.TCP, 22);
    assertThat(t.disposition()).isEqualTo(Disposition.DENIED_NSG_INBOUND);
    assertThat(decided(t)).isEqualTo("web-nsg securityRules/DenyAllIn");
  }

  /** §1.7 ASGs: "A rule whose source or destination is an ASG applies only to NICs that belong to that ASG." */
  @Test
  void asgRule_appliesToMembersOnly() {
    Scenarios s = base().asg("web-asg").asg("app-asg");
    s.nic("web1", null, null, null).asg("web-asg");
    s.nic("app1", null, null, null).asg("app-asg");
    s.vnet("hub", "").subnet("app").nsg("app-nsg");
    s.nsg("app-nsg").rule("AllowWebToApp", 100, INBOUND, ALLOW, Protocol.TCP, "asg:web-asg", "asg:app-asg", "8080")
        .rule("DenyRest", 200, INBOUND, DENY, Protocol.ANY, "*", "*", "*");
    Topology t = s.build();
    Trace member = trace(t, "web1", "10.0.2.4", Protocol.TCP, 8080);
    assertThat(member.disposition()).isEqualTo(Disposition.DELIVERED);
    assertThat(decided(member)).isEqualTo("app-nsg securityRules/AllowWebToApp");
    Trace other = trace(t, "web2", "10.0.2.4", Protocol.TCP, 8080);
    assertThat(decided(other)).isEqualTo("app-nsg securityRules/DenyRest");
  }

  /** §1.7 an ASG not in the input: its members are unknown, so the answer is INSUFFICIENT_INFO (DESIGN §1). */
  @Test
  void asgNotInInput_insufficientInfo() {
    Scenarios s = base();
    s.vnet("hub", "").subnet("app").nsg("app-nsg");
    s.nsg("app-nsg").rule("AllowGhost", 100, INBOUND, ALLOW, Protocol.TCP, "asg:ghost", "*", "443");
    Trace t = trace(s.build(), "web1", "10.0.2.4", Protocol.TCP, 443);
    assertThat(t.disposition()).isEqualTo(Disposition.INSUFFICIENT_INFO);
    assertThat(decided(t)).isEqualTo("app-nsg securityRules/AllowGhost");
  }

  /**
   * §1.7 regional tags narrow a tag to one region; §1.3 AllowInternetOutBound. A set destination (the Storage tag) is
   * split into parts with one outcome each (DESIGN §1): Storage.WestEurope allowed, the rest denied.
   */
  @Test
  void serviceTagRule_splitsSetDestination() {
    Scenarios s = base();
    s.vnet("hub", "").subnet("web").nsg("web-nsg");
    s.nsg("web-nsg").rule("AllowStorageWE", 100, OUTBOUND, ALLOW, Protocol.TCP, "*", "Storage.WestEurope", "443")
        .rule("DenyInternet", 200, OUTBOUND, DENY, Protocol.ANY, "*", "Internet", "*");
    DataPlaneEngine e = DataPlaneEngine.compile(s.build(), TAGS);
    Trace t = e.trace(Query.of(new Endpoint.Nic(nic("web1")), new Endpoint.ServiceTag("Storage"), Protocol.TCP, 443,
        -1));
    assertThat(t.coverage()).isEqualTo(Coverage.PARTIAL);
    assertThat(t.reachable()).isFalse();
    assertThat(t.parts()).hasSize(2);
    assertThat(t.parts().get(0).space().destinations()).isEqualTo(IpSet.parse("20.60.0.0/16"));
    assertThat(t.parts().get(0).disposition()).isEqualTo(Disposition.EXITS_NETWORK);
    assertThat(t.parts().get(1).space().destinations()).isEqualTo(IpSet.parse("52.239.0.0/16"));
    assertThat(t.parts().get(1).disposition()).isEqualTo(Disposition.DENIED_NSG_OUTBOUND);
    assertThat(t.disposition()).isEqualTo(Disposition.DENIED_NSG_OUTBOUND);
    assertThat(decided(t)).isEqualTo("web-nsg securityRules/DenyInternet");
    assertThat(t.assumptions()).anyMatch(a -> a.startsWith("INTERNET_TAG"));
  }

  /** DESIGN §1 / §3: an unknown service tag in a rule makes the affected part INSUFFICIENT_INFO, not an empty set. */
  @Test
  void unknownServiceTagInRule_insufficientInfoForTheAffectedPart() {
    Scenarios s = base();
    s.vnet("hub", "").subnet("web").nsg("web-nsg");
    s.nsg("web-nsg").rule("AllowSql", 100, OUTBOUND, ALLOW, Protocol.TCP, "*", "Sql.WestEurope", "1433");
    Topology top = s.build();
    Trace unaffected = trace(top, "web1", "10.0.2.4", Protocol.TCP, 443);
    assertThat(unaffected.disposition()).isEqualTo(Disposition.DELIVERED);
    Trace affected = trace(top, "web1", "40.1.2.3", Protocol.TCP, 1433);
    assertThat(affected.disposition()).isEqualTo(Disposition.INSUFFICIENT_INFO);
    assertThat(decided(affected)).isEqualTo("web-nsg securityRules/AllowSql");
  }

  /** §1.7/§7 "The VirtualNetwork tag includes peered address spaces": AllowVnetInBound admits the peer. */
  @Test
  void virtualNetworkTag_acrossPeering() {
    Scenarios s = base().vnet("spoke", "westeurope", "10.1.0.0/16").subnet("s", "10.1.1.0/24").nsg("spoke-nsg")
        .done().nic("spoke1", "spoke", "s", "10.1.1.4").done().peer("hub", "spoke", false);
    s.nsg("spoke-nsg");
    Trace t = trace(s.build(), "web1", "10.1.1.4", Protocol.TCP, 443);
    assertThat(t.disposition()).isEqualTo(Disposition.DELIVERED);
    assertThat(decided(t)).isEqualTo("spoke-nsg defaultSecurityRules/AllowVnetInBound");
    assertThat(path(t)).isEqualTo("NIC:web1 > SUBNET:web > PEERING:hub-to-spoke > SUBNET:s > NIC:spoke1");
  }

  /** §7 "Peering is not transitive: A↔B and B↔C does not let A reach C"; with no route the default 10/8 None drops. */
  @Test
  void peering_noTransit() {
    Scenarios s = base()
        .vnet("spoke1", "westeurope", "10.1.0.0/16").subnet("s", "10.1.1.0/24").done()
        .vnet("spoke2", "westeurope", "10.2.0.0/16").subnet("s", "10.2.1.0/24").done()
        .nic("a", "spoke1", "s", "10.1.1.4").done().nic("c", "spoke2", "s", "10.2.1.4").done()
        .peer("hub", "spoke1", true).peer("hub", "spoke2", true);
    Trace t = trace(s.build(), "a", "10.2.1.4", Protocol.TCP, 443);
    assertThat(t.disposition()).isEqualTo(Disposition.NULL_ROUTED);
    assertThat(decided(t)).isEqualTo("s System Route");
  }

  /** §2.1 "None means the packet is dropped": a user route with next hop None. */
  @Test
  void routeNextHopNone_nullRouted() {
    Scenarios s = base();
    s.vnet("hub", "").subnet("web").routeTable("rt");
    s.routeTable("rt").route("drop-app", "10.0.2.0/24", NextHopType.NONE, null);
    Trace t = trace(s.build(), "web1", "10.0.2.4", Protocol.TCP, 443);
    assertThat(t.disposition()).isEqualTo(Disposition.NULL_ROUTED);
    assertThat(decided(t)).isEqualTo("rt drop-app");
  }

  /**
   * §2.5 "routeTableId holds the route table's resource ID, or the literal string System Route when the route is not
   * user-created": with a table attached, a packet its user route wins names the table, one a system route wins (the
   * default 10/8 None here) names the subnet, as without a table.
   */
  @Test
  void routeStep_namesTheTableForUserRoutesOnly() {
    Scenarios s = base();
    s.vnet("hub", "").subnet("web").routeTable("rt");
    s.routeTable("rt").route("drop-app", "10.0.2.0/24", NextHopType.NONE, null);
    Topology t = s.build();
    assertThat(decided(trace(t, "web1", "10.0.2.4", Protocol.TCP, 443))).isEqualTo("rt drop-app");
    Trace system = trace(t, "web1", "10.9.0.4", Protocol.TCP, 443);
    assertThat(system.disposition()).isEqualTo(Disposition.NULL_ROUTED);
    assertThat(decided(system)).isEqualTo("web System Route");
    assertThat(system.hops()).flatExtracting(Hop::steps).filteredOn(x -> x.type() == Step.Type.ROUTE)
        .singleElement().satisfies(x -> assertThat(x.resourceId().orElseThrow().name()).isEqualTo("web"));
  }

  /**
   * §2.4.4 forced tunnelling: "All unmatched traffic goes to that next hop"; §2.3 the appliance needs IP forwarding;
   * "its NSGs and routes apply on the way through"; the appliance's subnet has direct Internet egress.
   */
  @Test
  void forcedTunnel_toAppliance_thenInternetFromApplianceSubnet() {
    Scenarios s = base().nic("nva1", "hub", "nva", "10.0.100.4").ipForwarding().done();
    s.vnet("hub", "").subnet("web").routeTable("force");
    s.routeTable("force").route("default", "0.0.0.0/0", NextHopType.VIRTUAL_APPLIANCE, "10.0.100.4");
    s.publicIp("nva-pip", PublicIpAddress.Sku.STANDARD, "20.9.9.9", "nva1");
    Trace t = trace(s.build(), "web1", "93.184.216.34", Protocol.TCP, 443);
    assertThat(t.disposition()).isEqualTo(Disposition.EXITS_NETWORK);
    assertThat(path(t)).isEqualTo("NIC:web1 > SUBNET:web > SUBNET:nva > VIRTUAL_APPLIANCE:nva1 > SUBNET:nva");
    assertThat(t.egress().orElseThrow().type()).isEqualTo(dev.vnetsim.simulator.trace.Egress.Type.PUBLIC_IP);
    assertThat(t.egress().orElseThrow().snatAddress().orElseThrow().toString()).isEqualTo("20.9.9.9");
    assertThat(t.assumptions()).anyMatch(a -> a.startsWith("APPLIANCE_FORWARDS"));
    // 10.x outside the VNet follows the 0.0.0.0/0 route too: the reserved None routes are gone (§2.4.5).
    Trace reserved = trace(s.build(), "web1", "10.50.0.1", Protocol.TCP, 443);
    assertThat(reserved.hops().get(1).steps().get(0).ruleName()).contains("default");
    assertThat(reserved.assumptions()).anyMatch(a -> a.startsWith("FORCED_TUNNEL_RESERVED"));
  }

  /** §2.3 "A NIC that forwards traffic not addressed to itself must have IP forwarding enabled." */
  @Test
  void appliance_withoutIpForwarding_drops() {
    Scenarios s = base().nic("nva1", "hub", "nva", "10.0.100.4").done();
    s.vnet("hub", "").subnet("web").routeTable("force");
    s.routeTable("force").route("default", "0.0.0.0/0", NextHopType.VIRTUAL_APPLIANCE, "10.0.100.4");
    Trace t = trace(s.build(), "web1", "93.184.216.34", Protocol.TCP, 443);
    assertThat(t.disposition()).isEqualTo(Disposition.NULL_ROUTED);
    assertThat(decided(t)).isEqualTo("nva1 enableIPForwarding");
  }

  /** §2.3 "Put the appliance in a different subnet ... Otherwise you may get routing loops": two NVAs pointing at each other. */
  @Test
  void twoApplianceLoop_endsAsLoopWithTheCycle() {
    Scenarios s = base().vnet("hub", "").subnet("nva2", "10.0.101.0/24").done()
        .nic("nva1", "hub", "nva", "10.0.100.4").ipForwarding().done()
        .nic("nva2", "hub", "nva2", "10.0.101.4").ipForwarding().done();
    s.vnet("hub", "").subnet("web").routeTable("to1");
    s.vnet("hub", "").subnet("nva").routeTable("to2");
    s.vnet("hub", "").subnet("nva2").routeTable("to1");
    s.routeTable("to1").route("r1", "0.0.0.0/0", NextHopType.VIRTUAL_APPLIANCE, "10.0.100.4");
    s.routeTable("to2").route("r2", "0.0.0.0/0", NextHopType.VIRTUAL_APPLIANCE, "10.0.101.4");
    Trace t = trace(s.build(), "web1", "93.184.216.34", Protocol.TCP, 443);
    assertThat(t.disposition()).isEqualTo(Disposition.LOOP);
    assertThat(decided(t)).isEqualTo("to1 r1");
    assertThat(TraceText.render(t)).contains("routing loop: nva1 -> nva2 -> nva1");
  }

  /**
   * §1.10 "A Standard-SKU public IP is secure by default: closed to inbound traffic until an NSG ... allows it. A
   * Basic-SKU public IP is open unless an NSG denies." "(derived) ... a VM without one has no inbound path".
   */
  @Test
  void internetInbound_throughPublicIp() {
    Endpoint internet = new Endpoint.Addresses(IpSet.parse("198.51.100.10"), "198.51.100.10");
    Scenarios s = base();
    s.publicIp("std", PublicIpAddress.Sku.STANDARD, "20.1.1.1", "web1");
    s.publicIp("basic", PublicIpAddress.Sku.BASIC, "20.1.1.2", "web2");
    DataPlaneEngine e = DataPlaneEngine.compile(s.build(), TAGS);
    Trace closed = e.trace(Query.of(internet, new Endpoint.Nic(nic("web1")), Protocol.TCP, 443, 40000));
    assertThat(closed.disposition()).isEqualTo(Disposition.NO_INBOUND_PATH);
    Trace open = e.trace(Query.of(internet, new Endpoint.Nic(nic("web2")), Protocol.TCP, 443, 40000));
    assertThat(open.disposition()).isEqualTo(Disposition.DELIVERED);
    Trace none = e.trace(Query.of(internet, new Endpoint.Nic(nic("app1")), Protocol.TCP, 443, 40000));
    assertThat(none.disposition()).isEqualTo(Disposition.NO_INBOUND_PATH);
    s.vnet("hub", "").subnet("web").nsg("web-nsg");
    s.nsg("web-nsg").rule("AllowHttps", 100, INBOUND, ALLOW, Protocol.TCP, "Internet", "*", "443");
    DataPlaneEngine e2 = DataPlaneEngine.compile(s.build(), TAGS);
    Trace allowed = e2.trace(Query.of(internet, new Endpoint.PublicIp(Scenarios.id("publicIPAddresses", "std")),
        Protocol.TCP, 443, 40000));
    assertThat(allowed.disposition()).isEqualTo(Disposition.DELIVERED);
    assertThat(decided(allowed)).isEqualTo("web-nsg securityRules/AllowHttps");
    assertThat(e2.trace(Query.of(internet, new Endpoint.Nic(nic("web1")), Protocol.TCP, 22, 40000)).disposition())
        .isEqualTo(Disposition.DENIED_NSG_INBOUND);
  }

  /** §2.4.4 "Internet hosts can no longer reach resources in the subnet directly" under forced tunnelling. */
  @Test
  void internetInbound_forcedTunnel_noDirectPath() {
    Scenarios s = base().nic("nva1", "hub", "nva", "10.0.100.4").ipForwarding().done();
    s.publicIp("basic", PublicIpAddress.Sku.BASIC, "20.1.1.2", "web2");
    s.vnet("hub", "").subnet("web").routeTable("force");
    s.routeTable("force").route("default", "0.0.0.0/0", NextHopType.VIRTUAL_APPLIANCE, "10.0.100.4");
    DataPlaneEngine e = DataPlaneEngine.compile(s.build(), TAGS);
    Trace t = e.trace(Query.of(new Endpoint.Addresses(IpSet.parse("198.51.100.10"), "x"), new Endpoint.Nic(nic("web2")),
        Protocol.TCP, 443, 40000));
    assertThat(t.disposition()).isEqualTo(Disposition.NO_INBOUND_PATH);
    assertThat(decided(t)).isEqualTo("force default");
  }

  /**
   * §3.3 egress order: NAT gateway (TCP/UDP only, "ICMP is not supported"), instance public IP, default outbound
   * access unless the subnet is private, else no Internet egress.
   */
  @Test
  void internetEgress_natPublicIpDefaultOutboundAndPrivateSubnet() {
    Scenarios s = base().natGateway("nat", "nat-pip", "20.7.7.7");
    s.vnet("hub", "").subnet("app").natGateway("nat");
    s.vnet("hub", "").subnet("web").privateSubnet();
    Topology t = s.build();
    Trace nat = trace(t, "app1", "93.184.216.34", Protocol.TCP, 443);
    assertThat(nat.egress().orElseThrow().type()).isEqualTo(dev.vnetsim.simulator.trace.Egress.Type.NAT_GATEWAY);
    assertThat(nat.egress().orElseThrow().snatAddress().orElseThrow().toString()).isEqualTo("20.7.7.7");
    assertThat(trace(t, "app1", "93.184.216.34", Protocol.ICMP, 0).disposition())
        .isEqualTo(Disposition.NO_OUTBOUND_CONNECTIVITY);
    Trace priv = trace(t, "web1", "93.184.216.34", Protocol.TCP, 443);
    assertThat(priv.disposition()).isEqualTo(Disposition.NO_OUTBOUND_CONNECTIVITY);
    assertThat(decided(priv)).isEqualTo("web System Route");
    Scenarios d = base();
    Trace doa = trace(d.build(), "web1", "93.184.216.34", Protocol.TCP, 443);
    assertThat(doa.egress().orElseThrow().type()).isEqualTo(dev.vnetsim.simulator.trace.Egress.Type.DEFAULT_OUTBOUND);
    assertThat(doa.assumptions()).anyMatch(a -> a.startsWith("DEFAULT_OUTBOUND_ACCESS"));
  }

  /** §5.1/§5.2 traffic to a private endpoint: delivered; the PE subnet NSG applies only with network policies. */
  @Test
  void privateEndpoint_deliveredAndNsgOnlyWithPolicies() {
    Scenarios s = base().privateEndpoint("pe1", "hub", "app", "10.0.2.10");
    s.vnet("hub", "").subnet("app").nsg("app-nsg");
    s.nsg("app-nsg").rule("DenyAll", 100, INBOUND, DENY, Protocol.ANY, "*", "*", "*");
    Trace t = trace(s.build(), "web1", "10.0.2.10", Protocol.TCP, 443);
    assertThat(t.disposition()).isEqualTo(Disposition.DELIVERED);
    assertThat(path(t)).endsWith("PRIVATE_ENDPOINT:pe1");
    s.vnet("hub", "").subnet("app").privateEndpointPolicies(
        dev.vnetsim.model.network.PrivateEndpointNetworkPolicies.NETWORK_SECURITY_GROUP_ENABLED);
    assertThat(trace(s.build(), "web1", "10.0.2.10", Protocol.TCP, 443).disposition())
        .isEqualTo(Disposition.DENIED_NSG_INBOUND);
  }

  /** §7 allowForwardedTraffic: traffic forwarded by a hub NVA into a spoke needs the spoke to accept it. */
  @Test
  void hubAppliance_forwardsBetweenSpokes_onlyWithAllowForwardedTraffic() {
    for (boolean allow : new boolean[] {true, false}) {
      Scenarios s = base()
          .vnet("spoke1", "westeurope", "10.1.0.0/16").subnet("s", "10.1.1.0/24").routeTable("via-hub").done()
          .vnet("spoke2", "westeurope", "10.2.0.0/16").subnet("s", "10.2.1.0/24").done()
          .nic("a", "spoke1", "s", "10.1.1.4").done().nic("c", "spoke2", "s", "10.2.1.4").done()
          .nic("nva1", "hub", "nva", "10.0.100.4").ipForwarding().done()
          .peering("hub", "spoke1", true, true, false, false).peering("spoke1", "hub", true, true, false, false)
          .peering("hub", "spoke2", true, true, false, false).peering("spoke2", "hub", true, allow, false, false);
      s.routeTable("via-hub").route("spokes", "10.2.0.0/16", NextHopType.VIRTUAL_APPLIANCE, "10.0.100.4");
      Trace t = trace(s.build(), "a", "10.2.1.4", Protocol.TCP, 443);
      if (allow) {
        assertThat(t.disposition()).isEqualTo(Disposition.DELIVERED);
        assertThat(path(t)).isEqualTo("NIC:a > SUBNET:s > PEERING:spoke1-to-hub > SUBNET:nva > VIRTUAL_APPLIANCE:nva1"
            + " > SUBNET:nva > PEERING:hub-to-spoke2 > SUBNET:s > NIC:c");
      } else {
        assertThat(t.disposition()).isEqualTo(Disposition.NULL_ROUTED);
        assertThat(decided(t)).isEqualTo("spoke2-to-hub allowForwardedTraffic");
      }
    }
  }

  /** §2.2 gateway routes: on-premises prefixes go to the VNet gateway and leave the modelled network. */
  @Test
  void onPremisesViaGateway_exitsNetwork() {
    Scenarios s = base().vnet("hub", "").subnet("GatewaySubnet", "10.0.255.0/27").done()
        .vpnGateway("hub", "gw", "onprem", "192.168.10.0/24");
    Trace t = trace(s.build(), "web1", "192.168.10.5", Protocol.TCP, 443);
    assertThat(t.disposition()).isEqualTo(Disposition.EXITS_NETWORK);
    assertThat(t.egress().orElseThrow().type())
        .isEqualTo(dev.vnetsim.simulator.trace.Egress.Type.VIRTUAL_NETWORK_GATEWAY);
    assertThat(t.hops()).extracting(Hop::kind).contains(Hop.Kind.VIRTUAL_NETWORK_GATEWAY);
  }

  /** DESIGN §3: "A set destination is first cut to the address families the source can send". */
  @Test
  void familyCut_v6PartOfDestinationIsNotApplicable() {
    DataPlaneEngine e = DataPlaneEngine.compile(base().build(), TAGS);
    Trace t = e.trace(Query.of(new Endpoint.Nic(nic("web1")), new Endpoint.Addresses(IpSet.parse("10.0.2.4",
        "2001:db8::1"), "x"), Protocol.TCP, 443, -1));
    assertThat(t.notApplicable()).isEqualTo(IpSet.parse("2001:db8::1"));
    assertThat(t.coverage()).isEqualTo(Coverage.ALL);
    assertThat(t.disposition()).isEqualTo(Disposition.DELIVERED);
  }
}
