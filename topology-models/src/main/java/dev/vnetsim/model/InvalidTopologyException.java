package dev.vnetsim.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The one exception for bad input: where it is ({@link InputPath}), which resource (ARM id, when known) and what
 * rule it breaks with the offending value. Thrown with a relative path by {@link Checks}; readers re-root it with
 * {@link #under(InputPath)} as it travels up.
 */
public final class InvalidTopologyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final InputPath path;
  private final String resourceId;
  private final String reason;

  public InvalidTopologyException(InputPath path, String resourceId, String reason) {
    super(reason, null, false, false);
    this.path = Objects.requireNonNull(path, "path");
    this.resourceId = resourceId;
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public InvalidTopologyException(InputPath path, String reason) {
    this(path, null, reason);
  }

  public static InvalidTopologyException at(String relativePath, String reason) {
    return new InvalidTopologyException(InputPath.relative(relativePath), reason);
  }

  /** The same error with {@code parent} prepended to its path; keeps the innermost resource id. */
  public InvalidTopologyException under(InputPath parent) {
    return new InvalidTopologyException(parent.resolve(path), resourceId, reason);
  }

  /** The same error naming {@code id} as the resource, unless a more specific one is already known. */
  public InvalidTopologyException forResource(String id) {
    if (resourceId != null || id == null) {
      return this;
    }
    return new InvalidTopologyException(path, id, reason);
  }

  public InputPath path() {
    return path;
  }

  public Optional<String> resourceId() {
    return Optional.ofNullable(resourceId);
  }

  public String reason() {
    return reason;
  }

  @Override
  public String getMessage() {
    StringBuilder sb = new StringBuilder(path.toString());
    if (resourceId != null) {
      sb.append(" (").append(resourceId).append(')');
    }
    return sb.append(": ").append(reason).toString();
  }
}
