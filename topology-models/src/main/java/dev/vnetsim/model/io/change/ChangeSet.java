package dev.vnetsim.model.io.change;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import java.util.Collection;
import java.util.List;

/**
 * The two sides of a what-if: the topology before and after a change (both validated like any input), what changed
 * between them (from a diff of the resource trees, not from the change's own text), notes to print as warnings, and
 * the ids that were synthesised for resources a plan creates (real ids are known only after apply).
 */
public record ChangeSet(Topology before, Topology after, ImmutableList<ResourceChange> changes,
    ImmutableList<PlanNote> notes, ImmutableSet<ResourceId> synthesisedIds) {

  /** The changes between two inputs read on their own ({@code whatif --after PATH…}). */
  public static ChangeSet between(ArmResources before, ArmResources after) {
    return of(before, after, List.of(), List.of());
  }

  /** Diffs {@code before} and {@code after}. */
  static ChangeSet of(ArmResources before, ArmResources after, Collection<PlanNote> notes,
      Collection<ResourceId> synthesisedIds) {
    ImmutableSet<ResourceId> synthesised = ImmutableSet.copyOf(synthesisedIds);
    return new ChangeSet(before.topology(), after.topology(), TreeDiff.diff(before, after, synthesised),
        ImmutableList.copyOf(notes), synthesised);
  }
}
