package dev.vnetsim.simulator.whatif;

import dev.vnetsim.simulator.trace.TraceJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code check} as text (the default) and as JSON (DESIGN §3: {@code {"intents":[…],"passed":n,"failed":n}}). */
public final class CheckFormats {
  private CheckFormats() {}

  /** One line per intent ({@code PASS}/{@code FAIL}, the flow, what was expected and what happened), then a total. */
  public static String text(CheckReport r) {
    StringBuilder sb = new StringBuilder();
    for (IntentResult x : r.results()) {
      Intent i = x.intent();
      sb.append(x.pass() ? "PASS " : "FAIL ").append(i.name()).append(": ").append(i.flowText()).append(": ");
      if (!x.pass()) {
        sb.append("expected ").append(i.expect().label()).append(", was ");
      }
      sb.append(x.actual().label()).append(" (").append(x.verdictText()).append(")\n");
    }
    sb.append(r.results().size()).append(" intents: ").append(r.passed()).append(" passed, ").append(r.failed())
        .append(" failed\n");
    return sb.toString();
  }

  public static Map<String, Object> json(CheckReport r) {
    List<Object> intents = new ArrayList<>();
    for (IntentResult x : r.results()) {
      Intent i = x.intent();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", i.name());
      m.put("pass", x.pass());
      m.put("expect", i.expect().label());
      m.put("actual", x.actual().label());
      m.put("disposition", x.disposition().name());
      m.put("decidedBy", TraceJson.decidedBy(x.decidedBy()));
      m.put("from", i.from());
      m.put("to", i.to());
      m.put("protocol", i.protocolText());
      m.put("ports", new ArrayList<>(i.portTexts()));
      intents.add(m);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("intents", intents);
    doc.put("passed", r.passed());
    doc.put("failed", r.failed());
    return doc;
  }
}
