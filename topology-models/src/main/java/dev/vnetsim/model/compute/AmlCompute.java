package dev.vnetsim.model.compute;

import dev.vnetsim.model.ResourceId;
import java.util.Optional;

/** An Azure ML compute ({@code workspaces/computes}): instance or cluster, its subnet and public-IP mode. */
public record AmlCompute(
    ResourceId id,
    String name,
    String location,
    Kind kind,
    Optional<ResourceId> subnet,
    boolean enableNodePublicIp,
    int maxNodeCount) {

  /** {@code computeType}: {@code ComputeInstance} or {@code AmlCompute} (cluster). */
  public enum Kind {
    INSTANCE,
    CLUSTER
  }

  public ResourceId workspace() {
    return id.parent().orElse(id);
  }
}
