package dev.vnetsim.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class AmlCheckCommandTest {

  @Test
  void bundledExample_passes_exit0() {
    CliRun r = CliRun.run("aml-check");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("compute ci-secure (instance, eastus, no public IP) in snet-training",
        "compute cc-train (cluster, eastus, no public IP)", "PASS: 20 passed");
    // The answer names the snapshot, and stderr says it is the bundled sample.
    assertThat(r.out()).startsWith("service tags: bundled sample");
    assertThat(r.errLines()).allMatch(l -> l.startsWith("warning: "));
  }

  @Test
  void json_hasTheContractFields() throws IOException {
    CliRun r = CliRun.run("aml-check", "--compute", "ci-secure", "--json");
    assertThat(r.exitCode()).isZero();
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.path("region").asText()).isEqualTo("eastus");
    assertThat(doc.path("publicIp").asBoolean()).isFalse();
    JsonNode o10 = null;
    for (JsonNode row : doc.path("requirements")) {
      assertThat(row.fieldNames()).toIterable().contains("id", "direction", "protocol", "ports", "source",
          "destination", "purpose", "required", "status", "disposition", "decidedBy", "fix");
      if (row.path("id").asText().equals("O10")) {
        o10 = row;
      }
    }
    assertThat(o10).isNotNull();
    assertThat(o10.path("ports").get(0).asText()).isEqualTo("445");
    assertThat(o10.path("destination").asText()).isEqualTo("Storage.EastUS");
    assertThat(o10.path("decidedBy").path("ruleName").asText()).isEqualTo("securityRules/AllowStorageOutbound");
  }

  @Test
  void withoutCompute_jsonListsEveryCompute() throws IOException {
    CliRun r = CliRun.run("--json", "aml-check");
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.path("computes").size()).isEqualTo(2);
  }

  @Test
  void publicIpCompute_failsInbound44224_exit1_withAFix() {
    CliRun r = CliRun.run("aml-check", "--subnet", "snet-training", "--kind", "instance", "--public-ip");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).containsPattern("I1 +in +TCP 44224 +AzureMachineLearning +FAIL +DENIED_NSG_INBOUND +"
        + "defaultSecurityRules/DenyAllInBound");
    assertThat(r.out()).contains("fix (verified): add to nsg-training: inbound rule");
  }

  @Test
  void markdown_isATableForAPullRequest() {
    CliRun r = CliRun.run("aml-check", "--compute", "cc-train", "--format", "markdown");
    assertThat(r.out()).contains("### ✅ Azure ML network check: `cc-train`",
        "| id | direction | protocol | ports | peer | status | disposition | decided by | fix |",
        "| O10 | Outbound | TCP | 445 | `Storage.EastUS` | PASS |");
  }

  @Test
  void unknownCompute_exit3_oneLine() {
    CliRun r = CliRun.run("aml-check", "--compute", "nope");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.errLines()[r.errLines().length - 1]).isEqualTo(
        "error: no Azure ML compute named 'nope' in the input (computes: cc-train, ci-secure)");
    assertThat(r.out()).isEmpty();
  }
}
