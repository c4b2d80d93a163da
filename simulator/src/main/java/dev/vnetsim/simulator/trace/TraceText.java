package dev.vnetsim.simulator.trace;

import java.util.List;
import java.util.Optional;

/**
 * Plain text rendering: one line per hop ({@code kind name: step; step}), rules in Azure's words
 * ({@code securityRules/X}, {@code defaultSecurityRules/DenyAllInBound}, a route's name or {@code System Route}),
 * then one line per part for set destinations, the assumptions, and the disposition last.
 */
public final class TraceText {
  private TraceText() {}

  public static String render(Trace t) {
    StringBuilder sb = new StringBuilder();
    hops(sb, t.hops(), "");
    if (t.parts().size() > 1 || !t.parts().isEmpty() && !t.space().isPoint()) {
      for (Part p : t.parts()) {
        sb.append("part ").append(p.space().destinations()).append(' ').append(protocols(p.space())).append(": ")
            .append(p.disposition()).append(decided(p.decidedBy())).append('\n');
      }
    }
    if (!t.notApplicable().isEmpty()) {
      sb.append("not applicable (address family the source cannot send): ").append(t.notApplicable()).append('\n');
    }
    t.egress().ifPresent(e -> sb.append("egress: ").append(egress(e)).append('\n'));
    for (String a : t.assumptions()) {
      sb.append("assumption: ").append(a).append('\n');
    }
    for (String w : t.warnings()) {
      sb.append("warning: ").append(w).append('\n');
    }
    sb.append("disposition: ").append(t.disposition());
    if (!t.parts().isEmpty() && t.coverage() != Coverage.ALL && t.coverage() != Coverage.NONE) {
      sb.append(" (coverage ").append(t.coverage()).append(')');
    }
    sb.append(decided(t.decidedBy())).append('\n');
    return sb.toString();
  }

  private static void hops(StringBuilder sb, List<Hop> hops, String indent) {
    for (Hop h : hops) {
      sb.append(indent).append(h.kind()).append(' ').append(h.resourceId().name()).append(": ");
      for (int i = 0; i < h.steps().size(); i++) {
        sb.append(i == 0 ? "" : "; ").append(step(h.steps().get(i)));
      }
      sb.append('\n');
    }
  }

  static String step(Step s) {
    StringBuilder sb = new StringBuilder();
    sb.append(s.type()).append(' ').append(s.action());
    s.ruleName().ifPresent(r -> sb.append(' ').append(r));
    s.priority().ifPresent(p -> sb.append(" (priority ").append(p).append(')'));
    if (s instanceof Step.Filter f) {
      sb.append(" in ").append(f.nsg().name());
    }
    if (!s.detail().isEmpty()) {
      sb.append(" - ").append(s.detail());
    }
    return sb.toString();
  }

  private static String decided(Optional<DecidedBy> d) {
    if (d.isEmpty()) {
      return "";
    }
    DecidedBy b = d.get();
    return " by " + b.ruleName() + b.priority().map(p -> " (priority " + p + ")").orElse("") + " in "
        + b.resourceId().name();
  }

  private static String protocols(FlowSpace s) {
    StringBuilder sb = new StringBuilder();
    for (FlowBox b : s.boxes()) {
      String p = String.join("/", b.protocolNames()) + (b.hasPorts() ? " " + Ports.text(b.destinationPorts()) : "");
      if (sb.indexOf(p) < 0) {
        sb.append(sb.length() == 0 ? "" : ", ").append(p);
      }
    }
    return sb.toString();
  }

  private static String egress(Egress e) {
    return e.type() + e.resourceId().map(r -> " " + r.name()).orElse("")
        + e.snatAddress().map(a -> " (SNAT " + a + ")").orElse("");
  }
}
