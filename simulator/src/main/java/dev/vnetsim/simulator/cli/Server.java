package dev.vnetsim.simulator.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import picocli.CommandLine;

/**
 * The resident process behind {@code vnetsim serve}: answers commands sent over a Unix socket ({@link Launcher}) one
 * at a time, each run exactly as on the command line but with a {@link Workspace} that keeps what earlier commands
 * read and compiled (keyed by the input files' stamps, so an edited file is read again). Commands that read stdin,
 * write files or fetch from the network ({@code tags}, {@code generate}, {@code serve}) are answered "run it
 * yourself", as are clients in another working directory.
 */
final class Server implements AutoCloseable {
  /** The commands the server runs; the others run in the client. */
  static final Set<String> SERVED = Set.of("validate", "aml-check", "routes", "next-hop", "flow-verify", "trace",
      "graph", "check", "whatif");

  private final Path socket;
  private final Workspace workspace = Workspace.resident();
  private final String workingDirectory = Path.of("").toAbsolutePath().toString();
  private final ServerSocketChannel channel;
  private volatile boolean stopped;

  private Server(Path socket, ServerSocketChannel channel) {
    this.socket = socket;
    this.channel = channel;
  }

  /** Binds the socket; a socket file left by a server that is gone is replaced, a live one is an error. */
  static Server bind(Path socket) throws IOException {
    if (Files.exists(socket)) {
      try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
        probe.connect(UnixDomainSocketAddress.of(socket));
        throw CliException.usage("a vnetsim server is already listening on " + socket);
      } catch (IOException gone) {
        Files.delete(socket);
      }
    }
    Path parent = socket.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    ch.bind(UnixDomainSocketAddress.of(socket));
    return new Server(socket, ch);
  }

  Workspace workspace() {
    return workspace;
  }

  /** Answers until {@link #close()}. */
  void serve() {
    while (!stopped) {
      try (SocketChannel client = channel.accept()) {
        DataInputStream in = new DataInputStream(Channels.newInputStream(client));
        DataOutputStream out = new DataOutputStream(Channels.newOutputStream(client));
        ServerProtocol.Request request;
        try {
          request = ServerProtocol.Request.read(in);
        } catch (IOException e) {
          ServerProtocol.Answer.runLocally("unreadable request: " + e.getMessage()).write(out);
          continue;
        }
        answer(request).write(out);
      } catch (IOException e) {
        if (stopped) {
          return;
        }
        // a client that went away mid-answer: serve the next one
      }
    }
  }

  /** Runs one command as the command line would, or says why it runs in the client. */
  ServerProtocol.Answer answer(ServerProtocol.Request r) {
    if (!r.workingDirectory().equals(workingDirectory)) {
      return ServerProtocol.Answer.runLocally("the server runs in " + workingDirectory);
    }
    String[] args = r.args().toArray(String[]::new);
    try {
      CommandLine.ParseResult parsed = Main.commandLine().parseArgs(args);
      if (!parsed.hasSubcommand() || !SERVED.contains(parsed.subcommand().commandSpec().name())
          || parsed.subcommand().isUsageHelpRequested() || parsed.subcommand().isVersionHelpRequested()) {
        return ServerProtocol.Answer.runLocally("not a served command");
      }
    } catch (CommandLine.ParameterException e) {
      return ServerProtocol.Answer.runLocally("usage error"); // the client prints it as usual
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine(workspace, r.colours() ? new Colours(true) : Colours.OFF);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code;
    try {
      code = cl.execute(args);
    } catch (RuntimeException | Error e) { // an error the command's handler did not catch (out of memory …)
      err.write("error: internal error: " + e + "\n");
      code = ExitCodes.INTERNAL;
    }
    cl.getOut().flush();
    cl.getErr().flush();
    return ServerProtocol.Answer.ran(code, out.toString(), err.toString());
  }

  @Override
  public void close() throws IOException {
    stopped = true;
    channel.close();
    Files.deleteIfExists(socket);
  }
}
