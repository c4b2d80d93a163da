package dev.vnetsim.simulator.aml;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.simulator.requirements.Requirement;
import dev.vnetsim.simulator.trace.DecidedBy;
import dev.vnetsim.simulator.trace.Disposition;
import dev.vnetsim.simulator.trace.Trace;
import java.util.Optional;

/**
 * One requirement row simulated for one compute. {@code destination} is the tag as the catalogue spells it (or the
 * FQDN); {@code fixes} are empty when the row passes or no change of ours can make it pass.
 */
public record RowResult(
    Requirement requirement,
    String source,
    String destination,
    Status status,
    Disposition disposition,
    Optional<DecidedBy> decidedBy,
    ImmutableList<Fix> fixes,
    Trace trace,
    ImmutableList<String> notes) {

  /** PASS: the whole tag is reached on every port; WARN: only through default outbound access; FAIL: not. */
  public enum Status {
    PASS,
    WARN,
    FAIL
  }
}
