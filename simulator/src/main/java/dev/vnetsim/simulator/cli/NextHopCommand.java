package dev.vnetsim.simulator.cli;

import dev.vnetsim.model.IpAddress;
import dev.vnetsim.simulator.routing.NextHopResult;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vnetsim next-hop --source IP|NIC --dest IP}: Network Watcher's next hop, offline. */
@Command(name = "next-hop", mixinStandardHelpOptions = true,
    description = "Next hop type, next hop IP and route table for a packet from a NIC (or its address).")
public final class NextHopCommand implements Callable<Integer> {

  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Option(names = "--source", required = true, paramLabel = "IP|NIC", description = "Source address or NIC/VM.")
  String source;

  @Option(names = "--dest", required = true, paramLabel = "IP", description = "Destination address.")
  String dest;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    EngineInputs in = EngineInputs.load(main.global, spec.commandLine().getErr());
    IpAddress d = Endpoints.address(dest).orElseThrow(() -> CliException.usage("--dest must be an IP address: "
        + dest));
    Optional<IpAddress> srcIp = Endpoints.address(source);
    Optional<NextHopResult> r = srcIp.isPresent() ? in.engine().nextHop(srcIp.get(), d)
        : in.engine().nextHop(Endpoints.nic(source, in.topology), d);
    NextHopResult result = r.orElseThrow(() -> CliException.usage("source " + source
        + " is in no subnet of the input"));
    if (main.global.json()) {
      Json.print(out, result.toJsonMap());
    } else {
      out.println("nextHopType: " + result.nextHopType().armName());
      result.nextHopIpAddress().ifPresent(a -> out.println("nextHopIpAddress: " + a));
      out.println("routeTableId: " + result.routeTableId());
      out.flush();
    }
    return ExitCodes.OK;
  }
}
