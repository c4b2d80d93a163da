package dev.vnetsim.model;

import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import com.google.common.collect.TreeRangeSet;
import java.util.Collection;

/** An inclusive port range within 0–65535, parsed from Azure's forms: {@code *}, {@code 80}, {@code 100-200}. */
public record PortRange(int from, int to) implements Comparable<PortRange> {

  public static final PortRange ALL = new PortRange(0, 65535);

  public PortRange {
    Checks.inRange(from, 0, 65535, "from");
    Checks.inRange(to, 0, 65535, "to");
    // the message only when it fails: a what-if's grouping makes port ranges by the million
    Checks.check(from <= to, "", from <= to ? "" : "port range start " + from + " is after its end " + to);
  }

  public static PortRange single(int port) {
    return new PortRange(port, port);
  }

  /** Parses {@code *}, {@code N} or {@code N-M}; throws {@link InvalidTopologyException} with the value. */
  public static PortRange parse(String text) {
    String s = text == null ? "" : text.trim();
    if (s.equals("*") || s.equalsIgnoreCase("any")) {
      return ALL;
    }
    int dash = s.indexOf('-');
    try {
      if (dash < 0) {
        int p = Integer.parseInt(s);
        return checked(p, p, text);
      }
      return checked(Integer.parseInt(s.substring(0, dash).trim()), Integer.parseInt(s.substring(dash + 1).trim()),
          text);
    } catch (NumberFormatException e) {
      throw InvalidTopologyException.at("", "not a valid port or port range: '" + text + "'");
    }
  }

  private static PortRange checked(int from, int to, String text) {
    if (from < 0 || to > 65535 || from > to) {
      throw InvalidTopologyException.at("", "not a valid port range (0-65535, start <= end): '" + text + "'");
    }
    return new PortRange(from, to);
  }

  public Range<Integer> toRange() {
    return Range.closed(from, to);
  }

  public boolean contains(int port) {
    return port >= from && port <= to;
  }

  /** The union of ranges as a canonical Guava range set over closed ranges. */
  public static ImmutableRangeSet<Integer> toRangeSet(Collection<PortRange> ranges) {
    TreeRangeSet<Integer> set = TreeRangeSet.create();
    for (PortRange r : ranges) {
      set.add(Range.closedOpen(r.from, r.to + 1));
    }
    return ImmutableRangeSet.copyOf(set);
  }

  @Override
  public int compareTo(PortRange o) {
    return from != o.from ? Integer.compare(from, o.from) : Integer.compare(to, o.to);
  }

  @Override
  public String toString() {
    if (from == 0 && to == 65535) {
      return "*";
    }
    return from == to ? Integer.toString(from) : from + "-" + to;
  }
}
