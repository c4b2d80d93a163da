package dev.vnetsim.simulator.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.io.TopologyReader;
import dev.vnetsim.model.io.change.ArmResources;
import dev.vnetsim.model.io.change.ChangeFile;
import dev.vnetsim.model.io.change.ChangeSet;
import dev.vnetsim.simulator.generate.EstateGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
  private static final String[] PREFIXES = {"Internet", "VirtualNetwork", "*", "Storage.EastUS", "AzureCloud",
      "10.1.0.0/16", "10.0.4.0/26", "20.0.0.0/8"};
  private static final int[] PORTS = {22, 80, 443, 445, 1433, 3389, 8080, 8443, 44224};
  @TempDir
  static Path dir;
  static ArmResources estate;
  static ArmResources example;
  static final AtomicInteger CHANGED_RUNS = new AtomicInteger();
  static final AtomicInteger REUSED_RUNS = new AtomicInteger();

  @BeforeAll
  static void load() throws IOException {
    List<Path> files = new EstateGenerator(new EstateGenerator.Settings(3, 2, 8, 7, 10)).writeTo(dir);
    estate = ArmResources.read(files, false);
    example = WhatIfFixtures.example();
  }

  /** The random changes must matter: most change some flow, and many leave flows the incremental run reuses. */
  @AfterAll
  static void changesWereMeaningful() {
    System.out.println("incremental what-if: " + CHANGED_RUNS + " of 16 runs changed flows, " + REUSED_RUNS
        + " reused traces");
    assertThat(CHANGED_RUNS.get()).isGreaterThanOrEqualTo(8);
    assertThat(REUSED_RUNS.get()).isGreaterThanOrEqualTo(4);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void incremental_equalsFull_onRandomChanges(long seed) {
    for (ArmResources base : List.of(example, estate)) {
      SplittableRandom rnd = new SplittableRandom(seed);
      String patch = randomPatch(base, rnd);
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
      if (!full.changes().isEmpty()) {
        CHANGED_RUNS.incrementAndGet();
      }
      if (incremental.stats().traces() < full.stats().traces()) {
        REUSED_RUNS.incrementAndGet();
      }
    }
  }

  /** One to three operations: remove, flip or re-port a rule, add a rule, add or drop a route, swap a subnet NSG. */
  static String randomPatch(ArmResources base, SplittableRandom rnd) {
    ArrayNode ops = JSON.createArrayNode();
    int n = 1 + rnd.nextInt(3);
    Set<String> touchedRules = new HashSet<>();
    for (int i = 0; i < n; i++) {
      switch (rnd.nextInt(6)) {
        case 0, 1, 2 -> ruleOp(base, rnd, ops, touchedRules);
        case 3, 4 -> routeOp(base, rnd, ops);
        default -> subnetOp(base, rnd, ops);
      }
    }
    return ops.toString();
  }

  private static <T> T pick(List<T> list, SplittableRandom rnd) {
    return list.get(rnd.nextInt(list.size()));
  }

  private static void ruleOp(ArmResources base, SplittableRandom rnd, ArrayNode ops, Set<String> touched) {
    ResourceId nsg = pick(new ArrayList<>(base.topology().networkSecurityGroups().keySet()), rnd);
    JsonNode rules = base.tree(nsg).orElseThrow().path("properties").path("securityRules");
    String at = nsg.value() + "/properties/securityRules/";
    int count = rules.size();
    int kind = count == 0 ? 3 : rnd.nextInt(4);
    int i = count == 0 ? 0 : rnd.nextInt(count);
    if (kind < 3 && !touched.add(nsg.key())) {
      kind = 3; // indexes of an NSG already edited may have moved: only append to it
    }
    switch (kind) {
      case 0 -> ops.add(op("remove", at + i, null));
      case 1 -> ops.add(op("replace", at + i + "/properties/access",
          JSON.getNodeFactory().textNode(rules.get(i).path("properties").path("access").asText().equals("Allow")
              ? "Deny" : "Allow")));
      case 2 -> {
        ops.add(op("add", at + i + "/properties/destinationPortRanges", JSON.createArrayNode()));
        ops.add(op("add", at + i + "/properties/destinationPortRange",
            JSON.getNodeFactory().textNode(Integer.toString(PORTS[rnd.nextInt(PORTS.length)]))));
      }
      default -> {
        ObjectNode rule = JSON.createObjectNode();
        rule.put("name", "random-" + rnd.nextInt(1_000_000));
        ObjectNode p = rule.putObject("properties");
        p.put("priority", 3000 + rnd.nextInt(1000));
        p.put("direction", rnd.nextBoolean() ? "Inbound" : "Outbound");
        p.put("access", rnd.nextBoolean() ? "Allow" : "Deny");
        p.put("protocol", new String[] {"Tcp", "Udp", "*", "Icmp"}[rnd.nextInt(4)]);
        p.put("sourcePortRange", "*");
        p.put("destinationPortRange", rnd.nextInt(4) == 0 ? "*" : Integer.toString(PORTS[rnd.nextInt(PORTS.length)]));
        p.put("sourceAddressPrefix", PREFIXES[rnd.nextInt(PREFIXES.length)]);
        p.put("destinationAddressPrefix", PREFIXES[rnd.nextInt(PREFIXES.length)]);
        touched.add(nsg.key() + "#appended");
        ops.add(op("add", at + "-", rule));
      }
    }
  }

  private static void routeOp(ArmResources base, SplittableRandom rnd, ArrayNode ops) {
    List<ResourceId> tables = new ArrayList<>(base.topology().routeTables().keySet());
    if (tables.isEmpty()) {
      return;
    }
    ResourceId rt = pick(tables, rnd);
    JsonNode routes = base.tree(rt).orElseThrow().path("properties").path("routes");
    String at = rt.value() + "/properties/routes/";
    if (routes.size() > 0 && rnd.nextBoolean()) {
      ops.add(op("remove", at + rnd.nextInt(routes.size()), null));
      return;
    }
    ObjectNode route = JSON.createObjectNode();
    route.put("name", "random-route-" + rnd.nextInt(1_000_000));
    ObjectNode p = route.putObject("properties");
    p.put("addressPrefix", new String[] {"0.0.0.0/0", "20.0.0.0/8", "Storage.EastUS", "10.0.4.0/24", "10.10.2.0/24"}
        [rnd.nextInt(5)]);
    p.put("nextHopType", new String[] {"None", "Internet", "VnetLocal"}[rnd.nextInt(3)]);
    ops.add(op("add", at + "-", route));
  }

  private static void subnetOp(ArmResources base, SplittableRandom rnd, ArrayNode ops) {
    ResourceId vnet = pick(new ArrayList<>(base.topology().virtualNetworks().keySet()), rnd);
    JsonNode subnets = base.tree(vnet).orElseThrow().path("properties").path("subnets");
    if (subnets.size() == 0) {
      return;
    }
    int i = rnd.nextInt(subnets.size());
    if (subnets.get(i).path("properties").path("delegations").size() > 0
        || subnets.get(i).path("name").asText().toLowerCase(java.util.Locale.ROOT).contains("firewall")) {
      return;
    }
    String at = vnet.value() + "/properties/subnets/" + i + "/properties/networkSecurityGroup";
    List<ResourceId> nsgs = new ArrayList<>(base.topology().networkSecurityGroups().keySet());
    ObjectNode ref = JSON.createObjectNode().put("id", pick(nsgs, rnd).value());
    ops.add(op("add", at, ref));
  }

  private static ObjectNode op(String op, String path, JsonNode value) {
    ObjectNode o = JSON.createObjectNode().put("op", op).put("path", "/" + path.replaceFirst("^/", ""));
    if (value != null) {
      o.set("value", value);
    }
    return o;
  }
}
