package dev.vnetsim.model.io.change;

import dev.vnetsim.model.io.TopologyReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Fixtures under {@code src/test/resources/change/} and short ids in subscription "s", resource group "rg". */
final class ChangeTesting {
  private ChangeTesting() {}

  static final String NSG = id("networkSecurityGroups/nsg");
  static final String RT = id("routeTables/rt");
  static final String VNET = id("virtualNetworks/vnet");

  static String id(String networkPath) {
    return "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/" + networkPath;
  }

  static Path resource(String name) {
    try {
      return Path.of(ChangeTesting.class.getResource("/change/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fixture file as a source named by its file name (so messages are short and stable). */
  static TopologyReader.Source source(String name) {
    try {
      return new TopologyReader.Source(name, Files.readString(resource(name), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ArmResources load(String... names) {
    return ArmResources.readSources(List.of(names).stream().map(ChangeTesting::source).toList(), false);
  }

  /** A change file held in memory (JSON unless the name ends .yaml). */
  static ChangeSet change(ArmResources base, String name, String content) {
    return ChangeFile.apply(base, new TopologyReader.Source(name, content));
  }

  static ChangeSet change(ArmResources base, String content) {
    return change(base, "change.json", content);
  }
}
