package dev.vnetsim.simulator.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the command line in-process with captured stdout and stderr, as picocli's testing guide shows. */
record CliRun(int exitCode, String out, String err) {

  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final Path EXAMPLE = REPO.resolve("examples/aml-secure-training");

  static CliRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    String home = System.getProperty("vnetsim.home");
    System.setProperty("vnetsim.home", REPO.toString());
    try {
      int code = cl.execute(args);
      return new CliRun(code, out.toString(), err.toString());
    } finally {
      if (home == null) {
        System.clearProperty("vnetsim.home");
      } else {
        System.setProperty("vnetsim.home", home);
      }
    }
  }

  /** stderr lines. */
  String[] errLines() {
    return err.isEmpty() ? new String[0] : err.split("\\R");
  }

  /** Shared test data beside the repository (../shared/data). */
  static Path sharedData(String relative) {
    for (Path base : new Path[] {REPO.resolve("../shared/data"), REPO.resolve("../../shared/data")}) {
      Path p = base.resolve(relative).normalize();
      if (p.toFile().exists()) {
        return p;
      }
    }
    throw new AssertionError("shared data not found: " + relative + " (expected ../shared/data beside the repo)");
  }
}
