package dev.vnetsim.benchmarks;

import dev.vnetsim.benchmarks.fixtures.Estates;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.firewall.FirewallRule;
import dev.vnetsim.model.firewall.RuleCollectionGroup;
import dev.vnetsim.model.io.change.ArmResources;
import dev.vnetsim.model.network.RouteTable;
import dev.vnetsim.simulator.cli.Main;
import dev.vnetsim.simulator.cli.Resident;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The whole {@code vnetsim whatif -t <estate> --change remove-rule.json} on a generated estate of {@code vnets} VNets
 * (10 subnets and a 100-rule NSG each, hub firewall, forced tunnelling, private endpoints, Azure ML computes; fixed
 * seed), one rule removed: arguments parsed, input files stamped, the change file read and applied, both sides
 * compiled or recompiled, requirement rows, differential and the text report written. {@code NSG_RULE} removes the
 * first rule of the middle spoke's NSG; {@code SPOKE_ROUTE} removes the middle spoke's route that sends Azure Machine
 * Learning traffic straight to the Internet (its 10 subnets' flows there then cross the hub firewall: about 240 changed
 * flows at 1,000 VNets); {@code HUB_RULE} removes the hub firewall's network rule that lets every spoke
 * reach Azure Active Directory, which breaks that flow from each of the 10,000 subnets and every compute's rows
 * to it (about 28,000 changed flows at 1,000 VNets; run it with {@code -p change=HUB_RULE}).
 * {@code SERVED} runs it in a resident process ({@code vnetsim serve}) that has answered it before, so the estate is
 * read and compiled already; {@code ONE_SHOT} is the command line without a server, which reads the 78 MB of JSON and
 * compiles everything each time. Both write the same bytes (checked in the served trial's setup). Neither includes
 * starting the client's JVM: a served {@code validate} of the bundled example takes 0.12–0.17 s under {@code time}.
 * {@code format=TEXT} writes the text form, which lists a cause's flows in full up to 20 and groups a larger cause by
 * its pairs of answers; {@code format=JSON} writes every changed flow (about 37 MB for the hub rule).
 * Target at 1,000 VNets: the served what-if ≤ 1 s.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar WhatIfEndToEndBenchmark -f 1 -wi 2 -i 5 -w 1s -r 1s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class WhatIfEndToEndBenchmark {

  /** How the command runs. */
  public enum Run {
    ONE_SHOT,
    SERVED
  }

  @Param({"ONE_SHOT", "SERVED"})
  Run run;

  /** Which rule the change removes. */
  public enum Change {
    NSG_RULE,
    SPOKE_ROUTE,
    HUB_RULE
  }

  @Param({"NSG_RULE"})
  Change change;

  /** The output: the text form (a cause with many flows cut down by answer) or {@code --json} (every flow). */
  public enum Format {
    TEXT,
    JSON
  }

  @Param({"TEXT"})
  Format format;

  @Param({"1000"})
  int vnets;

  Path dir;
  List<String> args;
  Resident resident;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    dir = Estates.write(vnets, 10, 100, 42);
    ArmResources estate = ArmResources.read(List.of(dir), false);
    Path file = Files.createTempFile("vnetsim-remove-rule", ".json");
    Files.writeString(file, "[{\"op\":\"remove\",\"path\":\"" + removedRule(estate) + "\"}]");
    args = new ArrayList<>(List.of("whatif", "-t", dir.toString(), "--change", file.toString()));
    if (format == Format.JSON) {
      args.add("--json");
    }
    Estates.serviceTagFile().ifPresent(f -> args.addAll(List.of("--service-tags", f.toString())));
    if (run == Run.SERVED) { // the served answer is the one-shot answer; the first request reads and compiles
      resident = Resident.create();
      StringWriter served = new StringWriter();
      StringWriter direct = new StringWriter();
      resident.run(args, new PrintWriter(served), new PrintWriter(Writer.nullWriter()));
      Main.commandLine().setOut(new PrintWriter(direct)).setErr(new PrintWriter(Writer.nullWriter()))
          .execute(args.toArray(String[]::new));
      if (!served.toString().equals(direct.toString())
          || !served.toString().contains(format == Format.JSON ? "\"summary\"" : "flows compared")) {
        throw new IllegalStateException("served and one-shot what-if differ:\n" + served + "\n---\n" + direct);
      }
    }
  }

  /** The JSON Patch path of the removed rule. */
  private String removedRule(ArmResources estate) {
    if (change == Change.NSG_RULE) {
      ResourceId nsg = estate.topology().networkSecurityGroups().keySet().stream().sorted()
          .skip(estate.topology().networkSecurityGroups().size() / 2).findFirst().orElseThrow();
      return nsg.value() + "/properties/securityRules/0";
    }
    if (change == Change.SPOKE_ROUTE) {
      RouteTable table = estate.topology().routeTables().values().stream().filter(t -> t.name().startsWith("rt-spoke-"))
          .sorted(Comparator.comparing(RouteTable::id)).skip(vnets / 2).findFirst().orElseThrow();
      for (int i = 0; i < table.routes().size(); i++) {
        if (table.routes().get(i).name().equals("aml-direct")) {
          return table.id().value() + "/properties/routes/" + i;
        }
      }
      throw new IllegalStateException(table.id() + " has no route aml-direct");
    }
    RuleCollectionGroup group = estate.topology().firewallPolicies().values().iterator().next()
        .ruleCollectionGroups().get(0);
    List<FirewallRule> rules = group.ruleCollections().get(0).rules();
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).name().equals("allow-AzureActiveDirectory")) {
        return group.id().value() + "/properties/ruleCollections/0/rules/" + i;
      }
    }
    throw new IllegalStateException("the generated hub has no rule allow-AzureActiveDirectory");
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    Estates.deleteRecursively(dir);
  }

  @Benchmark
  public int whatif() {
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    return run == Run.SERVED ? resident.run(args, sink, sink)
        : Main.commandLine().setOut(sink).setErr(sink).execute(args.toArray(String[]::new));
  }
}
