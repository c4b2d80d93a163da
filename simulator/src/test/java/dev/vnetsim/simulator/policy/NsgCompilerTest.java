package dev.vnetsim.simulator.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpFamily;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.security.SecurityRule;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.Flow;
import dev.vnetsim.simulator.trace.Ports;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared compiler against the sort-and-scan oracle when rules use large address sets (service-tag sized, IPv4
 * and IPv6), so that the shared partitions, both encodings (product table and merged intervals) and table sharing
 * between NSGs are exercised; several NSGs go through one compiler, as in a data plane.
 */
class NsgCompilerTest {

  /** A large random set of {@code n} prefixes, in both families, like a service tag. */
  static IpSet tag(Random r, int n) {
    IpSet.Builder b = IpSet.builder();
    for (int i = 0; i < n; i++) {
      b.add(Cidr.parseMasked(IpAddress.v4(r.nextInt()) + "/" + (12 + r.nextInt(21))));
      b.add(Cidr.parseMasked(new IpAddress(IpFamily.IPV6, 0x2603_1000_0000_0000L | r.nextInt(1 << 20) << 12,
          r.nextLong()) + "/" + (40 + r.nextInt(89))));
    }
    return b.build();
  }

  static ResolvedNsg nsg(Random r, List<IpSet> tags, int rules, int smallPerRule) {
    RandomNsgs.Generated g = RandomNsgs.generate(r, rules, Direction.INBOUND);
    List<ResolvedRule> out = new ArrayList<>();
    for (ResolvedRule x : g.nsg().rules()) {
      out.add(new ResolvedRule(x.nsg(), x.rule(), pick(r, tags, x.source(), smallPerRule), r.nextInt(9) == 0,
          pick(r, tags, x.destination(), smallPerRule), false, x.protocols(), x.sourcePorts(), x.destinationPorts(),
          Optional.empty()));
    }
    return new ResolvedNsg(g.nsg().nsg(), Direction.INBOUND, ImmutableList.copyOf(out));
  }

  private static IpSet pick(Random r, List<IpSet> tags, IpSet fallback, int small) {
    return switch (r.nextInt(4)) {
      case 0 -> tags.get(r.nextInt(tags.size()));
      case 1 -> tags.get(r.nextInt(tags.size())).union(IpSet.parse("10.1.2.0/24", "2001:db8::/64"));
      default -> small > 0 ? fallback : IpSet.parse("10.0.0.0/8");
    };
  }

  /** IPv4 and IPv6 packets near tag and rule edges. */
  static Flow packet(Random r, List<IpSet> tags) {
    Protocol p = CompiledNsgTest.PACKET_PROTOCOLS[r.nextInt(5)];
    boolean v6 = r.nextInt(3) == 0;
    return new Flow(address(r, tags, v6), address(r, tags, v6), p, r.nextInt(65536), r.nextInt(65536));
  }

  private static IpAddress address(Random r, List<IpSet> tags, boolean v6) {
    IpSet t = tags.get(r.nextInt(tags.size()));
    List<IpAddress[]> ranges = (v6 ? t.v6Only() : t.v4Only()).ranges();
    IpAddress[] x = ranges.get(r.nextInt(ranges.size()));
    return switch (r.nextInt(4)) {
      case 0 -> x[0];
      case 1 -> x[1];
      case 2 -> x[1].lo() != -1L && x[1].lo() != 0xFFFF_FFFFL ? x[1].next() : x[0];
      default -> v6 ? new IpAddress(IpFamily.IPV6, r.nextLong(), r.nextLong()) : IpAddress.v4(r.nextInt());
    };
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 17})
  void sharedCompile_equalsSortAndScan(long seed) {
    Random r = new Random(seed);
    List<IpSet> tags = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      tags.add(tag(r, NsgCompiler.LARGE + r.nextInt(150)));
    }
    NsgCompiler compiler = new NsgCompiler();
    for (int k = 0; k < 6; k++) {
      // few small sets: product tables; many: merged intervals
      ResolvedNsg nsg = nsg(r, tags, new int[] {5, 40, 600}[k % 3], k % 2);
      CompiledNsg compiled = compiler.compile(nsg);
      LinearNsgEvaluator oracle = new LinearNsgEvaluator(nsg);
      for (int i = 0; i < 4000; i++) {
        Flow f = packet(r, tags);
        assertThat(compiled.match(f)).as("seed %d nsg %d %s", seed, k, f).isEqualTo(oracle.match(f));
      }
    }
  }

  @Test
  void equalMatchFields_shareOneTable() {
    Random r = new Random(5);
    List<IpSet> tags = List.of(tag(r, 40), tag(r, 60));
    ResolvedNsg a = nsg(r, tags, 30, 1);
    List<ResolvedRule> renamed = new ArrayList<>();
    for (ResolvedRule x : a.rules()) { // same fields, other rules and NSG id
      SecurityRule s = x.rule();
      renamed.add(new ResolvedRule(RandomNsgs.NSG.child("securityRules", "x"), s, x.source(), x.sourceUnknown(),
          x.destination(), x.destinationUnknown(), x.protocols(), x.sourcePorts(), x.destinationPorts(), x.unknown()));
    }
    ResolvedNsg b = new ResolvedNsg(a.nsg(), a.direction(), ImmutableList.copyOf(renamed));
    NsgCompiler compiler = new NsgCompiler();
    CompiledNsg ca = compiler.compile(a);
    CompiledNsg cb = compiler.compile(b);
    assertThat(cb.nsg()).isSameAs(b);
    assertThat(compiler.toString()).contains("2 compiled, 1 distinct tables");
    Flow f = new Flow(IpAddress.parse("10.0.0.1"), IpAddress.parse("10.0.0.2"), Protocol.TCP, 1, 443);
    assertThat(cb.match(f)).isEqualTo(ca.match(f));
  }

  @Test
  void manyRules_firstMatchAcrossWordsAndDefaults() {
    // 1,000 rules: summary-word path; rule i matches only port i+1, so the first match is found in every word
    List<ResolvedRule> rules = new ArrayList<>();
    RandomNsgs.Generated g = RandomNsgs.generate(new Random(1), 1000, Direction.INBOUND);
    for (int i = 0; i < 1000; i++) {
      ResolvedRule x = g.nsg().rules().get(i);
      rules.add(new ResolvedRule(x.nsg(), x.rule(), IpSet.ALL, false, IpSet.ALL, false, FlowBox.expand(Protocol.TCP),
          Ports.ALL, ImmutableRangeSet.of(Range.closedOpen(i + 1, i + 2)), Optional.empty()));
    }
    rules.addAll(g.nsg().rules().subList(1000, g.nsg().rules().size()));
    ResolvedNsg nsg = new ResolvedNsg(g.nsg().nsg(), Direction.INBOUND, ImmutableList.copyOf(rules));
    CompiledNsg c = CompiledNsg.compile(nsg);
    LinearNsgEvaluator oracle = new LinearNsgEvaluator(nsg);
    for (int port = 0; port < 1100; port++) {
      Flow f = new Flow(IpAddress.parse("203.0.113.9"), IpAddress.parse("10.0.0.4"), Protocol.TCP, 5000, port);
      assertThat(c.match(f)).as("port %d", port).isEqualTo(oracle.match(f));
    }
  }
}
