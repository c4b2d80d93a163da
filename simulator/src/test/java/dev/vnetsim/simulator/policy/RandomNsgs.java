package dev.vnetsim.simulator.policy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Range;
import com.google.common.collect.TreeRangeSet;
import dev.vnetsim.model.Access;
import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.security.DefaultSecurityRules;
import dev.vnetsim.model.security.SecurityRule;
import dev.vnetsim.simulator.trace.Flow;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.FlowSpace;
import dev.vnetsim.simulator.trace.Ports;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Seeded random NSGs (already resolved) and packets that hit their rules' edges. */
final class RandomNsgs {
  private RandomNsgs() {}

  static final ResourceId NSG = ResourceId.of("/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/"
      + "networkSecurityGroups/random");

  record Generated(ResolvedNsg nsg, List<Cidr> prefixes, List<Integer> ports) {
    Flow packet(Random r) {
      Protocol p = CompiledNsgTest.PACKET_PROTOCOLS[r.nextInt(5)];
      return new Flow(address(r), address(r), p, port(r), port(r));
    }

    IpAddress address(Random r) {
      if (prefixes.isEmpty() || r.nextInt(4) == 0) {
        return IpAddress.v4(r.nextInt());
      }
      Cidr c = prefixes.get(r.nextInt(prefixes.size()));
      return switch (r.nextInt(4)) {
        case 0 -> c.first();
        case 1 -> c.last();
        case 2 -> c.last().lo() < 0xFFFF_FFFFL ? c.last().next() : c.first();
        default -> IpAddress.v4(c.first().lo() + (long) (r.nextDouble() * (c.last().lo() - c.first().lo())));
      };
    }

    int port(Random r) {
      if (ports.isEmpty() || r.nextInt(4) == 0) {
        return r.nextInt(65536);
      }
      int p = ports.get(r.nextInt(ports.size())) + r.nextInt(3) - 1;
      return Math.max(0, Math.min(65535, p));
    }

    /** A random box-shaped space (some prefixes, some protocols and ports). */
    FlowSpace space(Random r) {
      IpSet src = IpSet.of(prefixes.get(r.nextInt(prefixes.size()))).union(IpSet.of(address(r)));
      IpSet dst = IpSet.parse("0.0.0.0/1");
      ImmutableSet<Protocol> protos = ImmutableSet.of(Protocol.TCP, Protocol.UDP, Protocol.ICMP, Protocol.ESP);
      return FlowSpace.union(FlowBox.of(src, dst, protos, Ports.ALL, ImmutableRangeSet.of(Range.closedOpen(0, 2000))));
    }

    Flow packetIn(Random r, FlowSpace space) {
      for (int i = 0; i < 50; i++) {
        Flow f = packet(r);
        if (space.contains(f)) {
          return f;
        }
        FlowBox b = space.boxes().get(r.nextInt(space.boxes().size()));
        Flow g = new Flow(pick(r, b.source()), pick(r, b.destination()), f.protocol(), f.sourcePort(),
            Math.min(f.destinationPort(), 1999));
        if (space.contains(g)) {
          return g;
        }
      }
      return null;
    }

    private IpAddress pick(Random r, IpSet s) {
      List<IpAddress[]> ranges = s.ranges();
      IpAddress[] x = ranges.get(r.nextInt(ranges.size()));
      long span = x[1].lo() - x[0].lo();
      return IpAddress.v4(x[0].lo() + (long) (r.nextDouble() * span));
    }
  }

  static Generated generate(Random r, int count, Direction d) {
    List<Cidr> prefixes = new ArrayList<>();
    List<Integer> ports = new ArrayList<>();
    List<ResolvedRule> rules = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      IpSet src = addresses(r, prefixes);
      IpSet dst = addresses(r, prefixes);
      Protocol p = new Protocol[] {Protocol.ANY, Protocol.TCP, Protocol.UDP, Protocol.ICMP, Protocol.ESP}[r.nextInt(5)];
      ImmutableRangeSet<Integer> sp = r.nextInt(4) == 0 ? portSet(r, ports) : Ports.ALL;
      ImmutableRangeSet<Integer> dp = r.nextInt(4) == 0 ? Ports.ALL : portSet(r, ports);
      SecurityRule rule = new SecurityRule(NSG.child("securityRules", "r" + i), "r" + i, false, 100 + i, d,
          r.nextBoolean() ? Access.ALLOW : Access.DENY, p, ImmutableList.of(AddressMatch.ANY), ImmutableList.of(),
          ImmutableList.of(PortRange.ALL), ImmutableList.of(AddressMatch.ANY), ImmutableList.of(),
          ImmutableList.of(PortRange.ALL), "");
      rules.add(new ResolvedRule(NSG, rule, src, false, dst, false, FlowBox.expand(p), sp, dp, Optional.empty()));
    }
    for (SecurityRule def : DefaultSecurityRules.forNsg(NSG)) {
      if (def.direction() == d) {
        IpSet s = def.sourceAddresses().get(0) instanceof AddressMatch.Any ? IpSet.ALL : IpSet.parse("10.0.0.0/8");
        IpSet t = def.destinationAddresses().get(0) instanceof AddressMatch.Any ? IpSet.ALL : IpSet.parse("10.0.0.0/8");
        rules.add(new ResolvedRule(NSG, def, s, false, t, false, FlowBox.expand(def.protocol()), Ports.ALL, Ports.ALL,
            Optional.empty()));
      }
    }
    return new Generated(new ResolvedNsg(NSG, d, ImmutableList.copyOf(rules)), prefixes, ports);
  }

  private static IpSet addresses(Random r, List<Cidr> seen) {
    if (r.nextInt(5) == 0) {
      return IpSet.ALL;
    }
    IpSet.Builder b = IpSet.builder();
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      Cidr c;
      if (!seen.isEmpty() && r.nextInt(3) == 0) {
        Cidr s = seen.get(r.nextInt(seen.size()));
        c = Cidr.parseMasked(s.first().toString() + "/" + Math.min(32, s.prefixLength() + r.nextInt(4)));
      } else {
        c = Cidr.parseMasked(IpAddress.v4(r.nextInt()) + "/" + (8 + r.nextInt(25)));
      }
      seen.add(c);
      b.add(c);
    }
    return b.build();
  }

  private static ImmutableRangeSet<Integer> portSet(Random r, List<Integer> seen) {
    TreeRangeSet<Integer> s = TreeRangeSet.create();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      int a = r.nextInt(65536);
      int b = Math.min(65535, a + (r.nextBoolean() ? 0 : r.nextInt(2000)));
      seen.add(a);
      seen.add(b);
      s.add(Range.closedOpen(a, b + 1));
    }
    return ImmutableRangeSet.copyOf(s);
  }
}
