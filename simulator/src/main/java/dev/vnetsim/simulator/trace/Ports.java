package dev.vnetsim.simulator.trace;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.BoundType;
import com.google.common.collect.Range;
import dev.vnetsim.model.PortRange;
import java.util.Collection;
import java.util.List;

/**
 * Port sets as canonical Guava range sets of closed-open ranges over 0–65536 (so equal sets are equal values).
 */
public final class Ports {
  private Ports() {}

  public static final ImmutableRangeSet<Integer> ALL = ImmutableRangeSet.of(Range.closedOpen(0, 65536));
  public static final ImmutableRangeSet<Integer> NONE = ImmutableRangeSet.of();

  public static ImmutableRangeSet<Integer> single(int port) {
    return ImmutableRangeSet.of(Range.closedOpen(port, port + 1));
  }

  public static ImmutableRangeSet<Integer> of(Collection<PortRange> ranges) {
    return PortRange.toRangeSet(ranges);
  }

  public static boolean contains(ImmutableRangeSet<Integer> set, int port) {
    return set.contains(port);
  }

  /**
   * The ports in both sets, as {@code a.intersection(b)} gives them, by one merge of the two sorted range lists (Guava
   * copies {@code a} into a tree and removes {@code b}'s complement; a set-valued trace intersects port sets at every
   * NSG rule). Sets with a range that is not closed-open (not made here) take Guava's way.
   */
  public static ImmutableRangeSet<Integer> intersection(ImmutableRangeSet<Integer> a, ImmutableRangeSet<Integer> b) {
    List<Range<Integer>> x = a.asRanges().asList();
    List<Range<Integer>> y = b.asRanges().asList();
    if (!closedOpen(x) || !closedOpen(y)) {
      return a.intersection(b);
    }
    ImmutableRangeSet.Builder<Integer> out = ImmutableRangeSet.builder();
    for (int i = 0, j = 0; i < x.size() && j < y.size();) {
      int lo = Math.max(x.get(i).lowerEndpoint(), y.get(j).lowerEndpoint());
      int xe = x.get(i).upperEndpoint();
      int ye = y.get(j).upperEndpoint();
      if (lo < Math.min(xe, ye)) {
        out.add(Range.closedOpen(lo, Math.min(xe, ye)));
      }
      if (xe <= ye) {
        i++;
      } else {
        j++;
      }
    }
    return out.build();
  }

  /** The ports of {@code a} not in {@code b}, as {@code a.difference(b)} gives them (see {@link #intersection}). */
  public static ImmutableRangeSet<Integer> difference(ImmutableRangeSet<Integer> a, ImmutableRangeSet<Integer> b) {
    List<Range<Integer>> x = a.asRanges().asList();
    List<Range<Integer>> y = b.asRanges().asList();
    if (!closedOpen(x) || !closedOpen(y)) {
      return a.difference(b);
    }
    ImmutableRangeSet.Builder<Integer> out = ImmutableRangeSet.builder();
    int j = 0;
    for (Range<Integer> r : x) {
      int lo = r.lowerEndpoint();
      int hi = r.upperEndpoint();
      while (j < y.size() && y.get(j).upperEndpoint() <= lo) {
        j++;
      }
      for (int k = j; k < y.size() && y.get(k).lowerEndpoint() < hi; k++) {
        if (y.get(k).lowerEndpoint() > lo) {
          out.add(Range.closedOpen(lo, y.get(k).lowerEndpoint()));
        }
        lo = y.get(k).upperEndpoint(); // past lo: the ranges are sorted, apart, and the first ends after lo
      }
      if (lo < hi) {
        out.add(Range.closedOpen(lo, hi));
      }
    }
    return out.build();
  }

  private static boolean closedOpen(List<Range<Integer>> ranges) {
    for (Range<Integer> r : ranges) {
      if (!r.hasLowerBound() || !r.hasUpperBound() || r.lowerBoundType() != BoundType.CLOSED
          || r.upperBoundType() != BoundType.OPEN) {
        return false;
      }
    }
    return true;
  }

  /** The ranges as {@link PortRange}s, sorted. */
  public static ImmutableList<PortRange> ranges(ImmutableRangeSet<Integer> set) {
    ImmutableList.Builder<PortRange> b = ImmutableList.builder();
    for (Range<Integer> r : set.asRanges()) {
      b.add(new PortRange(r.lowerEndpoint(), r.upperEndpoint() - 1));
    }
    return b.build();
  }

  /** The smallest port in a non-empty set. */
  public static int first(ImmutableRangeSet<Integer> set) {
    return set.span().lowerEndpoint();
  }

  /** Azure-style text: {@code *}, {@code 80}, {@code 100-200}, comma separated. */
  public static String text(ImmutableRangeSet<Integer> set) {
    if (set.equals(ALL)) {
      return "*";
    }
    StringBuilder sb = new StringBuilder();
    for (PortRange r : ranges(set)) {
      sb.append(sb.length() == 0 ? "" : ",").append(r);
    }
    return sb.toString();
  }
}
