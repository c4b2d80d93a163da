package dev.vnetsim.simulator.cli;

import dev.vnetsim.model.LoadWarning;
import dev.vnetsim.model.Topology;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vnetsim validate}: loads and checks the topology; counts per type, skipped types, warnings. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Load and check a topology: resource counts per type, skipped types, warnings. Exit 0 or 3.")
public final class ValidateCommand implements Callable<Integer> {

  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Topology topology = Inputs.topology(main.global, err);
    if (main.global.json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("resources", topology.resourceCounts());
      doc.put("skipped", topology.skippedTypes());
      List<String> warnings = new ArrayList<>();
      for (LoadWarning w : topology.warnings()) {
        warnings.add(w.toString());
      }
      doc.put("warnings", warnings);
      Json.print(out, doc);
      return ExitCodes.OK;
    }
    out.println("Loaded " + String.join(", ", Inputs.topologyPaths(main.global).stream().map(Object::toString)
        .toList()));
    out.println();
    out.println("Resources");
    topology.resourceCounts().forEach((type, n) -> out.printf("  %6d  %s%n", n, type));
    if (!topology.skippedTypes().isEmpty()) {
      out.println();
      out.println("Skipped (types not simulated; still valid targets by id)");
      topology.skippedTypes().forEach((type, n) -> out.printf("  %6d  %s%n", n, type));
    }
    out.println();
    out.println(topology.warnings().isEmpty() ? "No warnings." : topology.warnings().size() + " warning(s), see stderr.");
    out.flush();
    return ExitCodes.OK;
  }
}
