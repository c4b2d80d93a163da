package dev.vnetsim.simulator.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.io.change.ArmResources;
import dev.vnetsim.model.io.change.ChangeFile;
import dev.vnetsim.model.io.change.ChangeSet;
import dev.vnetsim.model.io.change.TerraformPlan;
import dev.vnetsim.simulator.trace.Disposition;
import org.junit.jupiter.api.Test;

/** What-if on the bundled example with the example changes (examples/changes/README.md). */
class WhatIfTest {

  @Test
  void removeStorageRule_brokenToStorageOn443And445() {
    ChangeSet cs = ChangeFile.apply(WhatIfFixtures.example(), WhatIfFixtures.CHANGES.resolve("remove-storage-rule.json"));
    WhatIfReport r = WhatIf.analyse(cs, WhatIfFixtures.options(ImmutableList.of()));
    r.changes().forEach(c -> System.out.println(c.kind() + " " + c.from() + " -> " + c.to() + " " + c.protocol() + " "
        + c.ports() + " " + c.before().disposition() + " " + c.before().decidedBy().map(d -> d.ruleName()) + " / "
        + c.after().disposition() + " " + c.after().decidedBy().map(d -> d.ruleName()) + " " + c.cause()));
    System.out.println(r.stats());
    FlowChange storage = r.changes().stream().filter(c -> c.to().equals("tag:Storage.EastUS")).findFirst()
        .orElseThrow();
    assertThat(storage.kind()).isEqualTo(FlowChange.Kind.BROKEN);
    assertThat(storage.from()).isEqualTo("snet-training");
    assertThat(storage.protocol()).isEqualTo("TCP");
    assertThat(storage.ports()).containsExactly("443", "445");
    assertThat(storage.before().disposition()).isEqualTo(Disposition.EXITS_NETWORK);
    assertThat(storage.before().decidedBy().orElseThrow().ruleName()).isEqualTo("securityRules/AllowStorageOutbound");
    assertThat(storage.after().disposition()).isEqualTo(Disposition.DENIED_NSG_OUTBOUND);
    assertThat(storage.after().decidedBy().orElseThrow().ruleName()).isEqualTo("securityRules/DenyInternetOutbound");
    assertThat(storage.cause()).extracting(FlowChange.Cause::detail)
        .containsExactly("securityRules/AllowStorageOutbound removed");
  }

  @Test
  void planOpenSsh_openedFromInternetOn22() {
    ChangeSet cs = TerraformPlan.apply(ArmResources.empty(false), WhatIfFixtures.CHANGES.resolve("plan-open-ssh.json"));
    WhatIfReport r = WhatIf.analyse(cs, WhatIfFixtures.options(ImmutableList.of()));
    r.changes().forEach(c -> System.out.println(c.kind() + " " + c.from() + " -> " + c.to() + " " + c.protocol() + " "
        + c.ports() + " " + c.before().disposition() + " " + c.before().decidedBy().map(d -> d.ruleName()) + " / "
        + c.after().disposition() + " " + c.after().decidedBy().map(d -> d.ruleName()) + " " + c.cause()));
    System.out.println(r.stats());
    assertThat(r.changes()).anySatisfy(c -> {
      assertThat(c.kind()).isEqualTo(FlowChange.Kind.OPENED);
      assertThat(c.from()).isEqualTo("internet");
      assertThat(c.to()).isEqualTo("snet-training");
      assertThat(c.protocol()).isEqualTo("TCP");
      assertThat(c.ports()).containsExactly("22");
    });
  }
}
