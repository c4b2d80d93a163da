package dev.vnetsim.simulator.aml;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.compute.AmlCompute;
import dev.vnetsim.model.io.TopologyReader;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.model.network.VirtualNetwork;
import dev.vnetsim.model.security.NetworkSecurityGroup;
import dev.vnetsim.servicetag.FqdnCatalog;
import dev.vnetsim.servicetag.ServiceTag;
import dev.vnetsim.servicetag.ServiceTagCatalog;
import dev.vnetsim.servicetag.ServiceTagSnapshots;
import dev.vnetsim.simulator.engine.DataPlaneEngine;
import dev.vnetsim.simulator.requirements.RequirementPack;
import dev.vnetsim.simulator.requirements.RequirementPacks;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import dev.vnetsim.simulator.trace.Disposition;
import dev.vnetsim.simulator.trace.Egress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Azure ML requirements (azure-semantics.md §8) on the bundled example and on variants of it. The expected rows
 * come from the tables in §8.2/§8.3: e.g. O4/O10 are {@code Storage.<region>} TCP 443 and 445.
 */
class AmlCheckTest {
  static final Path EXAMPLE = Path.of("..").toAbsolutePath().normalize().resolve("examples/aml-secure-training");
  static final ServiceTagCatalog CATALOG = ServiceTagSnapshots.bundledSample();
  static final ServiceTagLookup TAGS = name -> CATALOG.tag(name).map(ServiceTag::addresses);
  static final RequirementPack PACK = RequirementPacks.bundled();
  static final Topology BASE = TopologyReader.read(List.of(EXAMPLE)).topology();
  static final ResourceId NSG = ResourceId.of("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
      + "rg-aml-secure/providers/Microsoft.Network/networkSecurityGroups/nsg-training");

  static AmlCheck check() {
    return new AmlCheck(CATALOG, FqdnCatalog.bundled(), t -> DataPlaneEngine.compile(t, TAGS));
  }

  static ComputeReport run(Topology t, String computeName) {
    AmlCompute c = t.amlComputes().values().stream().filter(x -> x.name().equals(computeName)).findFirst()
        .orElseThrow();
    return check().check(t, ComputeTarget.of(c, "eastus"), PACK).orElseThrow();
  }

  static Map<String, RowResult> rows(ComputeReport r) {
    return r.rows().stream().collect(Collectors.toMap(x -> x.requirement().id(), x -> x));
  }

  static Topology withoutRule(Topology t, String rule) {
    NetworkSecurityGroup nsg = t.networkSecurityGroups().get(NSG);
    Topology.Builder b = t.toBuilder();
    b.networkSecurityGroups.put(NSG, new NetworkSecurityGroup(nsg.id(), nsg.name(), nsg.location(),
        nsg.securityRules().stream().filter(r -> !r.name().equals(rule)).collect(ImmutableList.toImmutableList()),
        nsg.defaultSecurityRules()));
    return b.build();
  }

  @Test
  void bundledExample_passesForBothComputes() {
    for (String name : List.of("ci-secure", "cc-train")) {
      ComputeReport r = run(BASE, name);
      assertThat(r.failed()).as(name).isFalse();
      assertThat(r.rows()).filteredOn(x -> x.requirement().required())
          .allMatch(x -> x.status() == RowResult.Status.PASS);
      // No public IP: the inbound 44224 row does not apply (§8.1).
      assertThat(rows(r)).doesNotContainKey("I1");
      // Egress of the service-tag rows is the subnet's NAT gateway (§3.3 step 1).
      assertThat(rows(r).get("O4").trace().parts()).allSatisfy(p -> assertThat(p.egress().map(Egress::type))
          .contains(Egress.Type.NAT_GATEWAY));
    }
  }

  @Test
  void removingTheStorageRule_failsExactlyTheStorageRows() {
    ComputeReport r = run(withoutRule(BASE, "AllowStorageOutbound"), "cc-train");
    assertThat(r.failed()).isTrue();
    List<String> failed = r.rows().stream().filter(x -> x.requirement().required()
        && x.status() == RowResult.Status.FAIL).map(x -> x.requirement().id()).toList();
    assertThat(failed).containsExactlyInAnyOrder("O4", "O10", "F7", "F8", "F9");
    RowResult o10 = rows(r).get("O10");
    assertThat(o10.disposition()).isEqualTo(Disposition.DENIED_NSG_OUTBOUND);
    assertThat(o10.decidedBy().orElseThrow().ruleName()).isEqualTo("securityRules/DenyInternetOutbound");
    assertThat(o10.decidedBy().orElseThrow().resourceId()).isEqualTo(NSG);
    assertThat(r.lint()).extracting(LintFinding::id).contains("storage-445");
  }

  @Test
  void removingTheUdpRule_failsTheTwoUdp5831Rows() {
    ComputeReport r = run(withoutRule(BASE, "AllowAzureMLUdpOutbound"), "ci-secure");
    assertThat(r.rows().stream().filter(x -> x.status() == RowResult.Status.FAIL && x.requirement().required())
        .map(x -> x.requirement().id())).containsExactlyInAnyOrder("O2", "F4");
  }

