package dev.vnetsim.servicetag;

import com.google.common.collect.ImmutableList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Public FQDN patterns of Azure services mapped to the service tag that covers their addresses
 * ({@code *.blob.core.windows.net} → {@code Storage.<region>}). An answer from here is an assumption about public
 * DNS, and the simulator says so in its trace (DESIGN.md §4). {@code <region>} in a tag is filled in by the caller
 * (the storage account's region when known, else the source's).
 *
 * <p>The table is {@code fqdn-catalog.tsv} beside this class: pattern, tag, source of the mapping.
 */
public final class FqdnCatalog {

  /** One row: a pattern ({@code *.x.y} matches any name ending in {@code .x.y}; else exact) and its tag. */
  public record Entry(String pattern, String serviceTag, String source) {

    public boolean matches(String fqdn) {
      String name = normalize(fqdn);
      if (pattern.startsWith("*.")) {
        return name.endsWith(pattern.substring(1)) && name.length() > pattern.length() - 1;
      }
      return name.equals(pattern);
    }

    /** Longer patterns are more specific; exact names beat wildcards of the same length. */
    int specificity() {
      return pattern.length() * 2 + (pattern.startsWith("*.") ? 0 : 1);
    }
  }

  private final ImmutableList<Entry> entries;

  private FqdnCatalog(ImmutableList<Entry> entries) {
    this.entries = entries;
  }

  public static FqdnCatalog bundled() {
    try (InputStream in = FqdnCatalog.class.getResourceAsStream("fqdn-catalog.tsv")) {
      if (in == null) {
        throw new IllegalStateException("fqdn-catalog.tsv missing from the jar");
      }
      ImmutableList.Builder<Entry> b = ImmutableList.builder();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        b.add(new Entry(normalize(f[0]), f[1].trim(), f.length > 2 ? f[2].trim() : ""));
      }
      return new FqdnCatalog(b.build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ImmutableList<Entry> entries() {
    return entries;
  }

  /** The most specific entry matching {@code fqdn}, if any. */
  public Optional<Entry> lookup(String fqdn) {
    Entry best = null;
    for (Entry e : entries) {
      if (e.matches(fqdn) && (best == null || e.specificity() > best.specificity())) {
        best = e;
      }
    }
    return Optional.ofNullable(best);
  }

  static String normalize(String fqdn) {
    String s = fqdn.trim().toLowerCase(Locale.ROOT);
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
