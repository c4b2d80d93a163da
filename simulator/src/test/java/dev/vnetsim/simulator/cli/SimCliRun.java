package dev.vnetsim.simulator.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs the CLI in-process on the golden topology and service-tag file (picocli "Testing Your Application"). */
record SimCliRun(int code, String out, String err) {

  static SimCliRun of(String... args) {
    Path shared;
    try {
      shared = Paths.get(SimCliRun.class.getResource("/golden/_shared/topology.json").toURI()).getParent();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<String> all = new ArrayList<>(List.of(args));
    all.add("-t");
    all.add(shared.resolve("topology.json").toString());
    all.add("--service-tags");
    all.add(shared.resolve("ServiceTags_Public_20250101.json").toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(all.toArray(new String[0]));
    return new SimCliRun(code, out.toString(), err.toString());
  }
}
