package dev.vnetsim.simulator.engine;

import static dev.vnetsim.model.firewall.FirewallAction.ALLOW;
import static dev.vnetsim.model.firewall.FirewallAction.DENY;
import static dev.vnetsim.simulator.Extras.app;
import static dev.vnetsim.simulator.Extras.filter;
import static dev.vnetsim.simulator.Extras.group;
import static dev.vnetsim.simulator.Extras.net;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.firewall.FirewallAction;
import dev.vnetsim.model.firewall.RuleCollection;
import dev.vnetsim.model.network.NextHopType;
import dev.vnetsim.simulator.Extras;
import dev.vnetsim.simulator.Scenarios;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import dev.vnetsim.simulator.trace.Coverage;
import dev.vnetsim.simulator.trace.Disposition;
import dev.vnetsim.simulator.trace.Egress;
import dev.vnetsim.simulator.trace.Trace;
import dev.vnetsim.simulator.trace.TraceText;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Hub and spoke with forced tunnelling to an Azure Firewall in the hub (azure-semantics.md §4, §2.4.4, §7): each test
 * quotes the rule that fixes its expected answer. hub 10.0.0.0/16 (AzureFirewallSubnet 10.0.1.0/26, firewall
 * 10.0.1.4, public IP 20.50.0.10); spoke1 10.1.0.0/16 (vm1 10.1.1.4, 0.0.0.0/0 and 10.2.0.0/16 to the firewall);
 * spoke2 10.2.0.0/16 (vm2 10.2.1.4, 10.1.0.0/16 to the firewall).
 */
class FirewallScenariosTest {

  static final ServiceTagLookup TAGS = ServiceTagLookup.of(Map.of(
      "Storage.WestEurope", IpSet.parse("20.60.0.0/16"),
      "Storage", IpSet.parse("20.60.0.0/16", "52.239.0.0/16"),
      "AzureActiveDirectory", IpSet.parse("20.190.128.0/18")));

  static Scenarios hubAndSpokes() {
    Scenarios s = new Scenarios()
        .vnet("hub", "westeurope", "10.0.0.0/16").subnet("AzureFirewallSubnet", "10.0.1.0/26").done()
        .vnet("spoke1", "westeurope", "10.1.0.0/16").subnet("work", "10.1.1.0/24").routeTable("rt-spoke1").done()
        .vnet("spoke2", "westeurope", "10.2.0.0/16").subnet("app", "10.2.1.0/24").routeTable("rt-spoke2").done()
        .nic("vm1", "spoke1", "work", "10.1.1.4").done()
        .nic("vm2", "spoke2", "app", "10.2.1.4").done()
        .peer("hub", "spoke1", true).peer("hub", "spoke2", true);
    s.routeTable("rt-spoke1").route("default-to-fw", "0.0.0.0/0", NextHopType.VIRTUAL_APPLIANCE, "10.0.1.4")
        .route("spoke2-via-fw", "10.2.0.0/16", NextHopType.VIRTUAL_APPLIANCE, "10.0.1.4");
    s.routeTable("rt-spoke2").route("spoke1-via-fw", "10.1.0.0/16", NextHopType.VIRTUAL_APPLIANCE, "10.0.1.4");
    return s;
  }

  /** The hub and spokes with a firewall using policy {@code child} (parent {@code parent} when given). */
  static Extras withPolicy(Scenarios s) {
    return new Extras(s.build()).firewall("fw", "hub", "10.0.1.4", "20.50.0.10", "child", List.of(), List.of(),
        List.of());
  }

  static Trace trace(Topology t, String to, Protocol p, int port) {
    DataPlaneEngine e = DataPlaneEngine.compile(t, TAGS);
    Endpoint dst = Character.isDigit(to.charAt(0)) ? new Endpoint.Addresses(IpSet.parse(to), to)
        : to.startsWith("tag:") ? new Endpoint.ServiceTag(to.substring(4)) : new Endpoint.Fqdn(to);
    return e.trace(Query.of(new Endpoint.Nic(EngineScenariosTest.nic("vm1")), dst, p, port, 50000));
  }

