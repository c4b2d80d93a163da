package dev.vnetsim.simulator.whatif;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;

/** The answer of {@code check}: the intents file as named on the command line and each intent's result, in order. */
public record CheckReport(String file, ImmutableList<IntentResult> results) {
  public CheckReport {
    checkNotNull(file, "file");
    checkNotNull(results, "results");
  }

  public long passed() {
    return results.stream().filter(IntentResult::pass).count();
  }

  public long failed() {
    return results.size() - passed();
  }
}
