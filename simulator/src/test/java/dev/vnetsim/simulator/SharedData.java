package dev.vnetsim.simulator;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Finds the project's shared data folder ({@code ../shared/data} beside the repository) from the working dir. */
public final class SharedData {
  private SharedData() {}

  public static Path path(String relative) {
    Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      for (Path c : new Path[] {d.resolve("shared/data"), d.resolve("../shared/data")}) {
        if (Files.isDirectory(c)) {
          return c.resolve(relative).normalize();
        }
      }
    }
    Path fallback = Paths.get("/work/shared/data").resolve(relative);
    assumeTrue(Files.exists(fallback), "shared data not found: " + relative);
    return fallback;
  }
}
