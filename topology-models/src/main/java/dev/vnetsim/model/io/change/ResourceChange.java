package dev.vnetsim.model.io.change;

import dev.vnetsim.model.ResourceId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One difference between the before and after resources. {@code resourceId} is the top-level resource (for a rule
 * or route: its NSG or route table, as a trace's {@code decidedBy.resourceId} names it). When {@code child} is
 * present ({@code securityRules/AllowStorageOutbound}, {@code routes/to-fw}, {@code subnets/app},
 * {@code ruleCollectionGroups/g/ruleCollections/c}) {@code change} is what happened to that child, and
 * {@code detail} says it in words ({@code securityRules/AllowStorageOutbound removed}).
 */
public record ResourceChange(ResourceId resourceId, Kind change, Optional<String> child, String detail) {

  public enum Kind {
    ADDED,
    MODIFIED,
    REMOVED;

    /** The word used in output: {@code added}, {@code modified}, {@code removed}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public ResourceChange {
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(child, "child");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return resourceId + ": " + detail;
  }
}
