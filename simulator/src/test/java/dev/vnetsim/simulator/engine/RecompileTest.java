package dev.vnetsim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.security.NetworkSecurityGroup;
import dev.vnetsim.model.compute.AmlCompute;
import dev.vnetsim.model.io.TopologyReader;
import dev.vnetsim.model.io.change.ArmResources;
import dev.vnetsim.model.io.change.ChangeFile;
import dev.vnetsim.model.io.change.ChangeSet;
import dev.vnetsim.model.io.change.ResourceChange;
import dev.vnetsim.simulator.aml.ComputeProbe;
import dev.vnetsim.simulator.aml.ComputeTarget;
import dev.vnetsim.simulator.generate.EstateGenerator;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import dev.vnetsim.simulator.trace.Flow;
import dev.vnetsim.simulator.whatif.RandomChanges;
import dev.vnetsim.simulator.whatif.RandomVnetChanges;
import dev.vnetsim.simulator.whatif.WhatIfFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DataPlane#recompile} after a local change answers exactly as a full compile of the changed topology, on
 * seeded random changes (NSG rules, routes, subnet and NIC associations) to a generated estate (hub with firewall,
 * peered spokes, shared NSGs, forced tunnelling, NAT gateways) and to the bundled example: the same planes (routes,
 * virtual tags, resolved NSGs, NAT gateways) for every subnet and NIC, the same NSG verdicts on random packets, and the
 * same traces between every pair of NICs and to the Internet. And it is incremental: planes the change cannot touch
 * are the previous data plane's own instances.
 */
class RecompileTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int[] PORTS = {22, 80, 443, 445, 1433, 3389, 8080};
  @TempDir
  static Path dir;
  static ArmResources estate;
  static ArmResources example;
  static ServiceTagLookup tags;
  static final AtomicInteger SHARED = new AtomicInteger();
  static final AtomicInteger REBUILT = new AtomicInteger();

  @BeforeAll
  static void load() throws IOException {
    List<Path> files = new EstateGenerator(new EstateGenerator.Settings(4, 3, 8, 11, 10)).writeTo(dir);
    estate = ArmResources.read(files, false);
    example = WhatIfFixtures.example();
    tags = WhatIfFixtures.tags();
  }

  /** The random changes must leave most planes shared and rebuild some. */
  @AfterAll
  static void recompilesWereIncremental() {
    System.out.println("recompile: " + TAKEN_NSG_PLANES + " NSG planes taken by global changes");
    assertThat(TAKEN_NSG_PLANES.get()).as("NSG planes a global change took from the previous compile")
        .isGreaterThan(5);
    System.out.println("recompile: " + SHARED + " subnet planes shared, " + REBUILT + " rebuilt");
    assertThat(SHARED.get()).isGreaterThan(REBUILT.get());
    assertThat(REBUILT.get()).isGreaterThan(10);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void recompile_answersAsFullCompile(long seed) {
    for (ArmResources base : List.of(example, estate)) {
      SplittableRandom rnd = new SplittableRandom(seed);
      String patch = RandomChanges.localPatch(base, rnd);
      ChangeSet cs = ChangeFile.apply(base, new TopologyReader.Source("random-" + seed + ".json", patch));
      List<ResourceId> changed = cs.changes().stream().map(ResourceChange::resourceId).toList();
      assertThat(LocalChange.of(cs.before(), cs.after(), changed)).as("local: %s", patch).isPresent();
      assertThat(LocalChange.differences(cs.before(), cs.after())).as(patch)
          .isSubsetOf(Set.copyOf(changed));
      DataPlane previous = DataPlane.compile(cs.before(), tags);
      DataPlane recompiled = DataPlane.recompile(previous, cs.after(), changed);
      DataPlane full = DataPlane.compile(cs.after(), tags);
      String as = "seed " + seed + ", change " + patch;
      samePlanes(recompiled, full, as, rnd);
      sameTraces(recompiled, full, as);
      for (int i = 0; i < previous.subnets().size(); i++) {
        if (recompiled.subnets().get(i) == previous.subnets().get(i)) {
          SHARED.incrementAndGet();
        } else {
          REBUILT.incrementAndGet();
        }
      }
      // The previous data plane is untouched: it still answers as a compile of the topology before.
      samePlanes(previous, DataPlane.compile(cs.before(), tags), as + " (previous)", rnd);
    }
  }

  @Test
  void globalChange_compilesFromScratch() {
    String vnet = estate.topology().virtualNetworks().keySet().iterator().next().value();
    String patch = "[{\"op\":\"add\",\"path\":\"" + vnet + "/properties/addressSpace/addressPrefixes/-\","
        + "\"value\":\"10.250.0.0/16\"}]";
    ChangeSet cs = ChangeFile.apply(estate, new TopologyReader.Source("grow.json", patch));
    List<ResourceId> changed = cs.changes().stream().map(ResourceChange::resourceId).toList();
    assertThat(LocalChange.of(cs.before(), cs.after(), changed)).isEmpty();
    DataPlane previous = DataPlane.compile(cs.before(), tags);
    DataPlane recompiled = DataPlane.recompile(previous, cs.after(), changed);
    assertThat(recompiled.subnets()).doesNotContainAnyElementsOf(previous.subnets());
    samePlanes(recompiled, DataPlane.compile(cs.after(), tags), patch, new SplittableRandom(1));
  }

  /**
   * Global changes of VNets (address spaces, subnets, peerings, a new VNet) compile again in full but take the NSG
   * planes the previous compile made for the same NSG and virtual tags: the result answers as a compile from nothing,
   * and most NSG planes are the previous ones.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void vnetChange_takesUnchangedNsgPlanes_answersAsFullCompile(long seed) throws IOException {
    for (ArmResources base : List.of(example, estate)) {
      SplittableRandom rnd = new SplittableRandom(seed);
      // NSG rules edited and a NIC's application security groups dropped in the same change: planes of those NSGs,
      // and of every NSG when members moved, must not be taken
      ArrayNode ops = (ArrayNode) JSON.readTree(RandomChanges.patch(base, rnd));
      if (rnd.nextBoolean()) {
        base.topology().networkInterfaces().values().stream()
            .filter(n -> !n.ipConfigurations().get(0).applicationSecurityGroups().isEmpty()).findFirst()
            .ifPresent(n -> ops.addObject().put("op", "remove").put("path", n.id().value()
                + "/properties/ipConfigurations/0/properties/applicationSecurityGroups"));
      }
      ops.addAll((ArrayNode) JSON.readTree(RandomVnetChanges.patch(base.topology(), rnd)));
      String patch = ops.toString();
      ChangeSet cs = ChangeFile.apply(base, new TopologyReader.Source("vnet-" + seed + ".json", patch));
      List<ResourceId> changed = cs.changes().stream().map(ResourceChange::resourceId).toList();
      DataPlane previous = DataPlane.compile(cs.before(), tags);
      DataPlane recompiled = DataPlane.recompile(previous, cs.after(), changed);
      String as = "seed " + seed + ", change " + patch;
      samePlanes(recompiled, DataPlane.compile(cs.after(), tags), as, rnd);
      sameTraces(recompiled, DataPlane.compile(cs.after(), tags), as);
      Set<NsgPlane> before = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      previous.subnets().forEach(p -> p.nsgInbound().ifPresent(before::add));
      recompiled.subnets().forEach(p -> p.nsgInbound().filter(before::contains)
          .ifPresent(x -> TAKEN_NSG_PLANES.incrementAndGet()));
    }
  }

  private static final AtomicInteger TAKEN_NSG_PLANES = new AtomicInteger();

  /**
   * aml-check's compute probe (a NIC added in the compute's subnet; for public-IP compute also a public IP and an NSG)
   * is a local change: recompiled, it answers as a full compile, and only the probe's subnet is rebuilt.
   */
  @Test
  void addedNic_computeProbe_answersAsFullCompile() {
    int checked = 0;
    for (ArmResources base : List.of(example, estate)) {
      DataPlane previous = DataPlane.compile(base.topology(), tags);
      for (AmlCompute c : base.topology().amlComputes().values()) {
        for (boolean publicIp : List.of(false, true)) {
          ComputeTarget target = ComputeTarget.of(new AmlCompute(c.id(), c.name(), c.location(), c.kind(),
              c.subnet(), publicIp, c.maxNodeCount()), "eastus");
          Optional<ComputeProbe> probe = ComputeProbe.add(base.topology(), target);
          if (probe.isEmpty()) {
            continue;
          }
          Topology next = probe.get().topology();
          Set<ResourceId> changed = LocalChange.differences(base.topology(), next);
          assertThat(LocalChange.of(base.topology(), next, changed)).as(c.name()).isPresent();
          DataPlane recompiled = DataPlane.recompile(previous, next, changed);
          String as = c.name() + (publicIp ? " with public IP" : "");
          DataPlane full = DataPlane.compile(next, tags);
          samePlanes(recompiled, full, as, new SplittableRandom(3));
          sameTraces(recompiled, full, as);
          assertThat(recompiled.nic(probe.get().nic())).as(as).isPresent();
          long rebuilt = java.util.stream.IntStream.range(0, previous.subnets().size())
              .filter(i -> recompiled.subnets().get(i) != previous.subnets().get(i)).count();
          assertThat(rebuilt).as(as).isZero();
          // the probe's own NSG (public-IP compute) is attached to the added NIC: a later change of it reaches the NIC
          Optional<ResourceId> nsg = next.networkInterfaces().get(probe.get().nic()).networkSecurityGroup();
          if (nsg.isPresent()) {
            NetworkSecurityGroup old = next.networkSecurityGroups().get(nsg.get());
            Topology.Builder b = next.toBuilder();
            b.networkSecurityGroups.put(nsg.get(), new NetworkSecurityGroup(old.id(), old.name(), old.location(),
                com.google.common.collect.ImmutableList.of(), old.defaultSecurityRules()));
            Topology again = b.build();
            DataPlane twice = DataPlane.recompile(recompiled, again, List.of(nsg.get()));
            DataPlane fullAgain = DataPlane.compile(again, tags);
            samePlanes(twice, fullAgain, as + ", its NSG emptied", new SplittableRandom(4));
            sameTraces(twice, fullAgain, as + ", its NSG emptied");
            assertThat(twice.nic(probe.get().nic()).orElseThrow().nsgInbound())
                .isNotEqualTo(recompiled.nic(probe.get().nic()).orElseThrow().nsgInbound());
          }
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(4);
  }

  /** A firewall policy change (a rule removed, DNS proxy turned off) recompiles the firewall stage and DNS view only. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/ruleCollectionGroups/DefaultNetworkRuleCollectionGroup/properties/ruleCollections/0/rules/0",
      "/ruleCollectionGroups/DefaultNetworkRuleCollectionGroup/properties/ruleCollections/0"})
  void firewallPolicyChange_answersAsFullCompile(String path) {
    ResourceId policy = estate.topology().firewallPolicies().keySet().iterator().next();
    for (String patch : List.of("[{\"op\":\"remove\",\"path\":\"" + policy.value() + path + "\"}]",
        "[{\"op\":\"replace\",\"path\":\"" + policy.value() + "/properties/dnsSettings/enableProxy\","
            + "\"value\":false}]")) {
      ChangeSet cs = ChangeFile.apply(estate, new TopologyReader.Source("policy.json", patch));
      List<ResourceId> changed = cs.changes().stream().map(ResourceChange::resourceId).toList();
      assertThat(LocalChange.of(cs.before(), cs.after(), changed)).as(patch).isPresent();
      DataPlane previous = DataPlane.compile(cs.before(), tags);
      DataPlane recompiled = DataPlane.recompile(previous, cs.after(), changed);
      DataPlane full = DataPlane.compile(cs.after(), tags);
      samePlanes(recompiled, full, patch, new SplittableRandom(5));
      sameTraces(recompiled, full, patch);
      DataPlaneEngine x = new DataPlaneEngine(recompiled);
      DataPlaneEngine y = new DataPlaneEngine(full);
      for (NicPlane n : full.nics()) {
        for (String fqdn : List.of("management.azure.com", "acct.blob.core.windows.net", "example.org")) {
          Query q = Query.of(new Endpoint.Nic(n.nic().id()), new Endpoint.Fqdn(fqdn), Protocol.TCP, 443, -1);
          assertThat(x.trace(q)).as("%s: %s", patch, q).isEqualTo(y.trace(q));
        }
      }
      assertThat(recompiled.subnets().get(0)).isSameAs(previous.subnets().get(0));
    }
  }

  /**
   * VNets that use the firewall as their DNS server: turning its policy's DNS proxy off changes how names resolve, and
   * the recompiled DNS view answers as a full compile.
   */
  @Test
  void dnsProxyTurnedOff_withFirewallAsDnsServer_answersAsFullCompile() throws IOException {
    Path copy = dir.resolve("firewall-dns");
    Files.createDirectories(copy);
    ObjectMapper json = new ObjectMapper();
    String firewallIp = estate.topology().azureFirewalls().values().iterator().next().privateIpAddress()
        .orElseThrow().toString();
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(x -> x.toString().endsWith(".json")).toList()) {
        JsonNode tree = json.readTree(f.toFile());
        for (JsonNode r : tree.isArray() ? tree : tree.path("value")) {
          if (r.path("type").asText().equalsIgnoreCase("Microsoft.Network/virtualNetworks")
              && r.path("name").asText().contains("spoke")) {
            ((ObjectNode) r.path("properties")).putObject("dhcpOptions").putArray("dnsServers").add(firewallIp);
          }
        }
        json.writeValue(copy.resolve(f.getFileName()).toFile(), tree);
      }
    }
    ArmResources base = ArmResources.read(List.of(copy), false);
    ResourceId policy = base.topology().firewallPolicies().keySet().iterator().next();
    String patch = "[{\"op\":\"replace\",\"path\":\"" + policy.value() + "/properties/dnsSettings/enableProxy\","
        + "\"value\":false}]";
    ChangeSet cs = ChangeFile.apply(base, new TopologyReader.Source("proxy-off.json", patch));
    List<ResourceId> changed = cs.changes().stream().map(ResourceChange::resourceId).toList();
    DataPlane previous = DataPlane.compile(cs.before(), tags);
    DataPlaneEngine before = new DataPlaneEngine(previous);
    DataPlaneEngine x = new DataPlaneEngine(DataPlane.recompile(previous, cs.after(), changed));
    DataPlaneEngine y = new DataPlaneEngine(DataPlane.compile(cs.after(), tags));
    int differ = 0;
    for (NicPlane n : previous.nics()) {
      Query q = Query.of(new Endpoint.Nic(n.nic().id()), new Endpoint.Fqdn("management.azure.com"), Protocol.TCP, 443,
          -1);
      assertThat(x.trace(q)).as("%s", q).isEqualTo(y.trace(q));
      differ += before.trace(q).equals(y.trace(q)) ? 0 : 1;
    }
    assertThat(differ).as("traces that the DNS proxy setting changes").isPositive();
  }

  @Test
  void noChange_sharesEveryPlane() {
    DataPlane previous = DataPlane.compile(estate.topology(), tags);
    DataPlane recompiled = DataPlane.recompile(previous, estate.topology(), List.of());
    for (int i = 0; i < previous.subnets().size(); i++) {
      assertThat(recompiled.subnets().get(i)).isSameAs(previous.subnets().get(i));
    }
    for (int i = 0; i < previous.nics().size(); i++) {
      assertThat(recompiled.nics().get(i)).isSameAs(previous.nics().get(i));
    }
  }

  private static void samePlanes(DataPlane a, DataPlane b, String as, SplittableRandom rnd) {
    assertThat(a.subnets()).hasSameSizeAs(b.subnets());
    assertThat(a.nics()).hasSameSizeAs(b.nics());
    for (int i = 0; i < a.subnets().size(); i++) {
      SubnetPlane x = a.subnets().get(i);
      SubnetPlane y = b.subnets().get(i);
      String at = as + ", subnet " + y.subnet().id().name();
      assertThat(x.subnet()).as(at).isEqualTo(y.subnet());
      assertThat(x.vnet()).as(at).isEqualTo(y.vnet());
      assertThat(x.tags()).as(at).isEqualTo(y.tags());
      assertThat(x.routes().routes()).as(at).isEqualTo(y.routes().routes());
      assertThat(x.routes().unresolved()).as(at).isEqualTo(y.routes().unresolved());
      assertThat(x.natGateway()).as(at).isEqualTo(y.natGateway());
      sameNsg(x.nsgInbound(), y.nsgInbound(), at + " inbound", rnd, x);
      sameNsg(x.nsgOutbound(), y.nsgOutbound(), at + " outbound", rnd, x);
      assertThat(a.owners(x).size()).as(at).isEqualTo(b.owners(y).size());
      for (int o = 0; o < a.owners(x).size(); o++) {
        assertThat(a.owners(x).get(o).getKey().nic().map(n -> n.nic().id())).as(at)
            .isEqualTo(b.owners(y).get(o).getKey().nic().map(n -> n.nic().id()));
        a.owners(x).get(o).getKey().nic().ifPresent(n -> assertThat(a.nics()).contains(n));
        a.owners(x).get(o).getKey().peSubnet().ifPresent(s -> assertThat(s).isSameAs(x));
      }
    }
    for (int i = 0; i < a.nics().size(); i++) {
      NicPlane x = a.nics().get(i);
      NicPlane y = b.nics().get(i);
      String at = as + ", NIC " + y.nic().id().name();
      assertThat(x.nic()).as(at).isEqualTo(y.nic());
      assertThat(x.subnet()).as(at).isSameAs(a.subnets().get(y.subnet().index()));
      assertThat(x.addresses()).as(at).isEqualTo(y.addresses());
      assertThat(x.publicIps()).as(at).isEqualTo(y.publicIps());
      assertThat(x.outboundLoadBalancer()).as(at).isEqualTo(y.outboundLoadBalancer());
      sameNsg(x.nsgInbound(), y.nsgInbound(), at + " inbound", rnd, x.subnet());
      sameNsg(x.nsgOutbound(), y.nsgOutbound(), at + " outbound", rnd, x.subnet());
      IpAddress first = y.addresses().firstAddress();
      if (first != null) {
        assertThat(a.nicAt(first).map(n -> n.nic().id())).as(at).isEqualTo(b.nicAt(first).map(n -> n.nic().id()));
      }
    }
    b.topology().publicIpAddresses().values().forEach(p -> p.ipAddress().ifPresent(ip ->
        assertThat(a.publicIpAt(ip)).as(as + ", " + ip).isEqualTo(b.publicIpAt(ip))));
  }

  /** Same NSG, same resolved rules, and the same deciding rule for random packets around the subnet. */
  private static void sameNsg(Optional<NsgPlane> a, Optional<NsgPlane> b, String at, SplittableRandom rnd,
      SubnetPlane near) {
    assertThat(a.map(NsgPlane::id)).as(at).isEqualTo(b.map(NsgPlane::id));
    assertThat(a.flatMap(NsgPlane::resolved)).as(at).isEqualTo(b.flatMap(NsgPlane::resolved));
    if (a.isEmpty() || a.get().missing()) {
      assertThat(b.map(NsgPlane::missing)).as(at).isEqualTo(a.map(NsgPlane::missing));
      return;
    }
    IpAddress local = near.subnet().addressPrefixes().get(0).first();
    for (int k = 0; k < 64; k++) {
      IpAddress remote = rnd.nextInt(3) == 0 ? IpAddress.v4(rnd.nextInt())
          : IpAddress.v4(local.v4Bits() + rnd.nextInt(1 << 17) - (1 << 16));
      Protocol p = new Protocol[] {Protocol.TCP, Protocol.UDP, Protocol.ICMP}[rnd.nextInt(3)];
      int port = p == Protocol.ICMP ? 0 : PORTS[rnd.nextInt(PORTS.length)];
      Flow f = rnd.nextBoolean() ? new Flow(local, remote, p, 40000, port) : new Flow(remote, local, p, 40000, port);
      assertThat(a.get().compiled().get().match(f)).as("%s, %s", at, f)
          .isEqualTo(b.get().compiled().get().match(f));
    }
  }

  /** Every NIC to every NIC (TCP 443, 22, UDP 53 and ICMP), and to the Internet: equal traces. */
  private static void sameTraces(DataPlane a, DataPlane b, String as) {
    DataPlaneEngine x = new DataPlaneEngine(a);
    DataPlaneEngine y = new DataPlaneEngine(b);
    List<Query> queries = new ArrayList<>();
    for (NicPlane from : b.nics()) {
      Endpoint src = new Endpoint.Nic(from.nic().id());
      queries.add(Query.of(src, new Endpoint.Internet(), Protocol.TCP, 443, -1));
      for (NicPlane to : b.nics()) {
        if (to != from) {
          Endpoint dst = new Endpoint.Nic(to.nic().id());
          queries.add(Query.of(src, dst, Protocol.TCP, 443, -1));
          queries.add(Query.of(src, dst, Protocol.TCP, 22, -1));
          queries.add(Query.of(src, dst, Protocol.UDP, 53, -1));
          queries.add(Query.of(src, dst, Protocol.ICMP, -1, -1));
        }
      }
    }
    for (Query q : queries) {
      assertThat(x.trace(q)).as("%s: %s", as, q).isEqualTo(y.trace(q));
    }
    for (NicPlane n : b.nics()) {
      IpAddress local = n.addresses().firstAddress();
      if (local != null && local.isV4()) {
        assertThat(x.flowVerify(n.nic().id(), Direction.INBOUND, Protocol.TCP, local, 22, IpAddress.v4(0x14000001),
            50000)).as(as).isEqualTo(y.flowVerify(n.nic().id(), Direction.INBOUND, Protocol.TCP, local, 22,
            IpAddress.v4(0x14000001), 50000));
      }
    }
  }
}
