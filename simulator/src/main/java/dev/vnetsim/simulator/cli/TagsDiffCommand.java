package dev.vnetsim.simulator.cli;

import dev.vnetsim.model.Cidr;
import dev.vnetsim.servicetag.ServiceTagCatalog;
import dev.vnetsim.servicetag.ServiceTagDiff;
import dev.vnetsim.servicetag.ServiceTagReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vnetsim tags diff OLD NEW}: what changed between two snapshots, as address coverage added and removed per
 * tag (minimal CIDR lists), plus tags added and removed. Exit 0. With {@code --json}: {@code {"old":{cloud,
 * changeNumber,file},"new":{...},"changed":[{"tag","added":[...],"removed":[...]}],"addedTags":[...],
 * "removedTags":[...]}}.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = "What changed between two service-tag snapshots, as addresses added and removed per tag.")
public final class TagsDiffCommand implements Callable<Integer> {

  @ParentCommand
  TagsCommand tags;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD", description = "The earlier service-tag file.")
  Path oldFile;

  @Parameters(index = "1", paramLabel = "NEW", description = "The later service-tag file.")
  Path newFile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ServiceTagCatalog before = ServiceTagReader.read(oldFile);
    ServiceTagCatalog after = ServiceTagReader.read(newFile);
    List<String> warnings = new ArrayList<>(before.warnings());
    warnings.addAll(after.warnings());
    if (!before.provenance().cloud().equalsIgnoreCase(after.provenance().cloud())) {
      warnings.add("comparing snapshots of different clouds: " + before.provenance().cloud() + " and "
          + after.provenance().cloud());
    }
    TagsSnapshot.report(after.provenance(), warnings, tags.global(), err);
    ServiceTagDiff diff = ServiceTagDiff.between(before, after);
    if (tags.global().json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("old", TagsSnapshot.json(diff.oldSnapshot()));
      doc.put("new", TagsSnapshot.json(diff.newSnapshot()));
      List<Map<String, Object>> changed = new ArrayList<>();
      for (ServiceTagDiff.TagChange c : diff.changed()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tag", c.tag());
        m.put("added", c.added().stream().map(Cidr::toString).toList());
        m.put("removed", c.removed().stream().map(Cidr::toString).toList());
        changed.add(m);
      }
      doc.put("changed", changed);
      doc.put("addedTags", diff.addedTags());
      doc.put("removedTags", diff.removedTags());
      Json.print(out, doc);
      return ExitCodes.OK;
    }
    StringBuilder text = new StringBuilder();
    text.append("old: ").append(diff.oldSnapshot().describe()).append('\n');
    text.append("new: ").append(diff.newSnapshot().describe()).append('\n');
    text.append(diff.changed().size()).append(" tag(s) changed coverage, ").append(diff.addedTags().size())
        .append(" added, ").append(diff.removedTags().size()).append(" removed\n");
    for (ServiceTagDiff.TagChange c : diff.changed()) {
      text.append('\n').append(c.tag()).append("  +").append(c.added().size()).append(" / -")
          .append(c.removed().size()).append(" prefixes\n");
      c.added().forEach(p -> text.append("  + ").append(p).append('\n'));
      c.removed().forEach(p -> text.append("  - ").append(p).append('\n'));
    }
    if (!diff.addedTags().isEmpty()) {
      text.append("\nadded tags: ").append(String.join(", ", diff.addedTags())).append('\n');
    }
    if (!diff.removedTags().isEmpty()) {
      text.append("\nremoved tags: ").append(String.join(", ", diff.removedTags())).append('\n');
    }
    out.print(text);
    out.flush();
    return ExitCodes.OK;
  }
}
