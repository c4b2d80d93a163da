package dev.vnetsim.simulator.whatif;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;

/**
 * The answer of {@code whatif}: a summary of each side, the changed flows (grouped, sorted: kind, source, from, to,
 * protocol, ports) and how much work it took.
 */
public record WhatIfReport(SideSummary before, SideSummary after, ImmutableList<FlowChange> changes, Stats stats) {

  /** What one side was read from and how many resources of each type it holds. */
  public record SideSummary(String source, ImmutableSortedMap<String, Integer> resources) {
    public SideSummary {
      checkNotNull(source, "source");
      checkNotNull(resources, "resources");
    }
  }

  /** Flows compared, traces simulated (both sides, after caching) and wall time of the analysis. */
  public record Stats(long flows, int traces, long millis) {}

  /** Which changes make {@code whatif} exit 1. */
  public enum FailOn {
    BROKEN,
    ANY
  }

  public WhatIfReport {
    checkNotNull(before, "before");
    checkNotNull(after, "after");
    checkNotNull(changes, "changes");
    checkNotNull(stats, "stats");
  }

  public long count(FlowChange.Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).count();
  }

  /** Whether a change of the {@code failOn} kind exists. */
  public boolean fails(FailOn failOn) {
    return failOn == FailOn.ANY ? !changes.isEmpty() : count(FlowChange.Kind.BROKEN) > 0;
  }
}
