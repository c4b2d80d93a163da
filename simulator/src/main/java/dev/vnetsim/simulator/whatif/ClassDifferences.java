package dev.vnetsim.simulator.whatif;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.collect.BoundType;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.FlowSpace;
import dev.vnetsim.simulator.trace.Part;
import dev.vnetsim.simulator.trace.Ports;
import dev.vnetsim.simulator.trace.Trace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The differences of one flow's two traces cut to each port class of a protocol ({@link PortClasses}). Done directly,
 * that is two cuts of both traces per class, and an estate of 1,000 NSGs has tens of thousands of classes. Done
 * {@code fast}, with the same answers:
 * <ul>
 *   <li>both traces are compared once over all ports ({@link Difference.Whole}); classes outside its
 *       {@code portsThatMayDiffer} have no difference and are skipped, and a class's differences are cut from it;
 *   <li>the traces' own port boundaries (of every packet box of either trace) cut the ports into intervals, each
 *       labelled with the shapes covering it (a shape: a box of one piece of one trace without its destination
 *       ports). Two classes that span intervals with the same sequence of labels cut both traces into the same pieces
 *       but for the ports: their differences (kind, verdicts, path and rules) are the same, and the first class's are
 *       used for the other.
 * </ul>
 */
final class ClassDifferences {
  private ClassDifferences() {}

  /**
   * Classes answered alike: their ports (in class order; a run of adjacent classes in one interval is one range) and
   * their differences.
   */
  record Group(List<PortRange> ports, List<Difference> differences) {}

  /**
   * The classes, grouped by answer, in the order of each group's first class (a group may have no difference). Direct:
   * every class alone, in order.
   */
  static List<Group> of(Trace before, Trace after, Protocol protocol, List<PortRange> classes, boolean fast) {
    List<Group> out = new ArrayList<>();
    if (!fast || !protocol.hasPorts()) {
      classes.forEach(c -> out.add(new Group(List.of(c), between(before, after, protocol, c))));
      return out;
    }
    Scope scope = Scope.ALL.with(protocol, Ports.ALL);
    List<Outcome> cut = List.of(Outcome.of(before, scope), Outcome.of(after, scope));
    Difference.Whole whole = Difference.Whole.of(cut.get(0), cut.get(1));
    ImmutableRangeSet<Integer> mayDiffer = whole.portsThatMayDiffer();
    Intervals intervals = Intervals.of(cut);
    Trace b = only(before, protocol);
    Trace a = only(after, protocol);
    Map<List<Integer>, Group> byPattern = new HashMap<>();
    Group[] byLabel = new Group[intervals.labelCount()]; // the groups of one-label patterns, without a key
    List<Range<Integer>> differ = mayDiffer.asRanges().asList();
    int d = 0;
    int k = 0;
    int[] gaps = null;
    for (int i = 0; i < classes.size(); i++) { // in port order, as the intervals: both are walked forward once
      PortRange c = classes.get(i);
      while (d < differ.size() && last(differ.get(d)) < c.from()) {
        d++;
      }
      if (d == differ.size()) {
        break;
      }
      if (first(differ.get(d)) > c.to()) {
        continue;
      }
      k = intervals.advance(k, c.from());
      List<Integer> pattern = intervals.pattern(k, c);
      Group g = pattern.size() == 1 ? byLabel[pattern.get(0)] : byPattern.get(pattern);
      if (g == null) {
        Scope one = Scope.ALL.with(protocol, Ports.of(List.of(c)));
        g = new Group(new ArrayList<>(), whole.bare().intersects(c.toRange()) ? Difference.between(b, a, one)
            : whole.within(b, a, one));
        out.add(g);
        if (pattern.size() == 1) {
          byLabel[pattern.get(0)] = g;
        } else {
          byPattern.put(pattern, g);
        }
      }
      if (pattern.size() == 1) { // the classes after it in the same interval (and range that may differ): alike
        int j = intervals.lastWithin(classes, i, k, last(differ.get(d)));
        if (j > i && gaps == null) {
          gaps = gaps(classes);
        }
        if (j > i && gaps[i] == gaps[j]) { // a run without gaps: one range
          g.ports().add(new PortRange(c.from(), classes.get(j).to()));
        } else {
          g.ports().addAll(classes.subList(i, j + 1));
        }
        i = j;
      } else {
        g.ports().add(c);
      }
    }
    return out;
  }

  /**
   * For classes in port order, how many gaps (ports in no class) lie before each: classes {@code i..j} run without a
   * gap when {@code gaps[i] == gaps[j]}. Kept by the very list (a what-if asks with the same few lists for every flow).
   */
  private static int[] gaps(List<PortRange> classes) {
    int[] out = GAPS.getIfPresent(classes);
    if (out == null) {
      out = new int[classes.size()];
      for (int i = 1; i < out.length; i++) {
        out[i] = out[i - 1] + (classes.get(i - 1).to() + 1 == classes.get(i).from() ? 0 : 1);
      }
      GAPS.put(classes, out);
    }
    return out;
  }

  private static final Cache<List<PortRange>, int[]> GAPS = CacheBuilder.newBuilder().weakKeys().maximumSize(64)
      .build();

  private static int first(Range<Integer> r) {
    return r.lowerBoundType() == BoundType.CLOSED ? r.lowerEndpoint() : r.lowerEndpoint() + 1;
  }

