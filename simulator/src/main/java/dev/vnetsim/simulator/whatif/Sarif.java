package dev.vnetsim.simulator.whatif;

import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code check --format sarif}: SARIF 2.1.0 for GitHub code scanning and the Azure DevOps SARIF tab
 * (formats-and-conventions §2). One result (level {@code error}) per failing intent, none for passing ones; rule ids
 * are stable ({@link #UNREACHABLE}, {@link #REACHABLE}); {@code partialFingerprints} hash the intent's name, ends,
 * protocol and ports, so an alert keeps its identity across runs while the intent is unchanged. The location is the
 * intents file (as named on the command line) and the intent's first line.
 */
public final class Sarif {
  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  public static final String UNREACHABLE = "vnetsim/intent-unreachable";
  public static final String REACHABLE = "vnetsim/intent-reachable";
  public static final String FINGERPRINT = "vnetsimIntent/v1";

  private Sarif() {}

  public static Map<String, Object> render(CheckReport r) {
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "vnetsim");
    driver.put("version", version());
    driver.put("rules", List.of(
        rule(UNREACHABLE, "IntentUnreachable", "A flow that must get through is blocked",
            "An intent with 'expect: reachable' is not reachable in the simulated network: the result names the "
                + "disposition and the rule or route that stopped it."),
        rule(REACHABLE, "IntentReachable", "A flow that must be blocked gets through",
            "An intent with 'expect: blocked' is reachable in the simulated network: the result names the rule that "
                + "let it through.")));
    List<Object> results = new ArrayList<>();
    for (IntentResult x : r.results()) {
      if (!x.pass()) {
        results.add(result(r.file(), x));
      }
    }
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", driver));
    run.put("results", results);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("$schema", SCHEMA);
    doc.put("version", "2.1.0");
    doc.put("runs", List.of(run));
    return doc;
  }

  private static Map<String, Object> rule(String id, String name, String shortText, String fullText) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("name", name);
    m.put("shortDescription", Map.of("text", shortText));
    m.put("fullDescription", Map.of("text", fullText));
    m.put("defaultConfiguration", Map.of("level", "error"));
    m.put("properties", Map.of("tags", List.of("network", "reachability")));
    return m;
  }

  private static Map<String, Object> result(String file, IntentResult x) {
    Intent i = x.intent();
    boolean unreachable = i.expect() == Intent.Expect.REACHABLE;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ruleId", unreachable ? UNREACHABLE : REACHABLE);
    m.put("ruleIndex", unreachable ? 0 : 1);
    m.put("level", "error");
    m.put("message", Map.of("text", "Intent '" + i.name() + "' (" + i.flowText() + ") expected " + i.expect().label()
        + ", was " + x.actual().label() + ": " + x.verdictText()));
    Map<String, Object> physical = new LinkedHashMap<>();
    physical.put("artifactLocation", Map.of("uri", uri(file)));
    if (i.line() > 0) {
      physical.put("region", Map.of("startLine", i.line()));
    }
    m.put("locations", List.of(Map.of("physicalLocation", physical)));
    m.put("partialFingerprints", Map.of(FINGERPRINT, fingerprint(i)));
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("disposition", x.disposition().name());
    x.decidedBy().ifPresent(d -> {
      props.put("decidedByResourceId", d.resourceId().value());
      props.put("decidedByRule", d.ruleName());
    });
    m.put("properties", props);
    return m;
  }

  /** SHA-256 of the intent's name, ends, protocol and ports (not its verdict): stable while the intent is. */
  public static String fingerprint(Intent i) {
    String key = String.join("\n", i.name(), i.from(), i.to(), i.protocolText(), String.join(",", i.portTexts()));
    return Hashing.sha256().hashString(key, StandardCharsets.UTF_8).toString();
  }

  /** The file as a URI reference: relative paths stay relative (with '/'), absolute ones become file URIs. */
  static String uri(String file) {
    Path p = Path.of(file);
    if (p.isAbsolute()) {
      return p.toUri().toString();
    }
    return file.replace('\\', '/').replaceFirst("^\\./", "");
  }

  private static String version() {
    Properties p = new Properties();
    try (InputStream in = Sarif.class.getResourceAsStream("/dev/vnetsim/simulator/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }
}
