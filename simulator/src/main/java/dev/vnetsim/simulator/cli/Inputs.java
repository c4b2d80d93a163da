package dev.vnetsim.simulator.cli;

import dev.vnetsim.model.LoadWarning;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.io.TopologyReader;
import dev.vnetsim.model.io.change.ArmResources;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads what a command needs from the global options: the topology (or the bundled example). */
final class Inputs {
  static final String EXAMPLE = "examples/aml-secure-training";

  private Inputs() {}

  /** The topology paths given with {@code -t}, or the bundled example's folder. */
  static List<Path> topologyPaths(GlobalOptions global) {
    if (!global.topology().isEmpty()) {
      return global.topology();
    }
    return List.of(bundledExample());
  }

  static Path bundledExample() {
    String home = System.getProperty("vnetsim.home");
    if (home != null) {
      Path p = Path.of(home).resolve(EXAMPLE);
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    Path here = Path.of(EXAMPLE);
    if (Files.isDirectory(here)) {
      return here;
    }
    throw CliException.usage("no topology given (-t PATH) and the bundled example " + EXAMPLE
        + " was not found (run through ./vnetsim at the repository root)");
  }

  /**
   * The input as ARM resource trees with the topology they read as (what {@code whatif} changes), kept in a resident
   * workspace: there, every command reads its topology through this, so a job's commands share one read.
   */
  static ArmResources resources(GlobalOptions global, List<Path> paths) {
    return global.workspace.get("resources", List.of(Workspace.stamps(paths), global.strict()),
        () -> ArmResources.read(paths, global.strict()));
  }

  /** Reads and validates the topology; prints its warnings on stderr (under --strict the first one is an error). */
  static Topology topology(GlobalOptions global, PrintWriter err) {
    List<Path> paths = topologyPaths(global);
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw CliException.invalidInput(p + ": no such file or directory");
      }
    }
    Topology topology = global.workspace.isResident() ? resources(global, paths).topology()
        : TopologyReader.read(paths, global.strict()).topology();
    for (LoadWarning w : topology.warnings()) {
      err.println("warning: " + Main.oneLine(w.toString()));
    }
    err.flush();
    return topology;
  }
}
