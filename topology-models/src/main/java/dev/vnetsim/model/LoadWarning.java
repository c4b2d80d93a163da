package dev.vnetsim.model;

import java.util.Optional;

/**
 * Something in the input worth saying that does not stop loading: a reference to a resource not in the input
 * (answers that need it become {@code INSUFFICIENT_INFO}), a file with no recognisable resource, a list page link.
 * {@code missing} is the referenced id for dangling references.
 */
public record LoadWarning(Kind kind, InputPath path, Optional<ResourceId> resource, Optional<ResourceId> missing,
    String message) {

  public enum Kind {
    DANGLING_REFERENCE,
    NO_RESOURCES,
    INPUT_NOTE
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(path.toString());
    resource.ifPresent(r -> sb.append(" (").append(r).append(')'));
    return sb.append(": ").append(message).toString();
  }
}
