package dev.vnetsim.simulator.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.simulator.trace.DecidedBy;
import dev.vnetsim.simulator.trace.Disposition;
import dev.vnetsim.simulator.trace.Egress;
import dev.vnetsim.simulator.trace.FlowSpace;
import dev.vnetsim.simulator.trace.Hop;
import dev.vnetsim.simulator.trace.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A piece's signature is its disposition, deciding rule, path (hop kinds and resources; step types, actions,
 * resources and rules) and egress, and nothing else: checked against that tuple as a plain list, on pieces drawn from a
 * small vocabulary (so that most pairs share much and many are equal), with detail texts and priorities that vary
 * freely. Resource ids differ in case only now and then (ids compare without case).
 */
class SignatureTest {
  private static final String[] IDS = {"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/a",
      "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/b"};
  private static final String[] RULES = {"allow", "deny", "allow/x"};

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void equalSignatures_areEqualTuples(long seed) {
    Random rnd = new Random(seed);
    List<Outcome.Piece> pieces = new ArrayList<>();
    for (int i = 0; i < 100; i++) { // a piece, and the same piece with one draw made again (most differ in one field)
      long s = rnd.nextLong();
      pieces.add(piece(new Draws(s, -1, 0)));
      pieces.add(piece(new Draws(s, rnd.nextInt(12), rnd.nextLong())));
    }
    int equal = 0;
    for (Outcome.Piece x : pieces) {
      for (Outcome.Piece y : pieces) {
        boolean same = tuple(x).equals(tuple(y));
        assertThat(x.signature().sameOutcome(y.signature())).as("seed %d: %s vs %s", seed, x, y).isEqualTo(same);
        assertThat(x.signature().equals(y.signature())).as("seed %d: %s vs %s", seed, x, y).isEqualTo(same);
        if (same) {
          assertThat(x.signature().hashCode()).isEqualTo(y.signature().hashCode());
          equal++;
        }
      }
    }
    assertThat(equal).as("pairs with one signature besides each piece with itself").isGreaterThan(pieces.size());
  }

  /** The reference: every field the signature compares, ids by their lower-cased key. */
  private static List<Object> tuple(Outcome.Piece p) {
    List<Object> t = new ArrayList<>();
    t.add(p.disposition());
    t.add(p.decidedBy().map(d -> List.of(d.resourceId().key(), d.ruleName())));
    for (Hop h : p.hops()) {
      t.add(List.of(h.kind(), h.resourceId().key()));
      for (Step s : h.steps()) {
        t.add(List.of(s.type(), s.action(), s.resourceId().map(ResourceId::key), s.ruleName()));
      }
      t.add("end of hop");
    }
    t.add(p.egress().map(e -> List.of(e.type(), e.resourceId().map(ResourceId::key))));
    return t;
  }

  private static Outcome.Piece piece(Draws rnd) {
    Disposition d = rnd.nextInt(4) == 0 ? Disposition.DENIED_FIREWALL : Disposition.EXITS_NETWORK;
    Optional<DecidedBy> by = rnd.nextBoolean() ? Optional.empty()
        : Optional.of(new DecidedBy(id(rnd), pick(rnd, RULES), Optional.of(rnd.nextInt(3))));
    ImmutableList.Builder<Hop> hops = ImmutableList.builder();
    for (int i = rnd.nextInt(3); i > 0; i--) {
      ImmutableList.Builder<Step> steps = ImmutableList.builder();
      for (int j = rnd.nextInt(3); j > 0; j--) {
        steps.add(step(rnd));
      }
      hops.add(new Hop(id(rnd), rnd.nextInt(5) == 0 ? Hop.Kind.FIREWALL : Hop.Kind.SUBNET, steps.build()));
    }
    Optional<Egress> egress = rnd.nextInt(3) == 0 ? Optional.empty() : Optional.of(new Egress(
        rnd.nextBoolean() ? Egress.Type.FIREWALL : Egress.Type.NAT_GATEWAY,
        rnd.nextBoolean() ? Optional.empty() : Optional.of(id(rnd)), Optional.empty()));
    return new Outcome.Piece(FlowSpace.EMPTY, d, by, hops.build(), egress);
  }

  private static Step step(Draws rnd) {
    String detail = "detail " + rnd.nextInt(3);
    return switch (rnd.nextInt(3)) {
      case 0 -> new Step.Filter(rnd.nextBoolean() ? Step.Type.NSG_OUTBOUND : Step.Type.FIREWALL,
          rnd.nextBoolean() ? Step.Action.ALLOWED : Step.Action.DENIED, id(rnd), pick(rnd, RULES), rnd.nextInt(3),
          detail);
      case 1 -> new Step.Routing(Step.Action.FORWARDED, id(rnd), pick(rnd, RULES), detail);
      default -> new Step.Transit(rnd.nextBoolean() ? Step.Type.PEERING : Step.Type.EGRESS, Step.Action.FORWARDED,
          rnd.nextBoolean() ? Optional.empty() : Optional.of(id(rnd)), detail);
    };
  }

  private static ResourceId id(Draws rnd) {
    String s = pick(rnd, IDS);
    return ResourceId.of(rnd.nextInt(4) == 0 ? s.toUpperCase(java.util.Locale.ROOT) : s);
  }

  private static String pick(Draws rnd, String[] from) {
    return from[rnd.nextInt(from.length)];
  }

  /** Seeded draws, of which the one numbered {@code redrawn} comes from another generator. */
  private static final class Draws {
    private final Random rnd;
    private final Random other;
    private final int redrawn;
    private int n;

    Draws(long seed, int redrawn, long otherSeed) {
      this.rnd = new Random(seed);
      this.other = new Random(otherSeed);
      this.redrawn = redrawn;
    }

    int nextInt(int bound) {
      int v = rnd.nextInt(bound);
      return n++ == redrawn ? other.nextInt(bound) : v;
    }

    boolean nextBoolean() {
      return nextInt(2) == 1;
    }
  }
}
