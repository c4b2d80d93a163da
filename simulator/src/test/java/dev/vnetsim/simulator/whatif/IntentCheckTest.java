package dev.vnetsim.simulator.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.Topology;
import dev.vnetsim.simulator.trace.Disposition;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code check} on the bundled example. Expected answers follow the example's NSG (examples/aml-secure-training):
 * nsg-training allows Storage.EastUS on TCP 443/445 (AllowStorageOutbound, priority 130), denies the rest of the
 * Internet (DenyInternetOutbound, 4000), and has no inbound rule, so Azure's DenyAllInBound (65500) answers the
 * Internet (azure-semantics §1.6 defaults).
 */
class IntentCheckTest {
  static Topology example;

  @BeforeAll
  static void load() {
    example = WhatIfFixtures.example().topology();
  }

  private static ImmutableList<IntentResult> run(String yaml) {
    return IntentCheck.run(example, WhatIfFixtures.tags(), WhatIfFixtures.PARSER,
        IntentsFile.parse(yaml.getBytes(StandardCharsets.UTF_8), "i.yaml"));
  }

  @Test
  void storageFromTrainingSubnet_reachableByAllowStorageOutbound() {
    IntentResult r = run("- {name: s, from: snet-training, to: 'tag:Storage.EastUS', port: 445, expect: reachable}\n")
        .get(0);
    assertThat(r.pass()).isTrue();
    assertThat(r.disposition()).isEqualTo(Disposition.EXITS_NETWORK);
    assertThat(r.decidedBy().orElseThrow().ruleName()).isEqualTo("securityRules/AllowStorageOutbound");
  }

  @Test
  void webFromTraining_blockedByDenyInternetOutbound_failsWhenExpectedReachable() {
    IntentResult r = run("- {name: w, from: snet-training, to: internet, port: 80, expect: reachable}\n").get(0);
    assertThat(r.pass()).isFalse();
    assertThat(r.actual()).isEqualTo(Intent.Expect.BLOCKED);
    assertThat(r.decidedBy().orElseThrow().ruleName()).isEqualTo("securityRules/DenyInternetOutbound");
  }

  @Test
  void sshFromInternet_deniedByDefaultRule() {
    IntentResult r = run("- {name: n, from: internet, to: snet-training, port: 22, expect: blocked}\n").get(0);
    assertThat(r.pass()).isTrue();
    assertThat(r.disposition()).isEqualTo(Disposition.DENIED_NSG_INBOUND);
    assertThat(r.decidedBy().orElseThrow().ruleName()).isEqualTo("defaultSecurityRules/DenyAllInBound");
  }

  @Test
  void computeName_standsForItsSubnet_andPeSubnetIsReached() {
    ImmutableList<IntentResult> rs = run("""
        - {name: c, from: ci-secure, to: 'tag:Storage.EastUS', port: 443, expect: reachable}
        - {name: p, from: snet-training, to: snet-pe, port: 443, expect: reachable}
        """);
    assertThat(rs).allSatisfy(r -> assertThat(r.pass()).as(r.intent().name() + " " + r.verdictText()).isTrue());
  }

  @Test
  void bundledIntentsFile_allPass() {
    ImmutableList<IntentResult> rs = IntentCheck.run(example, WhatIfFixtures.tags(), WhatIfFixtures.PARSER,
        IntentsFile.read(WhatIfFixtures.REPO.resolve("examples/intents/aml-secure-training.yaml")));
    assertThat(rs).allSatisfy(r -> assertThat(r.pass()).as(r.intent().name() + ": " + r.verdictText()).isTrue());
  }

  @Test
  void unknownEndpoint_isAnIntentsFileError() {
    assertThatThrownBy(() -> run("- {name: a, from: snet-training, to: nowhere, expect: blocked}\n"))
        .isInstanceOf(InvalidTopologyException.class).hasMessage("i.yaml: $[0].to: unknown endpoint 'nowhere'");
  }
}
