package dev.vnetsim.simulator.aml;

import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.compute.AmlCompute;
import java.util.Optional;

/**
 * The compute an {@code aml-check} is about: from a {@code workspaces/computes} resource, or described on the
 * command line ({@code --subnet --kind --public-ip|--no-public-ip}). {@code region} is the compute's region in
 * lower case ({@code eastus}), as the requirement tables' {@code <region>}.
 */
public record ComputeTarget(String name, Optional<ResourceId> id, ResourceId subnet, AmlCompute.Kind kind,
    boolean publicIp, String region, int maxNodes) {

  public static ComputeTarget of(AmlCompute c, String fallbackRegion) {
    String region = c.location() == null || c.location().isBlank() ? fallbackRegion : c.location();
    return new ComputeTarget(c.name(), Optional.of(c.id()), c.subnet().orElseThrow(), c.kind(),
        c.enableNodePublicIp(), normalise(region), c.kind() == AmlCompute.Kind.INSTANCE ? 1 : c.maxNodeCount());
  }

  static String normalise(String region) {
    return region.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
  }

  public String kindName() {
    return kind == AmlCompute.Kind.INSTANCE ? "instance" : "cluster";
  }
}
