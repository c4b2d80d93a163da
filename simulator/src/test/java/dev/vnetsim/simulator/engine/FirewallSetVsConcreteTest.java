package dev.vnetsim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.Topology;
import dev.vnetsim.simulator.Extras;
import dev.vnetsim.simulator.dns.FlowName;
import dev.vnetsim.simulator.firewall.CompiledFirewallPropertiesTest;
import dev.vnetsim.simulator.trace.Flow;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.FlowSpace;
import dev.vnetsim.simulator.trace.Ports;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The set-valued walk against many concrete walks through a hub firewall with seeded random policies (DNAT, network
 * and application rules, parent and child), including source NAT to the firewall's address and DNAT: every sampled
 * packet's concrete outcome (disposition, deciding rule, egress) equals that of the one part holding it.
 */
class FirewallSetVsConcreteTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {21, 22, 23, 24, 25, 26, 27, 28})
  void spaceWalk_equalsPacketWalks(long seed) {
    Random r = new Random(seed);
    Topology t = new Extras(FirewallScenariosTest.hubAndSpokes().build())
        .firewall("fw", "hub", "10.0.1.4", "20.50.0.10", "child", List.of(), List.of(), List.of())
        .policy("parent", null, true, CompiledFirewallPropertiesTest.groups(r, "parent"))
        .policy("child", "parent", seed % 2 == 0, CompiledFirewallPropertiesTest.groups(r, "child")).build();
    DataPlane dp = DataPlane.compile(t, CompiledFirewallPropertiesTest.TAGS);
    NicPlane src = dp.nic(EngineScenariosTest.nic("vm1")).orElseThrow();
    for (int q = 0; q < 12; q++) {
      FlowName name = r.nextInt(3) == 0 ? FlowName.NONE : new FlowName(Optional.of(r.nextBoolean() ? "api.github.com"
          : "x.blob.core.windows.net"), ImmutableMap.of(), r.nextBoolean());
      Prelude prelude = new Prelude(name, ImmutableList.of(), ImmutableList.of());
      IpSet dst = IpSet.parse(r.nextBoolean() ? "20.60.0.0/15" : r.nextBoolean() ? "10.2.1.0/28" : "0.0.0.0/1");
      FlowSpace space = FlowSpace.union(FlowBox.of(IpSet.of(IpAddress.parse("10.1.1.4")), dst,
          r.nextBoolean() ? FlowBox.ALL_PROTOCOLS : ImmutableSet.of(Protocol.TCP), Ports.ALL,
          Ports.of(List.of(PortRange.single(443), PortRange.single(22), PortRange.single(53)))));
      List<SpaceWalk.SpacePart> parts = new SpaceWalk(dp, prelude).fromNic(src, space);
      for (int k = 0; k < 40; k++) {
        FlowBox b = space.boxes().get(r.nextInt(space.boxes().size()));
        Protocol p = b.protocols().asList().get(r.nextInt(b.protocols().size()));
        int port = new int[] {443, 22, 53}[r.nextInt(3)];
        long[] ranges = dst.v4Ranges();
        IpAddress d = IpAddress.v4(ranges[0] + (long) (r.nextDouble() * (ranges[1] - ranges[0] + 1)));
        Flow f = new Flow(IpAddress.parse("10.1.1.4"), d, p, 50000, port);
        WalkResult concrete = new PacketWalk(dp, f, prelude).fromNic(src);
        List<SpaceWalk.SpacePart> holding = parts.stream().filter(x -> x.space().contains(f)).toList();
        assertThat(holding).as("seed %d %s %s", seed, f, name).hasSize(1);
        WalkResult set = holding.get(0).result();
        assertThat(set.disposition()).as("seed %d %s %s", seed, f, name).isEqualTo(concrete.disposition());
        assertThat(set.decidedBy()).as("seed %d %s %s", seed, f, name).isEqualTo(concrete.decidedBy());
        assertThat(set.egress()).as("seed %d %s %s", seed, f, name).isEqualTo(concrete.egress());
        assertThat(path(set)).as("seed %d %s %s", seed, f, name).isEqualTo(path(concrete));
      }
    }
  }

  /** The hops by kind and resource (step details may word a set and a packet differently). */
  private static List<String> path(WalkResult r) {
    return r.hops().stream().map(h -> h.kind() + ":" + h.resourceId().name() + ":" + h.steps().size()).toList();
  }
}
