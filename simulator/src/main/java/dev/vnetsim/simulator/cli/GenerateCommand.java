package dev.vnetsim.simulator.cli;

import dev.vnetsim.simulator.generate.EstateGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vnetsim generate}: a synthetic hub-and-spoke estate as ARM JSON, for scale tests and benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a synthetic hub-and-spoke estate as ARM JSON (same seed, same bytes).")
public final class GenerateCommand implements Callable<Integer> {

  @Option(names = "--vnets", required = true, description = "Number of VNets, hub included.")
  int vnets;

  @Option(names = "--subnets-per-vnet", defaultValue = "10", description = "Subnets per spoke (1-15). Default: 10.")
  int subnetsPerVnet;

  @Option(names = "--rules-per-nsg", defaultValue = "100", description = "Custom rules per spoke NSG. Default: 100.")
  int rulesPerNsg;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed. Default: 1.")
  long seed;

  @Option(names = "--vnets-per-file", defaultValue = "500", description = "VNets per output file. Default: 500.")
  int vnetsPerFile;

  @Option(names = "--out", required = true, description = "Output folder (created if needed).")
  Path out;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    EstateGenerator.Settings settings;
    try {
      settings = new EstateGenerator.Settings(vnets, subnetsPerVnet, rulesPerNsg, seed, vnetsPerFile);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
    List<Path> files;
    try {
      files = new EstateGenerator(settings).writeTo(out);
    } catch (IOException e) {
      throw new CliException(ExitCodes.INTERNAL, "cannot write to " + out + ": " + e.getMessage());
    }
    PrintWriter o = spec.commandLine().getOut();
    o.printf("wrote %d VNets (%d subnets, %d rules per NSG) in %d file(s) under %s%n", vnets,
        (vnets - 1) * subnetsPerVnet + 1, rulesPerNsg, files.size(), out);
    o.flush();
    return ExitCodes.OK;
  }
}
