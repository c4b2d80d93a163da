package dev.vnetsim.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vnetsim serve}: a served command answers exactly what the command line answers (stdout, stderr, exit code),
 * the second time from what the first one read and compiled; an input file changed on disk is read again; commands
 * it does not run, usage errors and clients in another directory are sent back to run locally; the socket is
 * exclusive and removed on close.
 */
class ServeTest {
  private static final String HERE = Path.of("").toAbsolutePath().toString();
  private static final String EXAMPLE = CliRun.EXAMPLE.toString();
  private static final String CHANGES = CliRun.REPO.resolve("examples/changes").toString();
  private static final String TAGS = CliRun.sharedData("service-tags/ServiceTags_Public_20251020.json").toString();

  @TempDir
  Path dir;

  private static ServerProtocol.Request request(String... args) {
    return new ServerProtocol.Request(HERE, false, List.of(args));
  }

  /** The served answer equals the one-shot run, twice (the second from the workspace). */
  private static void assertServedAsOneShot(Server server, String... args) {
    CliRun direct = CliRun.run(args);
    for (int i = 0; i < 2; i++) {
      ServerProtocol.Answer a = server.answer(request(args));
      assertThat(a.local()).as("%s ran on the server", List.of(args)).isFalse();
      assertThat(new String(a.stdout(), StandardCharsets.UTF_8)).as("stdout of %s", List.of(args))
          .isEqualTo(direct.out());
      assertThat(new String(a.stderr(), StandardCharsets.UTF_8)).as("stderr of %s", List.of(args))
          .isEqualTo(direct.err());
      assertThat(a.exitCode()).as("exit code of %s", List.of(args)).isEqualTo(direct.exitCode());
    }
  }

  @Test
  void servedCommands_answerAsTheCommandLine_andKeepWhatTheyRead() throws IOException {
    try (Server server = Server.bind(dir.resolve("s.sock"))) {
      assertServedAsOneShot(server, "whatif", "-t", EXAMPLE, "--service-tags", TAGS, "--change",
          CHANGES + "/remove-storage-rule.json");
      assertServedAsOneShot(server, "whatif", "-t", EXAMPLE, "--service-tags", TAGS, "--json", "--change",
          CHANGES + "/remove-storage-rule.json");
      assertServedAsOneShot(server, "whatif", "-t", EXAMPLE, "--service-tags", TAGS, "--plan",
          CHANGES + "/plan-open-ssh.json", "--fail-on", "any");
      assertServedAsOneShot(server, "aml-check", "-t", EXAMPLE, "--service-tags", TAGS);
      assertServedAsOneShot(server, "trace", "-t", EXAMPLE, "--service-tags", TAGS, "--from", "ci-secure",
          "--to", "tag:Storage.EastUS", "--protocol", "tcp", "--port", "445");
      assertServedAsOneShot(server, "validate", "-t", EXAMPLE);
      assertServedAsOneShot(server, "check", "-t", EXAMPLE, "--service-tags", TAGS, "--intents",
          CliRun.REPO.resolve("examples/intents/aml-secure-training.yaml").toString(), "--format", "junit");
      assertThat(server.workspace().size()).as("kept values").isGreaterThanOrEqualTo(5);
    }
  }

