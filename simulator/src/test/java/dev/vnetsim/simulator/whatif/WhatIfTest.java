package dev.vnetsim.simulator.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.io.change.ArmResources;
import dev.vnetsim.model.io.change.ChangeFile;
import dev.vnetsim.model.io.change.ChangeSet;
import dev.vnetsim.model.io.change.TerraformPlan;
import dev.vnetsim.simulator.trace.Disposition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What-if on the bundled example (examples/aml-secure-training: nsg-training allows Storage.EastUS on TCP 443/445 at
 * priority 130 and denies the rest of the Internet at 4000; no inbound rule, so DenyAllInBound answers the Internet).
 */
class WhatIfTest {
  static final Path FIXTURES = WhatIfFixtures.REPO.resolve("simulator/src/test/resources/whatif");

  private static WhatIfReport analyse(ChangeSet cs, ImmutableList<Intent> intents) {
    return WhatIf.analyse(cs, WhatIfFixtures.options(intents));
  }

  private static ChangeSet change(Path file) {
    return ChangeFile.apply(WhatIfFixtures.example(), file);
  }

  private static FlowChange only(WhatIfReport r, String from, String to) {
    List<FlowChange> found = r.changes().stream().filter(c -> c.from().equals(from) && c.to().equals(to)).toList();
    assertThat(found).as(from + " -> " + to + " in " + r.changes()).hasSize(1);
    return found.get(0);
  }

  @Test
  void removeStorageRule_brokenToStorageOn443And445() {
    WhatIfReport r = analyse(change(WhatIfFixtures.CHANGES.resolve("remove-storage-rule.json")), ImmutableList.of());
    FlowChange storage = only(r, "snet-training", "tag:Storage.EastUS");
    assertThat(storage.kind()).isEqualTo(FlowChange.Kind.BROKEN);
    assertThat(storage.source()).isEqualTo(FlowChange.Source.DIFFERENTIAL);
    assertThat(storage.protocol()).isEqualTo("TCP");
    assertThat(storage.ports()).containsExactly("443", "445");
    assertThat(storage.before().disposition()).isEqualTo(Disposition.EXITS_NETWORK);
    assertThat(storage.before().decidedBy().orElseThrow().ruleName()).isEqualTo("securityRules/AllowStorageOutbound");
    assertThat(storage.after().disposition()).isEqualTo(Disposition.DENIED_NSG_OUTBOUND);
    assertThat(storage.after().decidedBy().orElseThrow().ruleName()).isEqualTo("securityRules/DenyInternetOutbound");
    assertThat(storage.cause()).extracting(FlowChange.Cause::detail)
        .containsExactly("securityRules/AllowStorageOutbound removed");
    // Storage.EastUS is part of the Internet: the same packets broke there, nothing else did.
    assertThat(only(r, "snet-training", "internet").ports()).containsExactly("443", "445");
    assertThat(r.changes()).hasSize(2);
  }

  @Test
  void planOpenSsh_openedFromInternetOn22_only() {
    ChangeSet cs = TerraformPlan.apply(ArmResources.empty(false), WhatIfFixtures.CHANGES.resolve("plan-open-ssh.json"));
    WhatIfReport r = analyse(cs, ImmutableList.of());
    FlowChange ssh = only(r, "internet", "snet-training");
    assertThat(ssh.kind()).isEqualTo(FlowChange.Kind.OPENED);
    assertThat(ssh.ports()).containsExactly("22");
    assertThat(ssh.after().decidedBy().orElseThrow().ruleName()).isEqualTo("securityRules/AllowSshInbound");
    assertThat(ssh.cause()).extracting(FlowChange.Cause::detail).containsExactly("securityRules/AllowSshInbound added");
    assertThat(r.changes()).hasSize(1);
    assertThat(r.fails(WhatIfReport.FailOn.BROKEN)).isFalse();
    assertThat(r.fails(WhatIfReport.FailOn.ANY)).isTrue();
  }

  @Test
  void explicitDenyBeforeDefaultDeny_changedNotBroken() {
    WhatIfReport r = analyse(change(FIXTURES.resolve("deny-internet-inbound.json")), ImmutableList.of());
    assertThat(r.changes()).extracting(FlowChange::protocol).containsExactly("ICMP", "TCP", "UDP");
    assertThat(r.changes()).allSatisfy(c -> {
      assertThat(c.kind()).isEqualTo(FlowChange.Kind.CHANGED);
      assertThat(c.from() + " -> " + c.to()).isEqualTo("internet -> snet-training");
      assertThat(c.before().decidedBy().orElseThrow().ruleName()).isEqualTo("defaultSecurityRules/DenyAllInBound");
      assertThat(c.after().decidedBy().orElseThrow().ruleName()).isEqualTo("securityRules/DenyInternetInbound");
    });
  }

  @Test
  void nullRoute_brokenWithTheRouteTableAsCause() {
    WhatIfReport r = analyse(change(FIXTURES.resolve("null-route-storage.json")), ImmutableList.of());
    FlowChange storage = only(r, "snet-training", "tag:Storage.EastUS");
    assertThat(storage.kind()).isEqualTo(FlowChange.Kind.BROKEN);
    assertThat(storage.ports()).containsExactly("443", "445");
    assertThat(storage.after().disposition()).isEqualTo(Disposition.NULL_ROUTED);
    assertThat(storage.after().decidedBy().orElseThrow().ruleName()).isEqualTo("storage-blackhole");
    assertThat(storage.cause()).singleElement().satisfies(c -> {
      assertThat(c.resourceId().name()).isEqualTo("rt-training");
      assertThat(c.detail()).isEqualTo("routes/storage-blackhole added");
    });
  }

  @Test
  void noOpChange_nothing() {
    WhatIfReport r = analyse(change(FIXTURES.resolve("noop-change.json")), ImmutableList.of());
    assertThat(r.changes()).isEmpty();
    assertThat(r.fails(WhatIfReport.FailOn.ANY)).isFalse();
  }

  @Test
  void intents_comparedOnBothSides() {
    ImmutableList<Intent> intents = IntentsFile.parse("""
        - {name: smb, from: snet-training, to: 'tag:Storage.EastUS', port: 445, expect: reachable}
        - {name: ssh, from: internet, to: snet-training, port: 22, expect: blocked}
        """.getBytes(StandardCharsets.UTF_8), "i.yaml");
    WhatIfReport r = analyse(change(WhatIfFixtures.CHANGES.resolve("remove-storage-rule.json")), intents);
    List<FlowChange> fromIntents = r.changes().stream().filter(c -> c.source() == FlowChange.Source.INTENT).toList();
    assertThat(fromIntents).singleElement().satisfies(c -> {
      assertThat(c.name()).contains("smb");
      assertThat(c.kind()).isEqualTo(FlowChange.Kind.BROKEN);
      assertThat(c.ports()).containsExactly("445");
    });
  }

  @Test
  void intentNamingNothingOnEitherSide_isAnError() {
    ImmutableList<Intent> intents = IntentsFile.parse("- {name: x, from: nowhere, to: internet, expect: blocked}\n"
        .getBytes(StandardCharsets.UTF_8), "i.yaml");
    assertThatThrownBy(() -> analyse(change(FIXTURES.resolve("noop-change.json")), intents))
        .isInstanceOf(InvalidTopologyException.class).hasMessage("i.yaml: $[0].from: unknown endpoint 'nowhere'");
  }
}
