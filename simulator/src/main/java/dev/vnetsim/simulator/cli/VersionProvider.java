package dev.vnetsim.simulator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version written into the jar at build time. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/vnetsim/simulator/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    return new String[] {"vnetsim " + p.getProperty("version", "unknown"),
        "Java " + System.getProperty("java.version")};
  }
}
