package dev.vnetsim.simulator.whatif;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.simulator.trace.DecidedBy;
import dev.vnetsim.simulator.trace.Disposition;
import dev.vnetsim.simulator.trace.Egress;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.FlowSpace;
import dev.vnetsim.simulator.trace.Hop;
import dev.vnetsim.simulator.trace.Part;
import dev.vnetsim.simulator.trace.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a trace says about part of its space: the pieces (parts with one outcome each) cut to that part, whether all
 * of it is reached, the packets that are reached, and the top-level answer chosen as the engine chooses it (the
 * common one when all pieces agree, else the first piece that is not reached).
 */
public record Outcome(ImmutableList<Piece> pieces, FlowSpace reached) {

  /** A part of the answer: its packets, how they end, the deciding rule, the path and the egress. */
  public record Piece(FlowSpace space, Disposition disposition, Optional<DecidedBy> decidedBy, ImmutableList<Hop> hops,
      Optional<Egress> egress) {

    /** Disposition, deciding rule and path (resources, step types, actions and rules; not the detail text). */
    public Signature signature() {
      return new Signature(disposition, decidedBy, hops, egress);
    }
  }

  private static final Comparator<Piece> BY_DESTINATION = Comparator.comparing(
      (Piece p) -> p.space().firstDestination(), Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Piece::disposition);

  /** The whole trace. */
  public static Outcome of(Trace t) {
    return of(t, Optional.empty());
  }

  /** The trace cut to a scope (destinations, protocols, ports). */
  public static Outcome of(Trace t, Scope scope) {
    return scope.isAll() ? of(t) : of(t, Optional.of(scope::apply));
  }

  /** The trace cut to {@code within}; when nothing of the trace is in it, the trace's top-level answer. */
  public static Outcome of(Trace t, FlowSpace within) {
    return of(t, Optional.of(s -> s.intersect(within)));
  }

  private static Outcome of(Trace t, Optional<UnaryOperator<FlowSpace>> within) {
    List<Piece> all = new ArrayList<>();
    if (t.parts().isEmpty()) {
      all.add(new Piece(t.space(), t.disposition(), t.decidedBy(), t.hops(), t.egress()));
    } else {
      for (Part p : t.parts()) {
        all.add(new Piece(p.space(), p.disposition(), p.decidedBy(), p.hops(), p.egress()));
      }
    }
    List<Piece> kept = new ArrayList<>();
    FlowSpace reached = FlowSpace.EMPTY;
    boolean any = false;
    for (Piece p : all) {
      FlowSpace s = within.map(w -> w.apply(p.space())).orElse(p.space());
      if (s.isEmpty() && (within.isPresent() || !t.parts().isEmpty())) {
        continue;
      }
      any = true;
      kept.add(new Piece(s, p.disposition(), p.decidedBy(), p.hops(), p.egress()));
      if (p.disposition().reachable()) {
        reached = reached.union(s);
      }
    }
    if (!any) {
      kept.add(new Piece(FlowSpace.EMPTY, t.disposition(), t.decidedBy(), t.hops(), t.egress()));
    }
    if (within.isPresent()) {
      kept.sort(BY_DESTINATION); // as the engine orders parts, so a cut trace answers as a trace of the cut would
    }
    return new Outcome(ImmutableList.copyOf(kept), reached);
  }

  /** True when every piece is reached (DESIGN §3 {@code reachable}: for a set, the whole set). */
  public boolean reachable() {
    return pieces.stream().allMatch(p -> p.disposition().reachable());
  }

  /** The piece that answers for the whole: the common one, else the first that is not reached. */
  public Piece top() {
    Piece first = pieces.get(0);
    boolean agree = pieces.stream().allMatch(p -> p.disposition() == first.disposition()
        && p.decidedBy().equals(first.decidedBy()));
    if (agree) {
      return first;
    }
    return pieces.stream().filter(p -> !p.disposition().reachable()).findFirst().orElse(first);
  }

  public Disposition disposition() {
    return top().disposition();
  }

  public Optional<DecidedBy> decidedBy() {
    return top().decidedBy();
  }

  /** The packets of each signature (pieces with the same outcome and path merged). */
  public Map<Signature, FlowSpace> bySignature() {
    Map<Signature, FlowSpace> m = new LinkedHashMap<>();
    for (Piece p : pieces) {
      // the pieces of one outcome are disjoint: their boxes are joined as they are
      m.merge(p.signature(), p.space(), (x, y) -> new FlowSpace(ImmutableList.<FlowBox>builder().addAll(x.boxes())
          .addAll(y.boxes()).build()));
    }
    return m;
  }
}
