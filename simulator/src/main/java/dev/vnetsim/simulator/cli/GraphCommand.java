package dev.vnetsim.simulator.cli;

import dev.vnetsim.simulator.graph.ForwardingGraph;
import dev.vnetsim.simulator.graph.Node;
import dev.vnetsim.simulator.graph.RoutingLoop;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vnetsim graph [--format dot|mermaid]}: the forwarding graph, and any appliance routing loops. */
@Command(name = "graph", mixinStandardHelpOptions = true,
    description = "The forwarding graph (subnets, NICs, appliances, gateways, external endpoints; edges by route).")
public final class GraphCommand implements Callable<Integer> {

  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Option(names = "--format", defaultValue = "mermaid", paramLabel = "dot|mermaid",
      description = "Text format (default ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String f = format.trim().toLowerCase(java.util.Locale.ROOT);
    if (!f.equals("dot") && !f.equals("mermaid")) {
      throw CliException.usage("--format must be dot or mermaid, was " + format);
    }
    EngineInputs in = EngineInputs.load(main.global, spec.commandLine().getErr());
    ForwardingGraph g = ForwardingGraph.of(in.engine().dataPlane());
    String text = f.equals("dot") ? g.toDot() : g.toMermaid();
    List<RoutingLoop> loops = g.loops();
    if (main.global.json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("format", f);
      doc.put("graph", text);
      List<Object> l = new ArrayList<>();
      for (RoutingLoop loop : loops) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cycle", loop.cycle().stream().map(Node::label).toList());
        m.put("destinations", loop.destinations().toCidrs().stream().map(Object::toString).toList());
        l.add(m);
      }
      doc.put("loops", l);
      Json.print(out, doc);
    } else {
      out.print(text);
      for (RoutingLoop loop : loops) {
        out.println((f.equals("dot") ? "// " : "%% ") + "routing loop: " + String.join(" -> ",
            loop.cycle().stream().map(Node::label).toList()) + " for " + loop.destinations());
      }
      out.flush();
    }
    return ExitCodes.OK;
  }
}
