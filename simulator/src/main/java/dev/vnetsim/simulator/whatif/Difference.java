package dev.vnetsim.simulator.whatif;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Iterables;
import com.google.common.collect.Range;
import com.google.common.collect.TreeRangeSet;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.FlowSpace;
import dev.vnetsim.simulator.trace.Trace;
import java.util.ArrayList;
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
    if (b.pieces().equals(a.pieces())) {
      return ImmutableList.of();
    }
    Map<Signature, FlowSpace> x = b.bySignature();
    Map<Signature, FlowSpace> y = a.bySignature();
    if (sameSignatures(x, y)) {
      return ImmutableList.of();
    }
    FlowSpace lost = b.reached().minus(a.reached());
    FlowSpace gained = a.reached().minus(b.reached());
    FlowSpace changed = lost.isEmpty() && gained.isEmpty() ? changedSpace(x, y) : FlowSpace.EMPTY;
    if (lost.isEmpty() && gained.isEmpty() && changed.isEmpty()) {
      return ImmutableList.of(new Difference(FlowChange.Kind.CHANGED, b, a));
    }
    return differences(before, after, lost, gained, changed);
  }

  /** BROKEN for the lost packets, OPENED for the gained ones, CHANGED for the changed ones when neither. */
  private static ImmutableList<Difference> differences(Trace before, Trace after, FlowSpace lost, FlowSpace gained,
      FlowSpace changed) {
    ImmutableList.Builder<Difference> out = ImmutableList.builder();
    if (!lost.isEmpty()) {
      out.add(new Difference(FlowChange.Kind.BROKEN, Outcome.of(before, lost), Outcome.of(after, lost)));
    }
    if (!gained.isEmpty()) {
      out.add(new Difference(FlowChange.Kind.OPENED, Outcome.of(before, gained), Outcome.of(after, gained)));
    }
    if (lost.isEmpty() && gained.isEmpty()) {
      out.add(new Difference(FlowChange.Kind.CHANGED, Outcome.of(before, changed), Outcome.of(after, changed)));
    }
    return out.build();
  }

  /**
   * Two traces cut to one protocol (with ports), compared once over all ports, for comparing them per port class.
   * {@code lost}, {@code gained} and {@code changed} are the packets reached before and not after, reached after and
   * not before, and whose signature differs; {@code bare} the destination ports where either cut has no packet at all
   * (there a cut to a class may fall back to the trace's top-level answer).
   */
  record Whole(FlowSpace lost, FlowSpace gained, FlowSpace changed, ImmutableRangeSet<Integer> bare) {

    static Whole of(Outcome b, Outcome a) {
      TreeRangeSet<Integer> bare = TreeRangeSet.create();
      for (Outcome o : List.of(b, a)) {
        if (o.pieces().stream().anyMatch(piece -> piece.space().boxes().stream()
            .anyMatch(x -> x.destinationPorts().encloses(EVERY_PORT)))) {
          continue; // a box with every port: nothing is bare
        }
        TreeRangeSet<Integer> covered = TreeRangeSet.create();
        List<ImmutableRangeSet<Integer>> added = new ArrayList<>(); // boxes mostly share their ports: each once
        o.pieces().forEach(piece -> piece.space().boxes().forEach(x -> {
          if (!added.contains(x.destinationPorts())) {
            added.add(x.destinationPorts());
            covered.addAll(x.destinationPorts());
          }
        }));
        bare.addAll(covered.complement().subRangeSet(Range.closed(0, 65535)));
      }
      return new Whole(b.reached().minus(a.reached()), a.reached().minus(b.reached()),
          changedSpace(b.bySignature(), a.bySignature()), ImmutableRangeSet.copyOf(bare));
    }

    private static final Range<Integer> EVERY_PORT = Range.closed(0, 65535);

    /**
     * The destination ports where {@link #between(Trace, Trace, Scope)} cut to a port class can find a difference:
     * ports of packets whose outcome or path differs, and bare ports. A port class outside this set has, signature
     * by signature, the same packets on both sides, so its difference is empty; the what-if skips it.
     */
    ImmutableRangeSet<Integer> portsThatMayDiffer() {
      TreeRangeSet<Integer> out = TreeRangeSet.create(bare.asRanges());
      changed.boxes().forEach(x -> out.addAll(x.destinationPorts()));
      return ImmutableRangeSet.copyOf(out);
    }

    /**
     * {@link #between(Trace, Trace, Scope)} for a port class without bare ports, from this comparison: a signature's
     * packets in the class are its packets here cut to the class, so the class's lost, gained and changed packets are
     * these cut to it. {@code before} and {@code after} are the traces this was cut from.
     */
    ImmutableList<Difference> within(Trace before, Trace after, Scope scope) {
      checkArgument(!bare.intersects(Iterables.getOnlyElement(scope.ports().asRanges())), "bare ports in %s", scope);
      FlowSpace c = scope.apply(changed);
      if (c.isEmpty()) {
        return ImmutableList.of();
      }
      return differences(before, after, scope.apply(lost), scope.apply(gained), c);
    }
  }

  /** Same signatures covering the same packets (box lists first, then as sets where the lists differ). */
  private static boolean sameSignatures(Map<Signature, FlowSpace> x, Map<Signature, FlowSpace> y) {
    if (!x.keySet().equals(y.keySet())) {
      return false;
    }
    for (Map.Entry<Signature, FlowSpace> e : x.entrySet()) {
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
  private static FlowSpace changedSpace(Map<Signature, FlowSpace> x, Map<Signature, FlowSpace> y) {
    Set<Signature> keys = new HashSet<>(x.keySet());
    keys.addAll(y.keySet());
    ImmutableList.Builder<FlowBox> left = ImmutableList.builder();
    ImmutableList.Builder<FlowBox> joined = ImmutableList.builder();
    for (Signature k : keys) {
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