  static String decided(Trace t) {
    return t.decidedBy().map(d -> d.resourceId().name() + " " + d.ruleName()).orElse("-");
  }

  static String path(Trace t) {
    return t.hops().stream().map(h -> h.kind() + ":" + h.resourceId().name()).collect(Collectors.joining(" > "));
  }

  /**
   * §4.3 network rules with service tags as destinations; §4.6 "Otherwise the firewall SNATs to its public IP"; §4.2:
   * after the allow, forwarding continues from AzureFirewallSubnet's routes (default route to the Internet).
   */
  @Test
  void networkRule_serviceTag_exitsWithFirewallPublicIp() {
    Topology t = withPolicy(hubAndSpokes()).policy("child", null, false, group("child", "platform", 200,
        filter("allow-storage", 100, ALLOW, net("storage", "TCP", "10.1.0.0/16", "Storage.WestEurope", "", "443"))))
        .build();
    Trace tr = trace(t, "tag:Storage.WestEurope", Protocol.TCP, 443);
    assertThat(tr.disposition()).isEqualTo(Disposition.EXITS_NETWORK);
    assertThat(tr.coverage()).isEqualTo(Coverage.ALL);
    assertThat(decided(tr)).isEqualTo("child platform/allow-storage/storage");
    assertThat(tr.decidedBy().orElseThrow().priority()).contains(100);
    assertThat(tr.egress().orElseThrow().type()).isEqualTo(Egress.Type.FIREWALL);
    assertThat(tr.egress().orElseThrow().snatAddress()).contains(IpAddress.parse("20.50.0.10"));
    assertThat(path(tr)).isEqualTo("NIC:vm1 > SUBNET:work > PEERING:spoke1-to-hub > FIREWALL:fw"
        + " > SUBNET:AzureFirewallSubnet");
    Trace other = trace(t, "tag:Storage", Protocol.TCP, 443);
    assertThat(other.coverage()).isEqualTo(Coverage.PARTIAL);
    assertThat(other.parts()).extracting(p -> p.disposition() + " " + p.space().destinations())
        .containsExactly("EXITS_NETWORK [20.60.0.0/16]", "DENIED_FIREWALL [52.239.0.0/16]");
  }

  /**
   * §4.4 wildcard table: "*.contoso.com" matches any.contoso.com and deeper subdomains, not the apex; §4.2 step 6 deny
   * by default. The names are in no zone or catalogue: unknown public addresses (DESIGN §4).
   */
  @Test
  void applicationRule_wildcardFqdn_notApex() {
    Topology t = withPolicy(hubAndSpokes()).policy("child", null, false, group("child", "web", 300,
        filter("allow-github", 100, ALLOW, app("github", "10.1.0.0/16", "Https:443", "*.github.com")))).build();
    Trace sub = trace(t, "api.github.com", Protocol.TCP, 443);
    assertThat(sub.disposition()).isEqualTo(Disposition.EXITS_NETWORK);
    assertThat(decided(sub)).isEqualTo("child web/allow-github/github");
    assertThat(sub.egress().orElseThrow().snatAddress()).contains(IpAddress.parse("20.50.0.10"));
    assertThat(sub.assumptions()).anyMatch(a -> a.startsWith("FW_APP_RULE_PROTOCOL"));
    Trace deeper = trace(t, "a.b.github.com", Protocol.TCP, 443);
    assertThat(deeper.disposition()).isEqualTo(Disposition.EXITS_NETWORK);
    Trace apex = trace(t, "github.com", Protocol.TCP, 443);
    assertThat(apex.disposition()).isEqualTo(Disposition.DENIED_FIREWALL);
    assertThat(decided(apex)).isEqualTo("child Default Action");
    Trace wrongPort = trace(t, "api.github.com", Protocol.TCP, 80);
    assertThat(wrongPort.disposition()).isEqualTo(Disposition.DENIED_FIREWALL);
  }

