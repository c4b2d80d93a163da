package dev.vnetsim.simulator.aml;

import com.google.common.collect.ImmutableList;

/** Every requirement row and prerequisite finding for one compute. */
public record ComputeReport(ComputeTarget compute, String packName, String packVersion,
    ImmutableList<RowResult> rows, ImmutableList<LintFinding> lint, ImmutableList<String> assumptions) {

  /** Whether a required row failed or a prerequisite is broken (exit 1). */
  public boolean failed() {
    return rows.stream().anyMatch(r -> r.requirement().required() && r.status() == RowResult.Status.FAIL)
        || lint.stream().anyMatch(l -> l.severity() == LintFinding.Severity.ERROR);
  }
}
