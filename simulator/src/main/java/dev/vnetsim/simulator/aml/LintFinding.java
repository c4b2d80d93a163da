package dev.vnetsim.simulator.aml;

/** A prerequisite check from Microsoft's Azure ML network docs: an error blocks the compute, a warning does not. */
public record LintFinding(String id, Severity severity, String message, String source) {

  public enum Severity {
    ERROR,
    WARNING
  }

  @Override
  public String toString() {
    return severity.name().toLowerCase(java.util.Locale.ROOT) + " " + id + ": " + message;
  }
}