  /** §4.4 / §4.8 (assumption FW_APP_RULE_NEEDS_NAME): an application rule matches names; a bare IP carries none. */
  @Test
  void applicationRule_doesNotMatchBareIp() {
    Topology t = withPolicy(hubAndSpokes()).policy("child", null, false, group("child", "web", 300,
        filter("allow-all-web", 100, ALLOW, app("all", "*", "Https:443", "*")))).build();
    Trace ip = trace(t, "203.0.113.5", Protocol.TCP, 443);
    assertThat(ip.disposition()).isEqualTo(Disposition.DENIED_FIREWALL);
    assertThat(ip.assumptions()).anyMatch(a -> a.startsWith("FW_APP_RULE_NEEDS_NAME"));
    assertThat(trace(t, "example.org", Protocol.TCP, 443).disposition()).isEqualTo(Disposition.EXITS_NETWORK);
  }

  /**
   * §4.8 / [FW-RP Example 1]: "A network Allow for TCP 80/443 to * allows google.com even if an application rule
   * denies google.com" — network rules run first whatever the group priorities (§4.2 step 2).
   */
  @Test
  void processingOrder_networkAllowStopsBeforeApplicationDeny() {
    Topology t = withPolicy(hubAndSpokes()).policy("child", null, false,
        group("child", "app-first", 100, filter("deny-google", 100, DENY, app("google", "*", "Https:443",
            "www.google.com"))),
        group("child", "net-later", 500, filter("allow-web", 100, ALLOW, net("web", "TCP", "*", "*", "", "80,443"))))
        .build();
    Trace tr = trace(t, "www.google.com", Protocol.TCP, 443);
    assertThat(tr.disposition()).isEqualTo(Disposition.EXITS_NETWORK);
    assertThat(decided(tr)).isEqualTo("child net-later/allow-web/web");
  }

  /** §4.1: collections by priority, "lower first"; rules are terminating (§4.2 step 3). */
  @Test
  void processingOrder_collectionPriority() {
    RuleCollection deny = filter("deny-ad", 100, DENY, net("ad", "TCP", "*", "AzureActiveDirectory", "", "443"));
    RuleCollection allow = filter("allow-ad", 200, ALLOW, net("ad", "TCP", "*", "AzureActiveDirectory", "", "443"));
    Topology denyFirst = withPolicy(hubAndSpokes()).policy("child", null, false, group("child", "g", 200, allow,
        deny)).build();
    Trace a = trace(denyFirst, "tag:AzureActiveDirectory", Protocol.TCP, 443);
    assertThat(a.disposition()).isEqualTo(Disposition.DENIED_FIREWALL);
    assertThat(decided(a)).isEqualTo("child g/deny-ad/ad");
    RuleCollection allowFirst = filter("allow-ad", 100, ALLOW, net("ad", "TCP", "*", "AzureActiveDirectory", "",
        "443"));
    RuleCollection denyLater = filter("deny-ad", 200, DENY, net("ad", "TCP", "*", "AzureActiveDirectory", "", "443"));
    Topology allowed = withPolicy(hubAndSpokes()).policy("child", null, false, group("child", "g", 200, denyLater,
        allowFirst)).build();
    assertThat(trace(allowed, "tag:AzureActiveDirectory", Protocol.TCP, 443).disposition())
        .isEqualTo(Disposition.EXITS_NETWORK);
  }

  /** §4.2 step 2: "parent-policy RCGs come before child-policy RCGs", whatever their priorities. */
  @Test
  void processingOrder_parentPolicyFirst() {
    Topology t = withPolicy(hubAndSpokes())
        .policy("parent", null, false, group("parent", "corp", 65000, filter("deny-ad", 65000, DENY,
            net("no-ad", "Any", "*", "AzureActiveDirectory", "", "*"))))
        .policy("child", "parent", false, group("child", "team", 100, filter("allow-ad", 100, ALLOW,
            net("ad", "TCP", "*", "AzureActiveDirectory", "", "443"))))
        .build();
    Trace tr = trace(t, "tag:AzureActiveDirectory", Protocol.TCP, 443);
    assertThat(tr.disposition()).isEqualTo(Disposition.DENIED_FIREWALL);
    assertThat(decided(tr)).isEqualTo("parent corp/deny-ad/no-ad");
    assertThat(tr.assumptions()).anyMatch(a -> a.startsWith("FW_ANY_PROTOCOL"));
  }

