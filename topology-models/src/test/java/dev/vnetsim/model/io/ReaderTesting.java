package dev.vnetsim.model.io;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.Topology;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;

/** Helpers for reader tests: read inline JSON or YAML, expect an error message. */
final class ReaderTesting {
  private ReaderTesting() {}

  /** Reads one in-memory file named {@code name} (YAML when it ends in .yaml). */
  static TopologyLoad load(String name, String content) {
    return TopologyReader.readSources(List.of(new TopologyReader.Source(name, content)), false);
  }

  static Topology topology(String content) {
    return load("t.json", content).topology();
  }

  static AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(String content) {
    return assertThatThrownBy(() -> load("t.json", content)).isInstanceOf(InvalidTopologyException.class);
  }

  /** An ARM id in subscription "s", resource group "rg": {@code id("virtualNetworks/v/subnets/a")}. */
  static String id(String networkPath) {
    return "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/" + networkPath;
  }
}
