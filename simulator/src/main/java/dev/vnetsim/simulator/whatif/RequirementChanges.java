package dev.vnetsim.simulator.whatif;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.compute.AmlCompute;
import dev.vnetsim.model.io.change.ChangeSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The requirement rows' changes (DESIGN §3 {@code whatif} (a)) of the computes the change may affect (every compute
 * when it is not incremental). A row is evaluated on the after side only when its before trace may change
 * ({@link Impact#unaffectedRow}); the before rows are kept in the memo (a resident process evaluates them once
 * per before side, in its preload). As {@link DifferentialChanges}, in three steps: {@link #plan} (the before rows,
 * their computes evaluated in parallel when not kept), {@link #run} (a task per compute to evaluate on the after side,
 * which may run in parallel with the differential's tasks) and {@link #addTo} (the changes in the after side's order
 * of computes).
 */
final class RequirementChanges {
  private final ChangeSet changes;
  private final WhatIf.Options options;
  /** The before rows of the computes evaluated again, by key. */
  private final Map<String, RequirementFlow> before;
  /** The computes to evaluate again, in the after side's order. */
  private final List<ResourceId> again;
  private final List<List<Grouping.Raw>> byCompute;
  private final List<Integer> compared;
  /** Rows the same on both sides without evaluating them again. */
  private final int unchanged;

  private RequirementChanges(ChangeSet changes, WhatIf.Options options, Map<String, RequirementFlow> before,
      List<ResourceId> again, int unchanged) {
    this.changes = changes;
    this.options = options;
    this.before = before;
    this.again = again;
    this.byCompute = new ArrayList<>(Collections.nCopies(again.size(), List.of()));
    this.compared = new ArrayList<>(Collections.nCopies(again.size(), 0));
    this.unchanged = unchanged;
  }

  static RequirementChanges plan(ChangeSet changes, WhatIf.Options o, SidePair sides) {
    boolean warm = changes.changes().isEmpty() && o.memo().keeps(); // a preload: every compute's before rows
    Predicate<AmlCompute> which = warm ? c -> true : sides.impact().computes(sides.before(), sides.after());
    Map<ResourceId, ImmutableList<RequirementFlow>> kept = o.memo().get("whatif.requirement-rows", List.of(
        new Memo.Same(changes.before()), new Memo.Same(o.requirements()), new Memo.Same(o.tags())), HashMap::new);
    List<AmlCompute> asked = changes.before().amlComputes().values().stream().filter(which).toList();
    List<AmlCompute> missing = asked.stream().filter(c -> !kept.containsKey(c.id())).toList();
    List<ImmutableList<RequirementFlow>> evaluated = new ArrayList<>(Collections.nCopies(missing.size(), null));
    Workers.forEach(missing.size(), i -> evaluated.set(i, rows(o, changes.before(), missing.get(i).id())));
    for (int i = 0; i < missing.size(); i++) {
      kept.put(missing.get(i).id(), evaluated.get(i));
    }
    Map<String, RequirementFlow> before = new LinkedHashMap<>();
    Set<ResourceId> again = new HashSet<>();
    int n = 0;
    for (AmlCompute c : asked) {
      for (RequirementFlow r : kept.get(c.id())) {
        if (sides.impact().unaffectedRow(r.trace(), sides.before(), sides.after())) {
          n += warm ? 0 : 1; // the same row on both sides (a preload counts none, as a one-shot run)
        } else {
          again.add(c.id());
          before.put(r.key(), r);
        }
      }
    }
    List<ResourceId> order = changes.after().amlComputes().keySet().stream().filter(again::contains).toList();
    return new RequirementChanges(changes, o, before, order, n);
  }

  private static ImmutableList<RequirementFlow> rows(WhatIf.Options o, Topology t, ResourceId id) {
    return o.requirements().evaluate(t, o.tags(), c -> c.id().equals(id));
  }

  /** How many tasks {@link #run} has (computes to evaluate on the after side). */
  int tasks() {
    return again.size();
  }

  /** One compute's rows on the after side, compared with its before rows. */
  void run(int task) {
    List<Grouping.Raw> out = new ArrayList<>();
    int n = 0;
    ResourceId id = again.get(task);
    for (RequirementFlow a : options.requirements().evaluate(changes.after(), options.tags(), c -> c.id().equals(id),
        before::containsKey)) {
      RequirementFlow b = before.get(a.key());
      if (b == null) {
        continue;
      }
      n++;
      List<PortRange> ports = new ArrayList<>();
      a.ports().forEach(p -> ports.add(PortRange.parse(p)));
      WhatIf.add(out, FlowChange.Source.REQUIREMENT, Optional.of(a.key()), a.from(), a.to(), a.protocol(), ports,
          Difference.between(b.trace(), a.trace()), changes.changes());
    }
    compared.set(task, n);
    byCompute.set(task, out); // a slot per task: no two tasks write the same one
  }

  /** Once every task has run: adds the changes to {@code raw}; returns how many rows were compared. */
  int addTo(List<Grouping.Raw> raw) {
    byCompute.forEach(raw::addAll);
    return unchanged + compared.stream().mapToInt(Integer::intValue).sum();
  }
}
