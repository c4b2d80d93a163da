package dev.vnetsim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.Access;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.NextHopType;
import dev.vnetsim.model.network.PublicIpAddress;
import dev.vnetsim.simulator.Scenarios;
import dev.vnetsim.simulator.trace.Flow;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.FlowSpace;
import dev.vnetsim.simulator.trace.Hop;
import dev.vnetsim.simulator.trace.Ports;
import dev.vnetsim.simulator.trace.Step;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property (DESIGN §5): on seeded random topologies, the set-valued walk splits a flow space into disjoint parts that
 * cover it, and every random packet of the space gets, from the concrete walk, the same disposition, deciding rule
 * and path (hops and steps, details aside) as the part holding it.
 */
class SetVsConcretePropertiesTest {

  static final String[] ADDRESSES = {"*", "VirtualNetwork", "Internet", "10.0.1.0/24", "10.0.2.4", "Storage",
      "10.1.0.0/16", "20.60.0.0/17", "AzureLoadBalancer", "10.0.0.0/8"};

  static Topology randomTopology(Random r) {
    Scenarios s = EngineScenariosTest.base().asg("asg1")
        .vnet("spoke", "westeurope", "10.1.0.0/16").subnet("s", "10.1.1.0/24").nsg("spoke-nsg").done()
        .nic("spoke1", "spoke", "s", "10.1.1.4").done()
        .nic("nva1", "hub", "nva", "10.0.100.4").done()
        .peering("hub", "spoke", true, r.nextBoolean(), false, false)
        .peering("spoke", "hub", r.nextBoolean(), r.nextBoolean(), false, false)
        .natGateway("nat", "nat-pip", "20.7.7.7");
    if (r.nextBoolean()) {
      s.nic("nva1", null, null, null).ipForwarding();
    }
    s.nic("web1", null, null, null).asg("asg1");
    s.vnet("hub", "").subnet("web").nsg("web-nsg").routeTable("rt");
    s.nic("app1", null, null, null).nsg("app1-nsg");
    if (r.nextBoolean()) {
      s.vnet("hub", "").subnet("app").natGateway("nat");
    }
    if (r.nextBoolean()) {
      s.vnet("hub", "").subnet("nva").privateSubnet();
    }
    s.publicIp("web2-pip", r.nextBoolean() ? PublicIpAddress.Sku.BASIC : PublicIpAddress.Sku.STANDARD, "20.1.1.2",
        "web2");
    for (String nsg : new String[] {"web-nsg", "app1-nsg", "spoke-nsg"}) {
      Scenarios.NsgSpec n = s.nsg(nsg);
      int rules = r.nextInt(8);
      for (int i = 0; i < rules; i++) {
        String src = r.nextInt(6) == 0 ? "asg:asg1" : ADDRESSES[r.nextInt(ADDRESSES.length)];
        String dst = ADDRESSES[r.nextInt(ADDRESSES.length)];
        Protocol p = new Protocol[] {Protocol.ANY, Protocol.TCP, Protocol.UDP, Protocol.ICMP}[r.nextInt(4)];
        String ports = new String[] {"*", "443", "80,443", "1000-2000", "22"}[r.nextInt(5)];
        String srcPorts = r.nextInt(5) == 0 ? "1024-65535" : "*";
        n.rule("r" + i, 100 + 10 * i, r.nextBoolean() ? Direction.INBOUND : Direction.OUTBOUND,
            r.nextBoolean() ? Access.ALLOW : Access.DENY, p, src, srcPorts, dst, ports);
      }
    }
    Scenarios.RouteTableSpec rt = s.routeTable("rt");
    switch (r.nextInt(4)) {
      case 0 -> rt.route("default", "0.0.0.0/0", NextHopType.VIRTUAL_APPLIANCE, "10.0.100.4");
      case 1 -> rt.route("spoke", "10.1.0.0/16", NextHopType.VIRTUAL_APPLIANCE, "10.0.100.4");
      case 2 -> rt.route("drop-app", "10.0.2.0/24", NextHopType.NONE, null);
      default -> rt.route("storage", "20.60.0.0/16", NextHopType.INTERNET, null);
    }
    return s.build();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void setTrace_equalsUnionOfConcreteTraces(long seed) {
    Random r = new Random(seed);
    Topology t = randomTopology(r);
    DataPlane dp = DataPlane.compile(t, EngineScenariosTest.TAGS);
    for (String from : new String[] {"web1", "app1", "spoke1"}) {
      NicPlane src = dp.nic(EngineScenariosTest.nic(from)).orElseThrow();
      IpSet dst = IpSet.parse("10.0.0.0/16", "10.1.0.0/16", "20.60.0.0/16", "52.239.0.0/24", "10.9.0.0/24");
      FlowSpace space = FlowSpace.union(FlowBox.of(IpSet.of(src.addresses().firstAddress()), dst,
          FlowBox.ALL_PROTOCOLS, Ports.ALL, r.nextBoolean() ? Ports.ALL : Ports.of(List.of(
              dev.vnetsim.model.PortRange.parse("0-1024")))));
      List<SpaceWalk.SpacePart> parts = new SpaceWalk(dp).fromNic(src, space);
      FlowSpace union = FlowSpace.EMPTY;
      for (SpaceWalk.SpacePart p : parts) {
        assertThat(union.intersect(p.space()).isEmpty()).as("seed %d: parts are disjoint", seed).isTrue();
        union = union.union(p.space());
      }
      assertThat(space.minus(union).isEmpty() && union.minus(space).isEmpty()).as("seed %d: parts cover", seed)
          .isTrue();
      for (int i = 0; i < 400; i++) {
        Flow f = sample(r, space);
        WalkResult concrete = new PacketWalk(dp, f).fromNic(src);
        SpaceWalk.SpacePart part = parts.stream().filter(p -> p.space().contains(f)).findFirst().orElseThrow();
        WalkResult set = part.result();
        assertThat(concrete.disposition()).as("seed %d %s %s", seed, from, f).isEqualTo(set.disposition());
        assertThat(concrete.decidedBy()).as("seed %d %s %s", seed, from, f).isEqualTo(set.decidedBy());
        assertThat(shape(concrete.hops())).as("seed %d %s %s", seed, from, f).isEqualTo(shape(set.hops()));
        assertThat(concrete.egress()).as("seed %d %s %s", seed, from, f).isEqualTo(set.egress());
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {21, 22, 23, 24, 25, 26})
  void inboundFromInternet_setEqualsConcrete(long seed) {
    Random r = new Random(seed);
    DataPlane dp = DataPlane.compile(randomTopology(r), EngineScenariosTest.TAGS);
    PublicIpAddress pip = dp.topology().publicIpAddresses().get(Scenarios.id("publicIPAddresses", "web2-pip"));
    FlowSpace space = FlowSpace.union(FlowBox.of(IpSet.parse("198.51.100.0/24", "20.60.0.0/24", "13.69.64.0/24"),
        IpSet.of(pip.ipAddress().orElseThrow()), FlowBox.ALL_PROTOCOLS, Ports.ALL, Ports.ALL));
    List<SpaceWalk.SpacePart> parts = new SpaceWalk(dp).fromInternet(pip, space);
    for (int i = 0; i < 400; i++) {
      Flow f = sample(r, space);
      WalkResult concrete = new PacketWalk(dp, f).fromInternet(pip);
      SpaceWalk.SpacePart part = parts.stream().filter(p -> p.space().contains(f)).findFirst().orElseThrow();
      assertThat(concrete.disposition()).as("seed %d %s", seed, f).isEqualTo(part.result().disposition());
      assertThat(concrete.decidedBy()).as("seed %d %s", seed, f).isEqualTo(part.result().decidedBy());
      assertThat(shape(concrete.hops())).as("seed %d %s", seed, f).isEqualTo(shape(part.result().hops()));
    }
  }

  static Flow sample(Random r, FlowSpace space) {
    FlowBox b = space.boxes().get(r.nextInt(space.boxes().size()));
    Protocol p = b.protocols().asList().get(r.nextInt(b.protocols().size()));
    return new Flow(pick(r, b.source()), pick(r, b.destination()), p, pickPort(r, b.sourcePorts()),
        pickPort(r, b.destinationPorts()));
  }

  static IpAddress pick(Random r, IpSet s) {
    List<IpAddress[]> ranges = s.ranges();
    IpAddress[] x = ranges.get(r.nextInt(ranges.size()));
    long span = x[1].lo() - x[0].lo();
    long off = r.nextInt(4) == 0 ? 0 : (long) (r.nextDouble() * (span + 1));
    return IpAddress.v4(x[0].lo() + Math.min(off, span));
  }

  static int pickPort(Random r, com.google.common.collect.ImmutableRangeSet<Integer> s) {
    List<com.google.common.collect.Range<Integer>> ranges = s.asRanges().stream().collect(Collectors.toList());
    com.google.common.collect.Range<Integer> x = ranges.get(r.nextInt(ranges.size()));
    return x.lowerEndpoint() + r.nextInt(x.upperEndpoint() - x.lowerEndpoint());
  }

  /** Hops with steps reduced to what identifies them (details hold addresses that differ by design). */
  static List<String> shape(List<Hop> hops) {
    return hops.stream().map(h -> h.kind() + ":" + h.resourceId() + h.steps().stream().map(SetVsConcretePropertiesTest::step)
        .collect(Collectors.joining(",", "[", "]"))).collect(Collectors.toList());
  }

  static String step(Step s) {
    return s.type() + "/" + s.action() + "/" + s.resourceId().map(Object::toString).orElse("") + "/"
        + s.ruleName().orElse("") + "/" + s.priority().map(Object::toString).orElse("");
  }
}
