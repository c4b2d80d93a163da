package dev.vnetsim.simulator.whatif;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.simulator.trace.FlowSpace;
import dev.vnetsim.simulator.trace.Trace;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How one flow's answer differs between two traces, over a scope of its packets (a protocol and port class, or the
 * whole query). Packets reached before and not after are {@code BROKEN}; reached after and not before
 * {@code OPENED} (both can happen in one scope, e.g. a rule narrowed to other sources); when the reached packets are
 * the same but some packets end differently, are decided by another rule or take another path, {@code CHANGED}.
 * {@code before} and {@code after} are both traces cut to the packets that changed.
 */
public record Difference(FlowChange.Kind kind, Outcome before, Outcome after) {

  /** The differences of two traces of the same request over {@code scope} (empty = the whole query). */
  public static ImmutableList<Difference> between(Trace before, Trace after, Optional<FlowSpace> scope) {
    Outcome b = scope.map(s -> Outcome.of(before, s)).orElseGet(() -> Outcome.of(before));
    Outcome a = scope.map(s -> Outcome.of(after, s)).orElseGet(() -> Outcome.of(after));
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

  /** Same signatures covering the same packets (spaces compared as sets, not as box lists). */
  private static boolean sameSignatures(Outcome b, Outcome a) {
    Map<String, FlowSpace> x = b.bySignature();
    Map<String, FlowSpace> y = a.bySignature();
    return x.keySet().equals(y.keySet()) && changedSpace(x, y).isEmpty();
  }

  /** The packets whose signature differs. */
  private static FlowSpace changedSpace(Map<String, FlowSpace> x, Map<String, FlowSpace> y) {
    Set<String> keys = new HashSet<>(x.keySet());
    keys.addAll(y.keySet());
    FlowSpace changed = FlowSpace.EMPTY;
    for (String k : keys) {
      FlowSpace s = x.getOrDefault(k, FlowSpace.EMPTY);
      FlowSpace t = y.getOrDefault(k, FlowSpace.EMPTY);
      changed = changed.union(s.minus(t)).union(t.minus(s));
    }
    return changed;
  }
}
