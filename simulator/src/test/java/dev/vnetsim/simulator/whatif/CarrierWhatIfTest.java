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
import dev.vnetsim.simulator.generate.EstateGenerator;
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
 * A change to the routes of a subnet that carries others' traffic (here the hub firewall's subnet, through which every
 * spoke's Internet traffic passes) simulates only the flows to destinations whose route there changed, and only
 * those packets ({@link CarrierExposure}); the answers must be those of a full recomputation, on seeded random route
 * changes to the firewall subnet's route table of a generated hub-and-spoke estate.
 */
class CarrierWhatIfTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] PREFIXES = {"0.0.0.0/0", "20.0.0.0/8", "Storage.EastUS", "AzureActiveDirectory",
      "10.0.8.0/22", "10.0.4.0/26", "192.168.0.0/16"};
  private static final String[] HOPS = {"Internet", "None", "VnetLocal"};
  @TempDir
  static Path dir;
  static ArmResources estate;
  /** Eleven VNets: the tenth spoke has an Azure ML compute cluster. */
  static ArmResources withCompute;
  static String table;
  /** The firewall subnet's id. */
  static String firewallSubnet;
  /** A spoke subnet's id. */
  static String spokeSubnet;
  static final AtomicInteger CHANGED = new AtomicInteger();
  static final AtomicInteger NARROWED = new AtomicInteger();
  static final AtomicInteger ROWS_CHANGED = new AtomicInteger();

  /** The generated estates, their firewall subnet given a route table (Internet by default, on-premises dropped). */
  @BeforeAll
  static void load() throws IOException {
    if (estate != null) {
      return;
    }
    estate = withFirewallRouteTable(dir.resolve("small"), new EstateGenerator.Settings(4, 2, 4, 13, 10));
    withCompute = withFirewallRouteTable(dir.resolve("computes"), new EstateGenerator.Settings(11, 2, 4, 14, 20));
  }

  private static ArmResources withFirewallRouteTable(Path at, EstateGenerator.Settings settings) throws IOException {
    List<Path> files = new EstateGenerator(settings).writeTo(Files.createDirectories(at));
    ArrayNode resources = (ArrayNode) JSON.readTree(files.get(0).toFile());
    String hub = null;
    for (var r : resources) {
      if (r.path("type").asText().equals("Microsoft.Network/virtualNetworks") && r.path("name").asText()
          .equals("vnet-hub")) {
        hub = r.path("id").asText();
        table = hub.substring(0, hub.indexOf("/providers/")) + "/providers/Microsoft.Network/routeTables/rt-hub-fw";
        firewallSubnet = hub + "/subnets/AzureFirewallSubnet";
        for (var s : r.path("properties").path("subnets")) {
          if (s.path("name").asText().equals("AzureFirewallSubnet")) {
            ((ObjectNode) s.path("properties")).putObject("routeTable").put("id", table);
          }
        }
      }
    }
    for (var r : resources) {
      if (spokeSubnet == null && r.path("type").asText().equals("Microsoft.Network/virtualNetworks")
          && r.path("name").asText().startsWith("vnet-spoke-")) {
        spokeSubnet = r.path("properties").path("subnets").get(0).path("id").asText();
      }
    }
    assertThat(hub).isNotNull();
    assertThat(spokeSubnet).isNotEmpty();
    ObjectNode rt = resources.addObject().put("id", table).put("name", "rt-hub-fw")
        .put("type", "Microsoft.Network/routeTables").put("location", "eastus");
    ArrayNode routes = rt.putObject("properties").putArray("routes");
    routes.add(route("default", "0.0.0.0/0", "Internet"));
    routes.add(route("on-premises", "192.168.0.0/16", "None"));
    JSON.writeValue(files.get(0).toFile(), resources);
    return ArmResources.read(files, false);
  }

  private static ObjectNode route(String name, String prefix, String hop) {
    ObjectNode r = JSON.createObjectNode().put("name", name);
    r.putObject("properties").put("addressPrefix", prefix).put("nextHopType", hop);
    return r;
  }

  /** The random changes must matter: many change some flow, and many are answered from fewer traces. */
  @AfterAll
  static void changesWereMeaningful() {
    System.out.println("carrier what-if: " + CHANGED + " of 16 runs changed flows, " + NARROWED
        + " simulated fewer traces than the full run");
    assertThat(CHANGED.get()).isGreaterThanOrEqualTo(6);
    assertThat(NARROWED.get()).isGreaterThanOrEqualTo(8);
    System.out.println("carrier what-if: " + ROWS_CHANGED + " of 6 runs changed requirement rows");
    assertThat(ROWS_CHANGED.get()).isGreaterThanOrEqualTo(1);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void incremental_equalsFull_onRandomRouteChangesAtTheFirewallSubnet(long seed) {
    ArrayNode ops = randomRoutes(new SplittableRandom(seed));
    ChangeSet cs = ChangeFile.apply(estate, new TopologyReader.Source("carrier-" + seed + ".json", ops.toString()));
    Runs runs = Runs.of(cs, WhatIfFixtures.options(ImmutableList.of()), "seed " + seed + ", change " + ops);
    WhatIfReport full = runs.full();
    WhatIfReport incremental = runs.incremental();
    if (!full.changes().isEmpty()) {
      CHANGED.incrementAndGet();
    }
    if (incremental.stats().traces() < full.stats().traces()) {
      NARROWED.incrementAndGet();
    }
  }

  /** With Azure ML requirement rows: a compute's rows are compared when one of them crosses the changed routes. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {21, 22, 23, 24, 25, 26})
  void incremental_equalsFull_withRequirementRows(long seed) {
    ArrayNode ops = randomRoutes(new SplittableRandom(seed));
    ChangeSet cs = ChangeFile.apply(withCompute, new TopologyReader.Source("rows-" + seed + ".json", ops.toString()));
    WhatIfReport full = Runs.of(cs, WhatIfFixtures.withRows(), "seed " + seed + ", change " + ops).full();
    if (full.changes().stream().anyMatch(c -> c.source() == FlowChange.Source.REQUIREMENT)) {
      ROWS_CHANGED.incrementAndGet();
    }
  }

  /**
   * One or two edits of the firewall subnet's routes and egress: a route added, the default's next hop or a prefix
   * replaced, the table detached, the subnet given another table with a random route, a NAT gateway, or its default
   * outbound access set.
   */
  private static ArrayNode randomRoutes(SplittableRandom rnd) {
    ArrayNode ops = JSON.createArrayNode();
    boolean nat = false;
    boolean detached = false;
    for (int i = 0, n = 1 + rnd.nextInt(2); i < n; i++) {
      switch (rnd.nextInt(7)) {
        case 5 -> {
          if (!nat) {
            natGatewayAtTheFirewallSubnet(ops);
            nat = true;
          }
        }
        case 6 -> ops.addObject().put("op", "add").put("path", firewallSubnet + "/properties/defaultOutboundAccess")
            .put("value", rnd.nextBoolean());
        case 3 -> {
          if (!detached) {
            ops.addObject().put("op", "remove").put("path", firewallSubnet + "/properties/routeTable");
            detached = true;
          }
        }
        case 4 -> {
          String other = table + "-" + i;
          ObjectNode put = ops.addObject().put("op", "put");
          put.putObject("resource").put("id", other).put("name", other.substring(other.lastIndexOf('/') + 1))
              .put("type", "Microsoft.Network/routeTables").put("location", "eastus").putObject("properties")
              .putArray("routes").add(route("r" + rnd.nextInt(1000), PREFIXES[rnd.nextInt(PREFIXES.length)],
                  HOPS[rnd.nextInt(HOPS.length)]));
          ops.addObject().put("op", "add").put("path", firewallSubnet + "/properties/routeTable").putObject("value")
              .put("id", other);
        }
        case 0 -> ops.addObject().put("op", "add").put("path", table + "/properties/routes/-").set("value",
            route("r" + rnd.nextInt(1000), PREFIXES[rnd.nextInt(PREFIXES.length)], HOPS[rnd.nextInt(HOPS.length)]));
        case 1 -> ops.addObject().put("op", "replace").put("path", table + "/properties/routes/0/properties/nextHopType")
            .put("value", HOPS[rnd.nextInt(HOPS.length)]);
        default -> ops.addObject().put("op", "replace").put("path", table + "/properties/routes/1/properties/"
            + "addressPrefix").put("value", PREFIXES[rnd.nextInt(PREFIXES.length)]);
      }
    }
    return ops;
  }

  /**
   * A NAT gateway associated with the firewall subnet changes only how the packets it routes to the Internet leave
   * (the firewall's SNAT, §4.6): flows to the Internet are simulated, flows between spokes are not.
   */
  @Test
  void natGatewayAtTheFirewallSubnet_simulatesOnlyInternetBoundFlows() {
    ArrayNode ops = JSON.createArrayNode();
    natGatewayAtTheFirewallSubnet(ops);
    ChangeSet cs = ChangeFile.apply(estate, new TopologyReader.Source("nat.json", ops.toString()));
    Runs runs = Runs.of(cs);
    WhatIfReport full = runs.full();
    WhatIfReport incremental = runs.incremental();
    assertThat(incremental.stats().traces()).isLessThan(full.stats().traces() / 2);
  }

  /** Adds to {@code ops} a NAT gateway with a public IP, associated with the firewall subnet. */
  private static void natGatewayAtTheFirewallSubnet(ArrayNode ops) {
    String rg = table.substring(0, table.indexOf("/providers/"));
    String pip = rg + "/providers/Microsoft.Network/publicIPAddresses/pip-nat-hub";
    String nat = rg + "/providers/Microsoft.Network/natGateways/nat-hub";
    ObjectNode p = ops.addObject().put("op", "put").putObject("resource").put("id", pip).put("name", "pip-nat-hub")
        .put("type", "Microsoft.Network/publicIPAddresses").put("location", "eastus");
    p.putObject("sku").put("name", "Standard");
    p.putObject("properties").put("ipAddress", "20.7.7.7").put("publicIPAllocationMethod", "Static");
    ObjectNode n = ops.addObject().put("op", "put").putObject("resource").put("id", nat).put("name", "nat-hub")
        .put("type", "Microsoft.Network/natGateways").put("location", "eastus");
    n.putObject("sku").put("name", "Standard");
    n.putObject("properties").putArray("publicIpAddresses").addObject().put("id", pip);
    ops.addObject().put("op", "add").put("path", firewallSubnet + "/properties/natGateway").putObject("value")
        .put("id", nat);
  }

  /**
   * A spoke subnet given default outbound access (the generated spokes are private): its flows to Azure Machine
   * Learning, which its route table sends straight to the Internet, now have a way out; the rest of its traffic leaves
   * through the firewall as before.
   */
  @Test
  void spokeSubnetGivenDefaultOutboundAccess_opensItsDirectInternetFlows() {
    String patch = "[{\"op\":\"add\",\"path\":\"" + spokeSubnet
        + "/properties/defaultOutboundAccess\",\"value\":true}]";
    ChangeSet cs = ChangeFile.apply(estate, new TopologyReader.Source("public.json", patch));
    Runs runs = Runs.of(cs);
    WhatIfReport full = runs.full();
    WhatIfReport incremental = runs.incremental();
    assertThat(full.changes()).isNotEmpty().allSatisfy(c -> {
      assertThat(c.kind()).isEqualTo(FlowChange.Kind.OPENED);
      assertThat(c.before().disposition()).isEqualTo(Disposition.NO_OUTBOUND_CONNECTIVITY);
    });
    assertThat(full.changes()).extracting(FlowChange::to).contains("tag:AzureMachineLearning");
  }

  /**
   * The firewall subnet given a copy of its table whose routes keep their ids (as a copied template gives): every
   * route is the same but for the table that holds it, which the steps of user routes name. The flows those routes
   * win change (CHANGED, naming the copy); the others keep their steps, which name the subnet for a system route.
   */
  @Test
  void tableSwappedForACopyWithTheSameRouteIds_changesOnlyTheFlowsItsRoutesWin() {
    String copy = table + "-copy";
    ArrayNode routes = JSON.createArrayNode();
    routes.add(route("default", "0.0.0.0/0", "Internet").put("id", table + "/routes/default"));
    routes.add(route("on-premises", "192.168.0.0/16", "None").put("id", table + "/routes/on-premises"));
    ArrayNode ops = JSON.createArrayNode();
    ops.addObject().put("op", "put").putObject("resource").put("id", copy).put("name", "rt-hub-fw-copy")
        .put("type", "Microsoft.Network/routeTables").put("location", "eastus").putObject("properties")
        .set("routes", routes);
    ops.addObject().put("op", "add").put("path", firewallSubnet + "/properties/routeTable").putObject("value")
        .put("id", copy);
    ChangeSet cs = ChangeFile.apply(estate, new TopologyReader.Source("copy.json", ops.toString()));
    Runs runs = Runs.of(cs);
    WhatIfReport full = runs.full();
    WhatIfReport incremental = runs.incremental();
    assertThat(full.changes()).isNotEmpty().allSatisfy(c -> assertThat(c.kind()).isEqualTo(FlowChange.Kind.CHANGED));
    assertThat(full.changes()).extracting(FlowChange::to).contains("internet").doesNotContain("AzureFirewallSubnet")
        .noneMatch(to -> to.startsWith("vnet-spoke-"));
    assertThat(incremental.stats().traces()).isLessThan(full.stats().traces());
  }

  /**
   * Dropping Storage.EastUS at the firewall subnet breaks every spoke subnet's flow to it (the firewall allows it on
   * 443, then the packets have nowhere to go), and nothing else that crosses the hub; far fewer traces than the full
   * run.
   */
  @Test
  void storageDroppedAtTheFirewallSubnet_breaksTheSpokesFlowsToStorage() {
    String patch = "[{\"op\":\"add\",\"path\":\"" + table + "/properties/routes/-\",\"value\":"
        + route("drop-storage", "Storage.EastUS", "None") + "}]";
    ChangeSet cs = ChangeFile.apply(estate, new TopologyReader.Source("drop-storage.json", patch));
    Runs runs = Runs.of(cs);
    WhatIfReport incremental = runs.incremental();
    WhatIfReport full = runs.full();
    // the firewall subnet's own probe flows change too (its probe sends and answers there); every other change is
    // a spoke subnet's flow through the firewall to Storage on the one port the firewall lets through
    assertThat(incremental.changes()).filteredOn(c -> !c.from().equals("AzureFirewallSubnet")
        && !c.to().equals("AzureFirewallSubnet")).isNotEmpty().allSatisfy(c -> {
          assertThat(c.kind()).isEqualTo(FlowChange.Kind.BROKEN);
          assertThat(c.from()).startsWith("vnet-spoke-");
          assertThat(c.to()).isIn("tag:Storage.EastUS", "tag:Storage", "tag:AzureCloud", "internet");
          assertThat(c.protocol()).isEqualTo("TCP");
          assertThat(c.ports()).containsExactly("443");
          assertThat(c.cause()).extracting(x -> x.resourceId().value()).containsExactly(table);
        });
    assertThat(incremental.changes()).filteredOn(c -> c.to().equals("tag:Storage.EastUS"))
        .extracting(FlowChange::from).filteredOn(f -> f.startsWith("vnet-spoke-")).hasSize(6);
    assertThat(incremental.stats().traces()).isLessThan(full.stats().traces() / 4);
  }
}
