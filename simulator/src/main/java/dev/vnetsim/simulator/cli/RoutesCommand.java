package dev.vnetsim.simulator.cli;

import dev.vnetsim.model.ResourceId;
import dev.vnetsim.simulator.routing.EffectiveRoute;
import dev.vnetsim.simulator.routing.EffectiveRouteTable;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vnetsim routes --subnet S | --nic N}: effective routes in the shape of Azure's effective route table. */
@Command(name = "routes", mixinStandardHelpOptions = true,
    description = "Effective routes of a subnet or NIC, as Azure shows them (source, state, prefixes, next hop).")
public final class RoutesCommand implements Callable<Integer> {

  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  /** Exactly one of the two. */
  static final class Target {
    @Option(names = "--subnet", paramLabel = "NAME|ID", description = "Subnet: id, VNET/SUBNET or a unique name.")
    String subnet;

    @Option(names = "--nic", paramLabel = "NAME|ID", description = "NIC or VM: name or id.")
    String nic;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    EngineInputs in = EngineInputs.load(main.global, spec.commandLine().getErr());
    ResourceId id = target.subnet != null ? Endpoints.subnet(target.subnet, in.topology).id()
        : Endpoints.nic(target.nic, in.topology);
    EffectiveRouteTable table = in.engine().routes(id)
        .orElseThrow(() -> CliException.usage("no routes for " + id + " (NIC without a subnet in the input?)"));
    if (main.global.json()) {
      Json.print(out, table.toJsonMap());
      return ExitCodes.OK;
    }
    out.printf("%-22s %-8s %-20s %-30s %s%n", "Source", "State", "Address Prefix", "Next Hop Type", "Next Hop IP");
    for (EffectiveRoute r : table.routes()) {
      String prefixes = r.addressPrefix().isEmpty() ? r.unresolved().orElse("")
          : r.addressPrefix().size() > 3 ? r.addressPrefix().size() + " prefixes"
          : r.addressPrefix().stream().map(Object::toString).collect(Collectors.joining(","));
      out.printf("%-22s %-8s %-20s %-30s %s%n", r.source().armName(), r.state().armName(), prefixes,
          r.nextHopType().armName(), r.nextHopIpAddress().stream().map(Object::toString)
              .collect(Collectors.joining(",")));
    }
    table.unresolved().forEach(u -> out.println("unresolved: " + u));
    out.flush();
    return ExitCodes.OK;
  }
}
