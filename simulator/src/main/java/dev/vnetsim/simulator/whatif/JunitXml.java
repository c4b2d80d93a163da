package dev.vnetsim.simulator.whatif;

import dev.vnetsim.simulator.trace.TraceText;

/**
 * {@code check --format junit}: one {@code <testcase>} per intent; a failing intent has a {@code <failure>} whose
 * message gives what was expected, the disposition and the deciding rule, and whose body is the rendered trace
 * (formats-and-conventions §2: Azure Pipelines PublishTestResults, GitLab {@code artifacts:reports:junit}).
 */
public final class JunitXml {
  private JunitXml() {}

  public static String render(CheckReport r) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    String counts = " tests=\"" + r.results().size() + "\" failures=\"" + r.failed() + "\" errors=\"0\"";
    sb.append("<testsuites name=\"vnetsim check\"").append(counts).append(">\n");
    sb.append("  <testsuite name=\"").append(escape(r.file())).append('"').append(counts)
        .append(" skipped=\"0\" time=\"0\">\n");
    for (IntentResult x : r.results()) {
      Intent i = x.intent();
      sb.append("    <testcase classname=\"vnetsim.intents\" name=\"").append(escape(i.name()))
          .append("\" time=\"0\">\n");
      String trace = TraceText.render(x.trace());
      if (!x.pass()) {
        sb.append("      <failure type=\"").append(x.disposition()).append("\" message=\"")
            .append(escape(i.flowText() + ": expected " + i.expect().label() + ", was " + x.actual().label() + " ("
                + x.verdictText() + ")"))
            .append("\">").append(escape(trace)).append("</failure>\n");
      }
      sb.append("      <system-out>").append(escape(trace)).append("</system-out>\n");
      sb.append("    </testcase>\n");
    }
    sb.append("  </testsuite>\n</testsuites>\n");
    return sb.toString();
  }

  /** XML text and attribute escaping; characters XML 1.0 cannot hold are dropped. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
