package dev.vnetsim.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code next-hop}: type, IP (absent when none) and route table or "System Route" (azure-semantics.md §2.5). */
class NextHopCommandTest {

  @Test
  void systemRoute_noIp() {
    SimCliRun r = SimCliRun.of("next-hop", "--source", "app1", "--dest", "8.8.8.8", "--json");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\"nextHopType\" : \"Internet\"", "\"routeTableId\" : \"System Route\"")
        .doesNotContain("nextHopIpAddress");
  }

  @Test
  void badDestination_usageExit2() {
    assertThat(SimCliRun.of("next-hop", "--source", "app1", "--dest", "not-an-ip").code()).isEqualTo(2);
  }
}