  /** A policy not in the input: the answer depends on it (DESIGN §2: INSUFFICIENT_INFO). */
  @Test
  void missingPolicy_insufficientInfo() {
    Trace tr = trace(withPolicy(hubAndSpokes()).build(), "tag:AzureActiveDirectory", Protocol.TCP, 443);
    assertThat(tr.disposition()).isEqualTo(Disposition.INSUFFICIENT_INFO);
  }

  /** §4.3 [FW-FQDNNET]: FQDNs in network rules need DNS proxy (assumption FW_NETWORK_FQDN_NEEDS_PROXY). */
  @Test
  void networkRuleFqdn_needsDnsProxy() {
    for (boolean proxy : new boolean[] {false, true}) {
      Topology t = withPolicy(hubAndSpokes()).policy("child", null, proxy, group("child", "g", 200,
          filter("allow-ntp", 100, ALLOW, net("ntp", "UDP", "*", "", "time.example.net", "123")))).build();
      Trace tr = trace(t, "time.example.net", Protocol.UDP, 123);
      assertThat(tr.disposition()).as("proxy %s", proxy).isEqualTo(proxy ? Disposition.EXITS_NETWORK
          : Disposition.DENIED_FIREWALL);
      if (!proxy) {
        assertThat(tr.assumptions()).anyMatch(a -> a.startsWith("FW_NETWORK_FQDN_NEEDS_PROXY"));
      }
    }
  }

  /**
   * §4.6: network rules do not SNAT toward RFC 1918; spoke2 routes 10.1.0.0/16 back through the firewall, so the
   * flow is symmetric. Without that route the replies do not go through the stateful firewall (here spoke2 has no
   * route to spoke1 at all: peering is not transitive, §7): a warning.
   */
  @Test
  void spokeToSpoke_networkRule_noSnat_asymmetryWarned() {
    Extras x = withPolicy(hubAndSpokes()).policy("child", null, false, group("child", "g", 200,
        filter("spokes", 100, ALLOW, net("ssh", "TCP", "10.1.0.0/16", "10.2.0.0/16", "", "22"))));
    Trace tr = trace(x.build(), "10.2.1.4", Protocol.TCP, 22);
    assertThat(tr.disposition()).isEqualTo(Disposition.DELIVERED);
    assertThat(decided(tr)).isEqualTo("child g/spokes/ssh");
    assertThat(path(tr)).endsWith("FIREWALL:fw > SUBNET:AzureFirewallSubnet > PEERING:hub-to-spoke2 > SUBNET:app"
        + " > NIC:vm2");
    assertThat(tr.warnings()).isEmpty();
    Scenarios noReturn = hubAndSpokes();
    noReturn.routeTable("rt-spoke2").routes.clear();
    Topology t2 = new Extras(noReturn.build()).firewall("fw", "hub", "10.0.1.4", "20.50.0.10", "child", List.of(),
        List.of(), List.of()).policy("child", null, false, group("child", "g", 200, filter("spokes", 100, ALLOW,
            net("ssh", "TCP", "10.1.0.0/16", "10.2.0.0/16", "", "22")))).build();
    Trace asym = trace(t2, "10.2.1.4", Protocol.TCP, 22);
    assertThat(asym.disposition()).isEqualTo(Disposition.DELIVERED);
    assertThat(asym.warnings()).singleElement().asString().startsWith("asymmetric routing: replies from app to"
        + " 10.1.1.4 follow Default route 10.0.0.0/8 -> None, not Azure Firewall fw (10.0.1.4)");
  }

