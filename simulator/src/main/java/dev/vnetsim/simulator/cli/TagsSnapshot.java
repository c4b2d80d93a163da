package dev.vnetsim.simulator.cli;

import dev.vnetsim.servicetag.ServiceTagCatalog;
import dev.vnetsim.servicetag.ServiceTagSnapshots;
import dev.vnetsim.servicetag.SnapshotProvenance;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service-tag snapshot a tags command answers from, and how the answer names it: text output starts with a
 * {@code service tags: ...} line on stdout; the bundled sample, a snapshot older than 30 days and reader findings
 * (a paged REST response) are {@code warning:} lines on stderr ({@code --strict} makes the first one an error);
 * {@code --verbose} adds a {@code note:} line naming the snapshot on stderr.
 */
final class TagsSnapshot {
  private TagsSnapshot() {}

  /** The snapshot for {@code --service-tags}, else the newest cached download, else the bundled sample. */
  static ServiceTagCatalog load(GlobalOptions global, PrintWriter err) {
    ServiceTagSnapshots snapshots = ServiceTagSnapshots.fromEnvironment();
    Optional<Path> file = Optional.ofNullable(global.serviceTags()).or(snapshots::newestCached);
    ServiceTagCatalog catalog = global.workspace.get("service-tags", file.map(Workspace.FileStamp::of),
        () -> snapshots.load(file));
    List<String> warnings = new ArrayList<>(catalog.warnings());
    catalog.provenance().stalenessWarning(Clock.systemUTC()).ifPresent(warnings::add);
    report(catalog.provenance(), warnings, global, err);
    return catalog;
  }

  /** Prints the note and warnings for a snapshot; under {@code --strict} the first warning is the error. */
  static void report(SnapshotProvenance provenance, List<String> warnings, GlobalOptions global, PrintWriter err) {
    if (global.verbose()) {
      err.println("note: service tags: " + provenance.describe());
    }
    for (String w : warnings) {
      if (global.strict()) {
        err.flush();
        throw CliException.invalidInput(Main.oneLine(w) + " (--strict)");
      }
      err.println("warning: " + Main.oneLine(w));
    }
    err.flush();
  }

  /** The first line of text output. */
  static String header(SnapshotProvenance provenance) {
    return "service tags: " + provenance.describe();
  }

  /** {@code {cloud, changeNumber, file}} for JSON output. */
  static Map<String, Object> json(SnapshotProvenance provenance) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cloud", provenance.cloud());
    m.put("changeNumber", provenance.changeNumber());
    m.put("file", provenance.source());
    return m;
  }
}
