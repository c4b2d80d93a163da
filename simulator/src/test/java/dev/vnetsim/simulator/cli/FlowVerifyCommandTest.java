package dev.vnetsim.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code flow-verify}: exit 0 for Allow, 1 for Deny; no NSG gives Allow with nulls (DESIGN §3). */
class FlowVerifyCommandTest {

  @Test
  void noNsg_allowWithNulls() {
    SimCliRun r = SimCliRun.of("flow-verify", "--target", "nva1", "--direction", "Inbound", "--protocol", "udp", "--local",
        "10.0.100.4:53", "--remote", "10.0.1.4:40000", "--json");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\"access\" : \"Allow\"", "\"ruleName\" : null", "\"nsg\" : null");
  }

  @Test
  void outboundDeny_exit1() {
    SimCliRun r = SimCliRun.of("flow-verify", "--target", "web1", "--direction", "outbound", "--protocol", "tcp",
        "--local", "10.0.1.4:40000", "--remote", "20.60.1.1:443");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("access: Deny", "ruleName: securityRules/DenyStorageOut");
  }

  @Test
  void badLocal_usageExit2() {
    assertThat(SimCliRun.of("flow-verify", "--target", "web1", "--direction", "outbound", "--protocol", "tcp",
        "--local", "10.0.1.4", "--remote", "20.60.1.1:443").code()).isEqualTo(2);
  }
}
