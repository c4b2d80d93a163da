package dev.vnetsim.simulator.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client and {@code vnetsim serve} say over the Unix socket, one exchange per connection. The request: the
 * client's working directory, whether its stdout is a colour terminal, and its arguments. The answer: either the
 * command's exit code, stdout and stderr, or "run it yourself" with the reason (a command the server does not run,
 * or a client in another directory, where relative paths would mean other files). Uses java.io only, so that the
 * client starts fast.
 */
final class ServerProtocol {
  private ServerProtocol() {}

  static final int VERSION = 1;
  static final String ENV = "VNETSIM_SERVER";

  record Request(String workingDirectory, boolean colours, List<String> args) {
    void write(DataOutputStream out) throws IOException {
      out.writeInt(VERSION);
      writeString(out, workingDirectory);
      out.writeBoolean(colours);
      out.writeInt(args.size());
      for (String a : args) {
        writeString(out, a);
      }
      out.flush();
    }

    static Request read(DataInputStream in) throws IOException {
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException("protocol version " + version + ", expected " + VERSION);
      }
      String cwd = readString(in);
      boolean colours = in.readBoolean();
      int n = in.readInt();
      if (n < 0 || n > 10_000) {
        throw new IOException("bad argument count " + n);
      }
      List<String> args = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        args.add(readString(in));
      }
      return new Request(cwd, colours, List.copyOf(args));
    }
  }

  /** The start of the reason given to a client in another working directory (the client says so: it runs slower). */
  static final String OTHER_DIRECTORY = "the server runs in ";

  /** The server's answer: ran (exit code and output), or {@code local} with the reason. */
  record Answer(boolean local, String reason, int exitCode, byte[] stdout, byte[] stderr) {
    /** A command's answer: its exit code and what it wrote, encoded in UTF-8. */
    static Answer ran(int exitCode, byte[] stdout, byte[] stderr) {
      return new Answer(false, "", exitCode, stdout, stderr);
    }

    static Answer runLocally(String reason) {
      return new Answer(true, reason, 0, new byte[0], new byte[0]);
    }

    void write(DataOutputStream out) throws IOException {
      out.writeBoolean(local);
      writeString(out, reason);
      out.writeInt(exitCode);
      writeBytes(out, stdout);
      writeBytes(out, stderr);
      out.flush();
    }

    static Answer read(DataInputStream in) throws IOException {
      boolean local = in.readBoolean();
      String reason = readString(in);
      int code = in.readInt();
      return new Answer(local, reason, code, readBytes(in), readBytes(in));
    }
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
  }

  private static String readString(DataInputStream in) throws IOException {
    return new String(readBytes(in), StandardCharsets.UTF_8);
  }

  private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("bad length " + n);
    }
    return in.readNBytes(n);
  }
}
