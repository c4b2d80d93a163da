package dev.vnetsim.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.servicetag.ServiceTagCatalog;
import dev.vnetsim.servicetag.ServiceTagReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code vnetsim tags ...} through the command line, with the user cache pointed at a temporary folder. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TagsCommandTest {
  static final Path PUBLIC = CliRun.sharedData("service-tags/ServiceTags_Public_20251020.json");
  static final Path PUBLIC_OLD = CliRun.sharedData("service-tags/ServiceTags_Public_20251013.json");
  static final Path CHINA = CliRun.sharedData("service-tags/ServiceTags_China_20251020.json");
  static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path cache;
  private String previousCache;

  @BeforeEach
  void useTemporaryCache() {
    previousCache = System.getProperty("vnetsim.cache.dir");
    System.setProperty("vnetsim.cache.dir", cache.toString());
  }

  @AfterEach
  void restoreCache() {
    if (previousCache == null) {
      System.clearProperty("vnetsim.cache.dir");
    } else {
      System.setProperty("vnetsim.cache.dir", previousCache);
    }
  }

  /** The staleness warning the command must print for a real file dated {@code date}, if it is over 30 days old. */
  private static List<String> stalenessLines(String cloud, long changeNumber, LocalDate date) {
    long age = ChronoUnit.DAYS.between(date, LocalDate.now(ZoneOffset.UTC));
    if (age <= 30) {
      return List.of();
    }
    return List.of("warning: service-tag snapshot " + cloud + " changeNumber " + changeNumber + " of " + date + " is "
        + age + " days old (more than 30); run 'vnetsim tags update' or pass a newer --service-tags FILE");
  }

  private static final String SAMPLE_WARNING = "warning: service tags come from the bundled sample (a handful of "
      + "prefixes per tag, not Microsoft's data); run 'vnetsim tags update' or pass --service-tags FILE";

  @Test
  void lookup_json_givesSortedNamesPerAddressAsGiven() throws IOException {
    CliRun r = CliRun.run("tags", "lookup", "--json", "--service-tags", PUBLIC.toString(), " 20.42.0.240 ",
        "13.107.246.40", "192.168.1.1", "2603:1030:210:1::2c1");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    JsonNode doc = MAPPER.readTree(r.out());
    assertThat(doc.fieldNames()).toIterable()
        .containsExactly("20.42.0.240", "13.107.246.40", "192.168.1.1", "2603:1030:210:1::2c1");
    assertThat(doc.get("20.42.0.240")).extracting(JsonNode::asText)
        .containsExactly("AzureCloud", "AzureCloud.eastus", "AzureMachineLearning", "AzureMachineLearning.EastUS");
    assertThat(doc.get("13.107.246.40")).extracting(JsonNode::asText).containsExactly("AzureFrontDoor.Frontend");
    assertThat(doc.get("192.168.1.1").isArray()).isTrue();
    assertThat(doc.get("192.168.1.1")).isEmpty();
    assertThat(doc.get("2603:1030:210:1::2c1")).extracting(JsonNode::asText)
        .contains("AzureMachineLearning.EastUS");
    assertThat(r.errLines()).containsExactlyElementsOf(stalenessLines("Public", 374, LocalDate.of(2025, 10, 20)));
  }

  @Test
  void lookup_text_namesTheSnapshotFirst() {
    CliRun r = CliRun.run("--service-tags", PUBLIC.toString(), "tags", "lookup", "13.107.246.40", "10.0.0.1");
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.out().split("\\R")).containsExactly(
        "service tags: Public changeNumber 374 of 2025-10-20 from " + PUBLIC,
        "13.107.246.40  AzureFrontDoor.Frontend",
        "10.0.0.1  (no service tag)");
  }

  @Test
  void lookup_stdin_answersThousandsOfAddresses() throws IOException {
    ServiceTagCatalog catalog = ServiceTagReader.read(PUBLIC);
    Random rnd = new Random(11);
    List<String> addresses = new ArrayList<>();
    StringBuilder input = new StringBuilder("# addresses to check\n\n");
    for (int i = 0; i < 5000; i++) {
      String a = IpAddress.v4(rnd.nextInt()).toString();
      if (i % 2 == 0) {
        var prefix = catalog.tags().get(rnd.nextInt(catalog.tags().size())).prefixes().get(0);
        a = prefix.first().toString();
      }
      if (!addresses.contains(a)) {
        addresses.add(a);
      }
      input.append(a).append('\n');
    }
    InputStream stdin = System.in;
    System.setIn(new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)));
    CliRun r;
    try {
      r = CliRun.run("tags", "lookup", "-", "--json", "--service-tags", PUBLIC.toString());
    } finally {
      System.setIn(stdin);
    }

    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    JsonNode doc = MAPPER.readTree(r.out());
    assertThat(doc.size()).isEqualTo(addresses.size());
    Iterator<String> names = doc.fieldNames();
    for (String a : addresses) {
      assertThat(names.next()).isEqualTo(a);
      List<String> tags = new ArrayList<>();
      doc.get(a).forEach(t -> tags.add(t.asText()));
      assertThat(tags).as(a).isEqualTo(catalog.tagsContaining(IpAddress.parse(a)));
    }
  }

  @Test
  void lookup_badAddress_isAUsageError() {
    CliRun r = CliRun.run("tags", "lookup", "--service-tags", PUBLIC.toString(), "10.0.0.1", "10.0.0.300");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).containsExactly("error: not an IPv4 or IPv6 address: '10.0.0.300'");
  }

  @Test
  void lookup_withoutSnapshot_usesTheBundledSampleAndSaysSo() throws IOException {
    CliRun r = CliRun.run("tags", "lookup", "--json", "20.42.0.240");
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(MAPPER.readTree(r.out()).get("20.42.0.240")).extracting(JsonNode::asText)
        .containsExactly("AzureCloud", "AzureCloud.eastus", "AzureMachineLearning", "AzureMachineLearning.EastUS");
    assertThat(r.errLines()).containsExactly(SAMPLE_WARNING);

    CliRun text = CliRun.run("tags", "lookup", "20.42.0.240");
    assertThat(text.out()).startsWith("service tags: bundled sample (Public changeNumber 1, not Microsoft's data)\n");
  }

  @Test
  void lookup_strictWithTheSample_isInvalidInput() {
    CliRun r = CliRun.run("tags", "lookup", "--strict", "20.42.0.240");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).containsExactly("error: " + SAMPLE_WARNING.substring("warning: ".length())
        + " (--strict)");
  }

  @Test
  void lookup_usesTheNewestCachedDownload() throws IOException {
    Files.copy(CHINA, cache.resolve("ServiceTags_China_20251020.json"));
    CliRun r = CliRun.run("tags", "lookup", "--verbose", "1.2.3.4");
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.out()).startsWith("service tags: China changeNumber 370 of 2025-10-20 from "
        + cache.resolve("ServiceTags_China_20251020.json"));
    assertThat(r.errLines()[0]).isEqualTo("note: service tags: China changeNumber 370 of 2025-10-20 from "
        + cache.resolve("ServiceTags_China_20251020.json"));
  }

  @Test
  void lookup_malformedServiceTags_isExit3WithPath() throws IOException {
    Path bad = cache.resolve("bad.json");
    Files.writeString(bad, "{\"changeNumber\": 1, \"cloud\": \"Public\", \"values\": [{\"name\": \"A\", "
        + "\"properties\": {\"changeNumber\": 1, \"addressPrefixes\": [\"10.0.0.0/33\"]}}]}");
    CliRun r = CliRun.run("tags", "lookup", "--service-tags", bad.toString(), "10.0.0.1");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).containsExactly("error: " + bad + ": $.values[0].properties.addressPrefixes[0]: not a "
        + "valid CIDR prefix or IP address: '10.0.0.0/33'");
  }

  @Test
  void show_findsTheTagIgnoringCase() throws IOException {
    CliRun r = CliRun.run("tags", "show", "AzureFrontDoor.FrontEnd", "--service-tags", PUBLIC.toString(), "--json");
    assertThat(r.exitCode()).isEqualTo(0);
    JsonNode doc = MAPPER.readTree(r.out());
    assertThat(doc.get("name").asText()).isEqualTo("AzureFrontDoor.Frontend");
    assertThat(doc.get("region").asText()).isEmpty();
    assertThat(doc.get("addressPrefixes")).hasSize(192);
    assertThat(doc.get("serviceTags").get("changeNumber").asLong()).isEqualTo(374);

    CliRun text = CliRun.run("tags", "show", "azuremachinelearning.eastus", "--service-tags", PUBLIC.toString());
    assertThat(text.out()).contains("AzureMachineLearning.EastUS\n", "  region:           eastus\n",
        "  network features: -\n", "  prefixes:         10 (9 IPv4, 1 IPv6)\n", "    20.42.0.240/28\n");
  }

  @Test
  void show_unknownOrVirtualTag_isAUsageError() {
    CliRun unknown = CliRun.run("tags", "show", "Storage.Atlantis", "--service-tags", CHINA.toString());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.errLines()[unknown.errLines().length - 1])
        .startsWith("error: no service tag 'Storage.Atlantis' in China changeNumber 370 of 2025-10-20 from ")
        .contains("; similar: Storage");
    CliRun virtual = CliRun.run("tags", "show", "VirtualNetwork");
    assertThat(virtual.exitCode()).isEqualTo(2);
    assertThat(virtual.errLines()[virtual.errLines().length - 1]).isEqualTo("error: 'VirtualNetwork' is not in the "
        + "service-tag file: Azure computes it per subnet from the topology");
  }

  @Test
  void diff_json_hasTheContractShapeAndTheThirtyTwoTags() throws IOException {
    CliRun r = CliRun.run("tags", "diff", PUBLIC_OLD.toString(), PUBLIC.toString(), "--json");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    JsonNode doc = MAPPER.readTree(r.out());
    assertThat(doc.fieldNames()).toIterable().containsExactly("old", "new", "changed", "addedTags", "removedTags");
    assertThat(doc.get("old").fieldNames()).toIterable().containsExactly("cloud", "changeNumber", "file");
    assertThat(doc.get("old").get("changeNumber").asLong()).isEqualTo(373);
    assertThat(doc.get("old").get("file").asText()).isEqualTo(PUBLIC_OLD.toString());
    assertThat(doc.get("new").get("cloud").asText()).isEqualTo("Public");
    assertThat(doc.get("changed")).hasSize(32);
    List<String> changed = new ArrayList<>();
    doc.get("changed").forEach(c -> changed.add(c.get("tag").asText()));
    assertThat(changed).contains("Storage.EastUS", "AzureCloud", "Scuba").doesNotContain("Storage");
    JsonNode first = doc.get("changed").get(0);
    assertThat(first.fieldNames()).toIterable().containsExactly("tag", "added", "removed");
    assertThat(doc.get("addedTags")).isEmpty();
    assertThat(doc.get("removedTags")).isEmpty();
  }

  @Test
  void diff_text_summarises() {
    CliRun r = CliRun.run("tags", "diff", PUBLIC_OLD.toString(), PUBLIC.toString());
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.out()).contains("32 tag(s) changed coverage, 0 added, 0 removed\n", "\nStorage.EastUS  +");
  }

  private static void reply(HttpExchange ex, byte[] body) throws IOException {
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Test
  void update_downloadsIntoTheCacheThatLaterRunsUse() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String base = "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    byte[] china = Files.readAllBytes(CHINA);
    server.createContext("/details.aspx", ex -> reply(ex, ("<a href=\"" + base
        + "/download/1/2/ServiceTags_China_20251020.json\">Download</a>").getBytes(StandardCharsets.UTF_8)));
    server.createContext("/download/", ex -> reply(ex, china));
    server.start();
    CliRun r;
    try {
      r = CliRun.run("tags", "update", "--cloud", "china", "--download-page", base + "/details.aspx",
          "--download-prefix", base + "/download/");
    } finally {
      server.stop(0);
    }

    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).isEqualTo("downloaded ServiceTags_China_20251020.json (China changeNumber 370 of 2025-10-20, "
        + "325 tags) into " + cache + "\n");
    assertThat(Files.readAllBytes(cache.resolve("ServiceTags_China_20251020.json"))).isEqualTo(china);
    CliRun after = CliRun.run("tags", "lookup", "1.2.3.4");
    assertThat(after.out()).startsWith("service tags: China changeNumber 370");
  }

  @Test
  void update_withoutNetwork_isOneLineAndExit3() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String base = "http://127.0.0.1:" + port;
    CliRun r = CliRun.run("tags", "update", "--download-page", base + "/details.aspx");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).containsExactly("error: " + base + "/details.aspx?id=56519: cannot update service tags: "
        + "cannot reach 127.0.0.1:" + port + " (could not connect); check the network or proxy, or download the "
        + "file by hand and pass it with --service-tags FILE");
    try (var files = Files.list(cache)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void update_unknownCloud_isAUsageError() {
    CliRun r = CliRun.run("tags", "update", "--cloud", "Germany");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly("error: unknown cloud 'Germany'; expected one of Public, China, "
        + "AzureGovernment");
  }
}
