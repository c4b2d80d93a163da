package dev.vnetsim.simulator.whatif;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.simulator.trace.DecidedBy;
import dev.vnetsim.simulator.trace.Hop;
import dev.vnetsim.simulator.trace.Step;
import dev.vnetsim.simulator.trace.TraceJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code whatif} as JSON (DESIGN §3: {@code {"before","after","changes":[…],"summary"}}) and as text: changes
 * grouped by kind, then by cause (and, for a cause with many flows, by answer), each with the before and after
 * answer and path on one line.
 */
public final class WhatIfFormats {
  private WhatIfFormats() {}

  public static Map<String, Object> json(WhatIfReport r) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("before", side(r.before()));
    doc.put("after", side(r.after()));
    List<Object> changes = new ArrayList<>();
    for (FlowChange c : r.changes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", c.kind().name());
      m.put("source", c.source().label());
      c.name().ifPresent(n -> m.put("name", n));
      m.put("from", c.from());
      m.put("to", c.to());
      m.put("protocol", c.protocol());
      m.put("ports", new ArrayList<>(c.ports()));
      m.put("before", verdict(c.before()));
      m.put("after", verdict(c.after()));
      List<Object> cause = new ArrayList<>();
      for (FlowChange.Cause x : c.cause()) {
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("resourceId", x.resourceId().value());
        cm.put("change", x.change().label());
        cm.put("detail", x.detail());
        cause.add(cm);
      }
      m.put("cause", cause);
      changes.add(m);
    }
    doc.put("changes", changes);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("broken", r.count(FlowChange.Kind.BROKEN));
    summary.put("opened", r.count(FlowChange.Kind.OPENED));
    summary.put("changed", r.count(FlowChange.Kind.CHANGED));
    doc.put("summary", summary);
    return doc;
  }

  private static Map<String, Object> side(WhatIfReport.SideSummary s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", s.source());
    m.put("resources", new LinkedHashMap<>(s.resources()));
    return m;
  }

  private static Map<String, Object> verdict(FlowChange.Verdict v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("disposition", v.disposition().name());
    m.put("decidedBy", TraceJson.decidedBy(v.decidedBy()));
    return m;
  }

  /**
   * How many flows of a cause are listed in full before the text form groups them by answer: a cause with more shows,
   * for each pair of before and after answers, a count and its first {@link #SHOWN} flows ({@code --all} lists every
   * flow, {@code --json} gives them all). A hub rule on 1,000 VNets changes tens of thousands of flows alike.
   */
  public static final int LISTED = 20;

  /** Flows shown of each pair of answers when a cause's flows are grouped. */
  public static final int SHOWN = 3;

  /**
   * {@code before:}/{@code after:} lines, then the changes by kind and cause (each flow with both answers and paths),
   * then the counts. With {@code all} false, a cause with more than {@link #LISTED} flows is cut down by answer.
   */
  public static String text(WhatIfReport r, boolean all) {
    StringBuilder sb = new StringBuilder();
    sb.append("before: ").append(r.before().source()).append(" (").append(total(r.before())).append(" resources)\n");
    sb.append("after:  ").append(r.after().source()).append(" (").append(total(r.after())).append(" resources)\n");
    for (FlowChange.Kind kind : FlowChange.Kind.values()) {
      List<FlowChange> ofKind = r.changes().stream().filter(c -> c.kind() == kind).toList();
      if (ofKind.isEmpty()) {
        continue;
      }
      sb.append('\n').append(kind).append(" (").append(ofKind.size()).append(")\n");
      Map<ImmutableList<FlowChange.Cause>, List<FlowChange>> byCause = new LinkedHashMap<>();
      ofKind.forEach(c -> byCause.computeIfAbsent(c.cause(), k -> new ArrayList<>()).add(c));
      byCause.forEach((cause, cs) -> {
        sb.append("  cause: ").append(causes(cause)).append('\n');
        if (all || cs.size() <= LISTED) {
          cs.forEach(c -> flow(c, "    ", sb));
        } else {
          byAnswers(cs, sb);
        }
      });
    }
    sb.append('\n').append(r.count(FlowChange.Kind.BROKEN)).append(" broken, ")
        .append(r.count(FlowChange.Kind.OPENED)).append(" opened, ").append(r.count(FlowChange.Kind.CHANGED))
        .append(" changed (").append(r.stats().flows()).append(" flows compared)\n");
    return sb.toString();
  }

  /**
   * A cause's flows by their pair of answers (disposition and deciding rule), in order of first appearance; when that
   * makes more than {@link #LISTED} groups (every spoke's own NSG rule decides), by the pair of dispositions, each
   * side naming its deciding rule when one decides all or else how many do.
   */
  private static void byAnswers(List<FlowChange> cs, StringBuilder sb) {
    Map<List<Object>, List<FlowChange>> groups = group(cs, c -> List.of(c.before().disposition(),
        c.before().decidedBy(), c.after().disposition(), c.after().decidedBy()));
    if (groups.size() > LISTED) {
      groups = group(cs, c -> List.of(c.before().disposition(), c.after().disposition()));
    }
    groups.values().forEach(same -> {
      FlowChange first = same.get(0);
      sb.append("    ").append(same.size()).append(same.size() == 1 ? " flow" : " flows").append(", before ")
          .append(first.before().disposition()).append(decided(same, FlowChange::before)).append(", after ")
          .append(first.after().disposition()).append(decided(same, FlowChange::after)).append('\n');
      same.stream().limit(SHOWN).forEach(c -> flow(c, "      ", sb));
      if (same.size() > SHOWN) {
        sb.append("      ... and ").append(same.size() - SHOWN).append(" more (--all lists every flow; --json gives"
            + " them all)\n");
      }
    });
  }

  private static Map<List<Object>, List<FlowChange>> group(List<FlowChange> cs,
      Function<FlowChange, List<Object>> key) {
    Map<List<Object>, List<FlowChange>> out = new LinkedHashMap<>();
    cs.forEach(c -> out.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c));
    return out;
  }

  /** The deciding rule of one side of a group's flows when they share it, else how many rules decide them. */
  private static String decided(List<FlowChange> same, Function<FlowChange, FlowChange.Verdict> side) {
    Set<Optional<DecidedBy>> rules = new HashSet<>();
    same.forEach(c -> rules.add(side.apply(c).decidedBy()));
    return rules.size() == 1 ? decided(rules.iterator().next()) : " by " + rules.size() + " rules";
  }

  /** One flow: {@code from -> to protocol ports [source name]}, then its before and after answers and paths. */
  private static void flow(FlowChange c, String indent, StringBuilder sb) {
    sb.append(indent).append(c.from()).append(" -> ").append(c.to()).append(' ').append(c.protocol());
    if (!c.ports().isEmpty()) {
      sb.append(' ').append(String.join(",", c.ports()));
    }
    sb.append(" [").append(c.source().label()).append(c.name().map(n -> " " + n).orElse("")).append("]\n");
    sb.append(indent).append("  before: ").append(line(c.before())).append('\n');
    sb.append(indent).append("  after:  ").append(line(c.after())).append('\n');
  }

  private static int total(WhatIfReport.SideSummary s) {
    return s.resources().values().stream().mapToInt(Integer::intValue).sum();
  }

  private static String causes(List<FlowChange.Cause> cause) {
    if (cause.isEmpty()) {
      return "(none found on the paths)";
    }
    List<String> parts = new ArrayList<>();
    cause.forEach(c -> parts.add(c.resourceId().name() + " " + c.detail()));
    return String.join("; ", parts);
  }

  /**
   * {@code DISPOSITION by rule (priority p) in container: hop[step; step] > hop[…]}; a step the engine could not
   * simulate carries its reason ({@code query[UNSUPPORTED UNKNOWN: snet-new is not in this side's input …]}).
   */
  static String line(FlowChange.Verdict v) {
    StringBuilder sb = new StringBuilder(v.disposition().name()).append(decided(v.decidedBy())).append(": ");
    for (int i = 0; i < v.hops().size(); i++) {
      Hop h = v.hops().get(i);
      sb.append(i == 0 ? "" : " > ").append(h.resourceId().name()).append('[');
      for (int j = 0; j < h.steps().size(); j++) {
        Step s = h.steps().get(j);
        sb.append(j == 0 ? "" : "; ").append(s.type()).append(' ').append(s.action());
        s.ruleName().ifPresent(n -> sb.append(' ').append(n));
        if (s.type() == Step.Type.UNSUPPORTED) { // why the answer is INSUFFICIENT_INFO (a site this side lacks)
          sb.append(": ").append(s.detail());
        }
      }
      sb.append(']');
    }
    return sb.toString();
  }

  private static String decided(Optional<DecidedBy> d) {
    return d.map(b -> " by " + b.ruleName() + b.priority().map(p -> " (priority " + p + ")").orElse("") + " in "
        + b.resourceId().name()).orElse("");
  }
}
