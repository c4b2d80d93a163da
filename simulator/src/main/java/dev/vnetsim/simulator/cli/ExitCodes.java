package dev.vnetsim.simulator.cli;

/** The exit codes of the command-line contract (DESIGN.md §3). */
public final class ExitCodes {
  private ExitCodes() {}

  /** OK, reachable, all requirements met. */
  public static final int OK = 0;
  /** A negative verdict: not reachable, a requirement or intent failed, a what-if regression. */
  public static final int NEGATIVE = 1;
  /** Usage error. */
  public static final int USAGE = 2;
  /** Invalid input data: topology, service tags, change file. */
  public static final int INVALID_INPUT = 3;
  /** Internal error. */
  public static final int INTERNAL = 4;
}
