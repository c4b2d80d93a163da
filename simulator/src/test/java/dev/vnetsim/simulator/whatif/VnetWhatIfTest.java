package dev.vnetsim.simulator.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.io.TopologyReader;
import dev.vnetsim.model.io.change.ArmResources;
import dev.vnetsim.model.io.change.ChangeFile;
import dev.vnetsim.model.io.change.ChangeSet;
import dev.vnetsim.model.network.VirtualNetwork;
import dev.vnetsim.simulator.engine.DataPlane;
import dev.vnetsim.simulator.engine.SubnetPlane;
import dev.vnetsim.simulator.generate.EstateGenerator;
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
 * Changes of VNets (address spaces, subnets, peerings, a new VNet) judged by the planes that differ
 * ({@link PlaneImpact}) give exactly the answers of a full recomputation, on seeded random changes to a generated
 * estate (hub with firewall, peered spokes) and to the bundled example (with its Azure ML requirement rows).
 */
class VnetWhatIfTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  static Path dir;
  static ArmResources estate;
  static ArmResources example;
  /** An estate with named flows through the hub firewall's DNS proxy (spoke 10's compute rows). */
  static ArmResources namedEstate;
  static final AtomicInteger RUNS = new AtomicInteger();
  static final AtomicInteger CHANGED = new AtomicInteger();
  static final AtomicInteger REUSED = new AtomicInteger();
  static final AtomicInteger DNS_RUNS = new AtomicInteger();
  static final AtomicInteger HUB_RUNS = new AtomicInteger();
  static final AtomicInteger HUB_LOCAL = new AtomicInteger();
  static final AtomicInteger DNS_CHANGED = new AtomicInteger();

  @BeforeAll
  static void load() throws IOException {
    List<Path> files = new EstateGenerator(new EstateGenerator.Settings(4, 3, 8, 7, 10)).writeTo(dir);
    estate = ArmResources.read(files, false);
    Path named = Files.createDirectories(dir.resolve("named"));
    namedEstate = ArmResources.read(new EstateGenerator(new EstateGenerator.Settings(11, 2, 4, 7, 20)).writeTo(named),
        false); // spoke 10 has an Azure ML compute, a private endpoint and a link to the blob zone; the hub has none
    example = WhatIfFixtures.example();
  }

  /**
   * The random changes must matter: many change some flow, and many leave flows the incremental run reuses. Judged
   * when the seeded tests all ran (110 runs); a method or a seed run alone has too few runs to judge.
   */
  @AfterAll
  static void changesWereMeaningful() {
    if (HUB_RUNS.get() == 10) {
      System.out.println("VNet what-if: " + HUB_LOCAL + " of 20 hub space changes simulated fewer traces");
      assertThat(HUB_LOCAL.get()).as("hub space changes judged by their planes").isGreaterThanOrEqualTo(4);
    }
    if (DNS_RUNS.get() == 8) {
      System.out.println("VNet what-if: " + DNS_CHANGED + " of 8 DNS server changes changed flows");
      assertThat(DNS_CHANGED.get()).as("DNS server changes that changed a named flow").isGreaterThanOrEqualTo(2);
    }
    if (RUNS.get() < 80) {
      return;
    }
    System.out.println("VNet what-if: " + CHANGED + " of " + RUNS + " runs changed flows, " + REUSED
        + " simulated fewer traces than the full run");
    assertThat(CHANGED.get()).isGreaterThanOrEqualTo(RUNS.get() / 3);
    assertThat(REUSED.get()).isGreaterThanOrEqualTo(RUNS.get() / 3);
  }

  /**
   * A spoke's address space widened over another spoke's (allowed between VNets that are not peered): the first
   * spoke now keeps packets for that space (VnetLocal), which its firewall route sent to the other spoke before.
   * Neither end moved, only the first spoke's routes: the flows between them change, as the full run says.
   */
  @Test
  void spaceOverAnotherSpoke_changesFlowsBetweenUnmovedEnds() {
    VirtualNetwork one = vnet("vnet-spoke-1");
    VirtualNetwork two = vnet("vnet-spoke-2");
    String patch = "[{\"op\":\"add\",\"path\":\"" + one.id().value() + "/properties/addressSpace/addressPrefixes/-\","
        + "\"value\":\"" + two.subnets().get(0).addressPrefixes().get(0) + "\"}]";
    ChangeSet cs = ChangeFile.apply(estate, new TopologyReader.Source("overlap.json", patch));
    WhatIf.Options options = WhatIfFixtures.options(ImmutableList.of());
    WhatIfReport full = WhatIf.analyse(cs, options.withIncremental(false));
    WhatIfReport incremental = WhatIf.analyse(cs, options.withIncremental(true));
    assertThat(incremental.changes()).isEqualTo(full.changes());
    assertThat(full.changes()).anySatisfy(c -> {
      assertThat(c.from()).startsWith("vnet-spoke-1/");
      assertThat(c.to()).isEqualTo("vnet-spoke-2/" + two.subnets().get(0).name());
    });
    assertThat(incremental.stats().traces()).isLessThan(full.stats().traces() / 2);
  }

  /**
   * A subnet added is reported by the flows that work to or from it (OPENED), not by those that stay blocked; removing
   * it again is reported by the same flows, BROKEN.
   */
  @Test
  void subnetAddedThenRemoved_reportsTheFlowsThatWorkOnOneSide() {
    VirtualNetwork one = vnet("vnet-spoke-1");
    ArrayNode all = JSON.createArrayNode();
    for (ResourceId id : estate.ids()) {
      JsonNode tree = estate.tree(id).orElseThrow().deepCopy();
      if (id.equals(one.id())) {
        ((ArrayNode) tree.path("properties").path("addressSpace").path("addressPrefixes")).add("172.31.0.0/24");
        ObjectNode subnet = ((ArrayNode) tree.path("properties").path("subnets")).addObject()
            .put("id", id.value() + "/subnets/snet-new").put("name", "snet-new");
        subnet.putObject("properties").put("addressPrefix", "172.31.0.0/26");
      }
      all.add(tree);
    }
    ArmResources withSubnet = ArmResources.readSources(List.of(new TopologyReader.Source("with-subnet.json",
        JSON.createObjectNode().set("value", all).toString())), false);
    ChangeSet added = ChangeSet.between(estate, withSubnet);
    WhatIf.Options options = WhatIfFixtures.options(ImmutableList.of());
    WhatIfReport opened = WhatIf.analyse(added, options.withIncremental(true));
    assertThat(opened.changes()).isEqualTo(WhatIf.analyse(added, options.withIncremental(false)).changes());
    assertThat(opened.changes()).isNotEmpty().allSatisfy(c -> {
      assertThat(c.kind()).isEqualTo(FlowChange.Kind.OPENED);
      assertThat(List.of(c.from(), c.to())).contains("snet-new");
    });
    // flows between the new subnet and the other spokes cross the hub firewall, which denies them: not listed
    assertThat(opened.changes()).noneMatch(c -> c.from().startsWith("vnet-spoke-2/")
        || c.to().startsWith("vnet-spoke-2/"));
    ChangeSet removed = ChangeSet.between(withSubnet, estate);
    WhatIfReport broken = WhatIf.analyse(removed, options.withIncremental(true));
    assertThat(broken.changes()).isEqualTo(WhatIf.analyse(removed, options.withIncremental(false)).changes());
    assertThat(broken.changes()).extracting(c -> c.kind()).containsOnly(FlowChange.Kind.BROKEN);
    assertThat(broken.changes()).extracting(c -> c.from() + " " + c.to() + " " + c.protocol() + " " + c.ports())
        .containsExactlyElementsOf(opened.changes().stream().map(c -> c.from() + " " + c.to() + " " + c.protocol()
            + " " + c.ports()).toList());
  }

  /**
   * A peered VNet's address space widened: the hub keeps routing only the space its peering carries until the peering
   * is synced (its {@code remoteAddressSpace} updated, as {@code Sync-AzVirtualNetworkPeering} does).
   */
  @Test
  void widenedSpace_reachesThePeerOnlyOnceThePeeringIsSynced() {
    VirtualNetwork one = vnet("vnet-spoke-1");
    VirtualNetwork hub = vnet("vnet-hub");
    int back = 0;
    while (!hub.peerings().get(back).remoteVirtualNetwork().equals(one.id())) {
      back++;
    }
    String widen = "{\"op\":\"add\",\"path\":\"" + one.id().value() + "/properties/addressSpace/addressPrefixes/-\","
        + "\"value\":\"172.31.0.0/24\"}";
    String sync = "{\"op\":\"add\",\"path\":\"" + hub.id().value() + "/properties/virtualNetworkPeerings/" + back
        + "/properties/remoteAddressSpace/addressPrefixes/-\",\"value\":\"172.31.0.0/24\"}";
    for (boolean synced : new boolean[] {false, true}) {
      String patch = "[" + widen + (synced ? "," + sync : "") + "]";
      ChangeSet cs = ChangeFile.apply(estate, new TopologyReader.Source("widen.json", patch));
      DataPlane after = DataPlane.compile(cs.after(), WhatIfFixtures.tags());
      SubnetPlane firewall = after.subnet(hub.subnets().get(0).id()).orElseThrow();
      assertThat(firewall.routes().routes()).as("synced: %s", synced)
          .filteredOn(r -> r.addressPrefix().contains(Cidr.parse("172.31.0.0/24"))).hasSize(synced ? 1 : 0);
    }
  }

  private static VirtualNetwork vnet(String name) {
    return estate.topology().virtualNetworks().values().stream().filter(v -> v.name().equals(name)).findFirst()
        .orElseThrow();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24})
  void vnetChanges_equalFull(long seed) {
    equalFull(seed, RandomVnetChanges::patch);
  }

  /**
   * Private endpoints added (with their NIC and a custom DNS config) or removed, with the intents that name the
   * storage account's FQDN: judged by the planes that differ, and every named flow again.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void endpointChanges_equalFull(long seed) {
    equalFull(seed, RandomVnetChanges::endpointPatch);
  }

  /**
   * VNets given other DNS servers (a firewall's DNS proxy, a custom server, Azure DNS again): no plane differs, and
   * every named flow (requirement rows, intents) and the firewall rules that name FQDNs are judged again.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void dnsServerChanges_equalFull(long seed) {
    int changed = CHANGED.get();
    equalFull(seed, RandomVnetChanges::dnsPatch, List.of(example, namedEstate), true);
    DNS_RUNS.incrementAndGet();
    if (CHANGED.get() > changed) {
      DNS_CHANGED.incrementAndGet();
    }
  }

  /**
   * The hub's address space widened (the VNet of the firewall, which forwards others' traffic): a private range that
   * holds no other VNet's subnet is judged by the planes that differ (the hub's routes and tags); a public range or
   * another VNet's stays global. Either way the answer is the full recomputation's.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void hubSpaceChanges_equalFull(long seed) {
    int reused = REUSED.get();
    equalFull(seed, RandomVnetChanges::hubPatch, List.of(estate, namedEstate), true);
    HUB_RUNS.incrementAndGet();
    HUB_LOCAL.addAndGet(REUSED.get() - reused);
  }

  /**
   * The hub widened over part of spoke 1's space (not synced): packets the firewall forwards from there to spoke 2
   * now have a source inside the hub's space, so they no longer count as forwarded (§7) and spoke 2, which refuses
   * forwarded traffic, now takes them. No plane of spoke 1 or 2 changed; such a change of a carrier's VNet stays
   * global, and the flows open as the full recomputation says.
   */
  @Test
  void hubWidenedOverASpoke_itsSourcesNoLongerForwarded() throws IOException {
    ArmResources base = edited("forwarded", new EstateGenerator.Settings(4, 3, 8, 7, 10), r -> {
      String type = r.path("type").asText();
      if (type.equals("Microsoft.Network/virtualNetworks") && r.path("name").asText().equals("vnet-spoke-2")) {
        ((ObjectNode) r.path("properties").path("virtualNetworkPeerings").get(0).path("properties"))
            .put("allowForwardedTraffic", false);
      }
      if (type.equals("Microsoft.Network/firewallPolicies/ruleCollectionGroups")) {
        ObjectNode rule = addNetworkRule(r, "spoke-to-spoke", "one-to-two", "10.0.4.0/22", "*");
        rule.putArray("destinationAddresses").add("10.0.8.0/22");
      }
    });
    VirtualNetwork hub = base.topology().virtualNetworks().values().stream()
        .filter(v -> v.name().equals("vnet-hub")).findFirst().orElseThrow();
    String patch = "[{\"op\":\"add\",\"path\":\"" + hub.id().value()
        + "/properties/addressSpace/addressPrefixes/-\",\"value\":\"10.0.4.0/24\"}]";
    ChangeSet cs = ChangeFile.apply(base, new TopologyReader.Source("hub-over-spoke.json", patch));
    WhatIfFixtures.Runs runs = WhatIfFixtures.Runs.of(cs);
    assertThat(runs.full().changes()).as("spoke 1 to spoke 2 through the firewall opens").anyMatch(c ->
        c.kind() == FlowChange.Kind.OPENED && c.from().startsWith("vnet-spoke-1/") && c.to().startsWith("vnet-spoke-2/"));
  }

  /**
   * An application rule removed from the hub firewall: it matches only flows that carry a name, so the requirement
   * rows that name pypi.org break and no flow of the differential (which carry none) is simulated for it.
   */
  @Test
  void appRuleRemoved_changesNamedFlowsOnly() {
    ResourceId group = namedEstate.topology().firewallPolicies().values().iterator().next().ruleCollectionGroups()
        .get(0).id();
    JsonNode collections = namedEstate.tree(group).orElseThrow().path("properties").path("ruleCollections");
    int c = 0;
    while (!collections.get(c).path("name").asText().equals("app-packages")) {
      c++;
    }
    String patch = "[{\"op\":\"remove\",\"path\":\"" + group.value() + "/properties/ruleCollections/" + c
        + "/rules/0\"}]";
    ChangeSet cs = ChangeFile.apply(namedEstate, new TopologyReader.Source("app-rule.json", patch));
    WhatIfFixtures.Runs runs = WhatIfFixtures.Runs.of(cs, WhatIfFixtures.withRows(), "incremental equals full");
    assertThat(runs.full().changes()).isNotEmpty().allMatch(x -> x.source() == FlowChange.Source.REQUIREMENT
        && x.kind() == FlowChange.Kind.BROKEN && x.to().equals("pypi.org"));
    assertThat(runs.incremental().stats().traces()).as("the differential's flows are not simulated")
        .isLessThan(runs.full().stats().traces() / 10);
  }

  /**
   * A firewall network rule that names a storage account's FQDN resolves it through the firewall's DNS proxy, in the
   * hub. Linking the private blob zone to the hub moves that name from the account's public address to its private
   * endpoint's: the rule now matches other packets, though no rule changed. The what-if compares the firewall's
   * rules as resolved on both sides, and answers as the full recomputation; the differential's flows, which carry no
   * name, are simulated only to the addresses the name resolved to on either side.
   */
  @Test
  void zoneLinkedToTheHub_movesWhatAFirewallFqdnRuleMatches() throws IOException {
    ArmResources base = edited("fqdn-rule", new EstateGenerator.Settings(11, 2, 4, 7, 20), r -> {
      if (r.path("type").asText().equals("Microsoft.Network/firewallPolicies/ruleCollectionGroups")) {
        addNetworkRule(r, "storage-by-name", "stspoke10", "10.0.0.0/8", "443").putArray("destinationFqdns")
            .add("stspoke10.blob.core.windows.net");
      }
    });
    ResourceId zone = base.topology().privateDnsZones().keySet().iterator().next();
    ResourceId hub = base.topology().virtualNetworks().values().stream().filter(v -> v.name().equals("vnet-hub"))
        .findFirst().orElseThrow().id();
    String change = "[{\"op\":\"put\",\"resource\":{\"id\":\"" + zone.value() + "/virtualNetworkLinks/link-hub\","
        + "\"name\":\"link-hub\",\"type\":\"Microsoft.Network/privateDnsZones/virtualNetworkLinks\","
        + "\"location\":\"global\",\"properties\":{\"virtualNetwork\":{\"id\":\"" + hub.value() + "\"},"
        + "\"registrationEnabled\":false}}}]";
    ChangeSet cs = ChangeFile.apply(base, new TopologyReader.Source("link-hub.json", change));
    WhatIfFixtures.Runs runs = WhatIfFixtures.Runs.of(cs);
    assertThat(runs.full().changes()).as("flows the FQDN rule now matches, or no longer does").isNotEmpty();
    assertThat(runs.incremental().stats().traces()).as("only flows to the addresses the name stood for, or stands for")
        .isLessThan(runs.full().stats().traces());
  }

  /**
   * Private endpoints added or removed where Azure ML rows pass the hub firewall: a row's FQDN may resolve elsewhere
   * although no firewall rule changed, so every row is evaluated again.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void endpointChanges_rowsThroughTheFirewall_equalFull(long seed) {
    equalFull(seed, RandomVnetChanges::endpointPatch, List.of(namedEstate), true);
  }

  /** NICs moved, readdressed, regrouped (ASGs), added or deleted: judged by the planes that differ. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void nicChanges_equalFull(long seed) {
    equalFull(seed, RandomVnetChanges::nicPatch);
  }

  /**
   * Mixed changes: NSG rules and routes edited, then a VNet change, a NIC change and an endpoint change in one change
   * set, so that the local and the plane-judged parts of the impact meet.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void mixedChanges_equalFull(long seed) {
    equalFull(seed, (t, rnd) -> {
      ArmResources base = t == example.topology() ? example : estate;
      ArrayNode ops = JSON.createArrayNode();
      for (String part : List.of(RandomChanges.patch(base, rnd), RandomVnetChanges.patch(t, rnd),
          RandomVnetChanges.nicPatch(t, rnd), RandomVnetChanges.endpointPatch(t, rnd))) {
        try {
          ops.addAll((ArrayNode) JSON.readTree(part));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      return ops.toString();
    });
  }

  /** A generated estate with each resource passed through {@code edit} before it is read. */
  private static ArmResources edited(String name, EstateGenerator.Settings settings,
      java.util.function.Consumer<JsonNode> edit) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Path> written = new EstateGenerator(settings).writeTo(Files.createDirectories(dir.resolve(name)));
    for (Path f : written) {
      JsonNode doc = json.readTree(f.toFile());
      for (JsonNode r : doc.isArray() ? doc : doc.path("value")) {
        edit.accept(r);
      }
      json.writeValue(f.toFile(), doc);
    }
    return ArmResources.read(written, false);
  }

  /** A collection at priority 150 that allows one TCP network rule to a rule collection group; the rule. */
  private static ObjectNode addNetworkRule(JsonNode group, String collection, String name, String source,
      String port) {
    ObjectNode c = ((ArrayNode) group.path("properties").path("ruleCollections")).addObject()
        .put("ruleCollectionType", "FirewallPolicyFilterRuleCollection").put("name", collection).put("priority", 150);
    c.putObject("action").put("type", "Allow");
    ObjectNode rule = c.putArray("rules").addObject().put("ruleType", "NetworkRule").put("name", name);
    rule.putArray("sourceAddresses").add(source);
    rule.putArray("ipProtocols").add("TCP");
    rule.putArray("destinationPorts").add(port);
    return rule;
  }

  private static void equalFull(long seed, java.util.function.BiFunction<Topology, SplittableRandom, String> change) {
    equalFull(seed, change, List.of(example, estate), false);
  }

  /** With {@code estateRows}, the generated estates' Azure ML requirement rows are compared too. */
  private static void equalFull(long seed, java.util.function.BiFunction<Topology, SplittableRandom, String> change,
      List<ArmResources> bases, boolean estateRows) {
    for (ArmResources base : bases) {
      SplittableRandom rnd = new SplittableRandom(seed);
      String patch = change.apply(base.topology(), rnd);
      if (patch.equals("[]")) {
        continue;
      }
      ChangeSet cs;
      try {
        cs = ChangeFile.apply(base, new TopologyReader.Source("vnet-" + seed + ".json", patch));
      } catch (InvalidTopologyException | IllegalArgumentException e) {
        throw new AssertionError("seed " + seed + ": generated an invalid change " + patch + ": " + e.getMessage(), e);
      }
      WhatIf.Options rows = WhatIfFixtures.withRows();
      WhatIf.Options options = base == example ? new WhatIf.Options(rows.tags(), rows.parser(),
          IncrementalWhatIfTest.STORAGE_INTENTS, rows.requirements(), "before", "after", true)
          : estateRows ? rows : WhatIfFixtures.options(ImmutableList.of());
      WhatIfReport full = WhatIf.analyse(cs, options.withIncremental(false));
      WhatIfReport incremental = WhatIf.analyse(cs, options.withIncremental(true));
      assertThat(incremental.changes()).as("seed %d, change %s", seed, patch).isEqualTo(full.changes());
      assertThat(incremental.stats().traces()).as("seed %d", seed).isLessThanOrEqualTo(full.stats().traces());
      RUNS.incrementAndGet();
      if (!full.changes().isEmpty()) {
        CHANGED.incrementAndGet();
      }
      if (incremental.stats().traces() < full.stats().traces()) {
        REUSED.incrementAndGet();
      }
    }
  }
}
