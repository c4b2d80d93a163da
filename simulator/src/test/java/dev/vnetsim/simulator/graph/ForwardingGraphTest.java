package dev.vnetsim.simulator.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.network.NextHopType;
import dev.vnetsim.simulator.Scenarios;
import dev.vnetsim.simulator.engine.DataPlane;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The forwarding graph: vertices, route edges, loop detection (§2.3) and the DOT / Mermaid text. */
class ForwardingGraphTest {

  static Scenarios loopy() {
    Scenarios s = new Scenarios().vnet("hub", "westeurope", "10.0.0.0/16")
        .subnet("web", "10.0.1.0/24").routeTable("to1").and()
        .subnet("nva", "10.0.100.0/24").routeTable("to2").and()
        .subnet("nva2", "10.0.101.0/24").routeTable("to1").done()
        .nic("web1", "hub", "web", "10.0.1.4").done()
        .nic("nva1", "hub", "nva", "10.0.100.4").ipForwarding().done()
        .nic("nva2", "hub", "nva2", "10.0.101.4").ipForwarding().done();
    s.routeTable("to1").route("r1", "0.0.0.0/0", NextHopType.VIRTUAL_APPLIANCE, "10.0.100.4");
    s.routeTable("to2").route("r2", "0.0.0.0/0", NextHopType.VIRTUAL_APPLIANCE, "10.0.101.4");
    return s;
  }

  /** §2.3 "Put the appliance in a different subnet from the workloads ... Otherwise you may get routing loops". */
  @Test
  void loops_twoAppliancesPointingAtEachOther() {
    ForwardingGraph g = ForwardingGraph.of(DataPlane.compile(loopy().build(), ServiceTagLookup.none()));
    List<RoutingLoop> loops = g.loops();
    assertThat(loops).hasSize(1);
    assertThat(loops.get(0).cycle()).extracting(Node::label).containsExactly("nva1 (10.0.100.4)", "hub/nva",
        "nva2 (10.0.101.4)", "hub/nva2");
    assertThat(loops.get(0).destinations()).isEqualTo(IpSet.parse("0.0.0.0/0").difference(IpSet.parse(
        "10.0.0.0/16")));
  }

  @Test
  void noLoop_whenApplianceSubnetRoutesOut() {
    Scenarios s = loopy();
    s.routeTable("to2").routes.clear();
    ForwardingGraph g = ForwardingGraph.of(DataPlane.compile(s.build(), ServiceTagLookup.none()));
    assertThat(g.loops()).isEmpty();
    assertThat(g.graph().vertexSet()).extracting(Node::label).contains("Internet", "hub/web", "web1");
  }

  @Test
  void dotAndMermaid_areDeterministicText() {
    ForwardingGraph g = ForwardingGraph.of(DataPlane.compile(loopy().build(), ServiceTagLookup.none()));
    String dot = g.toDot();
    assertThat(dot).startsWith("digraph vnetsim {").contains(
        "subnet_hub_web -> appliance_nva1 [label=\"r1: 0.0.0.0/0 -> VirtualAppliance\"];")
        .contains("nic_web1 -> subnet_hub_web [label=\"attached\", style=dashed];");
    assertThat(g.toMermaid()).startsWith("flowchart LR\n").contains(
        "subnet_hub_web -->|\"r1: 0.0.0.0/0 -> VirtualAppliance\"| appliance_nva1");
    assertThat(ForwardingGraph.of(DataPlane.compile(loopy().build(), ServiceTagLookup.none())).toDot())
        .isEqualTo(dot);
  }
}
