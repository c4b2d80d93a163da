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
 * <p>The ranges of all sites sorted by their first address, read as a balanced search tree (the middle of each
 * span its root) in which each root also holds the last address of any range below it: a query visits only the
 * subtrees that can hold a range meeting it, so a wide range (a site that stands for every address) costs one visit,
 * not a scan of all the ranges after it.
 */
final class SiteIndex {
  private final IpAddress[] firsts;
  private final IpAddress[] lasts;
  /** For the root of each span (its middle), the last address of any range in that span. */
  private final IpAddress[] below;
  private final int[] site;

  private record Entry(IpAddress first, IpAddress last, int site) {}

  private SiteIndex(List<Entry> entries) {
    entries.sort(Comparator.comparing(Entry::first));
    int n = entries.size();
    firsts = new IpAddress[n];
    lasts = new IpAddress[n];
    below = new IpAddress[n];
    site = new int[n];
    for (int i = 0; i < n; i++) {
      Entry e = entries.get(i);
      firsts[i] = e.first();
      lasts[i] = e.last();
      site[i] = e.site();
    }
    fill(0, n);
  }

  /** Fills {@link #below} for the span {@code [lo, hi)}; returns its last address (null when empty). */
  private IpAddress fill(int lo, int hi) {
    if (lo >= hi) {
      return null;
    }
    int mid = (lo + hi) >>> 1;
    IpAddress out = lasts[mid];
    for (IpAddress x : new IpAddress[] {fill(lo, mid), fill(mid + 1, hi)}) {
      if (x != null && x.compareTo(out) > 0) {
        out = x;
      }
    }
    below[mid] = out;
    return out;
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
      meeting(0, firsts.length, q[0], q[1], out);
    }
  }

  /** The ranges of the span {@code [lo, hi)} that meet {@code [first, last]}. */
  private void meeting(int lo, int hi, IpAddress first, IpAddress last, BitSet out) {
    if (lo >= hi) {
      return;
    }
    int mid = (lo + hi) >>> 1;
    if (below[mid].compareTo(first) < 0) {
      return; // every range here ends before the query starts
    }
    meeting(lo, mid, first, last, out);
    if (firsts[mid].compareTo(last) <= 0) { // else this range and those after it start after the query ends
      if (lasts[mid].compareTo(first) >= 0) {
        out.set(site[mid]);
      }
      meeting(mid + 1, hi, first, last, out);
    }
  }
}
