package dev.vnetsim.simulator.cli;

import com.google.common.collect.ImmutableMap;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.simulator.dns.FlowName;
import dev.vnetsim.simulator.engine.Endpoint;
import dev.vnetsim.simulator.engine.Query;
import dev.vnetsim.simulator.trace.Trace;
import dev.vnetsim.simulator.trace.TraceJson;
import dev.vnetsim.simulator.trace.TraceText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
      + " CIDR, tag:NAME, internet or an FQDN.")
  String to;

  @Option(names = "--protocol", defaultValue = "tcp", paramLabel = "tcp|udp|icmp|any",
      description = "Protocol (default ${DEFAULT-VALUE}).")
  String protocol;

  @Option(names = "--port", paramLabel = "N", description = "Destination port (default: all).")
  Integer port;

  @Option(names = "--src-port", paramLabel = "N", description = "Source port (default: all).")
  Integer srcPort;

  @Option(names = "--resolve", paramLabel = "NAME=IP", description = "Pin the address of a DNS name (repeatable);"
      + " it overrides private zones and the public catalogue.")
  List<String> resolve = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Protocol p = Protocol.tryParse(protocol).orElseThrow(() -> CliException.usage(
        "--protocol must be tcp, udp, icmp or any, was " + protocol));
    checkPort("--port", port);
    checkPort("--src-port", srcPort);
    EngineInputs in = EngineInputs.load(main.global, spec.commandLine().getErr());
    var tags = in.engine().dataPlane().serviceTags();
    Endpoint a = Endpoints.parse(from, in.topology, tags);
    Endpoint b = Endpoints.parse(to, in.topology, tags);
    ImmutableMap<String, IpAddress> pins = pins(resolve);
    if (b instanceof Endpoint.Fqdn fq && !pins.isEmpty()) {
      b = new Endpoint.Fqdn(fq.name(), pins);
    }
    Trace trace = in.engine().trace(Query.of(a, b, p, port == null ? -1 : port, srcPort == null ? -1 : srcPort));
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

  /** {@code --resolve NAME=IP} values, by lower-case name. */
  static ImmutableMap<String, IpAddress> pins(List<String> values) {
    Map<String, IpAddress> out = new LinkedHashMap<>();
    for (String v : values) {
      int eq = v.indexOf('=');
      Optional<IpAddress> ip = eq < 0 ? Optional.empty() : IpAddress.tryParse(v.substring(eq + 1).trim());
      if (eq <= 0 || ip.isEmpty()) {
        throw CliException.usage("--resolve must be NAME=IP, was " + v);
      }
      out.put(FlowName.normalize(v.substring(0, eq)), ip.get());
    }
    return ImmutableMap.copyOf(out);
  }

  private static void checkPort(String name, Integer value) {
    if (value != null && (value < 0 || value > 65535)) {
      throw CliException.usage(name + " must be 0-65535, was " + value);
    }
  }
}
