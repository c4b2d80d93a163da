package dev.vnetsim.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One row of JMH's JSON result ({@code -rf json}): benchmark, params, mode, score, error, unit, gc alloc rate, and for
 * sample-time runs the median.
 */
record JmhResult(String benchmark, Map<String, String> params, String mode, double score, double error,
    String unit, Double allocBytesPerOp, Double median) {

  static List<JmhResult> read(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    List<JmhResult> out = new ArrayList<>();
    for (JsonNode n : root) {
      Map<String, String> params = new TreeMap<>();
      n.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
      JsonNode pm = n.path("primaryMetric");
      JsonNode sm = n.path("secondaryMetrics");
      JsonNode alloc = sm.has("gc.alloc.rate.norm") ? sm.path("gc.alloc.rate.norm") : sm.path("\u00b7gc.alloc.rate.norm");
      out.add(new JmhResult(n.path("benchmark").asText(), params, n.path("mode").asText(),
          pm.path("score").asDouble(), pm.path("scoreError").asDouble(Double.NaN), pm.path("scoreUnit").asText(),
          alloc.isMissingNode() ? null : alloc.path("score").asDouble(),
          n.path("mode").asText().equals("sample") && pm.path("scorePercentiles").has("50.0")
              ? pm.path("scorePercentiles").path("50.0").asDouble() : null));
    }
    return out;
  }

  /** Short name: class and method without the package. */
  String shortName() {
    String b = benchmark;
    int m = b.lastIndexOf('.');
    int c = b.lastIndexOf('.', m - 1);
    return c < 0 ? b : b.substring(c + 1);
  }

  /** Benchmark and every parameter: identifies the same measurement across runs. */
  String key() {
    return benchmark + params;
  }

  /** The figure compared across variants and runs: the median when JMH sampled times, else the score. */
  double central() {
    return median != null ? median : score;
  }

  /** Higher is better for throughput; lower is better for time modes. */
  boolean higherIsBetter() {
    return mode.equals("thrpt");
  }
}
