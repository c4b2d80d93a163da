package dev.vnetsim.model.io;

import static dev.vnetsim.model.io.ReaderTesting.assertInvalid;
import static dev.vnetsim.model.io.ReaderTesting.id;
import static dev.vnetsim.model.io.ReaderTesting.topology;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.firewall.FirewallAction;
import dev.vnetsim.model.firewall.FirewallPolicy;
import dev.vnetsim.model.firewall.FirewallRule;
import dev.vnetsim.model.firewall.RuleCollection;
import org.junit.jupiter.api.Test;

class FirewallReadersTest {

  private static final String POLICY = id("firewallPolicies/child");

  @Test
  void policy_nestedGroups_baseAndDnsProxy() {
    Topology t = topology("""
        [{"id": "%1$s", "properties": {"basePolicy": {"id": "%2$s"}, "dnsSettings": {"enableProxy": true},
           "threatIntelMode": "Deny",
           "ruleCollectionGroups": [{"id": "%1$s/ruleCollectionGroups/g", "name": "g", "properties": {"priority": 300,
             "ruleCollections": [
               {"name": "dnat", "priority": 100, "ruleCollectionType": "FirewallPolicyNatRuleCollection",
                "action": {"type": "DNAT"}, "rules": [{"name": "rdp", "ruleType": "NatRule", "ipProtocols": ["TCP"],
                  "sourceAddresses": ["*"], "destinationAddresses": ["52.1.2.3"], "destinationPorts": ["3389"],
                  "translatedAddress": "10.0.1.4", "translatedPort": "3389"}]},
               {"name": "apps", "priority": 200, "ruleCollectionType": "FirewallPolicyFilterRuleCollection",
                "action": {"type": "Allow"}, "rules": [{"name": "web", "ruleType": "ApplicationRule",
                  "protocols": [{"protocolType": "Https", "port": "443"}], "sourceIpGroups": ["%3$s"],
                  "targetUrls": ["www.contoso.com/path"], "terminateTLS": true, "fqdnTags": ["WindowsUpdate"]}]}]}}]}},
         {"id": "%2$s", "properties": {}},
         {"id": "%3$s", "properties": {"ipAddresses": ["10.0.0.0/24", "10.1.0.1-10.1.0.9"]}}]"""
        .formatted(POLICY, id("firewallPolicies/base"), id("ipGroups/workloads")));
    FirewallPolicy p = t.firewallPolicies().get(ResourceId.of(POLICY));
    assertThat(p.basePolicy()).contains(ResourceId.of(id("firewallPolicies/base")));
    assertThat(p.dnsProxyEnabled()).isTrue();
    assertThat(p.threatIntelMode()).isEqualTo("Deny");
    RuleCollection dnat = p.ruleCollectionGroups().get(0).ruleCollections().get(0);
    assertThat(dnat.kind()).isEqualTo(RuleCollection.Kind.NAT);
    assertThat(dnat.action()).isEqualTo(FirewallAction.DNAT);
    FirewallRule.NatRule rdp = (FirewallRule.NatRule) dnat.rules().get(0);
    assertThat(rdp.translatedAddress()).contains("10.0.1.4");
    assertThat(rdp.translatedPort()).contains(3389);
    assertThat(rdp.destinationPorts()).containsExactly(PortRange.single(3389));
    FirewallRule.ApplicationRule web = (FirewallRule.ApplicationRule) p.ruleCollectionGroups().get(0)
        .ruleCollections().get(1).rules().get(0);
    assertThat(web.protocols()).containsExactly(new FirewallRule.AppProtocol("Https", 443));
    assertThat(web.sourceIpGroups()).containsExactly(ResourceId.of(id("ipGroups/workloads")));
    assertThat(web.targetUrls()).containsExactly("www.contoso.com/path");
    assertThat(web.terminateTls()).isTrue();
    assertThat(web.fqdnTags()).containsExactly("WindowsUpdate");
    assertThat(t.ipGroups().values().iterator().next().ipAddresses()).containsExactly(
        AddressMatch.parse("10.0.0.0/24"), AddressMatch.parse("10.1.0.1-10.1.0.9"));
    assertThat(t.warnings()).isEmpty();
  }

  @Test
  void classicNetworkRule_protocolsAndIpGroups() {
    Topology t = topology("""
        {"id": "%s", "properties": {"sku": {"name": "AZFW_Hub", "tier": "Premium"},
          "hubIPAddresses": {"privateIPAddress": "10.100.0.132"},
          "networkRuleCollections": [{"name": "net", "properties": {"priority": 100, "action": {"type": "Allow"},
            "rules": [{"name": "dns", "protocols": ["UDP", "TCP"], "sourceAddresses": ["10.0.0.0/8"],
              "destinationIpGroups": ["%s"], "destinationPorts": ["53"]}]}}]}}"""
        .formatted(id("azureFirewalls/fw"), id("ipGroups/dns")));
    var fw = t.azureFirewalls().values().iterator().next();
    assertThat(fw.skuName()).isEqualTo("AZFW_Hub");
    assertThat(fw.privateIpAddress()).map(Object::toString).contains("10.100.0.132");
    RuleCollection net = fw.networkRuleCollections().get(0);
    assertThat(net.kind()).isEqualTo(RuleCollection.Kind.NETWORK);
    FirewallRule.NetworkRule dns = (FirewallRule.NetworkRule) net.rules().get(0);
    assertThat(dns.protocols()).containsExactly(Protocol.UDP, Protocol.TCP);
    assertThat(dns.destinationIpGroups()).hasSize(1);
    assertThat(dns.destinationAddresses()).isEmpty();
  }

  @Test
  void unknownRuleType_isAnError() {
    assertInvalid("""
        {"id": "%s/ruleCollectionGroups/g", "properties": {"priority": 100, "ruleCollections": [{"name": "c",
          "priority": 100, "ruleCollectionType": "FirewallPolicyFilterRuleCollection", "action": {"type": "Allow"},
          "rules": [{"name": "r", "ruleType": "MagicRule"}]}]}}""".formatted(POLICY))
        .hasMessage("t.json: $.properties.ruleCollections[0].rules[0].ruleType (" + POLICY + "/ruleCollectionGroups/g):"
            + " must be one of NetworkRule, ApplicationRule, NatRule, was 'MagicRule'");
  }

  @Test
  void collectionPriorityOutOfRange_isAnError() {
    assertInvalid("""
        {"id": "%s/ruleCollectionGroups/g", "properties": {"priority": 100, "ruleCollections": [{"name": "c",
          "priority": 70000, "action": {"type": "Allow"}, "rules": []}]}}""".formatted(POLICY))
        .hasMessage("t.json: $.properties.ruleCollections[0].priority (" + POLICY + "/ruleCollectionGroups/g): must"
            + " be between 100 and 65000, was 70000");
  }
}
