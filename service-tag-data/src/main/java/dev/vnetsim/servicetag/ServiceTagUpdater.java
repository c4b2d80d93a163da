package dev.vnetsim.servicetag;

import static com.google.common.base.Preconditions.checkArgument;

import dev.vnetsim.model.InputPath;
import dev.vnetsim.model.InvalidTopologyException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads the current weekly service-tag file of a cloud into the cache directory, the way Microsoft's download
 * page links to it: fetch the page {@code https://www.microsoft.com/en-us/download/details.aspx?id=<id>}, find the
 * {@code https://download.microsoft.com/download/.../ServiceTags_<Cloud>_YYYYMMDD.json} link in it, download that
 * file, read it fully to check it, then move it atomically into the cache directory under its original name. A
 * failure leaves the cache as it was.
 *
 * <p>Every failure (no network, an HTTP error, a page without the link, a file that does not parse) is an
 * {@link InvalidTopologyException} whose "file" is the URL involved and whose reason is one line saying what to do.
 */
public final class ServiceTagUpdater {
  public static final URI DETAILS_PAGE = URI.create("https://www.microsoft.com/en-us/download/details.aspx");
  public static final String DOWNLOAD_PREFIX = "https://download.microsoft.com/download/";
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  /** Downloads larger than this are refused (the Public file is about 4 MB). */
  static final long MAX_BYTES = 64L << 20;

  private final HttpClient client;
  private final URI detailsPage;
  private final String downloadPrefix;
  private final Duration requestTimeout;

  /**
   * @param detailsPage the download page without its query ({@link #DETAILS_PAGE}); {@code ?id=<id>} is appended
   * @param downloadPrefix where the file link must point ({@link #DOWNLOAD_PREFIX}); links elsewhere are ignored
   */
  public ServiceTagUpdater(HttpClient client, URI detailsPage, String downloadPrefix, Duration requestTimeout) {
    checkArgument(downloadPrefix.endsWith("/"), "downloadPrefix must end with /: %s", downloadPrefix);
    this.client = client;
    this.detailsPage = detailsPage;
    this.downloadPrefix = downloadPrefix;
    this.requestTimeout = requestTimeout;
  }

  /** An updater against Microsoft's download site, with a 10 s connect timeout. */
  public static ServiceTagUpdater create() {
    return new ServiceTagUpdater(defaultClient(), DETAILS_PAGE, DOWNLOAD_PREFIX, REQUEST_TIMEOUT);
  }

  /** The HTTP client {@link #create()} uses: 10 s connect timeout, redirects followed except https to http. */
  public static HttpClient defaultClient() {
    return HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /**
   * The outcome of an update.
   *
   * @param file where the snapshot now is in the cache directory
   * @param catalog the snapshot read from it
   * @param replacedExisting whether a file of the same name (the same weekly file) was already there
   */
  public record Result(Path file, ServiceTagCatalog catalog, boolean replacedExisting) {}

  /** Downloads the current file of {@code cloud} into {@code cacheDir} (created when missing). */
  public Result update(ServiceTagCloud cloud, Path cacheDir) {
    URI page = URI.create(detailsPage + "?id=" + cloud.downloadId());
    String html = fetchPage(cloud, page);
    Link link = findLink(html, cloud)
        .orElseThrow(() -> failure(page, "the download page has no link to ServiceTags_" + cloud.fileName()
            + "_YYYYMMDD.json (the page may have changed); download the file by hand from " + page
            + " and pass it with --service-tags FILE"));
    Path target = cacheDir.resolve(link.fileName());
    Path partial = null;
    try {
      Files.createDirectories(cacheDir);
      partial = Files.createTempFile(cacheDir, "." + link.fileName(), ".part");
      download(cloud, link.uri(), partial);
      ServiceTagCatalog catalog;
      try (InputStream in = Files.newInputStream(partial)) {
        catalog = ServiceTagReader.read(in, link.uri().toString(), Optional.of(link.date()), false);
      }
      if (!catalog.provenance().cloud().equalsIgnoreCase(cloud.fileName())) {
        throw failure(link.uri(), "the file is for cloud '" + catalog.provenance().cloud() + "', expected '"
            + cloud.fileName() + "'");
      }
      boolean existed = Files.exists(target);
      move(partial, target);
      partial = null;
      return new Result(target, catalog.withSource(target.toString()), existed);
    } catch (IOException e) {
      throw failure(InputPath.of(cacheDir.toString()), "cannot write the service-tag cache: " + e.getMessage());
    } finally {
      if (partial != null) {
        try {
          Files.deleteIfExists(partial);
        } catch (IOException ignored) {
          // The partial file is named .ServiceTags_*.part, which snapshot resolution never picks up.
        }
      }
    }
  }

  /** A file link found on the download page. */
  record Link(URI uri, String fileName, LocalDate date) {}

  /** The newest {@code ServiceTags_<Cloud>_YYYYMMDD.json} link under the download prefix in {@code html}. */
  Optional<Link> findLink(String html, ServiceTagCloud cloud) {
    Pattern p = Pattern.compile(Pattern.quote(downloadPrefix) + "(?:[A-Za-z0-9._~%-]+/)*(ServiceTags_"
        + Pattern.quote(cloud.fileName()) + "_\\d{8}\\.json)");
    Matcher m = p.matcher(html);
    Link best = null;
    while (m.find()) {
      String name = m.group(1);
      Optional<LocalDate> date = ServiceTagReader.dateFromFileName(name);
      if (date.isPresent() && (best == null || date.get().isAfter(best.date()))) {
        best = new Link(URI.create(m.group()), name, date.get());
      }
    }
    return Optional.ofNullable(best);
  }

  private String fetchPage(ServiceTagCloud cloud, URI page) {
    HttpResponse<byte[]> response = send(page, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw failure(page, "the download page answered HTTP " + response.statusCode() + "; download ServiceTags_"
          + cloud.fileName() + "_YYYYMMDD.json by hand and pass it with --service-tags FILE");
    }
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private void download(ServiceTagCloud cloud, URI uri, Path into) throws IOException {
    HttpResponse<InputStream> response = send(uri, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      if (response.statusCode() != 200) {
        throw failure(uri, "the download answered HTTP " + response.statusCode());
      }
      try (OutputStream out = Files.newOutputStream(into)) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          total += n;
          if (total > MAX_BYTES) {
            throw failure(uri, "the download is larger than " + (MAX_BYTES >> 20) + " MB; a ServiceTags_"
                + cloud.fileName() + " file is a few MB");
          }
          out.write(buffer, 0, n);
        }
      }
    } catch (IOException e) {
      throw failure(uri, "the download broke off: " + describe(e));
    }
  }

  private <T> HttpResponse<T> send(URI uri, HttpResponse.BodyHandler<T> handler) {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(requestTimeout)
        .header("User-Agent", "vnetsim service-tag update")
        .GET()
        .build();
    try {
      return client.send(request, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(uri, "interrupted");
    } catch (IOException e) {
      throw failure(uri, "cannot reach " + host(uri) + " (" + describe(e) + "); check the network or proxy, or "
          + "download the file by hand and pass it with --service-tags FILE");
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String host(URI uri) {
    return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }

  private static String describe(IOException e) {
    if (e instanceof HttpConnectTimeoutException) {
      return "connection timed out after " + CONNECT_TIMEOUT.toSeconds() + " s";
    }
    if (e instanceof HttpTimeoutException) {
      return "no answer in time";
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return "host name not found";
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return t.getMessage();
      }
    }
    return e instanceof ConnectException ? "could not connect" : e.getClass().getSimpleName();
  }

  private static InvalidTopologyException failure(URI uri, String reason) {
    return failure(InputPath.of(uri.toString()), reason);
  }

  private static InvalidTopologyException failure(InputPath where, String reason) {
    return new InvalidTopologyException(where, "cannot update service tags: " + reason);
  }
}
