package dev.vnetsim.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ValidateCommandTest {

  static final Path INVALID = CliRun.REPO.resolve("topology-models/src/test/resources/invalid");

  @Test
  void bundledExample_loadsWithoutWarnings() {
    CliRun r = CliRun.run("validate");
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("1  Microsoft.Network/virtualNetworks", "12  Microsoft.Network/networkSecurityGroups"
        + "/securityRules", "2  Microsoft.MachineLearningServices/workspaces/computes",
        "1  microsoft.storage/storageaccounts");
  }

  @Test
  void json_hasTheContractShape() throws IOException {
    CliRun r = CliRun.run("--json", "validate", "-t", CliRun.EXAMPLE.toString());
    assertThat(r.exitCode()).isEqualTo(0);
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.fieldNames()).toIterable().containsExactly("resources", "skipped", "warnings");
    assertThat(doc.path("resources").path("Microsoft.Network/privateEndpoints").asInt()).isEqualTo(4);
    assertThat(doc.path("skipped").path("microsoft.keyvault/vaults").asInt()).isEqualTo(1);
    assertThat(doc.path("warnings").isArray()).isTrue();
  }

  @Test
  void recordedSubscription_loadsEveryNetworkingResource() throws IOException {
    Path dir = CliRun.sharedData("arm-recorded/jupiterone-graph-azure");
    CliRun r = CliRun.run("validate", "--json", "-t", dir.toString());
    assertThat(r.exitCode()).isEqualTo(0);
    JsonNode res = new ObjectMapper().readTree(r.out()).path("resources");
    assertThat(res.path("Microsoft.Network/virtualNetworks").asInt()).isEqualTo(3);
    assertThat(res.path("Microsoft.Network/virtualNetworks/subnets").asInt()).isEqualTo(4);
    assertThat(res.path("Microsoft.Network/azureFirewalls").asInt()).isEqualTo(1);
    assertThat(res.path("Microsoft.Network/firewallPolicies").asInt()).isEqualTo(3);
    assertThat(res.path("Microsoft.Network/privateEndpoints").asInt()).isEqualTo(2);
    assertThat(res.path("Microsoft.Network/loadBalancers").asInt()).isEqualTo(1);
    assertThat(res.path("Microsoft.Network/networkSecurityGroups").asInt()).isEqualTo(1);
    // Every stderr line is a warning: the recordings mix two subscriptions, so some references dangle.
    assertThat(r.errLines()).isNotEmpty().allMatch(l -> l.startsWith("warning: "));
  }

  static Stream<Path> invalidCases() throws IOException {
    try (Stream<Path> s = Files.list(INVALID)) {
      return s.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("invalidCases")
  void invalidInput_oneErrorLine_exit3(Path dir) {
    CliRun r = CliRun.run("validate", "-t", dir.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    String[] lines = r.errLines();
    assertThat(lines).hasSize(1);
    assertThat(lines[0]).startsWith("error: " + dir).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void danglingReference_isAWarning_andAnErrorUnderStrict(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("nic.json");
    String subnet = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/gone";
    Files.writeString(f, "{\"id\":\"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/"
        + "nic1\",\"name\":\"nic1\",\"type\":\"Microsoft.Network/networkInterfaces\",\"location\":\"eastus\","
        + "\"properties\":{\"ipConfigurations\":[{\"name\":\"ipconfig1\",\"properties\":{\"privateIPAddress\":"
        + "\"10.0.0.4\",\"subnet\":{\"id\":\"" + subnet + "\"}}}]}}");
    CliRun lenient = CliRun.run("validate", "-t", f.toString());
    assertThat(lenient.exitCode()).isEqualTo(0);
    assertThat(lenient.errLines()).singleElement().asString().startsWith("warning: ").contains(subnet)
        .contains("not in the input");

    CliRun strict = CliRun.run("validate", "--strict", "-t", f.toString());
    assertThat(strict.exitCode()).isEqualTo(3);
    assertThat(strict.errLines()).singleElement().asString().startsWith("error: ").contains(subnet);
  }

  @Test
  void globalOptions_beforeOrAfterTheCommand() {
    CliRun before = CliRun.run("-t", CliRun.EXAMPLE.toString(), "--json", "validate");
    CliRun after = CliRun.run("validate", "--json", "-t", CliRun.EXAMPLE.toString());
    assertThat(before.exitCode()).isZero();
    assertThat(before.out()).isEqualTo(after.out());
  }

  @Test
  void missingPath_isInvalidInput() {
    CliRun r = CliRun.run("validate", "-t", "/no/such/place.json");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.errLines()).containsExactly("error: /no/such/place.json: no such file or directory");
  }

  @Test
  void unknownOption_isAUsageError() {
    CliRun r = CliRun.run("validate", "--no-such-option");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()[0]).startsWith("error: Unknown option: '--no-such-option'");
  }

  @Test
  void version_printsTheVersion() {
    CliRun r = CliRun.run("--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("vnetsim ");
  }
}
