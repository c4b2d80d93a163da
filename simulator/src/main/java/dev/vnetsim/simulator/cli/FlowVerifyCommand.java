package dev.vnetsim.simulator.cli;

import dev.vnetsim.model.Direction;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.simulator.engine.FlowVerifyResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vnetsim flow-verify}: Network Watcher's IP flow verify, offline: the effective NSG verdict on a NIC (subnet
 * and NIC NSG in Azure's order). Exit 0 for Allow, 1 for Deny (or no verdict).
 */
@Command(name = "flow-verify", mixinStandardHelpOptions = true,
    description = "Effective NSG verdict on a NIC for one packet (IP flow verify). Exit 0 Allow, 1 Deny.")
public final class FlowVerifyCommand implements Callable<Integer> {

  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Option(names = "--target", required = true, paramLabel = "VM|NIC", description = "The VM or NIC.")
  String target;

  @Option(names = "--direction", required = true, paramLabel = "inbound|outbound")
  String direction;

  @Option(names = "--protocol", required = true, paramLabel = "tcp|udp|icmp")
  String protocol;

  @Option(names = "--local", required = true, paramLabel = "IP:PORT", description = "Address and port on the NIC.")
  String local;

  @Option(names = "--remote", required = true, paramLabel = "IP:PORT", description = "The other end.")
  String remote;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Direction d = Direction.tryParse(direction).orElseThrow(() -> CliException.usage(
        "--direction must be inbound or outbound, was " + direction));
    Protocol p = Protocol.tryParse(protocol).filter(x -> x != Protocol.ANY).orElseThrow(() -> CliException.usage(
        "--protocol must be tcp, udp, icmp, esp or ah, was " + protocol));
    Endpoint2 l = Endpoint2.parse("--local", local);
    Endpoint2 r = Endpoint2.parse("--remote", remote);
    EngineInputs in = EngineInputs.load(main.global, spec.commandLine().getErr());
    FlowVerifyResult result = in.engine().flowVerify(Endpoints.nic(target, in.topology), d, p, l.address, l.port,
        r.address, r.port).orElseThrow(() -> CliException.usage("NIC " + target + " has no subnet in the input"));
    if (main.global.json()) {
      Json.print(out, result.toJsonMap());
    } else {
      out.println("access: " + result.access().map(a -> a.armName()).orElse("unknown"));
      out.println("ruleName: " + result.ruleName().orElse("-"));
      out.println("nsg: " + result.nsg().map(Object::toString).orElse("-"));
      result.insufficientInfo().ifPresent(s -> out.println("insufficient info: " + s));
      out.flush();
    }
    return result.allowed() ? ExitCodes.OK : ExitCodes.NEGATIVE;
  }

  /** {@code IP:PORT} (IPv6 as {@code [addr]:port}). */
  record Endpoint2(IpAddress address, int port) {
    static Endpoint2 parse(String option, String text) {
      String s = text.trim();
      int colon = s.lastIndexOf(':');
      if (colon < 0) {
        throw CliException.usage(option + " must be IP:PORT, was " + text);
      }
      String host = s.substring(0, colon).replace("[", "").replace("]", "");
      try {
        int port = Integer.parseInt(s.substring(colon + 1));
        if (port < 0 || port > 65535) {
          throw new NumberFormatException();
        }
        return new Endpoint2(IpAddress.tryParse(host).orElseThrow(() -> CliException.usage(option
            + ": not an IP address: " + host)), port);
      } catch (NumberFormatException e) {
        throw CliException.usage(option + ": not a port (0-65535): " + s.substring(colon + 1));
      }
    }
  }
}
