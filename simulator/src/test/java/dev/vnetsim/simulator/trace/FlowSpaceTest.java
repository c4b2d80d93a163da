package dev.vnetsim.simulator.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Sets;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Box algebra of flow spaces (DESIGN §1). */
class FlowSpaceTest {

  static FlowSpace space(String dst, Protocol p, String ports) {
    return FlowSpace.union(FlowBox.of(IpSet.parse("10.0.0.4"), IpSet.parse(dst), FlowBox.expand(p), Ports.ALL,
        Ports.of(List.of(PortRange.parse(ports)))));
  }

  @Test
  void protocolsWithoutPorts_ignorePorts() {
    FlowSpace s = space("10.0.0.0/8", Protocol.ANY, "443");
    assertThat(s.boxes()).hasSize(2);
    assertThat(s.contains(Flow.of("10.0.0.4", "10.1.1.1", Protocol.ICMP, 0, 0))).isTrue();
    assertThat(s.contains(Flow.of("10.0.0.4", "10.1.1.1", Protocol.TCP, 1, 80))).isFalse();
    assertThat(s.contains(Flow.of("10.0.0.4", "10.1.1.1", Protocol.UDP, 1, 443))).isTrue();
  }

  /**
   * {@link FlowBox#intersects} (which skips building the common box) agrees with the boxes' dimensions met one by
   * one, {@link FlowBox#intersect} holds exactly the packets of both, {@link FlowBox#minus} those of the first only,
   * and {@link FlowSpace#meetsDestination} agrees
   * with {@link FlowSpace#restrictDestination}, on seeded random boxes and packets.
   */
  @Test
  void intersects_agreesWithDimensionsAndPackets_onRandomBoxes() {
    SplittableRandom rnd = new SplittableRandom(17);
    int meeting = 0;
    for (int i = 0; i < 3000; i++) {
      FlowBox a = box(rnd);
      FlowBox drawn = box(rnd);
      // a quarter share the first box's protocol and port set instances (the walks keep the query's)
      FlowBox b = rnd.nextInt(4) > 0 ? drawn
          : new FlowBox(drawn.source(), drawn.destination(), a.protocols(), a.sourcePorts(), a.destinationPorts());
      boolean byDimension = !a.source().intersection(b.source()).isEmpty()
          && !a.destination().intersection(b.destination()).isEmpty()
          && a.protocols().stream().anyMatch(b.protocols()::contains)
          && !a.sourcePorts().asRanges().stream().allMatch(r -> b.sourcePorts().subRangeSet(r).isEmpty())
          && !a.destinationPorts().asRanges().stream().allMatch(r -> b.destinationPorts().subRangeSet(r).isEmpty());
      assertThat(a.intersects(b)).as("%s / %s", a, b).isEqualTo(byDimension);
      assertThat(a.intersect(b).isEmpty()).isEqualTo(!byDimension);
      meeting += byDimension ? 1 : 0;
      FlowBox both = a.intersect(b);
      for (int k = 0; k < 20; k++) {
        Flow f = packet(rnd);
        assertThat(both.contains(f)).as("%s in %s and %s", f, a, b).isEqualTo(a.contains(f) && b.contains(f));
        FlowSpace rest = new FlowSpace(ImmutableList.copyOf(a.minus(b)));
        assertThat(rest.contains(f)).as("%s in %s minus %s", f, a, b).isEqualTo(a.contains(f) && !b.contains(f));
      }
      IpSet d = addresses(rnd);
      FlowSpace s = FlowSpace.union(List.of(a, b).stream().filter(x -> !x.isEmpty()).toList());
      assertThat(s.meetsDestination(d)).isEqualTo(!s.restrictDestination(d).isEmpty());
    }
    assertThat(meeting).as("both outcomes are exercised").isBetween(150, 2850);
  }

  private static final Protocol[][] PROTOCOLS = {{Protocol.TCP}, {Protocol.UDP}, {Protocol.TCP, Protocol.UDP},
      {Protocol.ICMP}, {Protocol.ICMP, Protocol.ESP}};

  private static FlowBox box(SplittableRandom rnd) {
    Protocol[] p = PROTOCOLS[rnd.nextInt(PROTOCOLS.length)];
    return new FlowBox(addresses(rnd), addresses(rnd), Sets.immutableEnumSet(List.of(p)), ports(rnd), ports(rnd));
  }

  private static IpSet addresses(SplittableRandom rnd) {
    IpSet out = IpSet.EMPTY;
    for (int i = 0, n = 1 + rnd.nextInt(3); i < n; i++) {
      int prefix = 27 + rnd.nextInt(4);
      int size = 1 << (32 - prefix);
      out = out.union(IpSet.parse("10.0.0." + size * rnd.nextInt(64 / size) + "/" + prefix));
    }
    return out;
  }

