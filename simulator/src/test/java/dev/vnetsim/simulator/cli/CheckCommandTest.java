package dev.vnetsim.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code check --intents} on the bundled example (DESIGN §3): exit 0 when all intents pass, 1 when any fails, 3 for a
 * bad intents file; every format on stdout. The failing file has two failures: web browsing from the training subnet
 * (denied by DenyInternetOutbound) expected reachable, and Azure ML from the training subnet (allowed by
 * AllowAzureMLOutbound) expected blocked.
 */
class CheckCommandTest {
  static final Path PASSING = CliRun.REPO.resolve("examples/intents/aml-secure-training.yaml");
  static final Path FAILING = resource("failing-intents.yaml");
  static final ObjectMapper JSON = new ObjectMapper();

  static Path resource(String name) {
    return CliRun.REPO.resolve("simulator/src/test/resources/whatif").resolve(name);
  }

  static CliRun check(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "check";
    all[1] = "--service-tags";
    all[2] = CliRun.sharedData("service-tags/ServiceTags_Public_20251020.json").toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return CliRun.run(all);
  }

  @Test
  void passingIntents_exit0_text() {
    CliRun r = check("--intents", PASSING.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("PASS training-to-storage-smb: snet-training -> tag:Storage.EastUS TCP 445: "
        + "reachable (EXITS_NETWORK by securityRules/AllowStorageOutbound (priority 130) in nsg-training)");
    assertThat(r.out()).endsWith("8 intents: 8 passed, 0 failed\n");
  }

  @Test
  void failingIntents_exit1_textNamesExpectationAndRule() {
    CliRun r = check("--intents", FAILING.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("FAIL web-from-training: snet-training -> internet TCP 80: expected reachable, was "
        + "blocked (DENIED_NSG_OUTBOUND by securityRules/DenyInternetOutbound (priority 4000) in nsg-training)");
    assertThat(r.out()).endsWith("4 intents: 2 passed, 2 failed\n");
  }

  @Test
  void json_contractFields() throws Exception {
    CliRun r = check("--intents", FAILING.toString(), "--format", "json");
    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("passed").asInt()).isEqualTo(2);
    assertThat(doc.get("failed").asInt()).isEqualTo(2);
    JsonNode web = doc.get("intents").get(1);
    assertThat(web.get("name").asText()).isEqualTo("web-from-training");
    assertThat(web.get("pass").asBoolean()).isFalse();
    assertThat(web.get("expect").asText()).isEqualTo("reachable");
    assertThat(web.get("actual").asText()).isEqualTo("blocked");
    assertThat(web.get("disposition").asText()).isEqualTo("DENIED_NSG_OUTBOUND");
    assertThat(web.get("decidedBy").get("ruleName").asText()).isEqualTo("securityRules/DenyInternetOutbound");
    assertThat(check("--json", "--intents", FAILING.toString()).out()).isEqualTo(r.out());
  }

  @Test
  void junit_oneTestcasePerIntent_failureWithDispositionAndRule() throws Exception {
    CliRun r = check("--intents", FAILING.toString(), "--format", "JUNIT");
    assertThat(r.exitCode()).isEqualTo(1);
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
    Element suites = xml.getDocumentElement();
    assertThat(suites.getTagName()).isEqualTo("testsuites");
    assertThat(suites.getAttribute("tests")).isEqualTo("4");
    assertThat(suites.getAttribute("failures")).isEqualTo("2");
    NodeList cases = xml.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(4);
    Element web = (Element) cases.item(1);
    assertThat(web.getAttribute("name")).isEqualTo("web-from-training");
    Element failure = (Element) web.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("DENIED_NSG_OUTBOUND");
    assertThat(failure.getAttribute("message")).contains("expected reachable, was blocked",
        "securityRules/DenyInternetOutbound");
    assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isZero();
  }

  @Test
  void sarif_210_oneErrorPerFailingIntent_stableFingerprints() throws Exception {
    CliRun r = check("--intents", FAILING.toString(), "--format", "sarif");
    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("version").asText()).isEqualTo("2.1.0");
    assertThat(doc.get("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
    JsonNode run = doc.get("runs").get(0);
    assertThat(run.at("/tool/driver/name").asText()).isEqualTo("vnetsim");
    assertThat(run.at("/tool/driver/rules/0/id").asText()).isEqualTo("vnetsim/intent-unreachable");
    JsonNode results = run.get("results");
    assertThat(results).hasSize(2);
    JsonNode web = results.get(0);
    assertThat(web.get("ruleId").asText()).isEqualTo("vnetsim/intent-unreachable");
    assertThat(web.get("level").asText()).isEqualTo("error");
    assertThat(web.at("/message/text").asText()).contains("web-from-training", "DENIED_NSG_OUTBOUND");
    assertThat(web.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).endsWith("failing-intents.yaml");
    assertThat(web.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(7);
    assertThat(results.get(1).get("ruleId").asText()).isEqualTo("vnetsim/intent-reachable");
    String fingerprint = web.at("/partialFingerprints/vnetsimIntent~1v1").asText();
    assertThat(fingerprint).hasSize(64);
    JsonNode again = JSON.readTree(check("--intents", FAILING.toString(), "--format", "sarif").out());
    assertThat(again.at("/runs/0/results/0/partialFingerprints/vnetsimIntent~1v1").asText()).isEqualTo(fingerprint);
    assertThat(results.get(1).at("/partialFingerprints/vnetsimIntent~1v1").asText()).isNotEqualTo(fingerprint);
  }

  @Test
  void sarif_passingIntents_noResults_exit0() throws Exception {
    CliRun r = check("--intents", PASSING.toString(), "--format", "sarif");
    assertThat(r.exitCode()).isZero();
    assertThat(JSON.readTree(r.out()).at("/runs/0/results")).isEmpty();
  }

  @Test
  void markdown_tableAndDetails() {
    CliRun r = check("--intents", FAILING.toString(), "--format", "markdown");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).startsWith("### vnetsim check: 2 passed, 2 failed\n\n| | Intent | Flow |");
    assertThat(r.out()).contains("| ❌ | web-from-training | snet-training -> internet TCP 80 | reachable | blocked "
        + "(DENIED_NSG_OUTBOUND) | securityRules/DenyInternetOutbound in nsg-training |");
    assertThat(r.out()).contains("<details><summary>web-from-training: trace</summary>");
  }

  @Test
  void badIntentsFile_exit3_oneLine() {
    Path bad = resource("bad-expect.yaml");
    CliRun r = check("--intents", bad.toString());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).containsExactly("error: " + bad + ": $[2].expect: must be reachable or blocked, was "
        + "'maybe'");
  }

  @Test
  void unknownEndpointInIntents_exit3_namesThePath(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("intents.yaml");
    Files.writeString(file, "- {name: a, from: snet-training, to: internet, port: 80, expect: blocked}\n"
        + "- {name: b, from: snet-nowhere, to: internet, port: 80, expect: blocked}\n");
    CliRun r = check("--intents", file.toString());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()[r.errLines().length - 1]).startsWith("error: " + file + ": $[1].from: unknown endpoint "
        + "'snet-nowhere'");
  }

  @Test
  void missingFile_exit3_badOptions_exit2() {
    CliRun missing = check("--intents", "no-such-intents.yaml");
    assertThat(missing.exitCode()).isEqualTo(3);
    assertThat(missing.errLines()).containsExactly("error: no-such-intents.yaml: no such file");
    assertThat(check("--intents", PASSING.toString(), "--format", "xml").exitCode()).isEqualTo(2);
    assertThat(check().exitCode()).isEqualTo(2);
  }
}
