package dev.vnetsim.simulator.cli;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Topology;
import dev.vnetsim.servicetag.ServiceTagCatalog;
import dev.vnetsim.simulator.whatif.CheckFormats;
import dev.vnetsim.simulator.whatif.CheckMarkdown;
import dev.vnetsim.simulator.whatif.CheckReport;
import dev.vnetsim.simulator.whatif.EndpointParser;
import dev.vnetsim.simulator.whatif.Intent;
import dev.vnetsim.simulator.whatif.IntentCheck;
import dev.vnetsim.simulator.whatif.IntentsFile;
import dev.vnetsim.simulator.whatif.JunitXml;
import dev.vnetsim.simulator.whatif.Sarif;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vnetsim check --intents FILE [--format text|json|junit|sarif|markdown]}: simulates every intent. Every format
 * goes to stdout; exit 0 when all pass, 1 when any fails, 3 for a bad intents file (DESIGN §3).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check reachability intents {name, from, to, protocol, port|ports, expect: reachable|blocked}. "
        + "Exit 0 if all pass, 1 if any fails.")
public final class CheckCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format {
    TEXT,
    JSON,
    JUNIT,
    SARIF,
    MARKDOWN
  }

  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Option(names = "--intents", required = true, paramLabel = "FILE",
      description = "Intents file (YAML or JSON): a list, or a map with an 'intents:' list.")
  Path intents;

  @Option(names = "--format", paramLabel = "text|json|junit|sarif|markdown",
      description = "Output format (default text; json with --json).")
  Format format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(intents)) {
      throw CliException.invalidInput(intents + ": no such file");
    }
    ImmutableList<Intent> list = IntentsFile.read(intents);
    Topology topology = Inputs.topology(main.global, err);
    ServiceTagCatalog catalog = TagsSnapshot.load(main.global, err);
    Workspace ws = main.global.workspace;
    CheckReport report = new CheckReport(intents.toString(), IntentCheck.run(topology,
        EngineInputs.lookup(catalog, ws), parser(), list, ws));
    Format f = format != null ? format : main.global.json() ? Format.JSON : Format.TEXT;
    switch (f) {
      case JSON -> {
        Map<String, Object> doc = CheckFormats.json(report);
        doc.put("serviceTags", serviceTagsJson(catalog));
        Json.print(out, doc);
      }
      case SARIF -> Json.print(out, Sarif.render(report));
      case JUNIT -> out.print(JunitXml.render(report));
      case MARKDOWN -> out.print(CheckMarkdown.render(report));
      case TEXT -> out.print(CheckFormats.text(report));
    }
    out.flush();
    return report.failed() > 0 ? ExitCodes.NEGATIVE : ExitCodes.OK;
  }

  /** {@code serviceTags} as {@code trace --json} writes it: which snapshot answered. */
  static Map<String, Object> serviceTagsJson(ServiceTagCatalog catalog) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("changeNumber", catalog.provenance().changeNumber());
    m.put("source", catalog.provenance().describe());
    return m;
  }

  /** {@code trace}'s endpoint parser, reporting an unknown endpoint as {@link IllegalArgumentException}. */
  static EndpointParser parser() {
    return PARSER;
  }

  private static final EndpointParser PARSER = (text, topology, tags) -> {
    try {
      return Endpoints.parse(text, topology, tags);
    } catch (CliException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  };
}
