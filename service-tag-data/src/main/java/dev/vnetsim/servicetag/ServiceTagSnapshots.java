package dev.vnetsim.servicetag;

import dev.vnetsim.model.InputPath;
import dev.vnetsim.model.InvalidTopologyException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Picks the snapshot that answers: the file the user named ({@code --service-tags FILE}); else the newest
 * {@code ServiceTags_*.json} in the user cache directory (where {@code tags update} puts downloads); else the
 * bundled sample on the classpath.
 *
 * <p>The cache directory is, in order: system property {@value #CACHE_DIR_PROPERTY}, environment variable
 * {@value #CACHE_DIR_ENV}, {@code $XDG_CACHE_HOME/vnetsim}, {@code ~/.cache/vnetsim}. "Newest" means the latest
 * {@code _YYYYMMDD} date in the file name; among files of the same date the latest modified wins, then the greatest
 * name; an undated name ({@code ServiceTags_Public.json}) is taken only when no name has a date.
 */
public final class ServiceTagSnapshots {
  public static final String CACHE_DIR_PROPERTY = "vnetsim.cache.dir";
  public static final String CACHE_DIR_ENV = "VNETSIM_CACHE_DIR";
  /** The bundled sample, a classpath resource next to this class. */
  public static final String SAMPLE_RESOURCE = "ServiceTags_Sample.json";

  private static final Pattern SNAPSHOT_NAME = Pattern.compile("ServiceTags_[A-Za-z]+(?:_\\d{8})?\\.json");

  private final Path cacheDir;

  public ServiceTagSnapshots(Path cacheDir) {
    this.cacheDir = cacheDir;
  }

  /** Snapshots under the cache directory named by the system properties and environment of this process. */
  public static ServiceTagSnapshots fromEnvironment() {
    return new ServiceTagSnapshots(cacheDir(System::getProperty, System::getenv));
  }

  /** The cache directory for the given system properties and environment (see the class comment). */
  static Path cacheDir(UnaryOperator<String> properties, UnaryOperator<String> environment) {
    String explicit = properties.apply(CACHE_DIR_PROPERTY);
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String env = environment.apply(CACHE_DIR_ENV);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String xdg = environment.apply("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "vnetsim");
    }
    return Path.of(properties.apply("user.home"), ".cache", "vnetsim");
  }

  public Path cacheDir() {
    return cacheDir;
  }

  /** The snapshot that answers: {@code explicitFile} when given, else the newest cached one, else the sample. */
  public ServiceTagCatalog load(Optional<Path> explicitFile) {
    if (explicitFile.isPresent()) {
      return ServiceTagReader.read(explicitFile.get());
    }
    return newestCached().map(ServiceTagReader::read).orElseGet(ServiceTagSnapshots::bundledSample);
  }

  /** The newest {@code ServiceTags_*.json} in the cache directory, if any. */
  public Optional<Path> newestCached() {
    if (!Files.isDirectory(cacheDir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(cacheDir)) {
      return files
          .filter(f -> SNAPSHOT_NAME.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f))
          .max(Comparator.<Path, LocalDate>comparing(f -> ServiceTagReader.dateFromFileName(f.getFileName()
                  .toString()).orElse(LocalDate.MIN))
              .thenComparing(ServiceTagSnapshots::modified)
              .thenComparing(f -> f.getFileName().toString()));
    } catch (IOException e) {
      throw new InvalidTopologyException(InputPath.of(cacheDir.toString()),
          "cannot list the service-tag cache directory: " + e.getMessage());
    }
  }

  private static FileTime modified(Path f) {
    try {
      return Files.getLastModifiedTime(f);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  /** The sample snapshot that ships with vnetsim: a handful of prefixes per tag, not Microsoft's data. */
  public static ServiceTagCatalog bundledSample() {
    try (InputStream in = ServiceTagSnapshots.class.getResourceAsStream(SAMPLE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("bundled sample " + SAMPLE_RESOURCE + " missing from the classpath");
      }
      return ServiceTagReader.read(in, "bundled sample " + SAMPLE_RESOURCE, Optional.empty(), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
