package dev.vnetsim.simulator.cli;

import dev.vnetsim.servicetag.ServiceTagCloud;
import dev.vnetsim.servicetag.ServiceTagSnapshots;
import dev.vnetsim.servicetag.ServiceTagUpdater;
import dev.vnetsim.servicetag.SnapshotProvenance;
import java.io.PrintWriter;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vnetsim tags update [--cloud C]}: downloads the current weekly service-tag file from Microsoft's download
 * page into the user cache ({@code $XDG_CACHE_HOME/vnetsim}, {@code ~/.cache/vnetsim}, or {@code VNETSIM_CACHE_DIR}),
 * which later runs use by default. No network, or a page without the file link, is exit 3 with one line.
 */
@Command(name = "update", mixinStandardHelpOptions = true,
    description = "Download the current weekly service-tag file into the user cache; later runs use it by default.")
public final class TagsUpdateCommand implements Callable<Integer> {

  @ParentCommand
  TagsCommand tags;

  @Spec
  CommandSpec spec;

  @Option(names = "--cloud", defaultValue = "Public", paramLabel = "CLOUD",
      description = "Public, China or AzureGovernment. Default: Public.")
  String cloud;

  /** Test seam: a stand-in for Microsoft's download page (the {@code ?id=} query is appended). */
  @Option(names = "--download-page", hidden = true)
  URI downloadPage;

  /** Test seam: where file links on the download page must point. */
  @Option(names = "--download-prefix", hidden = true)
  String downloadPrefix;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ServiceTagCloud which = ServiceTagCloud.parse(cloud).orElseThrow(() -> CliException.usage("unknown cloud '"
        + cloud + "'; expected one of " + ServiceTagCloud.names()));
    ServiceTagUpdater updater = downloadPage == null ? ServiceTagUpdater.create()
        : new ServiceTagUpdater(ServiceTagUpdater.defaultClient(), downloadPage,
            downloadPrefix == null ? ServiceTagUpdater.DOWNLOAD_PREFIX : downloadPrefix,
            ServiceTagUpdater.REQUEST_TIMEOUT);
    ServiceTagUpdater.Result result = updater.update(which, ServiceTagSnapshots.fromEnvironment().cacheDir());
    SnapshotProvenance p = result.catalog().provenance();
    if (tags.global().json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("file", result.file().toString());
      doc.put("cloud", p.cloud());
      doc.put("changeNumber", p.changeNumber());
      doc.put("date", p.date().map(Object::toString).orElse(null));
      doc.put("tags", result.catalog().tags().size());
      doc.put("replacedExisting", result.replacedExisting());
      Json.print(out, doc);
      return ExitCodes.OK;
    }
    out.println((result.replacedExisting() ? "refreshed " : "downloaded ") + result.file().getFileName() + " ("
        + p.cloud() + " changeNumber " + p.changeNumber() + p.date().map(d -> " of " + d).orElse("") + ", "
        + result.catalog().tags().size() + " tags) into " + result.file().getParent());
    out.flush();
    return ExitCodes.OK;
  }
}
