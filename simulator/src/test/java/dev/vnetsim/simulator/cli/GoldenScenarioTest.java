package dev.vnetsim.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Golden scenarios (STYLE §5): {@code golden/<scenario>/args.txt} holds the command line (after {@code #} comment
 * lines quoting the azure-semantics.md rule it checks), {@code expected.txt} the exit code and stdout. The scenarios
 * share {@code golden/_shared/} (topology and a small service-tag file). {@code -Dgolden.update=true} rewrites the
 * expected files for review.
 */
class GoldenScenarioTest {

  static Path root() throws URISyntaxException {
    return Paths.get(GoldenScenarioTest.class.getResource("/golden/_shared/topology.json").toURI()).getParent()
        .getParent();
  }

  static Stream<String> scenarios() throws Exception {
    try (Stream<Path> dirs = Files.list(root())) {
      return dirs.filter(d -> Files.exists(d.resolve("args.txt"))).map(d -> d.getFileName().toString()).sorted()
          .toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void scenario(String name) throws Exception {
    Path dir = root().resolve(name);
    List<String> args = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("args.txt"))) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      for (String a : line.trim().split("\\s+")) {
        args.add(a.replace("{shared}", root().resolve("_shared").toString()));
      }
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args.toArray(new String[0]));
    String actual = "exit: " + code + "\n" + out.toString().replace(root().resolve("_shared").toString(),
        "{shared}");
    Path expected = dir.resolve("expected.txt");
    if (Boolean.getBoolean("golden.update") || !Files.exists(expected)) {
      Path source = sourceDir().resolve(name).resolve("expected.txt");
      Files.writeString(source, actual, StandardCharsets.UTF_8);
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).as("%s (stderr: %s)", name, err).isEqualTo(Files.readString(expected));
  }

  /** The golden folder in the source tree (to rewrite), from the module directory. */
  private static Path sourceDir() throws IOException {
    Path p = Paths.get("src/test/resources/golden");
    if (!Files.isDirectory(p)) {
      p = Paths.get("simulator/src/test/resources/golden");
    }
    return p;
  }
}
