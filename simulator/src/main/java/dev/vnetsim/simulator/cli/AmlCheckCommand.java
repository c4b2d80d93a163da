package dev.vnetsim.simulator.cli;

import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.compute.AmlCompute;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.servicetag.FqdnCatalog;
import dev.vnetsim.simulator.aml.AmlCheck;
import dev.vnetsim.simulator.aml.ComputeReport;
import dev.vnetsim.simulator.aml.ComputeTarget;
import dev.vnetsim.simulator.engine.IncrementalCompiler;
import dev.vnetsim.simulator.requirements.RequirementPack;
import dev.vnetsim.simulator.requirements.RequirementPacks;
import dev.vnetsim.simulator.whatif.Memo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vnetsim aml-check}: every Azure ML network requirement for a compute, simulated, with verified fixes. */
@Command(name = "aml-check", mixinStandardHelpOptions = true,
    description = "Check every Azure ML network requirement of a compute (all computes in the topology by default)."
        + " Exit 1 when a required row fails.")
public final class AmlCheckCommand implements Callable<Integer> {

  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Option(names = "--compute", paramLabel = "NAME|ID", description = "The compute (workspaces/computes) to check.")
  String compute;

  @ArgGroup(exclusive = false)
  Described described;

  /** A compute described on the command line instead of read from the topology. */
  static final class Described {
    @Option(names = "--subnet", required = true, paramLabel = "NAME|ID", description = "The compute's subnet.")
    String subnet;

    @Option(names = "--kind", required = true, paramLabel = "instance|cluster",
        description = "Compute instance or compute cluster.")
    String kind;

    @Option(names = "--public-ip", negatable = true, defaultValue = "false",
        description = "Whether the compute has a public IP (--no-public-ip: it does not; the default).")
    boolean publicIp;

    @Option(names = "--max-nodes", defaultValue = "1", description = "Maximum nodes of a cluster. Default: 1.")
    int maxNodes;
  }

  @Option(names = "--requirements", paramLabel = "FILE", description = "A requirement pack (YAML) to use instead "
      + "of the bundled Azure ML pack.")
  Path requirements;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|markdown|json",
      description = "Output format. Default: text (--json is the same as --format json).")
  String format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String fmt = main.global.json() ? "json" : format.toLowerCase(Locale.ROOT);
    if (!List.of("text", "markdown", "json").contains(fmt)) {
      throw CliException.usage("--format must be text, markdown or json, was '" + format + "'");
    }
    RequirementPack pack = requirements == null ? RequirementPacks.bundled() : RequirementPacks.read(requirements);
    EngineInputs in = EngineInputs.load(main.global, err);
    List<ComputeTarget> targets = targets(in.topology);
    IncrementalCompiler compiler = main.global.workspace.get("aml-check.compiler", List.of(new Memo.Same(in.topology),
        new Memo.Same(in.tags)), () -> new IncrementalCompiler(in.tags));
    AmlCheck check = new AmlCheck(in.catalog, FqdnCatalog.bundled(), compiler);
    List<ComputeReport> reports = new ArrayList<>();
    for (ComputeTarget t : targets) {
      Optional<ComputeReport> r = check.check(in.topology, t, pack);
      if (r.isEmpty()) {
        throw CliException.invalidInput("compute " + t.name() + ": its subnet " + t.subnet()
            + " is not in the input or has no free address (INSUFFICIENT_INFO)");
      }
      reports.add(r.get());
    }
    switch (fmt) {
      case "json" -> {
        Object doc = reports.size() == 1 && (compute != null || described != null)
            ? AmlCheckJson.report(reports.get(0))
            : Map.of("computes", reports.stream().map(AmlCheckJson::report).toList());
        Json.print(out, doc);
      }
      case "markdown" -> out.print(AmlCheckText.markdown(reports, in.catalog.provenance().describe()));
      default -> out.print(AmlCheckText.text(reports, in.catalog.provenance().describe(), main.global.colours()));
    }
    out.flush();
    return reports.stream().anyMatch(ComputeReport::failed) ? ExitCodes.NEGATIVE : ExitCodes.OK;
  }

  private List<ComputeTarget> targets(Topology t) {
    if (compute != null && described != null) {
      throw CliException.usage("give either --compute or --subnet/--kind, not both");
    }
    if (described != null) {
      Subnet subnet = Endpoints.subnet(described.subnet, t);
      AmlCompute.Kind kind = switch (described.kind.toLowerCase(Locale.ROOT)) {
        case "instance", "computeinstance" -> AmlCompute.Kind.INSTANCE;
        case "cluster", "amlcompute" -> AmlCompute.Kind.CLUSTER;
        default -> throw CliException.usage("--kind must be instance or cluster, was '" + described.kind + "'");
      };
      String region = t.virtualNetworkOf(subnet).map(v -> v.location()).orElse("");
      String name = kind == AmlCompute.Kind.INSTANCE ? "instance" : "cluster";
      return List.of(new ComputeTarget(name + "@" + subnet.name(), Optional.empty(), subnet.id(), kind,
          described.publicIp, region.replace(" ", "").toLowerCase(Locale.ROOT),
          kind == AmlCompute.Kind.INSTANCE ? 1 : described.maxNodes));
    }
    List<AmlCompute> computes = new ArrayList<>();
    if (compute != null) {
      for (AmlCompute c : t.amlComputes().values()) {
        if (c.name().equalsIgnoreCase(compute) || c.id().equals(ResourceId.of(compute))) {
          computes.add(c);
        }
      }
      if (computes.isEmpty()) {
        throw CliException.invalidInput("no Azure ML compute named '" + compute + "' in the input (computes: "
            + String.join(", ", t.amlComputes().values().stream().map(AmlCompute::name).sorted().toList()) + ")");
      }
      if (computes.size() > 1) {
        throw CliException.usage("'" + compute + "' names " + computes.size() + " computes; give the full ARM id");
      }
    } else {
      computes.addAll(t.amlComputes().values());
      if (computes.isEmpty()) {
        throw CliException.usage("the topology has no Azure ML compute; describe one with --subnet and --kind");
      }
    }
    Map<String, ComputeTarget> out = new LinkedHashMap<>();
    for (AmlCompute c : computes) {
      if (c.subnet().isEmpty()) {
        throw CliException.invalidInput("compute " + c.name() + " has no subnet (a compute outside a VNet has no "
            + "network requirements to check)");
      }
      String region = t.subnet(c.subnet().get()).flatMap(t::virtualNetworkOf).map(v -> v.location()).orElse("");
      out.put(c.id().key(), ComputeTarget.of(c, region));
    }
    return new ArrayList<>(out.values());
  }
}