  @Test
  void preload_readsAndCompilesAtStart_invalidInputIsExit3() throws IOException {
    try (Server server = Server.bind(dir.resolve("s.sock"))) {
      java.io.StringWriter err = new java.io.StringWriter();
      assertThat(server.preload(List.of("-t", EXAMPLE, "--service-tags", TAGS), new java.io.PrintWriter(err)))
          .isEqualTo(ExitCodes.OK);
      assertThat(err.toString()).isEmpty();
      int kept = server.workspace().size();
      assertThat(kept).as("input, catalogue, compiler and before side kept").isGreaterThanOrEqualTo(4);
      assertServedAsOneShot(server, "whatif", "-t", EXAMPLE, "--service-tags", TAGS, "--change",
          CHANGES + "/remove-storage-rule.json");
    }
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{ truncated");
    try (Server server = Server.bind(dir.resolve("t.sock"))) {
      java.io.StringWriter err = new java.io.StringWriter();
      assertThat(server.preload(List.of("-t", broken.toString()), new java.io.PrintWriter(err)))
          .isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(err.toString()).startsWith("error: " + broken + ":1:").contains("not valid JSON");
    }
  }

  @Test
  void inputChangedOnDisk_isReadAgain() throws IOException {
    Path copy = dir.resolve("estate");
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(CliRun.EXAMPLE)) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    String[] args = {"whatif", "-t", copy.toString(), "--service-tags", TAGS, "--change",
        CHANGES + "/remove-storage-rule.json"};
    try (Server server = Server.bind(dir.resolve("s.sock"))) {
      assertServedAsOneShot(server, args);
      String before = new String(server.answer(request(args)).stdout(), StandardCharsets.UTF_8);
      Path network = copy.resolve("network.json");
      Files.writeString(network, Files.readString(network).replace("\"priority\": 4000", "\"priority\": 90"));
      Files.setLastModifiedTime(network, FileTime.fromMillis(Files.getLastModifiedTime(network).toMillis() + 2000));
      assertServedAsOneShot(server, args);
      assertThat(new String(server.answer(request(args)).stdout(), StandardCharsets.UTF_8)).isNotEqualTo(before);
      assertServedAsOneShot(server, "validate", "-t", copy.toString());
      Files.writeString(network, "{ truncated");
      assertServedAsOneShot(server, args);
      assertThat(new String(server.answer(request(args)).stderr(), StandardCharsets.UTF_8)).contains("not valid JSON");
    }
  }

  @Test
  void otherCommandsDirectoriesAndUsageErrors_runInTheClient() throws IOException {
    try (Server server = Server.bind(dir.resolve("s.sock"))) {
      assertThat(server.answer(request("tags", "lookup", "10.0.0.1")).local()).isTrue();
      assertThat(server.answer(request("generate", "--vnets", "1", "--out", dir.toString())).local()).isTrue();
      assertThat(server.answer(request("whatif", "--no-such-option")).local()).isTrue();
      assertThat(server.answer(request("whatif", "--help")).local()).isTrue();
      assertThat(server.answer(request()).local()).isTrue();
      ServerProtocol.Answer elsewhere = server.answer(new ServerProtocol.Request("/", false, List.of("validate")));
      assertThat(elsewhere.local()).isTrue();
      assertThat(Launcher.note(elsewhere)).hasValueSatisfying(n -> assertThat(n).startsWith("note: the server runs in ")
          .contains("this client in /").endsWith("; running here"));
      assertThat(Launcher.note(server.answer(request("tags", "lookup", "10.0.0.1")))).isEmpty();
      assertThat(elsewhere.reason()).contains(HERE);
      assertThat(server.workspace().size()).isZero();
    }
  }

  @Test
  void overTheSocket_answers_isExclusive_andRemovesItsSocket() throws Exception {
    Path socket = dir.resolve("s.sock");
    Server server = Server.bind(socket);
    Thread serving = new Thread(server::serve);
    serving.start();
    try {
      String[] args = {"validate", "-t", EXAMPLE};
      ServerProtocol.Answer a = Launcher.exchange(socket, request(args));
      CliRun direct = CliRun.run(args);
      assertThat(a.local()).isFalse();
      assertThat(new String(a.stdout(), StandardCharsets.UTF_8)).isEqualTo(direct.out());
      assertThat(a.exitCode()).isEqualTo(direct.exitCode());
      assertThatThrownBy(() -> Server.bind(socket)).isInstanceOf(CliException.class)
          .hasMessageContaining("already listening");
    } finally {
      server.close();
      serving.join(5_000);
    }
    assertThat(serving.isAlive()).isFalse();
    assertThat(socket).doesNotExist();
    Files.writeString(socket, "left behind by a server that is gone");
    try (Server again = Server.bind(socket)) {
      assertThat(socket).exists();
    }
  }

  @Test
  void invalidChangeFile_exit3_sameMessage_andTheNextRequestStillAnswers() throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "[{\"op\": \"remove\", \"path\": \"/subscriptions/x/nope\"}]");
    List<String> args = new ArrayList<>(List.of("whatif", "-t", EXAMPLE, "--service-tags", TAGS, "--change"));
    try (Server server = Server.bind(dir.resolve("s.sock"))) {
      args.add(bad.toString());
      assertServedAsOneShot(server, args.toArray(String[]::new));
      assertThat(server.answer(request(args.toArray(String[]::new))).exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      args.set(args.size() - 1, CHANGES + "/remove-storage-rule.json");
      assertServedAsOneShot(server, args.toArray(String[]::new));
    }
  }
}
