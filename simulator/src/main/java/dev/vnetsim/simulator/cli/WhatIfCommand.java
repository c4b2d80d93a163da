package dev.vnetsim.simulator.cli;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.LoadWarning;
import dev.vnetsim.model.io.change.ArmResources;
import dev.vnetsim.model.io.change.ArmWhatIf;
import dev.vnetsim.model.io.change.ChangeFile;
import dev.vnetsim.model.io.change.ChangeSet;
import dev.vnetsim.model.io.change.PlanNote;
import dev.vnetsim.model.io.change.TerraformPlan;
import dev.vnetsim.servicetag.FqdnCatalog;
import dev.vnetsim.servicetag.ServiceTagCatalog;
import dev.vnetsim.simulator.engine.IncrementalCompiler;
import dev.vnetsim.simulator.requirements.RequirementPacks;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import dev.vnetsim.simulator.whatif.AmlRequirements;
import dev.vnetsim.simulator.whatif.Intent;
import dev.vnetsim.simulator.whatif.IntentsFile;
import dev.vnetsim.simulator.whatif.Memo;
import dev.vnetsim.simulator.whatif.RequirementFlows;
import dev.vnetsim.simulator.whatif.WhatIf;
import dev.vnetsim.simulator.whatif.WhatIfFormats;
import dev.vnetsim.simulator.whatif.WhatIfReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vnetsim whatif (--after PATH… | --change FILE | --plan FILE | --arm-whatif FILE) [--intents FILE]
 * [--fail-on broken|any]}: the flows whose outcome differs between the topology and the changed one (DESIGN §3).
 * Exit 1 when a change of the {@code --fail-on} kind exists, else 0; 3 for invalid input or change files.
 */
@Command(name = "whatif", mixinStandardHelpOptions = true,
    description = "Flows that start or stop working with a change: BROKEN, OPENED, CHANGED. Exit 1 when a change of "
        + "the --fail-on kind exists.")
public final class WhatIfCommand implements Callable<Integer> {

  /** Exactly one way to give the after side. */
  static final class After {
    @Option(names = "--after", arity = "1..*", paramLabel = "PATH", description = "The changed topology (files or "
        + "folders, read like -t).")
    List<Path> paths;

    @Option(names = "--change", paramLabel = "FILE", description = "JSON Patch with ARM-id paths, or put/delete "
        + "resource operations.")
    Path change;

    @Option(names = "--plan", paramLabel = "FILE", description = "Terraform plan JSON (terraform show -json); without "
        + "-t the plan's prior state is the before side.")
    Path plan;

    @Option(names = "--arm-whatif", paramLabel = "FILE", description = "ARM/Bicep what-if JSON (az deployment group "
        + "what-if --no-pretty-print).")
    Path armWhatIf;
  }

  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  After after;

  @Option(names = "--intents", paramLabel = "FILE", description = "Also compare these intents (as for check).")
  Path intents;

  @Option(names = "--fail-on", defaultValue = "broken", paramLabel = "broken|any",
      description = "Which changes make the exit code 1 (default ${DEFAULT-VALUE}).")
  WhatIfReport.FailOn failOn;

  @Option(names = "--all", description = "In the text form, list every changed flow: by default a cause with more"
      + " than " + WhatIfFormats.LISTED + " is cut down to a count and the first " + WhatIfFormats.SHOWN
      + " of each pair of before and after answers (--json always lists every flow).")
  boolean all;