  private static ImmutableRangeSet<Integer> ports(SplittableRandom rnd) {
    if (rnd.nextInt(4) == 0) {
      return Ports.ALL;
    }
    int from = rnd.nextInt(40);
    return Ports.of(List.of(new PortRange(from, from + rnd.nextInt(20))));
  }

  private static Flow packet(SplittableRandom rnd) {
    Protocol p = List.of(Protocol.TCP, Protocol.UDP, Protocol.ICMP, Protocol.ESP).get(rnd.nextInt(4));
    return Flow.of("10.0.0." + rnd.nextInt(64), "10.0.0." + rnd.nextInt(64), p, rnd.nextInt(60), rnd.nextInt(60));
  }

  /**
   * {@link FlowSpace#minus(FlowSpace)}, which cuts only the boxes another box meets, gives the very boxes, in the same
   * order, as subtracting the other space's boxes one at a time from the whole space; and keeps a space no box of
   * which meets the other as it is.
   */
  @Test
  void minus_givesTheBoxesOfSubtractingOneBoxAtATime() {
    SplittableRandom rnd = new SplittableRandom(29);
    int untouched = 0;
    for (int i = 0; i < 1500; i++) {
      FlowSpace a = FlowSpace.union(boxes(rnd, 1 + rnd.nextInt(4)));
      FlowSpace b = FlowSpace.union(boxes(rnd, rnd.nextInt(4)));
      FlowSpace stepwise = a;
      for (FlowBox o : b.boxes()) {
        ImmutableList.Builder<FlowBox> next = ImmutableList.builder();
        stepwise.boxes().forEach(x -> next.addAll(x.minus(o)));
        stepwise = new FlowSpace(next.build());
      }
      FlowSpace rest = a.minus(b);
      assertThat(rest.boxes()).as("%s minus %s", a, b).containsExactlyElementsOf(stepwise.boxes());
      if (rest.boxes().equals(a.boxes())) {
        assertThat(rest).isSameAs(a);
        untouched++;
      }
      if (b.boxes().size() == 1) {
        assertThat(a.minus(b.boxes().get(0)).boxes()).containsExactlyElementsOf(stepwise.boxes());
      }
    }
    assertThat(untouched).as("both outcomes are exercised").isBetween(50, 1450);
  }

  /**
   * {@link FlowSpace#splitDestination} gives {@link FlowSpace#restrictDestination} and
   * {@link FlowSpace#withoutDestination}, box for box; a box minus an equal one (another instance) leaves nothing.
   */
  @Test
  void splitDestination_isRestrictAndWithout() {
    SplittableRandom rnd = new SplittableRandom(31);
    int within = 0;
    for (int i = 0; i < 1500; i++) {
      FlowSpace a = FlowSpace.union(boxes(rnd, 1 + rnd.nextInt(4)));
      IpSet dst = rnd.nextInt(4) == 0 ? a.destinations().union(addresses(rnd)) : addresses(rnd);
      FlowSpace.Split split = a.splitDestination(dst);
      assertThat(split.inside().boxes()).containsExactlyElementsOf(a.restrictDestination(dst).boxes());
      assertThat(split.outside().boxes()).containsExactlyElementsOf(a.withoutDestination(dst).boxes());
      within += split.outside().isEmpty() && !split.inside().isEmpty() ? 1 : 0;
      for (FlowBox b : a.boxes()) {
        FlowBox copy = new FlowBox(IpSet.ofCidrs(b.source().toCidrs()), b.destination(), b.protocols(), b.sourcePorts(),
            b.destinationPorts());
        assertThat(b.minus(copy)).isEmpty();
      }
    }
    assertThat(within).as("spaces wholly inside are exercised").isGreaterThan(100);
  }

  private static List<FlowBox> boxes(SplittableRandom rnd, int n) {
    List<FlowBox> out = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      FlowBox b = box(rnd);
      if (!b.isEmpty()) {
        out.add(b);
      }
    }
    return out;
  }

  @Test
  void minusAndUnion_roundTrip() {
    FlowSpace a = space("10.0.0.0/8", Protocol.ANY, "0-1000");
    FlowSpace b = space("10.1.0.0/16", Protocol.TCP, "443");
    FlowSpace rest = a.minus(b);
    assertThat(rest.intersect(b).isEmpty()).isTrue();
    FlowSpace back = rest.union(b);
    assertThat(back.minus(a).isEmpty() && a.minus(back).isEmpty()).isTrue();
    assertThat(rest.contains(Flow.of("10.0.0.4", "10.1.0.9", Protocol.TCP, 5, 443))).isFalse();
    assertThat(rest.contains(Flow.of("10.0.0.4", "10.1.0.9", Protocol.UDP, 5, 443))).isTrue();
    assertThat(FlowSpace.of(Flow.of("10.0.0.4", "10.1.0.9", Protocol.TCP, 5, 443)).isPoint()).isTrue();
    assertThat(a.isPoint()).isFalse();
  }
}
