package dev.vnetsim.simulator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vnetsim serve [--socket PATH] [-t PATH…]}: a resident process that keeps what commands read and compiled, so
 * that the next {@code whatif}, {@code check}, {@code trace} … on the same input answers without reading and compiling
 * it again. With {@code -t} the topology is read and its what-if before side compiled at start (invalid input: exit 3
 * with the error, as any command). Clients send commands with {@code --server PATH} first or {@code VNETSIM_SERVER=PATH}; answers are those of
 * the command line, byte for byte. Runs until stopped (SIGTERM / Ctrl-C), removing its socket.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Keep inputs read and compiled between commands (with -t: read and compile it at start); clients use "
        + "--server PATH or VNETSIM_SERVER.")
public final class ServeCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--socket", paramLabel = "PATH", description = "Unix socket to listen on (default "
      + "${DEFAULT-VALUE}).", defaultValue = "${sys:user.home}/.cache/vnetsim/server.sock")
  Path socket;

  @ParentCommand
  Main main;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Server server = Server.bind(socket);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (IOException e) {
        // exiting anyway
      }
    }));
    GlobalOptions g = main.global;
    if (!g.topology().isEmpty()) { // -t given: read and compile it now (clients wait), so commands are answered warm
      List<String> global = new ArrayList<>();
      g.topology().forEach(p -> global.addAll(List.of("-t", p.toAbsolutePath().toString())));
      if (g.serviceTags() != null) {
        global.addAll(List.of("--service-tags", g.serviceTags().toAbsolutePath().toString()));
      }
      if (g.strict()) {
        global.add("--strict");
      }
      int code = server.preload(global, err);
      if (code != ExitCodes.OK && code != ExitCodes.NEGATIVE) {
        server.close();
        return code;
      }
    }
    err.println("vnetsim serve: listening on " + socket + " (pid " + ProcessHandle.current().pid()
        + "); clients: VNETSIM_SERVER=" + socket + " or --server " + socket);
    err.flush();
    server.serve();
    return ExitCodes.OK;
  }
}
