package dev.vnetsim.simulator.cli;

import dev.vnetsim.model.IpAddress;
import dev.vnetsim.servicetag.ServiceTagCatalog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vnetsim tags lookup IP...}: the service tags containing each address, names as spelled in the file, sorted.
 * {@code -} reads addresses from stdin, one per line (blank lines and {@code #} comments skipped). With
 * {@code --json}: {@code {"<ip as given, trimmed>": ["TagA", ...], ...}}, {@code []} for none.
 */
@Command(name = "lookup", mixinStandardHelpOptions = true,
    description = "Which service tags contain each address ('-' reads addresses from stdin, one per line).")
public final class TagsLookupCommand implements Callable<Integer> {

  @ParentCommand
  TagsCommand tags;

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "IP", description = "IPv4 or IPv6 addresses, or '-' for stdin.")
  List<String> addresses;

  private record Query(String text, IpAddress address) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Query> queries = queries();
    ServiceTagCatalog catalog = TagsSnapshot.load(tags.global(), err);
    Map<String, List<String>> answers = new LinkedHashMap<>();
    for (Query q : queries) {
      answers.put(q.text(), catalog.tagsContaining(q.address()));
    }
    if (tags.global().json()) {
      Json.print(out, answers);
      return ExitCodes.OK;
    }
    StringBuilder text = new StringBuilder(TagsSnapshot.header(catalog.provenance())).append('\n');
    for (Map.Entry<String, List<String>> e : answers.entrySet()) {
      text.append(e.getKey()).append("  ")
          .append(e.getValue().isEmpty() ? "(no service tag)" : String.join(", ", e.getValue())).append('\n');
      if (text.length() > 1 << 16) {
        out.print(text);
        text.setLength(0);
      }
    }
    out.print(text);
    out.flush();
    return ExitCodes.OK;
  }

  private List<Query> queries() {
    List<Query> out = new ArrayList<>();
    for (String a : addresses) {
      if (a.trim().equals("-")) {
        readStdin(out);
      } else {
        out.add(parse(a, ""));
      }
    }
    return out;
  }

  private static void readStdin(List<Query> out) {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try {
      int n = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        n++;
        String s = line.trim();
        if (!s.isEmpty() && !s.startsWith("#")) {
          out.add(parse(s, " (stdin line " + n + ")"));
        }
      }
    } catch (IOException e) {
      throw CliException.usage("cannot read addresses from stdin: " + e.getMessage());
    }
  }

  private static Query parse(String given, String where) {
    String text = given.trim();
    Optional<IpAddress> address = IpAddress.tryParse(text);
    if (address.isEmpty()) {
      throw CliException.usage("not an IPv4 or IPv6 address: '" + text + "'" + where);
    }
    return new Query(text, address.get());
  }
}
