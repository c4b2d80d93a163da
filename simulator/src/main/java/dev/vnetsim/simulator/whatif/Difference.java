package dev.vnetsim.simulator.whatif;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import com.google.common.collect.TreeRangeSet;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.FlowSpace;
import dev.vnetsim.simulator.trace.Trace;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one flow's answer differs between two traces, over a scope of its packets (a protocol and port class, or the
 * whole query). Packets reached before and not after are {@code BROKEN}; reached after and not before
 * {@code OPENED} (both can happen in one scope, e.g. a rule narrowed to other sources); when the reached packets are
 * the same but some packets end differently, are decided by another rule or take another path, {@code CHANGED}.
 * {@code before} and {@code after} are both traces cut to the packets that changed.
 */
public record Difference(FlowChange.Kind kind, Outcome before, Outcome after) {

  /** The differences of two traces of the same request over the whole query. */
  public static ImmutableList<Difference> between(Trace before, Trace after) {
    return between(before, after, Scope.ALL);
  }

  /** The differences of two traces of the same request over a scope (a port class, a tag's destinations). */
  public static ImmutableList<Difference> between(Trace before, Trace after, Scope scope) {
    return between(before, after, Outcome.of(before, scope), Outcome.of(after, scope));
  }

  private static ImmutableList<Difference> between(Trace before, Trace after, Outcome b, Outcome a) {
    if (b.pieces().equals(a.pieces()) || sameSignatures(b, a)) {
      return ImmutableList.of();
    }
    ImmutableList.Builder<Difference> out = ImmutableList.builder();
    FlowSpace lost = b.reached().minus(a.reached());
    FlowSpace gained = a.reached().minus(b.reached());
    if (!lost.isEmpty()) {
      out.add(new Difference(FlowChange.Kind.BROKEN, Outcome.of(before, lost), Outcome.of(after, lost)));
    }
    if (!gained.isEmpty()) {
      out.add(new Difference(FlowChange.Kind.OPENED, Outcome.of(before, gained), Outcome.of(after, gained)));
    }
    if (lost.isEmpty() && gained.isEmpty()) {
      FlowSpace changed = changedSpace(b.bySignature(), a.bySignature());
      out.add(changed.isEmpty() ? new Difference(FlowChange.Kind.CHANGED, b, a)
          : new Difference(FlowChange.Kind.CHANGED, Outcome.of(before, changed), Outcome.of(after, changed)));
    }
    return out.build();
  }

  /**
   * The destination ports where {@link #between(Trace, Trace, Scope)} cut to a port class of one protocol (with ports)
   * can find a difference, given both traces cut to that protocol: ports of packets whose outcome or path differs, and ports where either trace
   * has no packet at all (there a cut falls back to the trace's top-level answer). A port class outside this set has,
   * signature by signature, the same packets on both sides, so its difference is empty; the what-if skips it.
   */
  static ImmutableRangeSet<Integer> portsThatMayDiffer(Outcome b, Outcome a) {
    TreeRangeSet<Integer> out = TreeRangeSet.create();
    changedSpace(b.bySignature(), a.bySignature()).boxes().forEach(x -> out.addAll(x.destinationPorts()));
    for (Outcome o : List.of(b, a)) {
      TreeRangeSet<Integer> covered = TreeRangeSet.create();
      o.pieces().forEach(piece -> piece.space().boxes().forEach(x -> covered.addAll(x.destinationPorts())));
      out.addAll(covered.complement().subRangeSet(Range.closed(0, 65535)));
    }
    return ImmutableRangeSet.copyOf(out);
  }

  /** Same signatures covering the same packets (box lists first, then as sets where the lists differ). */
  private static boolean sameSignatures(Outcome b, Outcome a) {
    Map<String, FlowSpace> x = b.bySignature();
    Map<String, FlowSpace> y = a.bySignature();
    if (!x.keySet().equals(y.keySet())) {
      return false;
    }
    for (Map.Entry<String, FlowSpace> e : x.entrySet()) {
      FlowSpace t = y.get(e.getKey());
      if (!e.getValue().equals(t) && !(e.getValue().minus(t).isEmpty() && t.minus(e.getValue()).isEmpty())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The packets whose signature differs. The pieces of one outcome are disjoint, so the packets of each side that
   * left their signature are joined without box algebra, and the two sides' sets once.
   */
  private static FlowSpace changedSpace(Map<String, FlowSpace> x, Map<String, FlowSpace> y) {
    Set<String> keys = new HashSet<>(x.keySet());
    keys.addAll(y.keySet());
    ImmutableList.Builder<FlowBox> left = ImmutableList.builder();
    ImmutableList.Builder<FlowBox> joined = ImmutableList.builder();
    for (String k : keys) {
      FlowSpace s = x.getOrDefault(k, FlowSpace.EMPTY);
      FlowSpace t = y.getOrDefault(k, FlowSpace.EMPTY);
      if (!s.equals(t)) {
        left.addAll(s.minus(t).boxes());
        joined.addAll(t.minus(s).boxes());
      }
    }
    return new FlowSpace(left.build()).union(new FlowSpace(joined.build()));
  }
}
