package dev.vnetsim.simulator.whatif;

import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Sites by the addresses a set gives each: which sites' sets meet a query set, without asking every site. The
 * differential's sources each name a few destinations whose flows may change (a /32 route, a rule's prefixes), and
 * asking each of 10,000 subnets about each of 10,000 others is 10^8 questions.
 *
 * <p>The ranges of all sites sorted by their first address, with the last address any range up to each has reached:
 * a query range is met by the ranges that start at or before its end, scanned back from there while that running
 * last address is still at or after the query's start.
 */
final class SiteIndex {
  private final IpAddress[] firsts;
  private final IpAddress[] lasts;
  private final IpAddress[] reached;
  private final int[] site;

  private record Entry(IpAddress first, IpAddress last, int site) {}

  private SiteIndex(List<Entry> entries) {
    entries.sort(Comparator.comparing(Entry::first));
    int n = entries.size();
    firsts = new IpAddress[n];
    lasts = new IpAddress[n];
    reached = new IpAddress[n];
    site = new int[n];
    for (int i = 0; i < n; i++) {
      Entry e = entries.get(i);
      firsts[i] = e.first();
      lasts[i] = e.last();
      site[i] = e.site();
      reached[i] = i > 0 && reached[i - 1].compareTo(e.last()) > 0 ? reached[i - 1] : e.last();
    }
  }

  /** The sites (by their index in {@code sites}) with the addresses {@code addresses} gives each. */
  static SiteIndex of(List<Site> sites, Function<Site, IpSet> addresses) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < sites.size(); i++) {
      for (IpAddress[] r : addresses.apply(sites.get(i)).ranges()) {
        entries.add(new Entry(r[0], r[1], i));
      }
    }
    return new SiteIndex(entries);
  }

  /** Adds to {@code out} the index of every site whose set meets {@code query}. */
  void meeting(IpSet query, BitSet out) {
    for (IpAddress[] q : query.ranges()) {
      for (int i = lastStartingAtOrBefore(q[1]); i >= 0 && reached[i].compareTo(q[0]) >= 0; i--) {
        if (lasts[i].compareTo(q[0]) >= 0) {
          out.set(site[i]);
        }
      }
    }
  }

  private int lastStartingAtOrBefore(IpAddress a) {
    int lo = 0;
    int hi = firsts.length - 1;
    int out = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (firsts[mid].compareTo(a) <= 0) {
        out = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return out;
  }
}
