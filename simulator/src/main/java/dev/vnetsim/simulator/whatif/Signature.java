package dev.vnetsim.simulator.whatif;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.simulator.trace.DecidedBy;
import dev.vnetsim.simulator.trace.Disposition;
import dev.vnetsim.simulator.trace.Egress;
import dev.vnetsim.simulator.trace.Hop;
import dev.vnetsim.simulator.trace.Step;
import java.util.Optional;

/**
 * What two pieces of an answer must share to count as the same outcome ({@link Outcome.Piece#signature()}): the
 * disposition, the deciding rule (its container and name), and the path: each hop's kind and resource, each step's
 * type, action, resource and rule (not the detail text, nor priorities), and the egress type and resource. Compared
 * field by field, with the hash worked out once: the what-if keys every piece of both traces of each flow by it.
 */
final class Signature {
  private final Disposition disposition;
  private final Optional<DecidedBy> decidedBy;
  private final ImmutableList<Hop> hops;
  private final Optional<Egress> egress;
  private final int hash;

  Signature(Disposition disposition, Optional<DecidedBy> decidedBy, ImmutableList<Hop> hops,
      Optional<Egress> egress) {
    this.disposition = disposition;
    this.decidedBy = decidedBy;
    this.hops = hops;
    this.egress = egress;
    int h = disposition.hashCode();
    if (decidedBy.isPresent()) {
      h = 31 * h + decidedBy.get().resourceId().hashCode();
      h = 31 * h + decidedBy.get().ruleName().hashCode();
    }
    for (Hop hop : hops) {
      h = 31 * h + hop.kind().hashCode();
      h = 31 * h + hop.resourceId().hashCode();
      for (Step s : hop.steps()) {
        h = 31 * h + s.type().hashCode();
        h = 31 * h + s.action().hashCode();
        h = 31 * h + s.resourceId().map(ResourceId::hashCode).orElse(0);
        h = 31 * h + s.ruleName().map(String::hashCode).orElse(0);
      }
    }
    if (egress.isPresent()) {
      h = 31 * h + egress.get().type().hashCode();
      h = 31 * h + egress.get().resourceId().map(ResourceId::hashCode).orElse(0);
    }
    this.hash = h;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Signature s && s.hash == hash && sameOutcome(s);
  }

  /** The comparison itself, field by field (without the hash, which {@link #equals} checks first). */
  boolean sameOutcome(Signature s) {
    if (s.disposition != disposition || !sameDecision(decidedBy, s.decidedBy) || !sameEgress(egress, s.egress)
        || s.hops.size() != hops.size()) {
      return false;
    }
    if (s.hops == hops) {
      return true;
    }
    for (int i = 0; i < hops.size(); i++) {
      if (!samePlace(hops.get(i), s.hops.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameDecision(Optional<DecidedBy> x, Optional<DecidedBy> y) {
    return x.isPresent() == y.isPresent() && (x.isEmpty() || x.get().resourceId().equals(y.get().resourceId())
        && x.get().ruleName().equals(y.get().ruleName()));
  }

  private static boolean sameEgress(Optional<Egress> x, Optional<Egress> y) {
    return x.isPresent() == y.isPresent() && (x.isEmpty() || x.get().type() == y.get().type()
        && x.get().resourceId().equals(y.get().resourceId()));
  }

  private static boolean samePlace(Hop x, Hop y) {
    if (x == y) {
      return true;
    }
    if (x.kind() != y.kind() || !x.resourceId().equals(y.resourceId()) || x.steps().size() != y.steps().size()) {
      return false;
    }
    for (int i = 0; i < x.steps().size(); i++) {
      Step a = x.steps().get(i);
      Step b = y.steps().get(i);
      if (a.type() != b.type() || a.action() != b.action() || !a.resourceId().equals(b.resourceId())
          || !a.ruleName().equals(b.ruleName())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return disposition + " " + decidedBy.map(d -> d.resourceId().key() + "|" + d.ruleName()).orElse("") + " ("
        + hops.size() + " hops)";
  }
}
