package dev.vnetsim.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code trace}: exit 0 when reachable, 1 when not, 2 on usage errors (DESIGN §3). */
class TraceCommandTest {

  @Test
  void reachable_exit0_text() {
    SimCliRun r = SimCliRun.of("trace", "--from", "web1", "--to", "app1", "--port", "8080");
    assertThat(r.code()).isZero();
    assertThat(r.out()).endsWith("disposition: DELIVERED by defaultSecurityRules/AllowVnetInBound (priority 65000)"
        + " in app1-nsg\n");
  }

  @Test
  void denied_exit1_json_hasContractFields() {
    SimCliRun r = SimCliRun.of("--json", "trace", "--from", "spoke1", "--to", "10.0.2.4", "--protocol", "TCP", "--port",
        "8080");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("\"reachable\" : false", "\"coverage\" : \"NONE\"",
        "\"disposition\" : \"DENIED_NSG_INBOUND\"", "\"ruleName\" : \"securityRules/DenyAllIn\"",
        "\"serviceTags\" : {", "\"changeNumber\" : 7");
  }

  @Test
  void badProtocolOrEndpoint_usageExit2() {
    assertThat(SimCliRun.of("trace", "--from", "web1", "--to", "app1", "--protocol", "gre").code()).isEqualTo(2);
    SimCliRun unknown = SimCliRun.of("trace", "--from", "nope", "--to", "app1");
    assertThat(unknown.code()).isEqualTo(2);
    // DESIGN §2: the error is the last line on stderr; warnings (a stale snapshot) may come before it
    String[] lines = unknown.err().split("\\R");
    assertThat(lines[lines.length - 1]).startsWith("error: unknown endpoint 'nope'");
  }
}
