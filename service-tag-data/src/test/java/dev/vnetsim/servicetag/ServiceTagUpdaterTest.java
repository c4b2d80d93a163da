package dev.vnetsim.servicetag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vnetsim.model.InvalidTopologyException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ServiceTagUpdater} against a local stand-in for Microsoft's download site: an HTTP server on the loopback
 * interface only, serving a download page and the file it links to. Each test stops the server; a watchdog stops it
 * too if a test hangs.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ServiceTagUpdaterTest {
  @TempDir Path cache;

  private HttpServer server;
  private ExecutorService executor;
  private String base;
  private byte[] chinaFile;
  private Thread watchdog;

  @BeforeEach
  void startServer() throws IOException {
    chinaFile = Files.readAllBytes(SharedData.serviceTags(SharedData.CHINA_20251020));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "updater-test-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    base = "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    String fileLink = base + "/download/7/1/d/0123abcd/ServiceTags_China_20251020.json";
    server.createContext("/en-us/download/details.aspx", ex -> reply(ex, 200, ("<html><body>"
        + "<script>window.__DLCDetails__={\"dlcDetailsView\":{\"downloadFile\":[{\"name\":\"ServiceTags_China_20251020"
        + ".json\",\"url\":\"" + fileLink + "\"}]}}</script>"
        + "<a href=\"" + base + "/download/0/0/0/old/ServiceTags_China_20250105.json\">an older link</a>"
        + "<a href=\"https://elsewhere.example/download/x/ServiceTags_China_20991231.json\">not the download host</a>"
        + "</body></html>").getBytes(StandardCharsets.UTF_8)));
    server.createContext("/nolink/details.aspx", ex -> reply(ex, 200,
        "<html><body>We're sorry, this download is no longer available.</body></html>".getBytes(StandardCharsets.UTF_8)));
    server.createContext("/truncated/details.aspx", ex -> reply(ex, 200, ("<a href=\"" + base
        + "/cut/ServiceTags_China_20251020.json\">download</a>").getBytes(StandardCharsets.UTF_8)));
    server.createContext("/download/", ex -> reply(ex, 200, chinaFile));
    server.createContext("/cut/", ex -> reply(ex, 200, Arrays.copyOf(chinaFile, chinaFile.length / 2)));
    server.start();
    watchdog = new Thread(() -> {
      try {
        Thread.sleep(60_000);
        server.stop(0);
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
      }
    }, "updater-test-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  @AfterEach
  void stopServer() {
    watchdog.interrupt();
    server.stop(0);
    executor.shutdownNow();
  }

  private static void reply(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private ServiceTagUpdater updater(String pagePath) {
    return new ServiceTagUpdater(ServiceTagUpdater.defaultClient(), URI.create(base + pagePath), base + "/download/",
        Duration.ofSeconds(10));
  }

  private String[] cacheFiles() throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      return files.map(f -> f.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }

  @Test
  void update_downloadsTheLinkedFileIntoTheCache() throws IOException {
    ServiceTagUpdater.Result result = updater("/en-us/download/details.aspx").update(ServiceTagCloud.CHINA, cache);

    Path expected = cache.resolve("ServiceTags_China_20251020.json");
    assertThat(result.file()).isEqualTo(expected);
    assertThat(result.replacedExisting()).isFalse();
    assertThat(Files.readAllBytes(expected)).isEqualTo(chinaFile);
    assertThat(cacheFiles()).containsExactly("ServiceTags_China_20251020.json");
    assertThat(result.catalog().provenance()).isEqualTo(new SnapshotProvenance("China", 370,
        java.util.Optional.of(LocalDate.of(2025, 10, 20)), expected.toString(), false));
    assertThat(new ServiceTagSnapshots(cache).newestCached()).contains(expected);

    ServiceTagUpdater.Result again = updater("/en-us/download/details.aspx").update(ServiceTagCloud.CHINA, cache);
    assertThat(again.replacedExisting()).isTrue();
    assertThat(cacheFiles()).containsExactly("ServiceTags_China_20251020.json");
  }

  @Test
  void update_pageWithoutLink_saysWhatToDoAndLeavesTheCacheAlone() throws IOException {
    String page = base + "/nolink/details.aspx?id=57062";
    assertThatThrownBy(() -> updater("/nolink/details.aspx").update(ServiceTagCloud.CHINA, cache))
        .isInstanceOf(InvalidTopologyException.class)
        .hasMessage(page + ": cannot update service tags: the download page has no link to "
            + "ServiceTags_China_YYYYMMDD.json (the page may have changed); download the file by hand from " + page
            + " and pass it with --service-tags FILE");
    assertThat(cacheFiles()).isEmpty();
  }

  @Test
  void update_linkToAnotherCloud_isNotFollowed() {
    assertThatThrownBy(() -> updater("/en-us/download/details.aspx").update(ServiceTagCloud.PUBLIC, cache))
        .isInstanceOf(InvalidTopologyException.class)
        .hasMessageContaining("has no link to ServiceTags_Public_YYYYMMDD.json");
  }

  @Test
  void update_truncatedDownload_isRejectedAndNotCached() throws IOException {
    String file = base + "/cut/ServiceTags_China_20251020.json";
    ServiceTagUpdater updater = new ServiceTagUpdater(ServiceTagUpdater.defaultClient(),
        URI.create(base + "/truncated/details.aspx"), base + "/cut/", Duration.ofSeconds(10));
    assertThatThrownBy(() -> updater.update(ServiceTagCloud.CHINA, cache))
        .isInstanceOf(InvalidTopologyException.class)
        .hasMessageStartingWith(file + ": $.values[")
        .hasMessageEndingWith("(is the file truncated?)");
    assertThat(cacheFiles()).isEmpty();
  }

  @Test
  void update_connectionRefused_isOneClearMessage() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    String host = InetAddress.getLoopbackAddress().getHostAddress() + ":" + closedPort;
    ServiceTagUpdater updater = new ServiceTagUpdater(ServiceTagUpdater.defaultClient(),
        URI.create("http://" + host + "/en-us/download/details.aspx"), "http://" + host + "/download/",
        Duration.ofSeconds(10));
    assertThatThrownBy(() -> updater.update(ServiceTagCloud.PUBLIC, cache))
        .isInstanceOf(InvalidTopologyException.class)
        .hasMessage("http://" + host + "/en-us/download/details.aspx?id=56519: cannot update service tags: cannot "
            + "reach " + host + " (could not connect); check the network or proxy, or download the file by hand and "
            + "pass it with --service-tags FILE");
    assertThat(cacheFiles()).isEmpty();
  }

  @Test
  void findLink_takesTheNewestLinkOnTheDownloadHost() {
    ServiceTagUpdater updater = ServiceTagUpdater.create();
    String html = "\"url\":\"https://download.microsoft.com/download/7/1/d/71d86715-5596-4529-9b13-da13a5de5b63/"
        + "ServiceTags_Public_20251020.json\" <a href=\"https://download.microsoft.com/download/a/b/"
        + "ServiceTags_Public_20251013.json\"> https://evil.example/download/ServiceTags_Public_20991231.json";
    assertThat(updater.findLink(html, ServiceTagCloud.PUBLIC)).map(ServiceTagUpdater.Link::uri)
        .contains(URI.create("https://download.microsoft.com/download/7/1/d/71d86715-5596-4529-9b13-da13a5de5b63/"
            + "ServiceTags_Public_20251020.json"));
    assertThat(updater.findLink(html, ServiceTagCloud.CHINA)).isEmpty();
  }

  @Test
  void cloud_parsesNamesIgnoringCase() {
    assertThat(ServiceTagCloud.parse("azuregovernment")).contains(ServiceTagCloud.AZURE_GOVERNMENT);
    assertThat(ServiceTagCloud.parse("Public")).contains(ServiceTagCloud.PUBLIC);
    assertThat(ServiceTagCloud.parse("Germany")).isEmpty();
    assertThat(ServiceTagCloud.names()).isEqualTo("Public, China, AzureGovernment");
  }
}