  @Test
  void suggestedFix_appliedToTheTopology_makesTheRowPass() {
    Topology broken = withoutRule(BASE, "AllowStorageOutbound");
    RowResult o10 = rows(run(broken, "ci-secure")).get("O10");
    assertThat(o10.fixes()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Fix.Kind.NSG_RULE);
      assertThat(f.verified()).isTrue();
      assertThat(f.target()).isEqualTo(NSG);
    });
    Fix fix = o10.fixes().get(0);
    @SuppressWarnings("unchecked")
    Map<String, Object> props = (Map<String, Object>) fix.arm().get("properties");
    // The rule sits just below the deny that stopped the flow, at a priority no outbound rule uses.
    assertThat(props.get("priority")).isEqualTo(3999);
    assertThat(props.get("destinationAddressPrefix")).isEqualTo("Storage.EastUS");
    assertThat(props.get("destinationPortRanges")).isEqualTo(List.of("445"));

    // Apply it independently of the tool's own verification, through the same proposal the row carries.
    Subnet subnet = broken.subnets().values().stream().filter(s -> s.name().equals("snet-training")).findFirst()
        .orElseThrow();
    Fixes.Applied applied = Fixes.propose(broken, subnet, o10.requirement(), o10.destination(), o10.disposition(),
        o10.decidedBy()).orElseThrow();
    ComputeReport after = run(applied.topology(), "ci-secure");
    assertThat(rows(after).get("O10").status()).isEqualTo(RowResult.Status.PASS);
    assertThat(rows(after).get("O10").decidedBy().orElseThrow().ruleName())
        .isEqualTo("securityRules/" + fix.arm().get("name"));
    // Nothing else opened: port 443 to storage is still denied (the fix names 445 only).
    assertThat(rows(after).get("O4").status()).isEqualTo(RowResult.Status.FAIL);
  }

  @Test
  void publicIpAndPrivateCompute_differOnInbound44224AndTheWayOut() {
    // A subnet without NAT gateway: the public-IP node leaves through its own public IP (§3.3 step 2), the
    // private node has no way out (private subnet, §3.3 step 5).
    Topology noNat = withoutNat(BASE);
    ResourceId subnet = noNat.subnets().values().stream().filter(s -> s.name().equals("snet-training"))
        .findFirst().orElseThrow().id();
    Function<Boolean, ComputeReport> run = pip -> check().check(noNat, new ComputeTarget("probe", Optional.empty(),
        subnet, AmlCompute.Kind.INSTANCE, pip, "eastus", 1), PACK).orElseThrow();
    Map<String, RowResult> pub = rows(run.apply(true));
    Map<String, RowResult> priv = rows(run.apply(false));
    assertThat(pub).containsKey("I1");
    assertThat(priv).doesNotContainKey("I1");
    assertThat(pub.get("I1").disposition()).isEqualTo(Disposition.DENIED_NSG_INBOUND);
    assertThat(pub.get("I1").decidedBy().orElseThrow().ruleName()).isEqualTo("defaultSecurityRules/DenyAllInBound");
    assertThat(pub.get("O4").trace().parts()).allSatisfy(p -> assertThat(p.egress().map(Egress::type))
        .contains(Egress.Type.PUBLIC_IP));
    assertThat(priv.get("O4").disposition()).isEqualTo(Disposition.NO_OUTBOUND_CONNECTIVITY);
    assertThat(priv.get("O4").fixes()).extracting(Fix::kind).containsExactly(Fix.Kind.NAT_GATEWAY);
    assertThat(priv.get("O4").fixes().get(0).verified()).isTrue();
    assertThat(pub.keySet()).containsAll(priv.keySet());
  }

  static Topology withoutNat(Topology t) {
    Topology.Builder b = t.toBuilder();
    for (VirtualNetwork v : t.virtualNetworks().values()) {
      b.virtualNetworks.put(v.id(), new VirtualNetwork(v.id(), v.name(), v.location(), v.addressSpace(),
          v.dnsServers(), v.subnets().stream().map(s -> new Subnet(s.id(), s.name(), s.addressPrefixes(),
              s.networkSecurityGroup(), s.routeTable(), Optional.empty(), s.serviceEndpoints(),
              s.serviceEndpointPolicies(), s.delegations(), s.privateEndpointNetworkPolicies(),
              s.defaultOutboundAccess())).collect(ImmutableList.toImmutableList()), v.peerings()));
    }
    b.natGateways.clear();
    return b.build();
  }

  @Test
  void lint_delegatedAndTooSmallSubnet() {
    Topology.Builder b = BASE.toBuilder();
    for (VirtualNetwork v : BASE.virtualNetworks().values()) {
      b.virtualNetworks.put(v.id(), new VirtualNetwork(v.id(), v.name(), v.location(), v.addressSpace(),
          v.dnsServers(), v.subnets().stream().map(s -> new Subnet(s.id(), s.name(), s.addressPrefixes(),
              s.networkSecurityGroup(), s.routeTable(), s.natGateway(), s.serviceEndpoints(),
              s.serviceEndpointPolicies(), ImmutableList.of("Microsoft.Databricks/workspaces"),
              s.privateEndpointNetworkPolicies(), s.defaultOutboundAccess())).collect(ImmutableList.toImmutableList()),
          v.peerings()));
    }
    Topology delegated = b.build();
    AmlCompute cluster = BASE.amlComputes().values().stream().filter(c -> c.name().equals("cc-train")).findFirst()
        .orElseThrow();
    ComputeTarget huge = new ComputeTarget("big", Optional.empty(), cluster.subnet().orElseThrow(),
        AmlCompute.Kind.CLUSTER, false, "eastus", 300);
    ComputeReport r = check().check(delegated, huge, PACK).orElseThrow();
    assertThat(r.lint()).extracting(LintFinding::id).contains("delegated-subnet", "subnet-too-small");
    assertThat(r.lint()).filteredOn(l -> l.id().equals("subnet-too-small")).singleElement()
        .extracting(LintFinding::message).asString().contains("251 usable addresses");
    assertThat(r.failed()).isTrue();
  }
}
