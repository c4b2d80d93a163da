package dev.vnetsim.simulator.engine;

import static dev.vnetsim.model.Access.ALLOW;
import static dev.vnetsim.model.Access.DENY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.Direction;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.network.NextHopType;
import dev.vnetsim.simulator.Scenarios;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Offline Network Watcher answers: IP flow verify (§1.6, DESIGN §3) and next hop (§2.5). */
class NetworkWatcherAnswersTest {

  static Map<String, Object> verify(Scenarios s, Direction d, String local, int lport, String remote, int rport) {
    DataPlaneEngine e = DataPlaneEngine.compile(s.build(), EngineScenariosTest.TAGS);
    return e.flowVerify(EngineScenariosTest.nic("web1"), d, Protocol.TCP, IpAddress.parse(local), lport,
        IpAddress.parse(remote), rport).orElseThrow().toJsonMap();
  }

  /** DESIGN §3: "With no NSG on the NIC or its subnet the answer is Allow with ruleName and nsg null." */
  @Test
  void flowVerify_noNsg_allowWithNulls() {
    assertThat(verify(EngineScenariosTest.base(), Direction.INBOUND, "10.0.1.4", 22, "10.0.2.4", 40000))
        .containsEntry("access", "Allow").containsEntry("ruleName", null).containsEntry("nsg", null);
  }

  /**
   * §1.6 order, DESIGN §3: "When both NSGs allow, it names the allowing rule of the one evaluated last (inbound: the
   * NIC's; outbound: the subnet's)"; a deny names the denying rule. Also the IP flow verify walkthrough [NW-IPFV]:
   * outbound to a private address outside the VNet hits DenyAllOutBound, not AllowInternetOutBound.
   */
  @Test
  void flowVerify_bothNsgs_namesLastAllowOrTheDeny() {
    Scenarios s = EngineScenariosTest.base();
    s.vnet("hub", "").subnet("web").nsg("web-nsg");
    s.nic("web1", null, null, null).nsg("web1-nsg");
    s.nsg("web-nsg").rule("SubnetSsh", 100, Direction.INBOUND, ALLOW, Protocol.TCP, "*", "*", "22");
    s.nsg("web1-nsg").rule("NicSsh", 100, Direction.INBOUND, ALLOW, Protocol.TCP, "*", "*", "22")
        .rule("NicDeny80", 110, Direction.INBOUND, DENY, Protocol.TCP, "*", "*", "80");
    assertThat(verify(s, Direction.INBOUND, "10.0.1.4", 22, "10.0.2.4", 40000)).containsEntry("access", "Allow")
        .containsEntry("ruleName", "securityRules/NicSsh")
        .containsEntry("nsg", Scenarios.id("networkSecurityGroups", "web1-nsg").value());
    assertThat(verify(s, Direction.INBOUND, "10.0.1.4", 80, "10.0.2.4", 40000)).containsEntry("access", "Deny")
        .containsEntry("ruleName", "securityRules/NicDeny80")
        .containsEntry("nsg", Scenarios.id("networkSecurityGroups", "web1-nsg").value());
    assertThat(verify(s, Direction.INBOUND, "10.0.1.4", 80, "198.51.100.1", 40000)).containsEntry("access", "Deny")
        .containsEntry("ruleName", "defaultSecurityRules/DenyAllInBound")
        .containsEntry("nsg", Scenarios.id("networkSecurityGroups", "web-nsg").value());
    assertThat(verify(s, Direction.OUTBOUND, "10.0.1.4", 40000, "10.0.2.4", 443)).containsEntry("access", "Allow")
        .containsEntry("ruleName", "defaultSecurityRules/AllowVnetOutBound")
        .containsEntry("nsg", Scenarios.id("networkSecurityGroups", "web-nsg").value());
    assertThat(verify(s, Direction.OUTBOUND, "10.0.1.4", 40000, "172.31.0.100", 443))
        .containsEntry("access", "Deny").containsEntry("ruleName", "defaultSecurityRules/DenyAllOutBound");
    assertThat(verify(s, Direction.OUTBOUND, "10.0.1.4", 40000, "121.10.1.1", 80))
        .containsEntry("access", "Allow").containsEntry("ruleName", "defaultSecurityRules/AllowInternetOutBound");
  }

  /** §2.5 "routeTableId holds the route table's resource ID, or the literal string System Route". */
  @Test
  void nextHop_fromNicOrAddress() {
    Scenarios s = EngineScenariosTest.base().nic("nva1", "hub", "nva", "10.0.100.4").ipForwarding().done();
    s.vnet("hub", "").subnet("web").routeTable("rt");
    s.routeTable("rt").route("to-nva", "0.0.0.0/0", NextHopType.VIRTUAL_APPLIANCE, "10.0.100.4");
    DataPlaneEngine e = DataPlaneEngine.compile(s.build(), EngineScenariosTest.TAGS);
    assertThat(e.nextHop(IpAddress.parse("10.0.1.4"), IpAddress.parse("10.0.1.5")).orElseThrow().toJsonMap())
        .containsEntry("nextHopType", "VnetLocal").containsEntry("routeTableId", "System Route");
    assertThat(e.nextHop(EngineScenariosTest.nic("web1"), IpAddress.parse("8.8.8.8")).orElseThrow().toJsonMap())
        .containsEntry("nextHopType", "VirtualAppliance").containsEntry("nextHopIpAddress", "10.0.100.4")
        .containsEntry("routeTableId", Scenarios.id("routeTables", "rt").value());
    assertThat(e.nextHop(IpAddress.parse("10.0.2.4"), IpAddress.parse("192.168.1.1")).orElseThrow().toJsonMap())
        .containsEntry("nextHopType", "None").containsEntry("routeTableId", "System Route");
    assertThat(e.routes(EngineScenariosTest.nic("web1")).orElseThrow().routes()).hasSize(3);
  }
}
