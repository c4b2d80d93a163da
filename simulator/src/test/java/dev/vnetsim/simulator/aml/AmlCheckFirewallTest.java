package dev.vnetsim.simulator.aml;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.io.TopologyReader;
import dev.vnetsim.model.network.NextHopType;
import dev.vnetsim.model.network.PrivateEndpointNetworkPolicies;
import dev.vnetsim.model.network.Route;
import dev.vnetsim.model.network.RouteTable;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.model.network.VirtualNetwork;
import dev.vnetsim.simulator.trace.Disposition;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The bundled example with forced tunnelling: 0.0.0.0/0 from the training subnet to an Azure Firewall whose policy
 * allows the Azure ML tags and some FQDNs but not Storage (azure-semantics.md §4.2: no match means the default
 * Deny). Rows must be decided by the firewall, and each fix must be a firewall rule that the tool re-checked.
 */
class AmlCheckFirewallTest {

  static Topology forcedTunnel() throws URISyntaxException {
    Path fw = Path.of(AmlCheckFirewallTest.class.getResource("/aml/firewall.json").toURI());
    Topology t = TopologyReader.read(List.of(AmlCheckTest.EXAMPLE, fw)).topology();
    Topology.Builder b = t.toBuilder();
    for (VirtualNetwork v : t.virtualNetworks().values()) {
      Subnet fwSubnet = new Subnet(v.id().child("subnets", "AzureFirewallSubnet"), "AzureFirewallSubnet",
          ImmutableList.of(Cidr.parse("10.10.3.0/26")), Optional.empty(), Optional.empty(), Optional.empty(),
          ImmutableList.of(), ImmutableList.of(), ImmutableList.of(), PrivateEndpointNetworkPolicies.DISABLED,
          Optional.empty());
      b.virtualNetworks.put(v.id(), new VirtualNetwork(v.id(), v.name(), v.location(), v.addressSpace(),
          v.dnsServers(), ImmutableList.<Subnet>builder().addAll(v.subnets()).add(fwSubnet).build(), v.peerings()));
    }
    for (RouteTable rt : t.routeTables().values()) {
      Route toFirewall = new Route(rt.id().child("routes", "default-to-firewall"), "default-to-firewall",
          new AddressMatch.Prefix(Cidr.parse("0.0.0.0/0")), NextHopType.VIRTUAL_APPLIANCE,
          Optional.of(IpAddress.parse("10.10.3.4")));
      b.routeTables.put(rt.id(), new RouteTable(rt.id(), rt.name(), rt.location(), rt.disableBgpRoutePropagation(),
          ImmutableList.of(toFirewall)));
    }
    return b.build();
  }

  @Test
  void rowsAreDecidedByTheFirewall_andFixesAreVerifiedFirewallRules() throws URISyntaxException {
    ComputeReport r = AmlCheckTest.run(forcedTunnel(), "ci-secure");
    Map<String, RowResult> rows = AmlCheckTest.rows(r);

    RowResult o1 = rows.get("O1");
    assertThat(o1.status()).isEqualTo(RowResult.Status.PASS);
    assertThat(o1.decidedBy().orElseThrow().ruleName()).isEqualTo("aml-required/aml-service-tags/aml");

    RowResult o10 = rows.get("O10");
    assertThat(o10.status()).isEqualTo(RowResult.Status.FAIL);
    assertThat(o10.disposition()).isEqualTo(Disposition.DENIED_FIREWALL);
    assertThat(o10.decidedBy().orElseThrow().resourceId().name()).isEqualTo("fwp-aml");
    assertThat(o10.fixes()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Fix.Kind.FIREWALL_RULE);
      assertThat(f.verified()).isTrue();
      assertThat(f.summary()).contains("network rule allow-o10", "to Storage.EastUS port 445");
    });

    // An HTTPS FQDN row is fixed with an application rule (§4.4), by name.
    RowResult f7 = rows.get("F7");
    assertThat(f7.disposition()).isEqualTo(Disposition.DENIED_FIREWALL);
    assertThat(f7.fixes()).singleElement().satisfies(f -> {
      assertThat(f.verified()).isTrue();
      assertThat(f.summary()).contains("application rule allow-f7", "*.blob.core.windows.net port 443");
    });

    // graph.windows.net is in AzureActiveDirectory: the network rule matches first and processing stops there,
    // before the application rule that names it (§4.2, §4.8).
    assertThat(rows.get("F1").status()).isEqualTo(RowResult.Status.PASS);
    assertThat(rows.get("F1").decidedBy().orElseThrow().ruleName()).isEqualTo("aml-required/aml-service-tags/entra");
    // No network rule covers Storage, so the queue FQDN is allowed by the application rule.
    assertThat(rows.get("F8").status()).isEqualTo(RowResult.Status.PASS);
    assertThat(rows.get("F8").decidedBy().orElseThrow().ruleName()).isEqualTo("aml-required/aml-fqdns/graph");
  }
}
