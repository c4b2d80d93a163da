package dev.vnetsim.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns a JMH JSON result into a Markdown table with each variant's ratio to our implementation, and compares a
 * result with a baseline from the same machine.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.vnetsim.benchmarks.report.BenchReport table RESULT.json
 * java -cp benchmarks/target/benchmarks.jar dev.vnetsim.benchmarks.report.BenchReport compare BASELINE.json RESULT.json
 * </pre>
 *
 * <p>The variant parameter of a benchmark is the {@code @Param} whose values include one of {@link #OURS}; every
 * other value is a peer, and the table shows how many times faster ours is than each peer. {@code compare} exits 1 when any
 * measurement is more than 10 % worse than the baseline.
 */
public final class BenchReport {
  static final double TOLERANCE = 0.10;
  /** Variant names that denote our implementation; every other value of that parameter is a peer. */
  static final java.util.Set<String> OURS = java.util.Set.of("OURS", "COMPILED", "ENGINE", "FIB", "INCREMENTAL");

  private BenchReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 2 && args[0].equals("table")) {
      System.out.print(table(JmhResult.read(Path.of(args[1]))));
      return;
    }
    if (args.length == 3 && args[0].equals("compare")) {
      Comparison c = compare(JmhResult.read(Path.of(args[1])), JmhResult.read(Path.of(args[2])));
      System.out.print(c.report());
      System.exit(c.regressions() > 0 ? 1 : 0);
    }
    System.err.println("usage: BenchReport table RESULT.json | compare BASELINE.json RESULT.json");
    System.exit(2);
  }

  static Optional<String> variantParam(JmhResult r, List<JmhResult> all) {
    for (String p : r.params().keySet()) {
      boolean hasOurs = all.stream().anyMatch(o -> o.benchmark().equals(r.benchmark())
          && OURS.contains(o.params().get(p)));
      if (hasOurs) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  static String table(List<JmhResult> results) {
    StringBuilder sb = new StringBuilder();
    sb.append("| benchmark | params | variant | score | median | unit | B/op | OURS vs this |\n");
    sb.append("|---|---|---|---:|---:|---|---:|---:|\n");
    for (JmhResult r : results) {
      Optional<String> vp = variantParam(r, results);
      Map<String, String> rest = new TreeMap<>(r.params());
      String variant = vp.map(rest::remove).orElse("");
      String ratio = "";
      if (vp.isPresent() && !OURS.contains(variant)) {
        Optional<JmhResult> ours = results.stream().filter(o -> o.benchmark().equals(r.benchmark())
            && OURS.contains(o.params().get(vp.get())) && sameExcept(o, r, vp.get())).findFirst();
        if (ours.isPresent() && r.central() > 0 && ours.get().central() > 0) {
          double x = r.higherIsBetter() ? ours.get().central() / r.central() : r.central() / ours.get().central();
          ratio = String.format(Locale.ROOT, "%.1f×", x);
        }
      }
      sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s ± %s | %s | %s | %s | %s |%n", r.shortName(),
          rest.isEmpty() ? "" : rest.toString(), variant, fmt(r.score()), fmt(r.error()),
          r.median() == null ? "" : fmt(r.median()), r.unit(),
          r.allocBytesPerOp() == null ? "" : fmt(r.allocBytesPerOp()), ratio));
    }
    return sb.toString();
  }

  private static boolean sameExcept(JmhResult a, JmhResult b, String param) {
    Map<String, String> x = new TreeMap<>(a.params());
    Map<String, String> y = new TreeMap<>(b.params());
    x.remove(param);
    y.remove(param);
    return x.equals(y) && a.mode().equals(b.mode());
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "?";
    }
    double a = Math.abs(v);
    if (a >= 1e6) {
      return String.format(Locale.ROOT, "%.2fM", v / 1e6);
    }
    if (a >= 1e3) {
      return String.format(Locale.ROOT, "%.1fk", v / 1e3);
    }
    return String.format(Locale.ROOT, a >= 10 ? "%.1f" : "%.3f", v);
  }

  /** The outcome of comparing with a baseline. */
  record Comparison(List<String> lines, int regressions) {
    String report() {
      StringBuilder sb = new StringBuilder();
      lines.forEach(l -> sb.append(l).append('\n'));
      sb.append(regressions == 0 ? "no regression beyond 10 %\n" : regressions + " regression(s) beyond 10 %\n");
      return sb.toString();
    }
  }

  static Comparison compare(List<JmhResult> baseline, List<JmhResult> current) {
    Map<String, JmhResult> base = new LinkedHashMap<>();
    baseline.forEach(r -> base.put(r.key(), r));
    List<String> lines = new ArrayList<>();
    int regressions = 0;
    for (JmhResult r : current) {
      JmhResult b = base.get(r.key());
      if (b == null || b.central() == 0) {
        lines.add("NEW        " + r.shortName() + " " + r.params());
        continue;
      }
      double change = r.higherIsBetter() ? r.central() / b.central() - 1 : b.central() / r.central() - 1;
      boolean regressed = change < -TOLERANCE;
      if (regressed) {
        regressions++;
      }
      lines.add(String.format(Locale.ROOT, "%-10s %s %s: %s -> %s %s (%+.1f %%)", regressed ? "REGRESSION" : "ok",
          r.shortName(), r.params(), fmt(b.central()), fmt(r.central()), r.unit(), change * 100));
    }
    return new Comparison(lines, regressions);
  }
}
