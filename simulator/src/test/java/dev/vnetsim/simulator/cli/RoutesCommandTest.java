package dev.vnetsim.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code routes}: Azure's effective route table shape (DESIGN §3). */
class RoutesCommandTest {

  @Test
  void nicRoutes_json() {
    SimCliRun r = SimCliRun.of("routes", "--nic", "web1", "--json");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("{\n  \"value\" : [").contains("\"nextHopType\" : \"VirtualAppliance\"",
        "\"10.0.100.4\"", "\"name\" : \"private-via-nva\"", "\"state\" : \"Invalid\"");
  }

  @Test
  void subnetRoutes_table() {
    SimCliRun r = SimCliRun.of("routes", "--subnet", "spoke/s");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Default                Active   10.1.0.0/16          VnetLocal")
        .contains("VNetPeering");
  }

  @Test
  void unknownSubnet_usageExit2() {
    assertThat(SimCliRun.of("routes", "--subnet", "nope").code()).isEqualTo(2);
  }
}
