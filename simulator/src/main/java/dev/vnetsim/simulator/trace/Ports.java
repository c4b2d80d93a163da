package dev.vnetsim.simulator.trace;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import dev.vnetsim.model.PortRange;
import java.util.Collection;

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
