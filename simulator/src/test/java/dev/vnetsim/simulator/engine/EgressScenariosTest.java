package dev.vnetsim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.Access;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.NextHopType;
import dev.vnetsim.model.network.PublicIpAddress;
import dev.vnetsim.simulator.Extras;
import dev.vnetsim.simulator.Scenarios;
import dev.vnetsim.simulator.trace.Disposition;
import dev.vnetsim.simulator.trace.Egress;
import dev.vnetsim.simulator.trace.Trace;
import dev.vnetsim.simulator.trace.TraceText;
import org.junit.jupiter.api.Test;

/**
 * The way out (azure-semantics.md §3.3 "Egress decision for a packet whose effective route is Internet"), and the
 * platform addresses that need no way out (§1.8, §2.4.6). Each test quotes its rule.
 */
class EgressScenariosTest {

  static Trace out(Topology t, String nic, Protocol p) {
    return EngineScenariosTest.trace(t, nic, "93.184.216.34", p, p.hasPorts() ? 443 : 0);
  }

  /** §3.3 step 1 and §3.1 precedence "NAT gateway > instance-level public IP": the NAT gateway wins. */
  @Test
  void natGateway_beatsInstancePublicIp() {
    Scenarios s = EngineScenariosTest.base().natGateway("nat", "nat-pip", "20.7.7.7")
        .publicIp("web1-pip", PublicIpAddress.Sku.STANDARD, "20.1.1.1", "web1");
    s.vnet("hub", "").subnet("web").natGateway("nat");
    Trace t = out(s.build(), "web1", Protocol.TCP);
    assertThat(t.disposition()).isEqualTo(Disposition.EXITS_NETWORK);
    assertThat(t.egress().orElseThrow().type()).isEqualTo(Egress.Type.NAT_GATEWAY);
    assertThat(t.egress().orElseThrow().snatAddress()).contains(IpAddress.parse("20.7.7.7"));
    assertThat(TraceText.render(t)).contains("EGRESS EXITED - via NAT gateway nat (SNAT 20.7.7.7)");
    assertThat(t.warnings()).isEmpty();
  }

  /** §3.1 "Protocols: TCP and UDP only. ICMP is not supported." */
  @Test
  void natGateway_dropsIcmp() {
    Scenarios s = EngineScenariosTest.base().natGateway("nat", "nat-pip", "20.7.7.7");
    s.vnet("hub", "").subnet("web").natGateway("nat");
    Trace t = out(s.build(), "web1", Protocol.ICMP);
    assertThat(t.disposition()).isEqualTo(Disposition.NO_OUTBOUND_CONNECTIVITY);
    assertThat(TraceText.render(t)).contains("supports TCP and UDP only; Icmp is dropped");
  }

  /** §3.3 step 2: an instance-level public IP; its address is the SNAT address. */
  @Test
  void instancePublicIp() {
    Scenarios s = EngineScenariosTest.base().publicIp("web1-pip", PublicIpAddress.Sku.STANDARD, "20.1.1.1", "web1");
    Trace t = out(s.build(), "web1", Protocol.UDP);
    assertThat(t.egress().orElseThrow().type()).isEqualTo(Egress.Type.PUBLIC_IP);
    assertThat(t.egress().orElseThrow().snatAddress()).contains(IpAddress.parse("20.1.1.1"));
  }

  /** An address the input does not give is said, never made up (DESIGN §3 egress.snatAddress). */
  @Test
  void publicIpWithoutAddress_snatUnknown() {
    Topology t = new Extras(EngineScenariosTest.base().build()).publicIpWithoutAddress("dyn-pip", "web1").build();
    Trace tr = out(t, "web1", Protocol.TCP);
    assertThat(tr.egress().orElseThrow().type()).isEqualTo(Egress.Type.PUBLIC_IP);
    assertThat(tr.egress().orElseThrow().snatAddress()).isEmpty();
    assertThat(TraceText.render(tr)).contains("SNAT address unknown: public IP dyn-pip has no address in the input");
  }

  /** §3.3 step 3: load balancer outbound rules, SNAT to the frontend's public IP. */
  @Test
  void loadBalancerOutboundRule() {
    Topology t = new Extras(EngineScenariosTest.base().build()).outboundLoadBalancer("lb", "20.3.3.3", "web1")
        .build();
    Trace tr = out(t, "web1", Protocol.TCP);
    assertThat(tr.egress().orElseThrow().type()).isEqualTo(Egress.Type.LOAD_BALANCER);
    assertThat(tr.egress().orElseThrow().snatAddress()).contains(IpAddress.parse("20.3.3.3"));
  }

