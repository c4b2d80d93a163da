package dev.vnetsim.simulator.whatif;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.compute.AmlCompute;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import java.util.function.Predicate;

/**
 * What-if source "requirement": every requirement row of every Azure ML compute of a topology, each simulated as a
 * flow. {@link AmlRequirements} implements it with {@code aml-check}; {@link #none()} leaves requirement rows out.
 * The what-if compares rows with the same {@link RequirementFlow#key()} on both sides (a compute added or removed is
 * not a flow change).
 */
@FunctionalInterface
public interface RequirementFlows {

  /**
   * Every row of every compute of {@code topology} that {@code which} accepts; the implementation compiles what it
   * needs (e.g. with probes).
   */
  ImmutableList<RequirementFlow> evaluate(Topology topology, ServiceTagLookup tags, Predicate<AmlCompute> which);

  /**
   * As above, only the rows whose {@link RequirementFlow#key()} {@code keys} accepts (an implementation may skip the
   * others without evaluating them).
   */
  default ImmutableList<RequirementFlow> evaluate(Topology topology, ServiceTagLookup tags,
      Predicate<AmlCompute> which, Predicate<String> keys) {
    return evaluate(topology, tags, which).stream().filter(r -> keys.test(r.key()))
        .collect(ImmutableList.toImmutableList());
  }

  /** Every row of every compute. */
  default ImmutableList<RequirementFlow> evaluate(Topology topology, ServiceTagLookup tags) {
    return evaluate(topology, tags, c -> true);
  }

  /** No requirement rows (aml-check not wired in). */
  static RequirementFlows none() {
    return (topology, tags, which) -> ImmutableList.of();
  }
}