  @Option(names = "--max-flows", paramLabel = "N", description = "Compare at most N flows in the differential; a"
      + " change that may affect more stops with an error before simulating (default ${DEFAULT-VALUE}).")
  long maxFlows = WhatIf.Options.DEFAULT_MAX_FLOWS;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    GlobalOptions g = main.global;
    List<Path> inputs = new ArrayList<>(after.paths == null ? List.of() : after.paths);
    for (Path p : new Path[] {after.change, after.plan, after.armWhatIf, intents}) {
      if (p != null) {
        inputs.add(p);
      }
    }
    boolean planOnly = after.plan != null && g.topology().isEmpty();
    if (!planOnly) {
      inputs.addAll(Inputs.topologyPaths(g));
    }
    for (Path p : inputs) {
      if (!Files.exists(p)) {
        throw CliException.invalidInput(p + ": no such file or directory");
      }
    }
    ImmutableList<Intent> intentList = intents == null ? ImmutableList.of() : IntentsFile.read(intents);
    Workspace ws = g.workspace;
    List<Path> paths = Inputs.topologyPaths(g);
    ArmResources before = planOnly ? ArmResources.empty(g.strict()) : Inputs.resources(g, paths);
    ChangeSet changes = changes(before, g);
    warnings(changes, err);
    ServiceTagCatalog catalog = TagsSnapshot.load(g, err);
    ServiceTagLookup tags = EngineInputs.lookup(catalog, ws);
    // One compiler for the before side and the requirement rows' compute probes: the topology is compiled once. It is
    // kept per input, so that a plan's before side (the input with the plan's prior state) is recompiled from it.
    List<Object> key = List.of(new Memo.Same(tags), new Memo.Same(planOnly ? changes.before() : before));
    IncrementalCompiler compiler = ws.get("whatif.compiler", key, () -> new IncrementalCompiler(tags));
    RequirementFlows requirements = ws.get("whatif.requirements", key, () -> new AmlRequirements(catalog,
        FqdnCatalog.bundled(), RequirementPacks.bundled(), compiler));
    WhatIf.Options options = new WhatIf.Options(tags, CheckCommand.parser(), intentList, requirements,
        beforeSource(g, planOnly), afterSource(), true).withMemo(ws).withCompiler(compiler).withMaxFlows(maxFlows);
    WhatIfReport report;
    try {
      report = WhatIf.analyse(changes, options);
    } catch (WhatIf.TooManyFlows e) {
      throw CliException.usage(e.getMessage());
    }
    if (g.verbose()) {
      err.println("whatif: " + report.stats().flows() + " flows, " + report.stats().traces() + " traces, "
          + report.stats().millis() + " ms");
      err.flush();
    }
    if (g.json()) {
      Map<String, Object> doc = WhatIfFormats.json(report);
      doc.put("serviceTags", CheckCommand.serviceTagsJson(catalog));
      Json.print(out, doc);
    } else {
      out.print(WhatIfFormats.text(report, all));
      out.flush();
    }
    return report.fails(failOn) ? ExitCodes.NEGATIVE : ExitCodes.OK;
  }

  private ChangeSet changes(ArmResources before, GlobalOptions g) {
    if (after.paths != null) {
      return ChangeSet.between(before, ArmResources.read(after.paths, g.strict()));
    }
    if (after.change != null) {
      return ChangeFile.apply(before, after.change);
    }
    if (after.plan != null) {
      return TerraformPlan.apply(before, after.plan);
    }
    return ArmWhatIf.apply(before, after.armWhatIf);
  }

  /** Input warnings of the before side, new ones of the after side, and the plan's notes, one line each. */
  private static void warnings(ChangeSet changes, PrintWriter err) {
    Set<String> seen = new HashSet<>();
    for (List<LoadWarning> ws : List.of(changes.before().warnings(), changes.after().warnings())) {
      for (LoadWarning w : ws) {
        if (seen.add(w.toString())) {
          err.println("warning: " + Main.oneLine(w.toString()));
        }
      }
    }
    for (PlanNote n : changes.notes()) {
      err.println("warning: " + Main.oneLine(n.toString()));
    }
    err.flush();
  }

  private String beforeSource(GlobalOptions g, boolean planOnly) {
    if (planOnly) {
      return "prior state of " + after.plan;
    }
    String paths = Inputs.topologyPaths(g).stream().map(Path::toString).collect(Collectors.joining(", "));
    if (after.plan != null) {
      return paths + " + prior state of " + after.plan;
    }
    return after.armWhatIf != null ? paths + " + what-if before of " + after.armWhatIf : paths;
  }

  private String afterSource() {
    if (after.paths != null) {
      return after.paths.stream().map(Path::toString).collect(Collectors.joining(", "));
    }
    if (after.change != null) {
      return "change " + after.change;
    }
    return after.plan != null ? "plan " + after.plan : "what-if " + after.armWhatIf;
  }
}
