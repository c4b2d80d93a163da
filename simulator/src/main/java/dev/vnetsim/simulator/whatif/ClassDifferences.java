package dev.vnetsim.simulator.whatif;

import com.google.common.collect.BoundType;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.simulator.trace.Ports;
import dev.vnetsim.simulator.trace.Trace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The differences of one flow's two traces cut to each port class of a protocol ({@link PortClasses}). Done directly,
 * that is two cuts of both traces per class, and an estate of 1,000 NSGs has tens of thousands of classes. Done
 * {@code fast}, with the same answers:
 * <ul>
 *   <li>classes outside {@link Difference#portsThatMayDiffer} have no difference and are skipped;
 *   <li>the traces' own port boundaries (of every packet box of either trace) cut the ports into intervals in which
 *       every box either holds all ports or none; two classes inside one interval cut both traces into the same
 *       pieces but for the ports, so they have the same differences (kind, verdicts, path and rules) and the first
 *       class's are used for the others. A class across a boundary is worked out on its own.
 * </ul>
 */
final class ClassDifferences {
  private ClassDifferences() {}

  static void forEach(Trace before, Trace after, Protocol protocol, List<PortRange> classes, boolean fast,
      BiConsumer<PortRange, List<Difference>> out) {
    if (!fast || !protocol.hasPorts()) {
      classes.forEach(c -> out.accept(c, between(before, after, protocol, c)));
      return;
    }
    ImmutableRangeSet<Integer> mayDiffer = Difference.portsThatMayDiffer(before, after, protocol);
    TreeSet<Integer> bounds = boundaries(before, after, protocol);
    Map<Integer, List<Difference>> byInterval = new HashMap<>();
    for (PortRange c : classes) {
      if (!mayDiffer.intersects(Range.closed(c.from(), c.to()))) {
        continue;
      }
      Integer start = bounds.floor(c.from());
      Integer next = bounds.higher(c.from());
      boolean inOne = start != null && (next == null || next > c.to());
      out.accept(c, inOne ? byInterval.computeIfAbsent(start, k -> between(before, after, protocol, c))
          : between(before, after, protocol, c));
    }
  }

  private static ImmutableList<Difference> between(Trace before, Trace after, Protocol protocol, PortRange c) {
    return Difference.between(before, after, Scope.ALL.with(protocol, Ports.of(List.of(c))));
  }

  /** 0, and every first port of a destination-port range of a box of either trace and the port after its last. */
  private static TreeSet<Integer> boundaries(Trace before, Trace after, Protocol protocol) {
    TreeSet<Integer> out = new TreeSet<>();
    out.add(0);
    Scope scope = Scope.ALL.with(protocol, Ports.ALL);
    for (Trace t : List.of(before, after)) {
      for (Outcome.Piece p : Outcome.of(t, scope).pieces()) {
        p.space().boxes().forEach(b -> b.destinationPorts().asRanges().forEach(r -> {
          out.add(r.lowerBoundType() == BoundType.CLOSED ? r.lowerEndpoint() : r.lowerEndpoint() + 1);
          out.add(r.upperBoundType() == BoundType.CLOSED ? r.upperEndpoint() + 1 : r.upperEndpoint());
        }));
      }
    }
    return out;
  }
}
