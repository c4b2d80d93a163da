package dev.vnetsim.simulator.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.io.change.ResourceChange;
import dev.vnetsim.simulator.trace.DecidedBy;
import dev.vnetsim.simulator.trace.Disposition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The text form of {@code whatif}: every flow of a small cause, a large cause cut down by pair of answers. */
class WhatIfFormatsTest {
  private static final ResourceId POLICY = ResourceId.of("/subscriptions/s/resourceGroups/rg/providers/"
      + "Microsoft.Network/firewallPolicies/fwp-hub");
  private static final ResourceId NSG = ResourceId.of("/subscriptions/s/resourceGroups/rg/providers/"
      + "Microsoft.Network/networkSecurityGroups/nsg-a");
  private static final FlowChange.Verdict ALLOWED = verdict(Disposition.EXITS_NETWORK, POLICY, "g/c/allow-aad");
  private static final FlowChange.Verdict DENIED = verdict(Disposition.DENIED_FIREWALL, POLICY, "Default Action");
  private static final FlowChange.Verdict DENIED_NSG = verdict(Disposition.DENIED_NSG_OUTBOUND, NSG,
      "securityRules/deny-all");
  private static final ImmutableList<FlowChange.Cause> RULE_REMOVED = ImmutableList.of(new FlowChange.Cause(POLICY,
      ResourceChange.Kind.REMOVED, "rules/allow-aad removed"));
  private static final ImmutableList<FlowChange.Cause> NSG_RULE_ADDED = ImmutableList.of(new FlowChange.Cause(NSG,
      ResourceChange.Kind.MODIFIED, "securityRules/deny-all added"));

  @Test
  void smallCause_listsEveryFlow() {
    List<FlowChange> changes = new ArrayList<>();
    for (int i = 0; i < WhatIfFormats.LISTED; i++) {
      changes.add(broken("snet-" + i, RULE_REMOVED, ALLOWED, DENIED));
    }
    String text = WhatIfFormats.text(report(changes), false);

    assertThat(count(text, "\n    snet-\\d+ -> internet TCP 443 \\[differential\\]\n")).isEqualTo(WhatIfFormats.LISTED);
    assertThat(text).doesNotContain("more (--all").doesNotContain(" flows, before ");
    assertThat(text).isEqualTo(WhatIfFormats.text(report(changes), true));
  }

  @Test
  void largeCause_countsEachPairOfAnswersAndShowsItsFirstFlows() {
    List<FlowChange> changes = new ArrayList<>();
    for (int i = 0; i < 30; i++) { // two pairs of answers under one cause, interleaved; a small second cause
      changes.add(broken("snet-" + i, RULE_REMOVED, ALLOWED, i % 3 == 2 ? DENIED_NSG : DENIED));
    }
    changes.add(broken("snet-x", NSG_RULE_ADDED, ALLOWED, DENIED_NSG));
    String text = WhatIfFormats.text(report(changes), false);

    assertThat(text).contains("\nBROKEN (31)\n  cause: fwp-hub rules/allow-aad removed\n    20 flows, before "
        + "EXITS_NETWORK by g/c/allow-aad in fwp-hub, after DENIED_FIREWALL by Default Action in fwp-hub\n"
        + "      snet-0 -> internet TCP 443 [differential]\n        before: EXITS_NETWORK by g/c/allow-aad in fwp-hub: \n"
        + "        after:  DENIED_FIREWALL by Default Action in fwp-hub: \n      snet-1 -> ");
    assertThat(text).contains("      snet-3 -> internet TCP 443 [differential]\n");
    assertThat(text).contains("      ... and 17 more (--all lists every flow; --json gives them all)\n    10 flows, "
        + "before EXITS_NETWORK by g/c/allow-aad in fwp-hub, after DENIED_NSG_OUTBOUND by securityRules/deny-all in "
        + "nsg-a\n      snet-2 -> ");
    assertThat(text).contains("      ... and 7 more (--all lists every flow; --json gives them all)\n"
        + "  cause: nsg-a securityRules/deny-all added\n    snet-x -> internet TCP 443 [differential]\n");
    assertThat(count(text, "\n      snet-\\d+ -> ")).isEqualTo(2 * WhatIfFormats.SHOWN);
    assertThat(text).endsWith("\n31 broken, 0 opened, 0 changed (100 flows compared)\n");

    String all = WhatIfFormats.text(report(changes), true);
    assertThat(count(all, "\n    snet-[\\dx]+ -> internet TCP 443 \\[differential\\]\n")).isEqualTo(31);
    assertThat(all).doesNotContain("more (--all");
  }

  @Test
  void manyPairsOfAnswers_groupedByDispositions_namingHowManyRulesDecide() {
    List<FlowChange> changes = new ArrayList<>();
    for (int i = 0; i < 30; i++) { // each spoke's own NSG rule decides: 30 pairs of answers, one pair of dispositions
      changes.add(broken("snet-" + i, RULE_REMOVED, ALLOWED, verdict(Disposition.DENIED_NSG_OUTBOUND, NSG,
          "securityRules/deny-" + i)));
    }
    changes.add(broken("snet-x", RULE_REMOVED, ALLOWED, DENIED));
    String text = WhatIfFormats.text(report(changes), false);

    assertThat(text).contains("\n    30 flows, before EXITS_NETWORK by g/c/allow-aad in fwp-hub, after "
        + "DENIED_NSG_OUTBOUND by 30 rules\n      snet-0 -> ");
    assertThat(text).contains("      ... and 27 more (--all lists every flow; --json gives them all)\n    1 flow, "
        + "before EXITS_NETWORK by g/c/allow-aad in fwp-hub, after DENIED_FIREWALL by Default Action in fwp-hub\n"
        + "      snet-x -> ");
    assertThat(count(text, "\n      snet-[\\dx]+ -> ")).isEqualTo(WhatIfFormats.SHOWN + 1);
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    int from = 0;
    while (m.find(from)) {
      n++;
      from = m.end() - 1; // the patterns start and end with a newline: the next match may start on this one's
    }
    return n;
  }

  private static FlowChange broken(String from, ImmutableList<FlowChange.Cause> cause, FlowChange.Verdict before,
      FlowChange.Verdict after) {
    return new FlowChange(FlowChange.Kind.BROKEN, FlowChange.Source.DIFFERENTIAL, Optional.empty(), from, "internet",
        "TCP", ImmutableList.of("443"), before, after, cause);
  }

  private static FlowChange.Verdict verdict(Disposition d, ResourceId container, String rule) {
    return new FlowChange.Verdict(d, Optional.of(new DecidedBy(container, rule, Optional.empty())), ImmutableList.of());
  }

  private static WhatIfReport report(List<FlowChange> changes) {
    WhatIfReport.SideSummary side = new WhatIfReport.SideSummary("x", ImmutableSortedMap.of());
    return new WhatIfReport(side, side, ImmutableList.copyOf(changes), new WhatIfReport.Stats(100, 0, 0));
  }
}
