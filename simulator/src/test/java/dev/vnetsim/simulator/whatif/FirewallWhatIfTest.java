package dev.vnetsim.simulator.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.firewall.FirewallPolicy;
import dev.vnetsim.model.io.TopologyReader;
import dev.vnetsim.model.io.change.ArmResources;
import dev.vnetsim.model.io.change.ChangeFile;
import dev.vnetsim.model.io.change.ChangeSet;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.servicetag.FqdnCatalog;
import dev.vnetsim.simulator.engine.IncrementalCompiler;
import dev.vnetsim.simulator.generate.EstateGenerator;
import dev.vnetsim.simulator.requirements.RequirementPacks;
import dev.vnetsim.simulator.trace.Disposition;
import dev.vnetsim.simulator.whatif.WhatIfFixtures.Runs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A what-if of a firewall policy change simulates only the flows a changed rule can match, and only their packets
 * that rule can match ({@link FirewallExposure}); every other flow keeps its before trace. The answers must be those
 * of a full recomputation, on seeded random changes to the rule collection groups of a generated hub-and-spoke estate
 * whose spokes send everything (0.0.0.0/0) to the hub's Azure Firewall.
 */
class FirewallWhatIfTest {
  @TempDir
  static Path dir;
  static ArmResources estate;
  /** Eleven VNets: the tenth spoke has an Azure ML compute cluster and a storage private endpoint. */
  static ArmResources withCompute;
  static String firewallIp;
  static String spokeVm;
  static final AtomicInteger CHANGED = new AtomicInteger();
  static final AtomicInteger NARROWED = new AtomicInteger();

  @BeforeAll
  static void load() throws IOException {
    List<Path> files = new EstateGenerator(new EstateGenerator.Settings(4, 3, 6, 11, 10)).writeTo(dir);
    estate = ArmResources.read(files, false);
    Path computes = Files.createDirectories(dir.resolve("computes"));
    withCompute = ArmResources.read(new EstateGenerator(new EstateGenerator.Settings(11, 2, 4, 12, 20))
        .writeTo(computes), false);
    firewallIp = estate.topology().publicIpAddresses().values().stream().filter(p -> p.name().contains("fw"))
        .findFirst().orElseThrow().ipAddress().orElseThrow().toString();
    NetworkInterface nic = estate.topology().networkInterfaces().values().stream()
        .filter(n -> n.name().startsWith("nic-vm-1-")).findFirst().orElseThrow();
    spokeVm = nic.primary().orElseThrow().privateIpAddress().orElseThrow().toString();
  }

