package dev.vnetsim.simulator.cli;

import dev.vnetsim.model.InvalidTopologyException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code vnetsim} command: a thin layer over the simulator. */
@Command(name = "vnetsim", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Offline reachability simulator for Azure virtual networks.",
    subcommands = {
        ValidateCommand.class,
        GenerateCommand.class,
        AmlCheckCommand.class,
        RoutesCommand.class,
        NextHopCommand.class,
        FlowVerifyCommand.class,
        TraceCommand.class,
        GraphCommand.class,
        TagsCommand.class,
        CheckCommand.class,
        WhatIfCommand.class,
        ServeCommand.class,
    })
public final class Main implements Runnable {

  @Mixin
  GlobalOptions global = new GlobalOptions();

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** A configured command line (tests use it with their own writers). */
  public static CommandLine commandLine() {
    return commandLine(Workspace.oneShot(), null);
  }

  /** A command line whose commands keep what they read in {@code workspace}; {@code colours} null: ask the terminal. */
  static CommandLine commandLine(Workspace workspace, Colours colours) {
    Main main = new Main();
    main.global.workspace = workspace;
    main.global.colours = colours;
    CommandLine cl = new CommandLine(main);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(Main::handle);
    cl.setParameterExceptionHandler(Main::handleUsage);
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  private static int handleUsage(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("error: " + e.getMessage());
    err.println("(see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
    err.flush();
    return ExitCodes.USAGE;
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    boolean verbose = cl.getCommandSpec().findOption("--verbose") != null
        && Boolean.TRUE.equals(cl.getCommandSpec().findOption("--verbose").getValue());
    if (verbose) {
      e.printStackTrace(err);
    }
    int code;
    String message;
    if (e instanceof InvalidTopologyException ite) {
      code = ExitCodes.INVALID_INPUT;
      message = ite.getMessage();
    } else if (e instanceof CliException ce) {
      code = ce.exitCode();
      message = ce.getMessage();
    } else {
      code = ExitCodes.INTERNAL;
      message = "internal error: " + e + (verbose ? "" : " (run with --verbose for details)");
    }
    err.println("error: " + oneLine(message));
    err.flush();
    return code;
  }

  static String oneLine(String s) {
    return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
  }
}
