package dev.vnetsim.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

  @Test
  void generatedEstate_validates_withExpectedCounts(@TempDir Path tmp) throws IOException {
    CliRun gen = CliRun.run("generate", "--vnets", "21", "--subnets-per-vnet", "4", "--rules-per-nsg", "30",
        "--seed", "7", "--vnets-per-file", "8", "--out", tmp.toString());
    assertThat(gen.exitCode()).as(gen.err()).isZero();
    CliRun v = CliRun.run("validate", "--json", "--strict", "-t", tmp.toString());
    assertThat(v.exitCode()).as(v.err()).isZero();
    JsonNode res = new ObjectMapper().readTree(v.out()).path("resources");
    assertThat(res.path("Microsoft.Network/virtualNetworks").asInt()).isEqualTo(21);
    assertThat(res.path("Microsoft.Network/virtualNetworks/subnets").asInt()).isEqualTo(20 * 4 + 1);
    assertThat(res.path("Microsoft.Network/virtualNetworks/virtualNetworkPeerings").asInt()).isEqualTo(40);
    assertThat(res.path("Microsoft.Network/networkSecurityGroups/securityRules").asInt()).isEqualTo(20 * 30);
    assertThat(res.path("Microsoft.Network/privateEndpoints").asInt()).isEqualTo(2);
    assertThat(res.path("Microsoft.MachineLearningServices/workspaces/computes").asInt()).isEqualTo(2);
    assertThat(res.path("Microsoft.Network/azureFirewalls").asInt()).isEqualTo(1);
  }

  @Test
  void sameSeed_sameBytes(@TempDir Path tmp) throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    CliRun.run("generate", "--vnets", "12", "--rules-per-nsg", "20", "--seed", "3", "--out", a.toString());
    CliRun.run("generate", "--vnets", "12", "--rules-per-nsg", "20", "--seed", "3", "--out", b.toString());
    assertThat(Files.readString(a.resolve("estate-0000.json"))).isEqualTo(Files.readString(b.resolve(
        "estate-0000.json")));
    CliRun.run("generate", "--vnets", "12", "--rules-per-nsg", "20", "--seed", "4", "--out", b.toString());
    assertThat(Files.readString(a.resolve("estate-0000.json"))).isNotEqualTo(Files.readString(b.resolve(
        "estate-0000.json")));
  }

  @Test
  void outOfRangeSize_isAUsageError(@TempDir Path tmp) {
    CliRun r = CliRun.run("generate", "--vnets", "0", "--out", tmp.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly("error: --vnets must be between 1 and 17408, was 0");
  }
}