  /**
   * §4.6 "Application rules always SNAT": toward a private destination the source becomes the firewall's private IP
   * (assumption FW_APP_SNAT_SOURCE), so vm2's NSG, which admits only spoke1, denies it.
   */
  @Test
  void spokeToSpoke_applicationRule_snatToFirewall_nsgSeesFirewallAddress() {
    Scenarios s = hubAndSpokes();
    s.vnet("spoke2", "").subnet("app").nsg("app-nsg");
    s.nsg("app-nsg").rule("AllowSpoke1", 100, dev.vnetsim.model.Direction.INBOUND, dev.vnetsim.model.Access.ALLOW,
        Protocol.TCP, "10.1.0.0/16", "*", "443")
        .rule("DenyRest", 4000, dev.vnetsim.model.Direction.INBOUND, dev.vnetsim.model.Access.DENY, Protocol.ANY,
            "*", "*", "*");
    Topology t = new Extras(s.build()).firewall("fw", "hub", "10.0.1.4", "20.50.0.10", "child", List.of(), List.of(),
        List.of()).policy("child", null, false, group("child", "g", 300, filter("web", 100, ALLOW,
            app("app", "10.1.0.0/16", "Https:443", "app.contoso.internal"))))
        .zone("contoso.internal", List.of("spoke1", "hub"), "app=10.2.1.4").build();
    Trace tr = trace(t, "app.contoso.internal", Protocol.TCP, 443);
    assertThat(tr.disposition()).isEqualTo(Disposition.DENIED_NSG_INBOUND);
    assertThat(decided(tr)).isEqualTo("app-nsg securityRules/DenyRest");
    assertThat(tr.assumptions()).anyMatch(a -> a.startsWith("FW_APP_SNAT_SOURCE"));
    assertThat(TraceText.render(tr)).contains("SNAT to the firewall's private IP");
  }

  /** Classic rules (§4.1): rule names {@code <collection>/<rule>}, decidedBy the firewall (DESIGN §3). */
  @Test
  void classicRules_ruleNameForm() {
    RuleCollection c = Extras.collection(RuleCollection.Kind.NETWORK, "netcoll", 200, FirewallAction.ALLOW,
        net("storage", "TCP", "*", "Storage.WestEurope", "", "443,445"));
    Topology t = new Extras(hubAndSpokes().build()).firewall("fw", "hub", "10.0.1.4", "20.50.0.10", null, List.of(c),
        List.of(), List.of()).build();
    Trace tr = trace(t, "tag:Storage.WestEurope", Protocol.TCP, 445);
    assertThat(tr.disposition()).isEqualTo(Disposition.EXITS_NETWORK);
    assertThat(decided(tr)).isEqualTo("fw netcoll/storage");
    Trace denied = trace(t, "tag:Storage.WestEurope", Protocol.TCP, 80);
    assertThat(decided(denied)).isEqualTo("fw Default Action");
  }

  /** §4.5: DNAT translates traffic to the firewall's public IP and allows it; forwarding goes on from the hub. */
  @Test
  void dnat_inboundToFirewallPublicIp_deliveredToSpoke() {
    Topology t = withPolicy(hubAndSpokes()).policy("child", null, false, group("child", "dnat", 100,
        Extras.collection(RuleCollection.Kind.NAT, "inbound", 100, FirewallAction.DNAT,
            Extras.dnat("https-to-vm2", "TCP", "*", "20.50.0.10", "443", "10.2.1.4", 8443)))).build();
    DataPlaneEngine e = DataPlaneEngine.compile(t, TAGS);
    Trace tr = e.trace(Query.of(new Endpoint.Addresses(IpSet.parse("198.51.100.7"), "198.51.100.7"),
        new Endpoint.Addresses(IpSet.parse("20.50.0.10"), "20.50.0.10"), Protocol.TCP, 443, 40000));
    assertThat(tr.disposition()).isEqualTo(Disposition.DELIVERED);
    assertThat(decided(tr)).isEqualTo("child dnat/inbound/https-to-vm2");
    assertThat(path(tr)).isEqualTo("INTERNET:Internet > PUBLIC_IP:fw-pip > FIREWALL:fw > SUBNET:AzureFirewallSubnet"
        + " > PEERING:hub-to-spoke2 > SUBNET:app > NIC:vm2");
    Trace other = e.trace(Query.of(new Endpoint.Addresses(IpSet.parse("198.51.100.7"), "198.51.100.7"),
        new Endpoint.Addresses(IpSet.parse("20.50.0.10"), "20.50.0.10"), Protocol.TCP, 22, 40000));
    assertThat(other.disposition()).isEqualTo(Disposition.DENIED_FIREWALL);
  }
}
