package dev.vnetsim.simulator.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * Commands run in one long-lived process: each exactly as on the command line, but with a {@link Workspace} that keeps
 * what earlier commands read and compiled (keyed by the input files' stamps, so an edited file is read again). What
 * {@code vnetsim serve} runs behind its socket ({@link Server}); benchmarks run it in-process. Commands that read
 * stdin, write files or fetch from the network ({@code tags}, {@code generate}, {@code serve}) are answered "run it
 * yourself", as are clients in another working directory (relative paths would name other files). One command at a
 * time.
 */
public final class Resident {
  /** The commands a resident process runs; the others run in the client. */
  static final Set<String> SERVED = Set.of("validate", "aml-check", "routes", "next-hop", "flow-verify", "trace",
      "graph", "check", "whatif");

  private final Workspace workspace = Workspace.resident();
  private final String workingDirectory = Path.of("").toAbsolutePath().toString();

  public static Resident create() {
    return new Resident();
  }

  Workspace workspace() {
    return workspace;
  }

  /** Runs one command with this process's workspace, writing as the command line would; returns the exit code. */
  public synchronized int run(List<String> args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, Colours.OFF);
  }

  private int run(List<String> args, PrintWriter out, PrintWriter err, Colours colours) {
    CommandLine cl = Main.commandLine(workspace, colours);
    cl.setOut(out);
    cl.setErr(err);
    int code;
    try {
      code = cl.execute(args.toArray(String[]::new));
    } catch (RuntimeException | Error e) { // an error the command's handler did not catch (out of memory …)
      err.println("error: internal error: " + e);
      code = ExitCodes.INTERNAL;
    }
    out.flush();
    err.flush();
    return code;
  }

  /** Runs one command as the command line would, or says why it runs in the client. */
  synchronized ServerProtocol.Answer answer(ServerProtocol.Request r) {
    if (!r.workingDirectory().equals(workingDirectory)) {
      return ServerProtocol.Answer.runLocally(ServerProtocol.OTHER_DIRECTORY + workingDirectory + ", this client in "
          + r.workingDirectory() + " (relative paths would name other files)");
    }
    try {
      CommandLine.ParseResult parsed = Main.commandLine().parseArgs(r.args().toArray(String[]::new));
      if (!parsed.hasSubcommand() || !SERVED.contains(parsed.subcommand().commandSpec().name())
          || parsed.subcommand().isUsageHelpRequested() || parsed.subcommand().isVersionHelpRequested()) {
        return ServerProtocol.Answer.runLocally("not a served command");
      }
    } catch (CommandLine.ParameterException e) {
      return ServerProtocol.Answer.runLocally("usage error"); // the client prints it as usual
    }
    // encoded as written: a what-if's JSON runs to tens of megabytes, and a String of it would be copied twice more
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintWriter o = new BytesWriter(out);
    PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8));
    int code = run(r.args(), o, e, r.colours() ? new Colours(true) : Colours.OFF);
    o.flush();
    e.flush();
    return ServerProtocol.Answer.ran(code, out.toByteArray(), err.toByteArray());
  }
}
