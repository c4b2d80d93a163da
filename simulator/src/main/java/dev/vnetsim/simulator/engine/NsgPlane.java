package dev.vnetsim.simulator.engine;

import dev.vnetsim.model.ResourceId;
import dev.vnetsim.simulator.policy.CompiledNsg;
import dev.vnetsim.simulator.policy.ResolvedNsg;
import java.util.Optional;

/**
 * An NSG attached at one level (subnet or NIC) for one direction, resolved in that subnet's context and compiled; or a
 * reference to an NSG that is not in the input ({@code compiled} empty), which makes answers through it
 * {@code INSUFFICIENT_INFO}.
 */
public record NsgPlane(ResourceId id, Optional<ResolvedNsg> resolved, Optional<CompiledNsg> compiled) {

  public boolean missing() {
    return compiled.isEmpty();
  }
}
