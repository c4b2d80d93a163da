package dev.vnetsim.simulator.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The jar's entry point. With {@code --server SOCKET} first, or {@code VNETSIM_SERVER} set, the command is sent to a
 * running {@code vnetsim serve}, which answers from what it has already read and compiled; the output and exit code
 * are the server's. When the server is not there, or answers that this command runs here, it runs here as usual
 * ({@link Main}). Loads no library until then, so that a served command starts in a fraction of a second.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    List<String> rest = Arrays.asList(args);
    Optional<String> socket = Optional.ofNullable(System.getenv(ServerProtocol.ENV)).filter(s -> !s.isBlank());
    if (args.length >= 2 && args[0].equals("--server")) {
      socket = Optional.of(args[1]);
      rest = rest.subList(2, args.length);
    }
    if (socket.isPresent() && !rest.contains("serve")) {
      Optional<Integer> code = send(Path.of(socket.get()), rest);
      if (code.isPresent()) {
        System.exit(code.get());
      }
    }
    Main.main(rest.toArray(String[]::new));
  }

  /** The server's exit code after printing its output, or empty when the command is to run here. */
  static Optional<Integer> send(Path socket, List<String> args) {
    ServerProtocol.Answer answer;
    try {
      String noColor = System.getenv("NO_COLOR");
      boolean colours = System.console() != null && (noColor == null || noColor.isEmpty());
      answer = exchange(socket, new ServerProtocol.Request(Path.of("").toAbsolutePath().toString(), colours, args));
    } catch (IOException | RuntimeException e) {
      System.err.println("note: no vnetsim server at " + socket + " (" + e.getMessage() + "); running here");
      return Optional.empty();
    }
    if (answer.local()) {
      note(answer).ifPresent(System.err::println);
      return Optional.empty();
    }
    try { // stderr first: commands print their warnings before their output
      System.err.write(answer.stderr());
      System.err.flush();
      System.out.write(answer.stdout());
      System.out.flush();
    } catch (IOException e) {
      return Optional.of(ExitCodes.INTERNAL);
    }
    return Optional.of(answer.exitCode());
  }

  /**
   * What the client says when the server sends a command back: nothing for commands it never runs (tags, generate,
   * help, usage errors), a note when it runs in another working directory (the command then reads and compiles
   * everything itself).
   */
  static Optional<String> note(ServerProtocol.Answer answer) {
    return answer.local() && answer.reason().startsWith(ServerProtocol.OTHER_DIRECTORY)
        ? Optional.of("note: " + answer.reason() + "; running here") : Optional.empty();
  }

  /** One request and its answer over the socket. */
  static ServerProtocol.Answer exchange(Path socket, ServerProtocol.Request request) throws IOException {
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      OutputStream raw = Channels.newOutputStream(ch);
      InputStream in = Channels.newInputStream(ch);
      request.write(new DataOutputStream(raw));
      return ServerProtocol.Answer.read(new DataInputStream(in));
    }
  }
}
