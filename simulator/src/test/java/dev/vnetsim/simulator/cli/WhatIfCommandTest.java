package dev.vnetsim.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code whatif} on the bundled example with the example changes (examples/changes/README.md; DESIGN §3). Removing
 * AllowStorageOutbound (priority 130) leaves DenyInternetOutbound (4000) to decide Storage.EastUS on 443 and 445:
 * BROKEN. The Terraform plan adds AllowSshInbound (Internet, TCP 22) to nsg-training: OPENED from the Internet.
 */
class WhatIfCommandTest {
  static final Path CHANGES = CliRun.REPO.resolve("examples/changes");
  static final ObjectMapper JSON = new ObjectMapper();

  static CliRun whatif(String... args) {
    List<String> all = new ArrayList<>(List.of("whatif", "--service-tags",
        CliRun.sharedData("service-tags/ServiceTags_Public_20251020.json").toString()));
    all.addAll(List.of(args));
    return CliRun.run(all.toArray(new String[0]));
  }

  static String last(String[] lines) {
    return lines[lines.length - 1];
  }

  static JsonNode change(JsonNode doc, String kind, String from, String to) {
    for (JsonNode c : doc.get("changes")) {
      if (c.get("kind").asText().equals(kind) && c.get("from").asText().equals(from)
          && c.get("to").asText().equals(to)) {
        return c;
      }
    }
    throw new AssertionError("no " + kind + " " + from + " -> " + to + " in " + doc.get("changes"));
  }