  /**
   * §3.3 step 4 and §3.2: default outbound access when the subnet is not private; its address is not knowable; the
   * retirement ("API released after March 31, 2026 → private subnets") is a warning.
   */
  @Test
  void defaultOutbound_warnsOfRetirement() {
    Scenarios s = EngineScenariosTest.base();
    s.vnet("hub", "").subnet("web").defaultOutboundAccess(true);
    Trace t = out(s.build(), "web1", Protocol.TCP);
    assertThat(t.disposition()).isEqualTo(Disposition.EXITS_NETWORK);
    assertThat(t.egress().orElseThrow().type()).isEqualTo(Egress.Type.DEFAULT_OUTBOUND);
    assertThat(t.egress().orElseThrow().snatAddress()).isEmpty();
    assertThat(t.warnings()).singleElement().asString().contains("relies on default outbound access")
        .contains("March 31, 2026");
    assertThat(t.assumptions()).noneMatch(a -> a.startsWith("DEFAULT_OUTBOUND_ACCESS"));
    Trace unset = out(EngineScenariosTest.base().build(), "web1", Protocol.TCP);
    assertThat(unset.assumptions()).anyMatch(a -> a.startsWith("DEFAULT_OUTBOUND_ACCESS (web)"));
  }

  /** §3.3 step 5 / §3.2: a private subnet with no explicit method has no Internet egress. */
  @Test
  void privateSubnet_noOutboundConnectivity() {
    Scenarios s = EngineScenariosTest.base();
    s.vnet("hub", "").subnet("web").privateSubnet();
    Trace t = out(s.build(), "web1", Protocol.TCP);
    assertThat(t.disposition()).isEqualTo(Disposition.NO_OUTBOUND_CONNECTIVITY);
    assertThat(t.decidedBy().orElseThrow().ruleName()).isEqualTo("System Route");
  }

  /**
   * §1.8 "168.63.129.16 and 169.254.169.254 ... are not subject to NSGs by default" and §2.4.6 "UDRs do not apply":
   * a deny-all NSG and a 0.0.0.0/0 route to a missing appliance change nothing.
   */
  @Test
  void platformAddresses_skipNsgsAndUserRoutes() {
    Scenarios s = EngineScenariosTest.base();
    s.vnet("hub", "").subnet("web").nsg("web-nsg").routeTable("rt");
    s.nsg("web-nsg").rule("DenyAllOut", 100, Direction.OUTBOUND, Access.DENY, Protocol.ANY, "*", "*", "*");
    s.routeTable("rt").route("all-to-nva", "0.0.0.0/0", NextHopType.VIRTUAL_APPLIANCE, "10.0.100.99");
    for (String platform : new String[] {"168.63.129.16", "169.254.169.254"}) {
      Trace t = EngineScenariosTest.trace(s.build(), "web1", platform, Protocol.UDP, 53);
      assertThat(t.disposition()).as(platform).isEqualTo(Disposition.DELIVERED);
      assertThat(EngineScenariosTest.path(t)).isEqualTo("NIC:web1 > SUBNET:web > PLATFORM:" + platform);
    }
    Trace other = EngineScenariosTest.trace(s.build(), "web1", "93.184.216.34", Protocol.UDP, 53);
    assertThat(other.disposition()).isEqualTo(Disposition.DENIED_NSG_OUTBOUND);
  }

  /** §1.8 "The exception is a rule that names ... AzurePlatformDNS ... These tags can be used to deny that traffic." */
  @Test
  void platformDns_deniedByRuleNamingAzurePlatformDns() {
    Scenarios s = EngineScenariosTest.base();
    s.vnet("hub", "").subnet("web").nsg("web-nsg");
    s.nsg("web-nsg").rule("DenyAzureDns", 100, Direction.OUTBOUND, Access.DENY, Protocol.UDP, "*",
        "AzurePlatformDNS", "53");
    Trace t = EngineScenariosTest.trace(s.build(), "web1", "168.63.129.16", Protocol.UDP, 53);
    assertThat(t.disposition()).isEqualTo(Disposition.DENIED_NSG_OUTBOUND);
    assertThat(EngineScenariosTest.decided(t)).isEqualTo("web-nsg securityRules/DenyAzureDns");
    Trace imds = EngineScenariosTest.trace(s.build(), "web1", "169.254.169.254", Protocol.TCP, 80);
    assertThat(imds.disposition()).isEqualTo(Disposition.DELIVERED);
  }
}
