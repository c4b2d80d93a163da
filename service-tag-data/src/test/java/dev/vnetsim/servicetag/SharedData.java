package dev.vnetsim.servicetag;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real data files under the shared data folder: system property {@code vnetsim.shared.data} when set, else
 * {@code ../../shared/data} or {@code ../shared/data} from the working directory (the module directory under Maven).
 */
final class SharedData {
  static final String PUBLIC_20251020 = "ServiceTags_Public_20251020.json";
  static final String PUBLIC_20251013 = "ServiceTags_Public_20251013.json";
  static final String CHINA_20251020 = "ServiceTags_China_20251020.json";
  static final String GOVERNMENT_20251020 = "ServiceTags_AzureGovernment_20251020.json";

  private static final Map<String, ServiceTagCatalog> CATALOGS = new ConcurrentHashMap<>();

  private SharedData() {}

  static Path dir() {
    List<Path> candidates = new ArrayList<>();
    String property = System.getProperty("vnetsim.shared.data");
    if (property != null && !property.isBlank()) {
      candidates.add(Path.of(property));
    }
    candidates.add(Path.of("../../shared/data"));
    candidates.add(Path.of("../shared/data"));
    for (Path c : candidates) {
      if (Files.isDirectory(c.resolve("service-tags"))) {
        return c.normalize();
      }
    }
    throw new AssertionError("shared data folder not found; tried " + candidates
        + " from " + Path.of("").toAbsolutePath() + " (set -Dvnetsim.shared.data=...)");
  }

  static Path serviceTags(String fileName) {
    return dir().resolve("service-tags").resolve(fileName);
  }

  static Path armExample(String fileName) {
    return dir().resolve("arm-examples").resolve(fileName);
  }

  /** The catalog of a shared service-tag file, read once per test run. */
  static ServiceTagCatalog catalog(String fileName) {
    return CATALOGS.computeIfAbsent(fileName, f -> ServiceTagReader.read(serviceTags(f)));
  }
}