  private static int last(Range<Integer> r) {
    return r.upperBoundType() == BoundType.CLOSED ? r.upperEndpoint() : r.upperEndpoint() - 1;
  }

  /**
   * The trace with each part cut to one protocol, in the parts' order (empty parts dropped, as a cut to a class of
   * that protocol drops them): a class's cut of it is the class's cut of the trace, with fewer boxes to cut. A trace
   * without parts, or with none of that protocol, is kept whole (a cut of it falls back to its top-level answer).
   */
  private static Trace only(Trace t, Protocol protocol) {
    if (t.parts().isEmpty()) {
      return t;
    }
    Scope scope = Scope.ALL.with(protocol, Ports.ALL);
    ImmutableList.Builder<Part> parts = ImmutableList.builder();
    for (Part p : t.parts()) {
      FlowSpace s = scope.apply(p.space());
      if (!s.isEmpty()) {
        parts.add(new Part(s, p.disposition(), p.decidedBy(), p.hops(), p.egress()));
      }
    }
    ImmutableList<Part> kept = parts.build();
    return kept.isEmpty() ? t : new Trace(t.space(), t.disposition(), t.decidedBy(), t.hops(), kept, t.coverage(),
        t.notApplicable(), t.egress(), t.assumptions(), t.warnings());
  }

  private static ImmutableList<Difference> between(Trace before, Trace after, Protocol protocol, PortRange c) {
    return Difference.between(before, after, Scope.ALL.with(protocol, Ports.of(List.of(c))));
  }

  /** A box of a piece of a trace, without its destination ports. */
  private record Shape(int trace, int piece, Object source, Object destination, Object protocols, Object sourcePorts) {}

  /** The ports cut at every box boundary of both traces, each interval labelled with the shapes covering it. */
  private record Intervals(int[] starts, int[] labels) {

    /** {@code sides}: both traces cut to one protocol. */
    static Intervals of(List<Outcome> sides) {
      List<FlowBox> boxes = new ArrayList<>();
      List<Integer> shapeOf = new ArrayList<>();
      Map<Shape, Integer> shapes = new HashMap<>();
      for (int t = 0; t < sides.size(); t++) {
        List<Outcome.Piece> pieces = sides.get(t).pieces();
        for (int p = 0; p < pieces.size(); p++) {
          for (FlowBox x : pieces.get(p).space().boxes()) {
            boxes.add(x);
            shapeOf.add(shapes.computeIfAbsent(new Shape(t, p, x.source(), x.destination(), x.protocols(),
                x.sourcePorts()), k -> shapes.size()));
          }
        }
      }
      TreeMap<Integer, List<int[]>> events = new TreeMap<>(); // port -> {box, +1 | -1}
      events.put(0, new ArrayList<>());
      for (int i = 0; i < boxes.size(); i++) {
        for (Range<Integer> r : boxes.get(i).destinationPorts().asRanges()) {
          events.computeIfAbsent(first(r), k -> new ArrayList<>()).add(new int[] {i, 1});
          events.computeIfAbsent(last(r) + 1, k -> new ArrayList<>()).add(new int[] {i, -1});
        }
      }
      int[] starts = new int[events.size()];
      int[] labels = new int[events.size()];
      Map<BitSet, Integer> ids = new HashMap<>();
      int[] count = new int[shapes.size()];
      BitSet active = new BitSet(shapes.size());
      int n = 0;
      for (Map.Entry<Integer, List<int[]>> e : events.entrySet()) {
        for (int[] ev : e.getValue()) {
          int shape = shapeOf.get(ev[0]);
          count[shape] += ev[1];
          active.set(shape, count[shape] > 0);
        }
        starts[n] = e.getKey();
        labels[n] = ids.computeIfAbsent((BitSet) active.clone(), k -> ids.size());
        n++;
      }
      return new Intervals(Arrays.copyOf(starts, n), Arrays.copyOf(labels, n));
    }

    int labelCount() {
      int n = 0;
      for (int l : labels) {
        n = Math.max(n, l + 1);
      }
      return n;
    }

    /** The interval holding {@code port}, searched forward from interval {@code from} (which starts at or before it). */
    int advance(int from, int port) {
      int i = from;
      while (i + 1 < starts.length && starts[i + 1] <= port) {
        i++;
      }
      return i;
    }

    /**
     * The last of the classes from {@code i} on (sorted, disjoint) that lie in interval {@code k} and start at or
     * before {@code lastPort}; class {@code i} is one.
     */
    int lastWithin(List<PortRange> classes, int i, int k, int lastPort) {
      long end = k + 1 < starts.length ? starts[k + 1] - 1L : Long.MAX_VALUE;
      int lo = i;
      int hi = classes.size() - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        PortRange m = classes.get(mid);
        if (m.to() <= end && m.from() <= lastPort) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      return lo;
    }

    /** The labels of the intervals a class spans, in port order, repeats merged; {@code i} holds its first port. */
    List<Integer> pattern(int i, PortRange c) {
      if (i + 1 >= starts.length || starts[i + 1] > c.to()) {
        return List.of(labels[i]);
      }
      List<Integer> out = new ArrayList<>();
      for (; i < starts.length && starts[i] <= c.to(); i++) {
        if (out.isEmpty() || out.get(out.size() - 1) != labels[i]) {
          out.add(labels[i]);
        }
      }
      return out;
    }
  }
}
