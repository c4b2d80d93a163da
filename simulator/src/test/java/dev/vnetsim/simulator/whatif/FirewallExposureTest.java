package dev.vnetsim.simulator.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.firewall.AzureFirewall;
import dev.vnetsim.model.firewall.FirewallPolicy;
import dev.vnetsim.model.io.TopologyReader;
import dev.vnetsim.model.io.change.ArmResources;
import dev.vnetsim.model.io.change.ChangeFile;
import dev.vnetsim.model.io.change.ChangeSet;
import dev.vnetsim.simulator.engine.CompiledFirewalls;
import dev.vnetsim.simulator.engine.DataPlane;
import dev.vnetsim.simulator.firewall.CompiledRule;
import dev.vnetsim.simulator.generate.EstateGenerator;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.FlowSpace;
import dev.vnetsim.simulator.trace.Ports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The changed rules of a firewall policy change, read off the compiled firewalls of both sides. */
class FirewallExposureTest {
  @TempDir
  static Path dir;
  static ArmResources estate;
  static DataPlane base;
  static String group;

  @BeforeAll
  static void load() throws IOException {
    estate = ArmResources.read(new EstateGenerator(new EstateGenerator.Settings(3, 2, 4, 5, 10)).writeTo(dir), false);
    base = DataPlane.compile(estate.topology(), WhatIfFixtures.tags());
    FirewallPolicy p = estate.topology().firewallPolicies().values().iterator().next();
    group = p.ruleCollectionGroups().get(0).id().value();
  }

  private static List<CompiledRule> rules(DataPlane dp) {
    AzureFirewall fw = dp.topology().azureFirewalls().values().iterator().next();
    return ((CompiledFirewalls) dp.firewallStage()).compiled(fw).rules();
  }

  private static Optional<FirewallExposure> after(String patch) {
    ChangeSet cs = ChangeFile.apply(estate, new TopologyReader.Source("change.json", patch));
    return FirewallExposure.of(base, DataPlane.compile(cs.after(), WhatIfFixtures.tags()));
  }

  @Test
  void changedRules_areThoseOnOneSideOnly_whenTheCommonOnesKeepTheirOrder() {
    List<CompiledRule> rules = rules(base);
    assertThat(rules).hasSizeGreaterThanOrEqualTo(4);
    assertThat(FirewallExposure.changedRules(rules, rules)).isEmpty();
    List<CompiledRule> fewer = new ArrayList<>(rules);
    CompiledRule gone = fewer.remove(1);
    // positions shift after a removal; a rule is the same rule wherever it sits
    List<CompiledRule> renumbered = new ArrayList<>();
    for (int i = 0; i < fewer.size(); i++) {
      renumbered.add(fewer.get(i).withIndex(i));
    }
    assertThat(FirewallExposure.changedRules(rules, renumbered)).containsExactly(gone.withIndex(0));
    assertThat(FirewallExposure.changedRules(renumbered, rules)).containsExactly(gone.withIndex(0));
    List<CompiledRule> swapped = new ArrayList<>(rules);
    swapped.set(0, rules.get(1));
    swapped.set(1, rules.get(0));
    assertThat(FirewallExposure.changedRules(rules, swapped)).as("reordered").isNull();
    List<CompiledRule> twice = new ArrayList<>(rules);
    twice.add(rules.get(0));
    assertThat(FirewallExposure.changedRules(rules, twice)).as("a rule twice").isNull();
  }

  @Test
  void removedNetworkRule_exposesItsSourcesDestinationsProtocolsAndPorts() {
    FirewallExposure e = after("[{\"op\":\"remove\",\"path\":\"" + group + "/properties/ruleCollections/0/rules/2\"}]")
        .orElseThrow();
    assertThat(e.rules()).hasSize(1);
    FirewallExposure.Rect r = e.rules().get(0);
    assertThat(r.sources()).isEqualTo(IpSet.parse("10.0.0.0/8"));
    assertThat(r.destinations()).isEqualTo(WhatIfFixtures.tags().addresses("Storage.EastUS").orElseThrow());
    assertThat(r.protocols()).containsExactly(Protocol.TCP);
    assertThat(r.ports()).isEqualTo(Ports.single(443));
    assertThat(e.matches(tcp("10.0.4.0/26", "0.0.0.0/0", 443), IpSet.EMPTY)).isTrue();
    assertThat(e.matches(tcp("10.0.4.0/26", "0.0.0.0/0", 80), IpSet.EMPTY)).as("another port").isFalse();
    assertThat(e.matches(tcp("10.0.4.0/26", "10.0.8.0/22", 443), IpSet.EMPTY)).as("another destination").isFalse();
    assertThat(e.matches(tcp("172.16.0.0/12", "0.0.0.0/0", 443), IpSet.EMPTY)).as("another source").isFalse();
    assertThat(e.matches(tcp("172.16.0.0/12", "0.0.0.0/0", 443), IpSet.parse("10.0.0.4")))
        .as("a source an earlier firewall translated to its own address").isTrue();
  }

  private static FlowSpace tcp(String from, String to, int port) {
    return FlowSpace.union(FlowBox.of(IpSet.parse(from), IpSet.parse(to), FlowBox.expand(Protocol.TCP), Ports.ALL,
        Ports.single(port)));
  }

  @Test
  void applicationRule_matchesByName_soEveryDestinationCounts() {
    FirewallExposure e = after("[{\"op\":\"remove\",\"path\":\"" + group + "/properties/ruleCollections/1/rules/0\"}]")
        .orElseThrow();
    assertThat(e.rules()).hasSize(1);
    assertThat(e.rules().get(0).destinations()).isEqualTo(IpSet.ALL);
    assertThat(e.rules().get(0).sources()).isEqualTo(IpSet.parse("10.0.0.0/8"));
  }

  @Test
  void collectionPriority_changesEveryRuleOfTheCollection() {
    FirewallExposure e = after("[{\"op\":\"replace\",\"path\":\"" + group
        + "/properties/ruleCollections/0/priority\",\"value\":400}]").orElseThrow();
    assertThat(e.rules()).hasSize(2 * 4); // the four network rules, before and after
  }

  @Test
  void policySettings_orAFirewallChanged_cannotBeBoundedByRules() {
    FirewallPolicy p = estate.topology().firewallPolicies().values().iterator().next();
    assertThat(after("[{\"op\":\"replace\",\"path\":\"" + p.id().value()
        + "/properties/dnsSettings/enableProxy\",\"value\":" + !p.dnsProxyEnabled() + "}]")).isEmpty();
    assertThat(after("[{\"op\":\"add\",\"path\":\"" + p.id().value()
        + "/properties/threatIntelMode\",\"value\":\"Deny\"}]")).isEmpty();
  }
}
