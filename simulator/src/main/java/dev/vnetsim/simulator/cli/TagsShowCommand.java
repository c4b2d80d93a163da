package dev.vnetsim.simulator.cli;

import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpFamily;
import dev.vnetsim.servicetag.ServiceTag;
import dev.vnetsim.servicetag.ServiceTagCatalog;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vnetsim tags show TAG}: a tag's properties and prefixes as the snapshot lists them (name ignoring case). */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "A service tag's region, service, network features and prefixes (the name ignores case).")
public final class TagsShowCommand implements Callable<Integer> {
  /** Tags Azure computes per subnet from the topology; they are never in the service-tag file. */
  private static final List<String> VIRTUAL = List.of("virtualnetwork", "internet", "azureloadbalancer");

  @ParentCommand
  TagsCommand tags;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TAG", description = "Service tag name, e.g. Storage.EastUS.")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ServiceTagCatalog catalog = TagsSnapshot.load(tags.global(), err);
    ServiceTag tag = catalog.tag(name).orElseThrow(() -> unknown(catalog));
    if (tags.global().json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("name", tag.name());
      doc.put("region", tag.region());
      doc.put("systemService", tag.systemService());
      doc.put("networkFeatures", tag.networkFeatures());
      doc.put("changeNumber", tag.changeNumber());
      doc.put("addressPrefixes", tag.prefixes().stream().map(Cidr::toString).toList());
      doc.put("serviceTags", TagsSnapshot.json(catalog.provenance()));
      Json.print(out, doc);
      return ExitCodes.OK;
    }
    long v4 = tag.prefixes().stream().filter(c -> c.family() == IpFamily.IPV4).count();
    StringBuilder text = new StringBuilder(TagsSnapshot.header(catalog.provenance())).append('\n');
    text.append(tag.name()).append('\n');
    text.append("  region:           ").append(tag.isRegional() ? tag.region() : "(global)").append('\n');
    text.append("  system service:   ").append(tag.systemService().isEmpty() ? "-" : tag.systemService()).append('\n');
    text.append("  network features: ")
        .append(tag.networkFeatures().isEmpty() ? "-" : String.join(", ", tag.networkFeatures())).append('\n');
    text.append("  changeNumber:     ").append(tag.changeNumber()).append('\n');
    text.append("  prefixes:         ").append(tag.prefixes().size()).append(" (").append(v4).append(" IPv4, ")
        .append(tag.prefixes().size() - v4).append(" IPv6)\n");
    for (Cidr c : tag.prefixes()) {
      text.append("    ").append(c).append('\n');
    }
    out.print(text);
    out.flush();
    return ExitCodes.OK;
  }

  private CliException unknown(ServiceTagCatalog catalog) {
    String lower = name.trim().toLowerCase(Locale.ROOT);
    if (VIRTUAL.contains(lower)) {
      return CliException.usage("'" + name.trim() + "' is not in the service-tag file: Azure computes it per subnet "
          + "from the topology");
    }
    String base = lower.contains(".") ? lower.substring(0, lower.indexOf('.')) : lower;
    List<String> near = catalog.tags().stream().map(ServiceTag::name)
        .filter(n -> n.toLowerCase(Locale.ROOT).startsWith(base))
        .limit(5).toList();
    return CliException.usage("no service tag '" + name.trim() + "' in " + catalog.provenance().describe()
        + (near.isEmpty() ? "" : "; similar: " + String.join(", ", near)));
  }
}
