package dev.vnetsim.simulator.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.io.TopologyReader;
import dev.vnetsim.model.io.change.ArmResources;
import dev.vnetsim.model.io.change.ChangeFile;
import dev.vnetsim.model.io.change.ChangeSet;
import dev.vnetsim.servicetag.FqdnCatalog;
import dev.vnetsim.simulator.engine.IncrementalCompiler;
import dev.vnetsim.simulator.generate.EstateGenerator;
import dev.vnetsim.simulator.requirements.RequirementPacks;
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
 * Incremental what-if (after traces reused where the change cannot reach them, {@link Impact}) gives exactly the
 * answers of a full recomputation, and flows to service tags cut from a subnet's Internet trace give the answers of
 * tag-by-tag traces, on seeded random NSG-rule, route and subnet-association changes to a generated
 * estate (hub with firewall, peered spokes, shared NSGs, forced tunnelling) and to the bundled example.
 */
class IncrementalWhatIfTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  static Path dir;
  static ArmResources estate;
  static ArmResources example;
  static final AtomicInteger CHANGED_RUNS = new AtomicInteger();
  static final AtomicInteger REUSED_RUNS = new AtomicInteger();
  static final AtomicInteger REQUIREMENT_RUNS = new AtomicInteger();
  /** Runs that got as far as counting, per seeded test (a run alone or a failed one leaves its count short). */
  static final AtomicInteger RANDOM_RUNS = new AtomicInteger();
  static final AtomicInteger ROW_RUNS = new AtomicInteger();
  static final AtomicInteger OTHER_RUNS = new AtomicInteger();

  @BeforeAll
  static void load() throws IOException {
    List<Path> files = new EstateGenerator(new EstateGenerator.Settings(3, 2, 8, 7, 10)).writeTo(dir);
    estate = ArmResources.read(files, false);
    example = WhatIfFixtures.example();
  }

  /**
   * The random changes must matter: most change some flow, and many leave flows the incremental run reuses. Each
   * count is judged only when every seed of its test ran (a method or a seed run alone has too few runs).
   */
  @AfterAll
  static void changesWereMeaningful() {
    if (RANDOM_RUNS.get() == 16) {
      System.out.println("incremental what-if: " + CHANGED_RUNS + " of 16 runs changed flows, " + REUSED_RUNS
          + " reused traces");
      assertThat(CHANGED_RUNS.get()).isGreaterThanOrEqualTo(8);
      assertThat(REUSED_RUNS.get()).isGreaterThanOrEqualTo(4);
    }
    if (ROW_RUNS.get() == 8) {
      System.out.println("incremental what-if: " + REQUIREMENT_RUNS + " of 8 runs changed requirement rows");
      assertThat(REQUIREMENT_RUNS.get()).isGreaterThanOrEqualTo(1);
    }
    if (OTHER_RUNS.get() == 10) {
      assertThat(OTHER_CHANGED_RUNS.get()).as("runs of other types' changes that changed a flow")
          .isGreaterThanOrEqualTo(2);
      assertThat(OTHER_ROW_RUNS.get()).as("... that changed requirement rows").isGreaterThanOrEqualTo(1);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void incremental_equalsFull_onRandomChanges(long seed) {
    for (ArmResources base : List.of(example, estate)) {
      SplittableRandom rnd = new SplittableRandom(seed);
      String patch = RandomChanges.patch(base, rnd);
      ChangeSet cs;
      try {
        cs = ChangeFile.apply(base, new TopologyReader.Source("random-" + seed + ".json", patch));
      } catch (InvalidTopologyException | IllegalArgumentException e) {
        throw new AssertionError("seed " + seed + ": generated an invalid change " + patch + ": " + e.getMessage(), e);
      }
      WhatIf.Options options = WhatIfFixtures.options(ImmutableList.of());
      WhatIfReport full = WhatIf.analyse(cs, options.withIncremental(false));
      WhatIfReport incremental = WhatIf.analyse(cs, options.withIncremental(true));
      assertThat(incremental.changes()).as("seed %d, change %s", seed, patch).isEqualTo(full.changes());
      // Flows to service tags cut from the Internet trace answer as flows simulated tag by tag (the JSON contract).
      WhatIfReport direct = WhatIf.analyse(cs, options.withIncremental(false), false);
      assertThat(WhatIfFormats.json(full).get("changes")).as("seed %d, change %s", seed, patch)
          .isEqualTo(WhatIfFormats.json(direct).get("changes"));
      assertThat(incremental.stats().traces()).as("seed %d", seed).isLessThanOrEqualTo(full.stats().traces());
      RANDOM_RUNS.incrementAndGet();
      if (!full.changes().isEmpty()) {
        CHANGED_RUNS.incrementAndGet();
      }
      if (incremental.stats().traces() < full.stats().traces()) {
        REUSED_RUNS.incrementAndGet();
      }
    }
  }

  /**
   * Resources of types the model does not use (a storage account moved, added or deleted), VMs and Azure ML computes
   * (moved to another subnet, node public IP set): the differential keeps no flow, every requirement row and intent is
   * evaluated again, and the answer is the full recomputation's.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void otherTypes_equalFull_andSimulateNoDifferentialFlow(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    String patch = RandomChanges.otherPatch(example, rnd);
    ChangeSet cs = ChangeFile.apply(example, new TopologyReader.Source("other-" + seed + ".json", patch));
    assertThat(cs.changes()).as(patch).isNotEmpty();
    WhatIf.Options rows = WhatIfFixtures.withRows();
    WhatIf.Options options = new WhatIf.Options(rows.tags(), rows.parser(), STORAGE_INTENTS, rows.requirements(),
        "before", "after", true);
    WhatIfReport full = WhatIf.analyse(cs, options.withIncremental(false));
    WhatIfReport incremental = WhatIf.analyse(cs, options.withIncremental(true));
    assertThat(incremental.changes()).as("seed %d, change %s", seed, patch).isEqualTo(full.changes());
    assertThat(incremental.stats().traces()).as("seed %d: the differential's flows are not simulated", seed)
        .isLessThan(full.stats().traces() / 2);
    OTHER_RUNS.incrementAndGet();
    if (!full.changes().isEmpty()) {
      OTHER_CHANGED_RUNS.incrementAndGet();
    }
    if (full.changes().stream().anyMatch(c -> c.source() == FlowChange.Source.REQUIREMENT)) {
      OTHER_ROW_RUNS.incrementAndGet();
    }
  }

  /** A compute given node public IPs, alone: its rows change (a public-IP compute's probe), as the full run says. */
  @Test
  void computeChangedAlone_evaluatesItsRowsAgain() {
    String compute = example.topology().amlComputes().values().stream().filter(c -> c.name().equals("cc-train"))
        .findFirst().orElseThrow().id().value();
    String patch = "[{\"op\":\"add\",\"path\":\"" + compute + "/properties/properties/enableNodePublicIp\","
        + "\"value\":true}]";
    ChangeSet cs = ChangeFile.apply(example, new TopologyReader.Source("compute.json", patch));
    WhatIfReport full = WhatIf.analyse(cs, WhatIfFixtures.withRows().withIncremental(false));
    WhatIfReport incremental = WhatIf.analyse(cs, WhatIfFixtures.withRows().withIncremental(true));
    assertThat(incremental.changes()).isEqualTo(full.changes());
    assertThat(full.changes()).isNotEmpty().allSatisfy(c -> {
      assertThat(c.source()).isEqualTo(FlowChange.Source.REQUIREMENT);
      assertThat(c.name().orElseThrow()).startsWith("cc-train/");
    });
    assertThat(incremental.stats().traces()).isLessThan(full.stats().traces() / 2);
  }

  /**
   * A storage account added in another region moves its name to that region's Storage tag: the intent to it breaks,
   * and its cause is the account, not the key vault deleted in the same change.
   */
  @Test
  void storageAccountAdded_isTheCauseOfItsNamesFlows() {
    String rg = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-random/providers/";
    String vault = example.topology().otherResources().keySet().stream()
        .filter(id -> id.value().contains("Microsoft.KeyVault")).findFirst().orElseThrow().value();
    String patch = "[{\"op\":\"put\",\"resource\":{\"id\":\"" + rg + "Microsoft.Storage/storageAccounts/st414\","
        + "\"name\":\"st414\",\"type\":\"Microsoft.Storage/storageAccounts\",\"location\":\"westeurope\"}},"
        + "{\"op\":\"delete\",\"id\":\"" + vault + "\"}]";
    ChangeSet cs = ChangeFile.apply(example, new TopologyReader.Source("st414.json", patch));
    WhatIf.Options rows = WhatIfFixtures.withRows();
    WhatIfReport r = WhatIf.analyse(cs, new WhatIf.Options(rows.tags(), rows.parser(), STORAGE_INTENTS,
        rows.requirements(), "before", "after", true));
    assertThat(r.changes()).singleElement().satisfies(c -> {
      assertThat(c.name()).contains("new");
      assertThat(c.kind()).isEqualTo(FlowChange.Kind.BROKEN);
      assertThat(c.cause()).extracting(x -> x.resourceId().name()).containsExactly("st414");
    });
  }

  private static final AtomicInteger OTHER_CHANGED_RUNS = new AtomicInteger();
  private static final AtomicInteger OTHER_ROW_RUNS = new AtomicInteger();

  /** Flows that carry the names of the example's storage account and of one the random changes may add. */
  static final ImmutableList<Intent> STORAGE_INTENTS = IntentsFile.parse("""
      - {name: blob, from: snet-training, to: stamlsecure001.blob.core.windows.net, port: 443, expect: reachable}
      - {name: other, from: snet-training, to: stamlsecure001x.blob.core.windows.net, port: 443, expect: blocked}
      - {name: new, from: snet-training, to: st414.blob.core.windows.net, port: 445, expect: blocked}
      - {name: vm, from: vm-dsvm-01-nic, to: internet, port: 443, expect: blocked}
      """.getBytes(java.nio.charset.StandardCharsets.UTF_8), "storage.yaml");

  /**
   * As a resident process runs them ({@code vnetsim serve}): one memo, one compiler and one set of requirement rows
   * kept across many changes of the same before side (compiled before side, probe plan, port classes and service tags
   * reused; the compute probes of requirement rows recompiled from the before side's root), each answer equal to a
   * full recomputation without memo.
   */
  @Test
  void keptAcrossChanges_equalsFull() {
    for (ArmResources base : List.of(example, estate)) {
      KeepLast memo = new KeepLast();
      WhatIf.Options o = WhatIfFixtures.options(ImmutableList.of());
      IncrementalCompiler compiler = new IncrementalCompiler(o.tags());
      RequirementFlows rows = new AmlRequirements(WhatIfFixtures.catalog(), FqdnCatalog.bundled(),
          RequirementPacks.bundled(), compiler);
      WhatIf.Options kept = new WhatIf.Options(o.tags(), o.parser(), o.intents(), rows, "before", "after", true)
          .withMemo(memo).withCompiler(compiler);
      SplittableRandom rnd = new SplittableRandom(21);
      for (int i = 0; i < 6; i++) {
        String patch = RandomChanges.patch(base, rnd);
        ChangeSet cs = ChangeFile.apply(base, new TopologyReader.Source("kept-" + i + ".json", patch));
        WhatIfReport reused = WhatIf.analyse(cs, kept);
        WhatIfReport full = WhatIf.analyse(cs, kept.withMemo(Memo.none()).withIncremental(false));
        assertThat(reused.changes()).as("change %d: %s", i, patch).isEqualTo(full.changes());
      }
      assertThat(memo.hits).as("the memo was used").isGreaterThan(10);
    }
  }

  /** Keeps the last value of each kind, as the resident workspace does. */
  static class KeepLast implements Memo {
    private final java.util.Map<String, java.util.Map.Entry<Object, Object>> slots = new java.util.HashMap<>();
    int hits;

    @Override
    @SuppressWarnings("unchecked")
    public <V> V get(String kind, Object key, java.util.function.Supplier<V> make) {
      java.util.Map.Entry<Object, Object> e = slots.get(kind);
      if (e != null && e.getKey().equals(key)) {
        hits++;
        return (V) e.getValue();
      }
      V v = make.get();
      slots.put(kind, java.util.Map.entry(key, v));
      return v;
    }
  }

  /** With Azure ML requirement rows: only computes the change may affect are checked, with the same answers. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13, 14})
  void incremental_equalsFull_withRequirementRows(long seed) {
    RequirementFlows rows = new AmlRequirements(WhatIfFixtures.catalog(), FqdnCatalog.bundled(),
        RequirementPacks.bundled());
    for (ArmResources base : List.of(example, estate)) {
      SplittableRandom rnd = new SplittableRandom(seed);
      String patch = RandomChanges.patch(base, rnd);
      ChangeSet cs = ChangeFile.apply(base, new TopologyReader.Source("random-" + seed + ".json", patch));
      WhatIf.Options o = WhatIfFixtures.options(ImmutableList.of());
      WhatIf.Options options = new WhatIf.Options(o.tags(), o.parser(), o.intents(), rows, "before", "after", true);
      WhatIfReport full = WhatIf.analyse(cs, options.withIncremental(false));
      WhatIfReport incremental = WhatIf.analyse(cs, options.withIncremental(true));
      assertThat(incremental.changes()).as("seed %d, change %s", seed, patch).isEqualTo(full.changes());
      ROW_RUNS.incrementAndGet();
      if (full.changes().stream().anyMatch(c -> c.source() == FlowChange.Source.REQUIREMENT)) {
        REQUIREMENT_RUNS.incrementAndGet();
      }
    }
  }

  /**
   * A rule added to the NSG of the private endpoints' subnet (network policies on) breaks requirement rows of a
   * compute in another subnet: the incremental what-if must check that compute too.
   */
  @Test
  void privateEndpointSubnetNsg_changesRequirementRowsElsewhere() throws IOException {
    Path base = dir.resolve("pe-nsg");
    Files.createDirectories(base);
    for (Path f : Files.list(WhatIfFixtures.EXAMPLE).filter(p -> p.toString().endsWith(".json")).toList()) {
      Files.copy(f, base.resolve(f.getFileName()));
    }
    ArrayNode network = (ArrayNode) JSON.readTree(base.resolve("network.json").toFile());
    String nsgId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aml-secure/providers/"
        + "Microsoft.Network/networkSecurityGroups/nsg-pe";
    for (JsonNode r : network) {
      if (r.path("type").asText().equalsIgnoreCase("Microsoft.Network/virtualNetworks")) {
        for (JsonNode sn : r.path("properties").path("subnets")) {
          if (sn.path("name").asText().equals("snet-pe")) {
            ObjectNode p = (ObjectNode) sn.path("properties");
            p.put("privateEndpointNetworkPolicies", "Enabled");
            p.putObject("networkSecurityGroup").put("id", nsgId);
          }
        }
      }
    }
    ObjectNode nsg = network.addObject().put("id", nsgId).put("name", "nsg-pe")
        .put("type", "Microsoft.Network/networkSecurityGroups").put("location", "eastus");
    nsg.putObject("properties").putArray("securityRules");
    JSON.writeValue(base.resolve("network.json").toFile(), network);
    ArmResources withNsg = ArmResources.read(List.of(base), false);
    String patch = "[{\"op\":\"add\",\"path\":\"" + nsgId + "/properties/securityRules/-\",\"value\":"
        + "{\"name\":\"deny-https-in\",\"properties\":{\"priority\":100,\"direction\":\"Inbound\","
        + "\"access\":\"Deny\",\"protocol\":\"Tcp\",\"sourcePortRange\":\"*\","
        + "\"destinationPortRange\":\"443\",\"sourceAddressPrefix\":\"VirtualNetwork\","
        + "\"destinationAddressPrefix\":\"*\"}}}]";
    ChangeSet cs = ChangeFile.apply(withNsg, new TopologyReader.Source("deny-pe.json", patch));
    // A pack with the workspace's own storage account by name: it resolves to the private endpoint.
    Path pack = dir.resolve("pe-pack.yaml");
    Files.writeString(pack, String.join("\n", "name: own-storage", "version: \"1\"", "date: \"2026-11-28\"",
        "description: the workspace storage account over its private endpoint", "requirements:", "  - id: S1",
        "    direction: Outbound", "    kind: fqdn", "    peer: stamlsecure001.blob.core.windows.net",
        "    protocol: TCP", "    ports: [\"443\"]", "    purpose: workspace storage", "    required: true",
        "    source: test", ""));
    RequirementFlows rows = new AmlRequirements(WhatIfFixtures.catalog(), FqdnCatalog.bundled(),
        RequirementPacks.read(pack));
    WhatIf.Options o = WhatIfFixtures.options(ImmutableList.of());
    WhatIf.Options options = new WhatIf.Options(o.tags(), o.parser(), o.intents(), rows, "before", "after", true);
    WhatIfReport full = WhatIf.analyse(cs, options.withIncremental(false));
    WhatIfReport incremental = WhatIf.analyse(cs, options.withIncremental(true));
    assertThat(full.changes()).anyMatch(c -> c.source() == FlowChange.Source.REQUIREMENT
        && c.kind() == FlowChange.Kind.BROKEN);
    assertThat(incremental.changes()).isEqualTo(full.changes());
  }
}
