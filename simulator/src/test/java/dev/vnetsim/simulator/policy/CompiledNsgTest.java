package dev.vnetsim.simulator.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.simulator.trace.Flow;
import dev.vnetsim.simulator.trace.FlowSpace;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bit-vector NSG classifier and the set-valued evaluator against the sort-and-scan oracle on seeded random rule
 * lists and packets (azure-semantics.md §1.4: "the first rule whose protocol, source prefix(es), source port(s),
 * destination prefix(es) and destination port(s) all match decides").
 */
class CompiledNsgTest {

  static final Protocol[] PACKET_PROTOCOLS = {Protocol.TCP, Protocol.UDP, Protocol.ICMP, Protocol.ESP, Protocol.AH};

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 11, 2024})
  void compiled_equalsSortAndScan(long seed) {
    Random r = new Random(seed);
    for (int rules : new int[] {0, 3, 30, 300}) {
      RandomNsgs.Generated g = RandomNsgs.generate(r, rules, Direction.INBOUND);
      CompiledNsg compiled = CompiledNsg.compile(g.nsg());
      LinearNsgEvaluator oracle = new LinearNsgEvaluator(g.nsg());
      for (int i = 0; i < 4000; i++) {
        Flow f = g.packet(r);
        int expected = oracle.match(f);
        assertThat(compiled.match(f)).as("seed %d rules %d %s", seed, rules, f).isEqualTo(expected);
        assertThat(compiled.matchV4(f.source().v4Bits(), f.destination().v4Bits(), f.protocol().ordinal(),
            f.sourcePort(), f.destinationPort())).isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {5, 6, 7})
  void spaceEvaluation_partsAgreeWithPerPacketFirstMatch(long seed) {
    Random r = new Random(seed);
    RandomNsgs.Generated g = RandomNsgs.generate(r, 25, Direction.OUTBOUND);
    LinearNsgEvaluator oracle = new LinearNsgEvaluator(g.nsg());
    FlowSpace space = g.space(r);
    List<NsgPart> parts = NsgSpaceEvaluator.evaluate(g.nsg(), space);
    FlowSpace union = FlowSpace.EMPTY;
    for (NsgPart p : parts) {
      assertThat(union.intersect(p.space()).isEmpty()).as("parts are disjoint").isTrue();
      union = union.union(p.space());
    }
    assertThat(union.minus(space).isEmpty() && space.minus(union).isEmpty()).as("parts cover the space").isTrue();
    for (int i = 0; i < 3000; i++) {
      Flow f = g.packetIn(r, space);
      if (f == null) {
        continue;
      }
      NsgPart part = parts.stream().filter(p -> p.space().contains(f)).findFirst().orElseThrow();
      assertThat(part.rule()).as("seed %d %s", seed, f).isSameAs(g.nsg().rules().get(oracle.match(f)));
    }
  }

  /**
   * {@link NsgSpaceEvaluator#evaluateRecent} answers as {@link NsgSpaceEvaluator#evaluate} for a run of NSGs and spaces
   * in which each pair comes again (an equal space, the same NSG) or changes one of the two, and reuses only the last
   * answer of the same NSG instance for an equal space.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {8, 9})
  void recentEvaluation_answersAsEvaluation(long seed) {
    Random r = new Random(seed);
    List<RandomNsgs.Generated> nsgs = List.of(RandomNsgs.generate(r, 25, Direction.OUTBOUND),
        RandomNsgs.generate(r, 25, Direction.OUTBOUND));
    RandomNsgs.Generated g = nsgs.get(0);
    FlowSpace space = g.space(r);
    List<NsgPart> last = null;
    int reused = 0;
    for (int i = 0; i < 60; i++) {
      switch (r.nextInt(3)) {
        case 0 -> g = nsgs.get(r.nextInt(2));
        case 1 -> space = nsgs.get(r.nextInt(2)).space(r);
        default -> space = new FlowSpace(ImmutableList.copyOf(space.boxes())); // equal
      }
      List<NsgPart> recent = NsgSpaceEvaluator.evaluateRecent(g.nsg(), space);
      assertThat(recent).as("seed %d step %d", seed, i).isEqualTo(NsgSpaceEvaluator.evaluate(g.nsg(), space));
      reused += recent == last ? 1 : 0;
      last = recent;
    }
    assertThat(reused).as("answers reused").isPositive();
  }

  static IpAddress v4(int bits) {
    return IpAddress.v4(bits);
  }
}
