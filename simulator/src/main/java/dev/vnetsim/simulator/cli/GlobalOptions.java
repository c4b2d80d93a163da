package dev.vnetsim.simulator.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command accepts, before or after the subcommand name ({@code vnetsim -t x.json trace} and
 * {@code vnetsim trace -t x.json} are the same): picocli's inherited scope shares one binding across commands.
 */
public final class GlobalOptions {

  @Option(names = {"-t", "--topology"}, scope = ScopeType.INHERIT, paramLabel = "PATH",
      description = "Topology file or folder (ARM JSON/YAML; repeatable). Default: the bundled example.")
  List<Path> topology = new ArrayList<>();

  @Option(names = "--service-tags", scope = ScopeType.INHERIT, paramLabel = "FILE",
      description = "Service-tag file (weekly download or az/REST shape). Default: the cached download, else the "
          + "bundled sample.")
  Path serviceTags;

  @Option(names = "--json", scope = ScopeType.INHERIT, description = "Machine output (JSON) on stdout.")
  boolean json;

  @Option(names = "--strict", scope = ScopeType.INHERIT,
      description = "Treat every input warning (e.g. a reference to a resource not in the input) as an error.")
  boolean strict;

  @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "More detail on stderr, stack traces on errors.")
  boolean verbose;

  /** What is kept between commands (nothing, unless the process is {@code vnetsim serve}); not an option. */
  Workspace workspace = Workspace.oneShot();

  /** Colours for text output: null asks this process's terminal (a server is told the client's); not an option. */
  Colours colours;

  Colours colours() {
    return colours != null ? colours : Colours.forTerminal();
  }

  public List<Path> topology() {
    return topology;
  }

  public Path serviceTags() {
    return serviceTags;
  }

  public boolean json() {
    return json;
  }

  public boolean strict() {
    return strict;
  }

  public boolean verbose() {
    return verbose;
  }
}
