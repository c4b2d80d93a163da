package dev.vnetsim.simulator.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.simulator.trace.DecidedBy;
import dev.vnetsim.simulator.trace.Disposition;
import dev.vnetsim.simulator.trace.Egress;
import dev.vnetsim.simulator.trace.Hop;
import dev.vnetsim.simulator.trace.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects hops and steps along one path, the last allowing filter (DESIGN §3: the {@code decidedBy} of a flow that
 * got through), the last routing step, and assumptions. {@link #copy()} forks it where a set-valued walk splits.
 */
final class PathRecorder {

  private final List<Hop> done;
  private ResourceId hopId;
  private Hop.Kind hopKind;
  private List<Step> steps;
  private ArrayList<String> assumptions;
  private ArrayList<String> warnings;
  private DecidedBy lastAllow;
  private DecidedBy lastRoute;

  PathRecorder() {
    done = new ArrayList<>(8);
  }

  private PathRecorder(PathRecorder o) {
    done = new ArrayList<>(o.done);
    hopId = o.hopId;
    hopKind = o.hopKind;
    steps = o.steps == null ? null : new ArrayList<>(o.steps);
    assumptions = o.assumptions == null ? null : new ArrayList<>(o.assumptions);
    warnings = o.warnings == null ? null : new ArrayList<>(o.warnings);
    lastAllow = o.lastAllow;
    lastRoute = o.lastRoute;
  }

  PathRecorder copy() {
    return new PathRecorder(this);
  }

  /** Starts a new hop (closing the current one), unless the current hop is this resource and has no step yet. */
  PathRecorder hop(ResourceId id, Hop.Kind kind) {
    if (hopId != null && hopId.equals(id) && hopKind == kind && steps.isEmpty()) {
      return this;
    }
    close();
    hopId = id;
    hopKind = kind;
    steps = new ArrayList<>(4);
    return this;
  }

  PathRecorder step(Step s) {
    steps.add(s);
    if (s instanceof Step.Filter f && f.action() == Step.Action.ALLOWED) {
      lastAllow = f.decision().orElse(null);
    }
    if (s instanceof Step.Routing r) {
      lastRoute = r.decision().orElse(null);
    }
    return this;
  }

  PathRecorder assume(String a) {
    if (assumptions == null) {
      assumptions = new ArrayList<>(2);
    }
    if (!assumptions.contains(a)) {
      assumptions.add(a);
    }
    return this;
  }

  /** A risk that does not change the verdict (shown as {@code warning:}). */
  PathRecorder warn(String w) {
    if (warnings == null) {
      warnings = new ArrayList<>(1);
    }
    if (!warnings.contains(w)) {
      warnings.add(w);
    }
    return this;
  }

  Optional<DecidedBy> lastRoute() {
    return Optional.ofNullable(lastRoute);
  }

  /** The hops so far, current one included. */
  ImmutableList<Hop> hops() {
    ImmutableList.Builder<Hop> b = ImmutableList.<Hop>builder().addAll(done);
    if (hopId != null) {
      b.add(new Hop(hopId, hopKind, ImmutableList.copyOf(steps)));
    }
    return b.build();
  }

  private void close() {
    if (hopId != null) {
      done.add(new Hop(hopId, hopKind, ImmutableList.copyOf(steps)));
    }
  }

  /** Ends the path: a success takes the last allowing rule as {@code decidedBy} when none is given. */
  WalkResult end(Disposition d, Optional<DecidedBy> decidedBy, Optional<Egress> egress) {
    Optional<DecidedBy> by = decidedBy.isPresent() || !d.reachable() ? decidedBy : Optional.ofNullable(lastAllow);
    return new WalkResult(d, by, hops(), egress,
        assumptions == null ? ImmutableSet.of() : ImmutableSet.copyOf(assumptions),
        warnings == null ? ImmutableSet.of() : ImmutableSet.copyOf(warnings));
  }

  WalkResult end(Disposition d, Optional<DecidedBy> decidedBy) {
    return end(d, decidedBy, Optional.empty());
  }
}