  /** The random changes must matter: many change some flow, and many are answered from fewer traces. */
  @AfterAll
  static void changesWereMeaningful() {
    System.out.println("firewall what-if: " + CHANGED + " of 16 runs changed flows, " + NARROWED
        + " simulated fewer traces than the full run");
    assertThat(CHANGED.get()).isGreaterThanOrEqualTo(6);
    assertThat(NARROWED.get()).isGreaterThanOrEqualTo(8);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void incremental_equalsFull_onRandomFirewallChanges(long seed) {
    ChangeSet cs = change(seed);
    Runs runs = Runs.of(cs, WhatIfFixtures.options(ImmutableList.of()), "seed " + seed);
    WhatIfReport full = runs.full();
    WhatIfReport incremental = runs.incremental();
    assertThat(WhatIfFormats.json(incremental).get("changes")).as("seed %d", seed)
        .isEqualTo(WhatIfFormats.json(full).get("changes"));
    if (!full.changes().isEmpty()) {
      CHANGED.incrementAndGet();
    }
    if (incremental.stats().traces() < full.stats().traces()) {
      NARROWED.incrementAndGet();
    }
  }

  /** With Azure ML requirement rows: only computes a changed rule can see are checked, with the same answers. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {21, 22, 23, 24})
  void incremental_equalsFull_withRequirementRows(long seed) {
    String patch = RandomChanges.firewallPatch(withCompute, new SplittableRandom(seed), firewallIp, spokeVm);
    ChangeSet cs = ChangeFile.apply(withCompute, new TopologyReader.Source("firewall-" + seed + ".json", patch));
    Runs.of(cs, WhatIfFixtures.withRows(), "seed " + seed + ", change " + patch);
  }

  /**
   * Removing the hub's rule for Azure Active Directory breaks the compute's requirement row to it, though the
   * change is at the hub and the compute is in a spoke; the incremental answer names the rule as the full one does.
   */
  @Test
  void removedHubRule_breaksRequirementRowOfSpokeCompute() {
    FirewallPolicy fwp = withCompute.topology().firewallPolicies().values().iterator().next();
    var collection = fwp.ruleCollectionGroups().get(0).ruleCollections().get(0);
    int i = 0;
    while (!collection.rules().get(i).name().equals("allow-AzureActiveDirectory")) {
      i++;
    }
    String patch = "[{\"op\":\"remove\",\"path\":\"" + fwp.ruleCollectionGroups().get(0).id().value()
        + "/properties/ruleCollections/0/rules/" + i + "\"}]";
    ChangeSet cs = ChangeFile.apply(withCompute, new TopologyReader.Source("no-aad.json", patch));
    WhatIfReport incremental = Runs.of(cs, WhatIfFixtures.withRows(), "incremental equals full").incremental();
    assertThat(incremental.changes()).filteredOn(c -> c.source() == FlowChange.Source.REQUIREMENT)
        .isNotEmpty().allSatisfy(c -> {
          assertThat(c.kind()).isEqualTo(FlowChange.Kind.BROKEN);
          assertThat(c.name()).hasValueSatisfying(n -> assertThat(n).startsWith("cluster-10/"));
          assertThat(c.before().decidedBy()).hasValueSatisfying(d -> assertThat(d.ruleName())
              .endsWith("/allow-AzureActiveDirectory"));
          assertThat(c.after().disposition()).isEqualTo(Disposition.DENIED_FIREWALL);
        });
  }

  /**
   * As a resident process answers them: one memo (the compiled before side, its requirement rows), one compiler and
   * one set of requirement rows kept across firewall changes of the same before side, a preload (a what-if of no
   * change) first; each answer equal to a full recomputation without memo.
   */
  @Test
  void keptAcrossFirewallChanges_equalsFull() {
    IncrementalWhatIfTest.KeepLast memo = new IncrementalWhatIfTest.KeepLast() {
      @Override
      public boolean keeps() {
        return true;
      }
    };
    WhatIf.Options o = WhatIfFixtures.withRows();
    IncrementalCompiler compiler = new IncrementalCompiler(o.tags());
    RequirementFlows rows = new AmlRequirements(WhatIfFixtures.catalog(), FqdnCatalog.bundled(),
        RequirementPacks.bundled(), compiler);
    WhatIf.Options kept = new WhatIf.Options(o.tags(), o.parser(), o.intents(), rows, "before", "after", true)
        .withMemo(memo).withCompiler(compiler);
    WhatIf.analyse(ChangeFile.apply(withCompute, new TopologyReader.Source("none.json", "[]")), kept);
    SplittableRandom rnd = new SplittableRandom(31);
    int changed = 0;
    for (int i = 0; i < 6; i++) {
      String patch = RandomChanges.firewallPatch(withCompute, rnd, firewallIp, spokeVm);
      ChangeSet cs = ChangeFile.apply(withCompute, new TopologyReader.Source("kept-" + i + ".json", patch));
      WhatIfReport reused = WhatIf.analyse(cs, kept);
      WhatIfReport full = WhatIf.analyse(cs, kept.withMemo(Memo.none()).withIncremental(false));
      assertThat(reused.changes()).as("change %d: %s", i, patch).isEqualTo(full.changes());
      changed += full.changes().isEmpty() ? 0 : 1;
    }
    assertThat(changed).as("changes that changed flows").isGreaterThanOrEqualTo(2);
    assertThat(memo.hits).as("the memo was used").isGreaterThan(10);
  }

  /**
   * An IP group that a hub network rule names as its destination: editing the group's addresses is a change of that
   * rule (its compiled destinations), answered from it as a full recomputation answers.
   */
  @Test
  void ipGroupEdited_changesTheRuleThatNamesIt() throws IOException {
    Path at = Files.createDirectories(dir.resolve("ip-group"));
    List<Path> files = new EstateGenerator(new EstateGenerator.Settings(4, 2, 4, 11, 10)).writeTo(at);
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    var resources = (com.fasterxml.jackson.databind.node.ArrayNode) json.readTree(files.get(0).toFile());
    String group = null;
    for (var r : resources) {
      if (r.path("type").asText().equals("Microsoft.Network/firewallPolicies/ruleCollectionGroups")) {
        String rg = r.path("id").asText().substring(0, r.path("id").asText().indexOf("/providers/"));
        group = rg + "/providers/Microsoft.Network/ipGroups/ipg-spoke-2";
        var rule = ((com.fasterxml.jackson.databind.node.ArrayNode) r.path("properties").path("ruleCollections").get(0)
            .path("rules")).addObject();
        rule.put("ruleType", "NetworkRule").put("name", "spokes-to-spoke-2");
        rule.putArray("ipProtocols").add("TCP");
        rule.putArray("sourceAddresses").add("10.0.0.0/8");
        rule.putArray("destinationIpGroups").add(group);
        rule.putArray("destinationPorts").add("5432");
      }
    }
    resources.addObject().put("id", group).put("name", "ipg-spoke-2").put("type", "Microsoft.Network/ipGroups")
        .put("location", "eastus").putObject("properties").putArray("ipAddresses").add("10.0.8.0/26");
    json.writeValue(files.get(0).toFile(), resources);
    ArmResources base = ArmResources.read(files, false);
    String ipGroup = group;
    String patch = "[{\"op\":\"replace\",\"path\":\"" + ipGroup + "/properties/ipAddresses\",\"value\":"
        + "[\"10.0.8.0/25\"]}]";
    Runs runs = Runs.of(ChangeFile.apply(base, new TopologyReader.Source("ip-group.json", patch)));
    WhatIfReport incremental = runs.incremental();
    assertThat(incremental.changes()).isNotEmpty().allSatisfy(c -> {
      assertThat(c.kind()).isEqualTo(FlowChange.Kind.OPENED);
      assertThat(c.to()).isEqualTo("vnet-spoke-2/snet-1");
      assertThat(c.ports()).containsExactly("5432");
      assertThat(c.cause()).extracting(x -> x.resourceId().value()).containsExactly(ipGroup);
    });
    assertThat(incremental.stats().traces()).isLessThan(runs.full().stats().traces() / 4);
  }

  /** Allowing spoke-to-spoke traffic at the hub opens flows between spokes, and only those; each names the rule. */
  @Test
  void spokeToSpokeRule_opensFlowsBetweenSpokes() {
    FirewallPolicy fwp = estate.topology().firewallPolicies().values().iterator().next();
    String policy = fwp.id().value();
    String rcg = fwp.ruleCollectionGroups().get(0).id().value();
    String patch = "[{\"op\":\"add\",\"path\":\"" + rcg + "/properties/ruleCollections/0/rules/-\",\"value\":"
        + "{\"ruleType\":\"NetworkRule\",\"name\":\"spoke-1-to-2\",\"ipProtocols\":[\"TCP\"],"
        + "\"sourceAddresses\":[\"10.0.4.0/22\"],\"destinationAddresses\":[\"10.0.8.0/22\"],"
        + "\"destinationPorts\":[\"5432\"]}}]";
    Runs runs = Runs.of(ChangeFile.apply(estate, new TopologyReader.Source("spoke-to-spoke.json", patch)));
    WhatIfReport incremental = runs.incremental();
    assertThat(incremental.changes()).isNotEmpty().allSatisfy(c -> {
      assertThat(c.kind()).isEqualTo(FlowChange.Kind.OPENED);
      assertThat(c.from()).startsWith("vnet-spoke-1/");
      assertThat(c.to()).startsWith("vnet-spoke-2/");
      assertThat(c.protocol()).isEqualTo("TCP");
      assertThat(c.ports()).containsExactly("5432");
      assertThat(c.cause()).hasSize(1);
      assertThat(c.cause().get(0).resourceId().value()).isEqualTo(policy);
      assertThat(c.cause().get(0).detail()).endsWith("/rules/spoke-1-to-2 added");
    });
    assertThat(incremental.stats().traces()).isLessThan(runs.full().stats().traces() / 4);
  }

  private static ChangeSet change(long seed) {
    String patch = RandomChanges.firewallPatch(estate, new SplittableRandom(seed), firewallIp, spokeVm);
    try {
      return ChangeFile.apply(estate, new TopologyReader.Source("firewall-" + seed + ".json", patch));
    } catch (InvalidTopologyException | IllegalArgumentException e) {
      throw new AssertionError("seed " + seed + ": generated an invalid change " + patch + ": " + e.getMessage(), e);
    }
  }
}
