package dev.vnetsim.simulator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vnetsim serve [--socket PATH]}: a resident process that keeps what commands read and compiled, so that the
 * next {@code whatif}, {@code check}, {@code trace} … on the same input answers without reading and compiling it
 * again. Clients send commands with {@code --server PATH} first or {@code VNETSIM_SERVER=PATH}; answers are those of
 * the command line, byte for byte. Runs until stopped (SIGTERM / Ctrl-C), removing its socket.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Keep inputs read and compiled between commands; clients use --server PATH or VNETSIM_SERVER.")
public final class ServeCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--socket", paramLabel = "PATH", description = "Unix socket to listen on (default "
      + "${DEFAULT-VALUE}).", defaultValue = "${sys:user.home}/.cache/vnetsim/server.sock")
  Path socket;

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
    err.println("vnetsim serve: listening on " + socket + " (pid " + ProcessHandle.current().pid()
        + "); clients: VNETSIM_SERVER=" + socket + " or --server " + socket);
    err.flush();
    server.serve();
    return ExitCodes.OK;
  }
}
