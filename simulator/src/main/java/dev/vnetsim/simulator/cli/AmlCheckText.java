package dev.vnetsim.simulator.cli;

import dev.vnetsim.model.PortRange;
import dev.vnetsim.simulator.aml.ComputeReport;
import dev.vnetsim.simulator.aml.Fix;
import dev.vnetsim.simulator.aml.LintFinding;
import dev.vnetsim.simulator.aml.RowResult;
import java.util.List;
import java.util.Locale;

/** The readable renderings of {@code aml-check}: a table per compute, and Markdown for a pull-request comment. */
final class AmlCheckText {
  private AmlCheckText() {}

  static String text(List<ComputeReport> reports, String snapshot, Colours c) {
    StringBuilder sb = new StringBuilder();
    sb.append("service tags: ").append(snapshot).append('\n');
    for (ComputeReport r : reports) {
      sb.append('\n').append(header(r)).append('\n');
      sb.append(String.format("%-4s %-4s %-3s %-15s %-38s %-6s %-24s %s%n", "ID", "DIR", "PRO", "PORTS",
          "PEER", "STATUS", "DISPOSITION", "DECIDED BY"));
      for (RowResult row : r.rows()) {
        String status = row.status().name() + (row.requirement().required() ? "" : "*");
        String coloured = switch (row.status()) {
          case PASS -> c.green(String.format("%-6s", status));
          case WARN -> c.yellow(String.format("%-6s", status));
          case FAIL -> row.requirement().required() ? c.red(String.format("%-6s", status))
              : c.yellow(String.format("%-6s", status));
        };
        sb.append(String.format("%-4s %-4s %-3s %-15s %-38s %s %-24s %s%n", row.requirement().id(),
            row.requirement().direction().armName().substring(0, row.requirement().direction().armName().length() == 7
                ? 2 : 3).toLowerCase(Locale.ROOT), protocol(row), ports(row), abbreviate(row.destination().equals(
                    "compute node") ? row.source() : row.destination(), 38), coloured, row.disposition(),
            row.decidedBy().map(d -> d.ruleName()).orElse("")));
        for (Fix f : row.fixes()) {
          sb.append("       fix").append(f.verified() ? " (verified)" : " (not verified)").append(": ")
              .append(f.summary()).append('\n');
        }
      }
      sb.append("  * optional row (does not fail the check)\n");
      for (LintFinding l : r.lint()) {
        sb.append("  ").append(l.severity() == LintFinding.Severity.ERROR ? c.red("error") : c.yellow("warning"))
            .append(' ').append(l.id()).append(": ").append(l.message()).append('\n');
      }
      sb.append(r.failed() ? c.red("FAIL") : c.green("PASS")).append(": ").append(summary(r)).append('\n');
    }
    return sb.toString();
  }

  static String markdown(List<ComputeReport> reports, String snapshot) {
    StringBuilder sb = new StringBuilder();
    for (ComputeReport r : reports) {
      sb.append("### ").append(r.failed() ? "❌ " : "✅ ").append("Azure ML network check: `")
          .append(r.compute().name()).append("`\n\n");
      sb.append(header(r)).append(" — ").append(summary(r)).append("\n\n");
      sb.append("| id | direction | protocol | ports | peer | status | disposition | decided by | fix |\n");
      sb.append("|---|---|---|---|---|---|---|---|---|\n");
      for (RowResult row : r.rows()) {
        sb.append("| ").append(row.requirement().id()).append(" | ").append(row.requirement().direction().armName())
            .append(" | ").append(protocol(row)).append(" | ").append(ports(row)).append(" | `")
            .append(row.destination().equals("compute node") ? row.source() : row.destination()).append("` | ")
            .append(row.status()).append(row.requirement().required() ? "" : " (optional)").append(" | ")
            .append(row.disposition()).append(" | ")
            .append(row.decidedBy().map(d -> "`" + d.ruleName() + "`").orElse("")).append(" | ")
            .append(String.join("<br>", row.fixes().stream().map(Fix::summary).toList())).append(" |\n");
      }
      if (!r.lint().isEmpty()) {
        sb.append('\n');
        r.lint().forEach(l -> sb.append("- **").append(l.severity().name().toLowerCase(Locale.ROOT)).append("** `")
            .append(l.id()).append("`: ").append(l.message()).append('\n'));
      }
      sb.append("\n<sub>service tags: ").append(snapshot).append("; requirement pack ").append(r.packName())
          .append(' ').append(r.packVersion()).append("</sub>\n\n");
    }
    return sb.toString();
  }

  private static String header(ComputeReport r) {
    return String.format("compute %s (%s, %s, %s) in %s", r.compute().name(), r.compute().kindName(),
        r.compute().region(), r.compute().publicIp() ? "public IP" : "no public IP",
        r.compute().subnet().name());
  }

  private static String summary(ComputeReport r) {
    long pass = r.rows().stream().filter(x -> x.status() == RowResult.Status.PASS).count();
    long warn = r.rows().stream().filter(x -> x.status() == RowResult.Status.WARN).count();
    long failReq = r.rows().stream().filter(x -> x.status() == RowResult.Status.FAIL && x.requirement().required())
        .count();
    long failOpt = r.rows().stream().filter(x -> x.status() == RowResult.Status.FAIL && !x.requirement().required())
        .count();
    return String.format("%d passed, %d warned, %d required failed, %d optional failed", pass, warn, failReq,
        failOpt);
  }

  private static String protocol(RowResult row) {
    return row.requirement().protocol() == dev.vnetsim.model.Protocol.ANY ? "ANY"
        : row.requirement().protocol().name();
  }

  private static String ports(RowResult row) {
    return String.join(",", row.requirement().ports().stream().map(PortRange::toString).toList());
  }

  private static String abbreviate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
