package dev.vnetsim.simulator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vnetsim tags}: service-tag questions answered from one snapshot ({@code --service-tags FILE}, else the newest
 * download in the user cache, else the bundled sample): {@code lookup}, {@code show}, {@code diff}, {@code update}.
 */
@Command(name = "tags", mixinStandardHelpOptions = true,
    description = "Service tags: which tags contain an address, a tag's prefixes, what changed between two "
        + "snapshots, and downloading the current weekly file.",
    subcommands = {
        TagsLookupCommand.class,
        TagsShowCommand.class,
        TagsDiffCommand.class,
        TagsUpdateCommand.class,
    })
public final class TagsCommand implements Runnable {

  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  GlobalOptions global() {
    return main.global;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(spec.commandLine(), "a tags command is required (lookup, show, diff, "
        + "update)");
  }
}
