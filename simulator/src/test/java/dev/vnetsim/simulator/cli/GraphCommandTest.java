package dev.vnetsim.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code graph}: DOT or Mermaid text of the forwarding graph. */
class GraphCommandTest {

  @Test
  void dot() {
    SimCliRun r = SimCliRun.of("graph", "--format", "DOT");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("digraph vnetsim {").contains(
        "subnet_hub_web -> appliance_nva1 [label=\"private-via-nva: 172.16.0.0/12 -> VirtualAppliance\"];");
  }

  @Test
  void json_listsNoLoops() {
    SimCliRun r = SimCliRun.of("graph", "--json");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\"format\" : \"mermaid\"", "\"loops\" : [ ]");
  }

  @Test
  void badFormat_usageExit2() {
    assertThat(SimCliRun.of("graph", "--format", "svg").code()).isEqualTo(2);
  }
}
