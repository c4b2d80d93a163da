package dev.vnetsim.simulator.whatif;

import dev.vnetsim.simulator.trace.TraceText;

/**
 * {@code check --format markdown}: a summary line and a short table for a PR comment or job summary
 * (GitHub-flavoured Markdown), then each failing intent's trace in a {@code <details>} block
 * (formats-and-conventions §2: short tables first, long traces folded).
 */
public final class CheckMarkdown {
  private CheckMarkdown() {}

  public static String render(CheckReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("### vnetsim check: ").append(r.passed()).append(" passed, ").append(r.failed()).append(" failed\n\n");
    sb.append("| | Intent | Flow | Expected | Actual | Decided by |\n");
    sb.append("|---|---|---|---|---|---|\n");
    for (IntentResult x : r.results()) {
      Intent i = x.intent();
      sb.append("| ").append(x.pass() ? "✅" : "❌").append(" | ").append(cell(i.name())).append(" | ")
          .append(cell(i.flowText())).append(" | ").append(i.expect().label()).append(" | ")
          .append(x.actual().label()).append(" (").append(x.disposition()).append(") | ")
          .append(x.decidedBy().map(d -> cell(d.ruleName() + " in " + d.resourceId().name())).orElse(""))
          .append(" |\n");
    }
    for (IntentResult x : r.results()) {
      if (!x.pass()) {
        sb.append("\n<details><summary>").append(html(x.intent().name())).append(": trace</summary>\n\n```text\n")
            .append(TraceText.render(x.trace())).append("```\n\n</details>\n");
      }
    }
    return sb.toString();
  }

  /** A table cell: pipes escaped, line breaks flattened. */
  static String cell(String s) {
    return s.replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
  }

  private static String html(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
