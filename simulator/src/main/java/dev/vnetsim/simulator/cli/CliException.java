package dev.vnetsim.simulator.cli;

/** A command failure with its exit code and one-line message (no stack trace is shown for it). */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public CliException(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  public static CliException usage(String message) {
    return new CliException(ExitCodes.USAGE, message);
  }

  public static CliException invalidInput(String message) {
    return new CliException(ExitCodes.INVALID_INPUT, message);
  }

  public int exitCode() {
    return exitCode;
  }
}
