package dev.vnetsim.simulator.firewall;

import dev.vnetsim.model.IpSet;
import dev.vnetsim.simulator.dns.FlowName;
import dev.vnetsim.simulator.trace.FlowSpace;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Which rules a query's destinations can touch: the IPv4 address space cut into elementary intervals at every rule
 * destination boundary, each with the bitset of rules whose destinations cover it (performance.md §1.3, atoms as in
 * Delta-net). Rules whose destinations depend on the flow's name (application rules, public network-rule FQDNs) or
 * are unknown are candidates for every query; rules with FQDNs are candidates when the query pins a name.
 */
final class DestinationIndex {

  private final int words;
  private final long[] always;
  private final long[] v6;
  private final long[] fqdn;
  private final long[] starts;
  private final long[] rows;

  DestinationIndex(List<CompiledRule> rules) {
    int n = rules.size();
    words = Math.max(1, (n + 63) >>> 6);
    always = new long[words];
    v6 = new long[words];
    fqdn = new long[words];
    IpSet[] v4 = new IpSet[n];
    TreeSet<Long> bounds = new TreeSet<>();
    bounds.add(0L);
    for (CompiledRule r : rules) {
      int i = r.index();
      if (!r.fqdns().isEmpty()) {
        set(fqdn, i);
      }
      IpSet d = destinations(r);
      if (d == null || d.v4Only().equals(IpSet.ALL_V4)) {
        set(always, i);
        continue;
      }
      if (d.hasV6()) {
        set(v6, i);
      }
      long[] ranges = d.v4Ranges();
      v4[i] = d;
      for (int k = 0; k < ranges.length; k += 2) {
        bounds.add(ranges[k]);
        if (ranges[k + 1] < 0xFFFF_FFFFL) {
          bounds.add(ranges[k + 1] + 1);
        }
      }
    }
    starts = bounds.stream().mapToLong(Long::longValue).toArray();
    rows = new long[starts.length * words];
    for (int i = 0; i < n; i++) {
      if (v4[i] == null) {
        continue;
      }
      long[] ranges = v4[i].v4Ranges();
      for (int k = 0; k < ranges.length; k += 2) {
        int a = Arrays.binarySearch(starts, ranges[k]);
        int b = ranges[k + 1] == 0xFFFF_FFFFL ? starts.length : Arrays.binarySearch(starts, ranges[k + 1] + 1);
        for (int j = a; j < b; j++) {
          rows[j * words + (i >>> 6)] |= 1L << i;
        }
      }
    }
  }

  /** The destinations a rule may match whatever the flow's name, or null when that depends on the name or is unknown. */
  private static IpSet destinations(CompiledRule r) {
    if (r.pass() == Pass.APPLICATION || r.destinationUnknown().isPresent() || !r.ignoredFqdns().isEmpty()) {
      return null;
    }
    IpSet d = r.destination();
    for (CompiledRule.NetworkFqdn f : r.fqdns()) {
      switch (f.resolution()) {
        case EXACT -> d = d.union(f.addresses());
        case UNRESOLVED -> { }
        default -> {
          return null;
        }
      }
    }
    return d;
  }

  private static void set(long[] bits, int i) {
    bits[i >>> 6] |= 1L << i;
  }

  /** The candidate rules for a query, as a bitset over rule indexes. */
  long[] candidates(FlowSpace space, FlowName name) {
    long[] out = always.clone();
    if (!name.pins().isEmpty()) {
      or(out, fqdn, 0);
    }
    IpSet dst = space.destinations();
    if (dst.hasV6()) {
      or(out, v6, 0);
    }
    for (int k = 0; k < dst.v4RangeCount(); k++) { // the set's words read in place: a tag has hundreds of ranges
      long first = Integer.toUnsignedLong(dst.v4First(k));
      long last = Integer.toUnsignedLong(dst.v4Last(k));
      int j = Arrays.binarySearch(starts, first);
      if (j < 0) {
        j = -j - 2;
      }
      for (; j < starts.length && starts[j] <= last; j++) {
        or(out, rows, j * words);
      }
    }
    return out;
  }

  private void or(long[] out, long[] src, int offset) {
    for (int w = 0; w < words; w++) {
      out[w] |= src[offset + w];
    }
  }

  /** The first set bit at or after {@code from}, or -1. */
  static int next(long[] bits, int from) {
    int w = from >>> 6;
    if (w >= bits.length) {
      return -1;
    }
    long word = bits[w] & (-1L << (from & 63));
    while (true) {
      if (word != 0) {
        return (w << 6) + Long.numberOfTrailingZeros(word);
      }
      if (++w == bits.length) {
        return -1;
      }
      word = bits[w];
    }
  }
}
