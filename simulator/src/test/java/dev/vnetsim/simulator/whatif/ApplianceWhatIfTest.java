package dev.vnetsim.simulator.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.io.TopologyReader;
import dev.vnetsim.model.io.change.ArmResources;
import dev.vnetsim.model.io.change.ChangeFile;
import dev.vnetsim.model.io.change.ChangeSet;
import dev.vnetsim.simulator.whatif.WhatIfFixtures.Runs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A change to the NSG rules or the NSG association of a network virtual appliance's NIC (IP forwarding; the web
 * subnet's routes send the spoke, the app subnet and the Internet through it), or to a VM NIC's NSG association,
 * simulates only the flows its changed rules can meet ({@link CarrierExposure}, {@link Exposure#ofNic}); the answers
 * must be those of a full recomputation, on seeded random changes to the golden hub-and-spoke topology.
 */
class ApplianceWhatIfTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GROUP = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-golden"
      + "/providers/Microsoft.Network/";
  private static final String NVA = GROUP + "networkInterfaces/nva1";
  private static final String NVA_NSG = GROUP + "networkSecurityGroups/nva-nsg";
  private static final String[] NSGS = {"web-nsg", "app-nsg", "app1-nsg", "spoke-nsg", "nva-nsg"};
  private static final String[] VMS = {"web1", "app1", "spoke1"};
  private static final String[] PREFIXES = {"10.0.1.0/24", "10.1.1.0/24", "10.0.2.0/24", "Internet",
      "VirtualNetwork", "*", "Storage.EastUS", "10.1.1.4"};
  private static final int[] PORTS = {22, 443, 445, 1433, 8080};
  @TempDir
  static Path dir;
  static ArmResources base;
  static final AtomicInteger CHANGED = new AtomicInteger();
  static final AtomicInteger NARROWED = new AtomicInteger();

  /** The golden topology with the web subnet routed through nva1, and an NSG with three rules on nva1's NIC. */
  @BeforeAll
  static void load() throws IOException {
    ArrayNode resources = (ArrayNode) JSON.readTree(
        Path.of("src/test/resources/golden/_shared/topology.json").toFile());
    for (var r : resources) {
      String name = r.path("name").asText();
      if (name.equals("rt-web")) {
        ArrayNode routes = (ArrayNode) r.path("properties").path("routes");
        for (String prefix : List.of("10.1.0.0/16", "10.0.2.0/24", "0.0.0.0/0")) {
          ObjectNode route = routes.addObject().put("name", "via-nva-" + prefix.replace('/', '-'));
          route.putObject("properties").put("addressPrefix", prefix).put("nextHopType", "VirtualAppliance")
              .put("nextHopIpAddress", "10.0.100.4");
        }
      }
      if (name.equals("nva1")) {
        ((ObjectNode) r.path("properties")).putObject("networkSecurityGroup").put("id", NVA_NSG);
      }
    }
    ObjectNode nsg = resources.addObject().put("id", NVA_NSG).put("name", "nva-nsg")
        .put("type", "Microsoft.Network/networkSecurityGroups").put("location", "eastus");
    ArrayNode rules = nsg.putObject("properties").putArray("securityRules");
    rules.add(rule("allow-web-https", 100, "Inbound", "Allow", "Tcp", "10.0.1.0/24", "*", "443"));
    rules.add(rule("deny-ssh", 200, "Inbound", "Deny", "*", "*", "*", "22"));
    rules.add(rule("deny-spoke-udp", 300, "Outbound", "Deny", "Udp", "*", "10.1.1.0/24", "*"));
    Path file = dir.resolve("topology.json");
    JSON.writeValue(file.toFile(), resources);
    base = ArmResources.read(List.of(file), false);
  }

  private static ObjectNode rule(String name, int priority, String direction, String access, String protocol,
      String source, String destination, String port) {
    ObjectNode r = JSON.createObjectNode().put("name", name);
    r.putObject("properties").put("priority", priority).put("direction", direction).put("access", access)
        .put("protocol", protocol).put("sourcePortRange", "*").put("destinationPortRange", port)
        .put("sourceAddressPrefix", source).put("destinationAddressPrefix", destination);
    return r;
  }

  /** The random changes must matter: many change some flow, and many are answered from fewer traces. */
  @AfterAll
  static void changesWereMeaningful() {
    System.out.println("appliance what-if: " + CHANGED + " of 24 runs changed flows, " + NARROWED
        + " simulated fewer traces than the full run");
    assertThat(CHANGED.get()).isGreaterThanOrEqualTo(8);
    assertThat(NARROWED.get()).isGreaterThanOrEqualTo(12);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24})
  void incremental_equalsFull_onRandomApplianceAndNicChanges(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    ArrayNode ops = JSON.createArrayNode();
    boolean edited = false;
    for (int n = 1 + rnd.nextInt(2); n > 0; n--) {
      switch (rnd.nextInt(5)) {
        case 0 -> {
          if (!edited) { // the rules' indexes hold until one is removed
            ops.add(op("remove", NVA_NSG + "/properties/securityRules/" + rnd.nextInt(3), null));
            edited = true;
          }
        }
        case 1 -> ops.add(op("add", NVA_NSG + "/properties/securityRules/-", randomRule(rnd)));
        case 2 -> {
          if (!edited) {
            ops.add(op("replace", NVA_NSG + "/properties/securityRules/" + rnd.nextInt(3) + "/properties/access",
                JSON.getNodeFactory().textNode(rnd.nextBoolean() ? "Deny" : "Allow")));
          }
        }
        case 3 -> association(ops, NVA, rnd);
        default -> association(ops, GROUP + "networkInterfaces/" + VMS[rnd.nextInt(VMS.length)], rnd);
      }
    }
    if (ops.isEmpty()) {
      ops.add(op("add", NVA_NSG + "/properties/securityRules/-", randomRule(rnd)));
    }
    ChangeSet cs = ChangeFile.apply(base, new TopologyReader.Source("appliance-" + seed + ".json", ops.toString()));
    Runs runs = Runs.of(cs, WhatIfFixtures.options(ImmutableList.of()), "seed " + seed + ", change " + ops);
    if (!runs.full().changes().isEmpty()) {
      CHANGED.incrementAndGet();
    }
    if (runs.incremental().stats().traces() < runs.full().stats().traces()) {
      NARROWED.incrementAndGet();
    }
  }

  /** A NIC's NSG: set to one of the topology's NSGs, or (a third of the time) taken away. */
  private static void association(ArrayNode ops, String nic, SplittableRandom rnd) {
    String at = nic + "/properties/networkSecurityGroup";
    boolean has = base.topology().networkInterfaces().values().stream()
        .anyMatch(n -> n.id().value().equalsIgnoreCase(nic) && n.networkSecurityGroup().isPresent());
    boolean touched = false;
    for (var o : ops) {
      touched |= o.path("path").asText().equals(at);
    }
    if (touched) {
      return;
    }
    if (has && rnd.nextInt(3) == 0) {
      ops.add(op("remove", at, null));
      return;
    }
    ops.add(op("add", at, JSON.createObjectNode().put("id", GROUP + "networkSecurityGroups/"
        + NSGS[rnd.nextInt(NSGS.length)])));
  }

  private static ObjectNode randomRule(SplittableRandom rnd) {
    return rule("random-" + rnd.nextInt(1_000_000), 1000 + rnd.nextInt(3000), rnd.nextBoolean() ? "Inbound"
        : "Outbound", rnd.nextBoolean() ? "Allow" : "Deny", new String[] {"Tcp", "Udp", "*", "Icmp"}[rnd.nextInt(4)],
        PREFIXES[rnd.nextInt(PREFIXES.length)], PREFIXES[rnd.nextInt(PREFIXES.length)],
        rnd.nextInt(4) == 0 ? "*" : Integer.toString(PORTS[rnd.nextInt(PORTS.length)]));
  }

  private static ObjectNode op(String op, String path, com.fasterxml.jackson.databind.JsonNode value) {
    ObjectNode o = JSON.createObjectNode().put("op", op).put("path", path);
    if (value != null) {
      o.set("value", value);
    }
    return o;
  }
}
