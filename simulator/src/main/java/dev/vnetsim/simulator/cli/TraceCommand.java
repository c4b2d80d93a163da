package dev.vnetsim.simulator.cli;

import dev.vnetsim.model.Protocol;
import dev.vnetsim.simulator.engine.Endpoint;
import dev.vnetsim.simulator.engine.Query;
import dev.vnetsim.simulator.trace.Trace;
import dev.vnetsim.simulator.trace.TraceJson;
import dev.vnetsim.simulator.trace.TraceText;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vnetsim trace --from A --to B}: simulates a flow hop by hop. Exit 0 reachable, 1 not. */
@Command(name = "trace", mixinStandardHelpOptions = true,
    description = "Simulate a flow from A to B: verdict, every hop, the deciding rule or route. Exit 0 if reachable.")
public final class TraceCommand implements Callable<Integer> {

  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Option(names = "--from", required = true, paramLabel = "A", description = "NIC, VM, public IP, IP, CIDR, "
      + "tag:NAME or internet.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "B", description = "NIC, VM, public IP, private endpoint, IP,"
      + " CIDR, tag:NAME or internet.")
  String to;

  @Option(names = "--protocol", defaultValue = "tcp", paramLabel = "tcp|udp|icmp|any",
      description = "Protocol (default ${DEFAULT-VALUE}).")
  String protocol;

  @Option(names = "--port", paramLabel = "N", description = "Destination port (default: all).")
  Integer port;

  @Option(names = "--src-port", paramLabel = "N", description = "Source port (default: all).")
  Integer srcPort;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Protocol p = Protocol.tryParse(protocol).orElseThrow(() -> CliException.usage(
        "--protocol must be tcp, udp, icmp or any, was " + protocol));
    checkPort("--port", port);
    checkPort("--src-port", srcPort);
    EngineInputs in = EngineInputs.load(main.global, spec.commandLine().getErr());
    var tags = in.engine.dataPlane().serviceTags();
    Endpoint a = Endpoints.parse(from, in.topology, tags);
    Endpoint b = Endpoints.parse(to, in.topology, tags);
    Trace trace = in.engine.trace(Query.of(a, b, p, port == null ? -1 : port, srcPort == null ? -1 : srcPort));
    if (main.global.json()) {
      Map<String, Object> doc = TraceJson.toJsonMap(trace);
      doc.put("serviceTags", in.serviceTagsJson());
      Json.print(out, doc);
    } else {
      out.print(TraceText.render(trace));
      out.flush();
    }
    return trace.reachable() ? ExitCodes.OK : ExitCodes.NEGATIVE;
  }

  private static void checkPort(String name, Integer value) {
    if (value != null && (value < 0 || value > 65535)) {
      throw CliException.usage(name + " must be 0-65535, was " + value);
    }
  }
}