  @Test
  void removeStorageRule_brokenStorage443And445_json() throws Exception {
    CliRun r = whatif("--json", "--change", CHANGES.resolve("remove-storage-rule.json").toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    JsonNode doc = JSON.readTree(r.out());
    JsonNode c = change(doc, "BROKEN", "snet-training", "tag:Storage.EastUS");
    assertThat(c.get("source").asText()).isEqualTo("differential");
    assertThat(c.get("protocol").asText()).isEqualTo("TCP");
    assertThat(c.get("ports").toString()).isEqualTo("[\"443\",\"445\"]");
    assertThat(c.at("/before/disposition").asText()).isEqualTo("EXITS_NETWORK");
    assertThat(c.at("/before/decidedBy/ruleName").asText()).isEqualTo("securityRules/AllowStorageOutbound");
    assertThat(c.at("/after/disposition").asText()).isEqualTo("DENIED_NSG_OUTBOUND");
    assertThat(c.at("/after/decidedBy/ruleName").asText()).isEqualTo("securityRules/DenyInternetOutbound");
    assertThat(c.get("cause")).hasSize(1);
    assertThat(c.at("/cause/0/change").asText()).isEqualTo("removed");
    assertThat(c.at("/cause/0/detail").asText()).isEqualTo("securityRules/AllowStorageOutbound removed");
    assertThat(c.at("/cause/0/resourceId").asText()).endsWith("/networkSecurityGroups/nsg-training");
    assertThat(doc.at("/summary/opened").asInt()).isZero();
    assertThat(doc.at("/summary/changed").asInt()).isZero();
    assertThat(doc.at("/summary/broken").asInt()).isEqualTo(doc.get("changes").size());
    assertThat(doc.at("/before/resources/Microsoft.Network~1networkSecurityGroups").asInt()).isEqualTo(1);
    assertThat(doc.at("/serviceTags/changeNumber").asInt()).isPositive();
    JsonNode row = null;
    for (JsonNode x : doc.get("changes")) {
      if (x.get("source").asText().equals("requirement") && x.get("from").asText().equals("ci-secure")
          && x.get("to").asText().equals("tag:Storage.EastUS") && x.get("ports").toString().equals("[\"445\"]")) {
        row = x;
      }
    }
    assertThat(row).as("aml-check row Storage 445 of ci-secure").isNotNull();
    assertThat(row.get("name").asText()).startsWith("ci-secure/");
    assertThat(row.at("/after/decidedBy/ruleName").asText()).isEqualTo("securityRules/DenyInternetOutbound");
  }

  /**
   * A subnet added (with the training subnet's NSG): the flows that work to and from it are OPENED, each caused by the
   * subnet's addition; those that stay blocked (it to the Internet, past DenyInternetOutbound) are not listed, and
   * nothing that worked breaks (exit 0).
   */
  @Test
  void addSubnet_opensItsFlowsOnly() throws Exception {
    CliRun r = whatif("--json", "--change", CHANGES.resolve("add-subnet.json").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("changes")).isNotEmpty().allSatisfy(c -> {
      assertThat(c.get("kind").asText()).isEqualTo("OPENED");
      assertThat(List.of(c.get("from").asText(), c.get("to").asText())).contains("snet-inference");
      assertThat(c.at("/before/disposition").asText()).isEqualTo("INSUFFICIENT_INFO");
      assertThat(c.at("/cause/0/detail").asText()).isEqualTo("subnets/snet-inference added");
    });
    JsonNode back = change(doc, "OPENED", "snet-training", "snet-inference");
    assertThat(back.at("/after/decidedBy/ruleName").asText()).isEqualTo("defaultSecurityRules/AllowVnetInBound");
    assertThat(doc.get("changes")).noneMatch(c -> c.get("to").asText().equals("internet"));
    assertThat(doc.at("/summary/broken").asInt()).isZero();

    CliRun text = whatif("--change", CHANGES.resolve("add-subnet.json").toString());
    assertThat(text.out()).contains("    snet-training -> snet-inference TCP * [differential]\n"
        + "      before: INSUFFICIENT_INFO: query[UNSUPPORTED UNKNOWN: snet-inference is not in this side's input");
  }

  @Test
  void removeStorageRule_text_groupsByKindAndCause() {
    CliRun r = whatif("--change", CHANGES.resolve("remove-storage-rule.json").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).containsPattern("\nBROKEN \\(\\d+\\)\n  cause: nsg-training securityRules/AllowStorageOutbound "
        + "removed\n");
    assertThat(r.out())
        .containsPattern("\n    ci-secure -> tag:Storage.EastUS TCP 445 \\[requirement ci-secure/\\w+\\]\n");
    assertThat(r.out()).contains("    snet-training -> tag:Storage.EastUS TCP 443,445 [differential]\n"
        + "      before: EXITS_NETWORK by securityRules/AllowStorageOutbound (priority 130) in nsg-training: ");
    assertThat(r.out()).contains("      after:  DENIED_NSG_OUTBOUND by securityRules/DenyInternetOutbound (priority "
        + "4000) in nsg-training: ");
    assertThat(r.out()).containsPattern("\n\\d+ broken, 0 opened, 0 changed \\(\\d+ flows compared\\)\n$");
  }

  @Test
  void planOpenSsh_openedFromInternetOn22_failOnBrokenExit0_anyExit1() throws Exception {
    String plan = CHANGES.resolve("plan-open-ssh.json").toString();
    CliRun r = whatif("--json", "--plan", plan);
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode c = change(JSON.readTree(r.out()), "OPENED", "internet", "snet-training");
    assertThat(c.get("protocol").asText()).isEqualTo("TCP");
    assertThat(c.get("ports").toString()).isEqualTo("[\"22\"]");
    assertThat(c.at("/before/decidedBy/ruleName").asText()).isEqualTo("defaultSecurityRules/DenyAllInBound");
    assertThat(c.at("/after/disposition").asText()).isEqualTo("DELIVERED");
    assertThat(c.at("/after/decidedBy/ruleName").asText()).isEqualTo("securityRules/AllowSshInbound");
    assertThat(c.at("/cause/0/detail").asText()).isEqualTo("securityRules/AllowSshInbound added");
    assertThat(JSON.readTree(r.out()).at("/before/source").asText()).startsWith("prior state of ");
    assertThat(whatif("--plan", plan, "--fail-on", "any").exitCode()).isEqualTo(1);
    assertThat(whatif("--plan", plan, "--fail-on", "broken").exitCode()).isZero();
  }

  @Test
  void armWhatIf_removingTheStorageRule_broken() throws Exception {
    CliRun r = whatif("--json", "--arm-whatif",
        CliRun.REPO.resolve("simulator/src/test/resources/whatif/arm-whatif-remove-storage.json").toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    JsonNode c = change(JSON.readTree(r.out()), "BROKEN", "snet-training", "tag:Storage.EastUS");
    assertThat(c.get("ports").toString()).isEqualTo("[\"443\",\"445\"]");
    assertThat(c.at("/cause/0/detail").asText()).isEqualTo("securityRules/AllowStorageOutbound removed");
  }

  @Test
  void noOpChange_reportsNothing_exit0() throws Exception {
    String noop = CliRun.REPO.resolve("simulator/src/test/resources/whatif/noop-change.json").toString();
    CliRun r = whatif("--json", "--change", noop, "--fail-on", "any");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("changes")).isEmpty();
    assertThat(doc.get("summary").toString()).isEqualTo("{\"broken\":0,\"opened\":0,\"changed\":0}");
  }

  @Test
  void afterPaths_sameTopology_nothing() {
    CliRun r = whatif("--after", CliRun.EXAMPLE.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).containsPattern("\n0 broken, 0 opened, 0 changed \\(\\d+ flows compared\\)\n$");
  }

  @Test
  void withIntents_intentEntriesBesideDifferential() throws Exception {
    CliRun r = whatif("--json", "--change", CHANGES.resolve("remove-storage-rule.json").toString(), "--intents",
        CliRun.REPO.resolve("examples/intents/aml-secure-training.yaml").toString());
    JsonNode doc = JSON.readTree(r.out());
    List<String> intents = new ArrayList<>();
    doc.get("changes").forEach(c -> {
      if (c.get("source").asText().equals("intent")) {
        intents.add(c.get("name").asText() + " " + c.get("kind").asText() + " " + c.get("ports"));
      }
    });
    assertThat(intents).containsExactly("training-to-storage-https BROKEN [\"443\"]",
        "training-to-storage-smb BROKEN [\"445\"]");
  }

  @Test
  void badChangeFileOrUsage() {
    CliRun missing = whatif("--change", "nope.json");
    assertThat(missing.exitCode()).isEqualTo(3);
    assertThat(missing.errLines()).containsExactly("error: nope.json: no such file or directory");
    assertThat(whatif().exitCode()).isEqualTo(2);
    assertThat(whatif("--change", "a.json", "--plan", "b.json").exitCode()).isEqualTo(2);
    assertThat(whatif("--after", CliRun.EXAMPLE.toString(), "--fail-on", "sometimes").exitCode()).isEqualTo(2);
  }

  /**
   * A change whose differential would compare more flows than {@code --max-flows} stops before simulating, with one
   * line and exit 2; with the limit at the flows it needs it runs as usual.
   */
  @Test
  void maxFlows_stopsBeforeSimulating() throws Exception {
    String change = CHANGES.resolve("remove-storage-rule.json").toString();
    CliRun over = whatif("--change", change, "--max-flows", "1");
    assertThat(over.exitCode()).isEqualTo(2);
    assertThat(over.out()).isEmpty();
    assertThat(last(over.errLines())).startsWith("error: the differential would compare more than 1 of"
        + " its ").contains("raise --max-flows");
    CliRun enough = whatif("--change", change, "--max-flows", "1000");
    assertThat(enough.exitCode()).as(enough.err()).isEqualTo(1);
  }

  /** A JSON Patch add into a resource that is not in the input: one line naming the file, operation and id; exit 3. */
  @Test
  void addIntoMissingResource_isInvalidInput(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("add-missing.json");
    String rt = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aml-secure/providers/"
        + "Microsoft.Network/routeTables/rt-nope";
    Files.writeString(f, "[{\"op\":\"add\",\"path\":\"" + rt + "/properties/routes/-\",\"value\":{\"name\":"
        + "\"r\",\"properties\":{\"addressPrefix\":\"10.9.0.0/16\",\"nextHopType\":\"None\"}}}]");
    CliRun r = whatif("--change", f.toString());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(last(r.errLines())).isEqualTo("error: " + f + ": $[0].path (" + rt + "): no resource with"
        + " this id in the topology (to add a resource, give its id as the path and the whole resource as the value)");
  }
}
