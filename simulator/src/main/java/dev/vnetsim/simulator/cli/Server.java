package dev.vnetsim.simulator.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The socket of {@code vnetsim serve}: answers requests from {@link Launcher} one at a time with a {@link Resident}.
 */
final class Server implements AutoCloseable {
  private final Path socket;
  private final Resident resident = Resident.create();
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
    return resident.workspace();
  }

  /**
   * Reads and compiles {@code args}' topology (global options: {@code -t}, {@code --service-tags}, {@code --strict})
   * before the first client asks, by answering a what-if of an empty change; its output is dropped. Returns the exit
   * code: 2 or 3 (usage or invalid input, with the error on {@code err}) means nothing was kept.
   */
  int preload(List<String> globalArgs, PrintWriter err) throws IOException {
    Path empty = Files.createTempFile("vnetsim-preload", ".json");
    try {
      Files.writeString(empty, "[]");
      List<String> args = new ArrayList<>(List.of("whatif", "--change", empty.toString()));
      args.addAll(globalArgs);
      StringWriter errors = new StringWriter();
      int code = resident.run(args, new PrintWriter(Writer.nullWriter()), new PrintWriter(errors));
      if (code == ExitCodes.USAGE || code == ExitCodes.INVALID_INPUT || code == ExitCodes.INTERNAL) {
        err.print(errors);
        err.flush();
      }
      return code;
    } finally {
      Files.deleteIfExists(empty);
    }
  }

  ServerProtocol.Answer answer(ServerProtocol.Request r) {
    return resident.answer(r);
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
        ServerProtocol.Answer answer;
        try {
          answer = resident.answer(request);
        } catch (RuntimeException e) { // the command itself never gets here (Resident catches); keep serving
          answer = ServerProtocol.Answer.runLocally("server error: " + e);
        }
        answer.write(out);
      } catch (IOException e) {
        if (stopped) {
          return;
        }
        // a client that went away mid-answer: serve the next one
      }
    }
  }

  @Override
  public void close() throws IOException {
    stopped = true;
    channel.close();
    Files.deleteIfExists(socket);
  }
}
