package dev.vnetsim.simulator.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.firewall.FirewallAction;
import dev.vnetsim.model.firewall.FirewallRule;
import dev.vnetsim.model.firewall.RuleCollection;
import dev.vnetsim.model.firewall.RuleCollectionGroup;
import dev.vnetsim.simulator.Extras;
import dev.vnetsim.simulator.Scenarios;
import dev.vnetsim.simulator.dns.DnsView;
import dev.vnetsim.simulator.dns.FlowName;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import dev.vnetsim.simulator.trace.Flow;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.FlowSpace;
import dev.vnetsim.simulator.trace.Ports;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The set-valued classifier ({@link CompiledFirewall#evaluate}, with its destination index) against the per-packet
 * linear scan ({@link LinearFirewallEvaluator}) on seeded random policies (parent and child, groups, collections,
 * network rules with prefixes, ranges, tags and FQDNs, application rules with wildcards and FQDN tags, DNAT) and
 * random flows with and without names: every sampled packet lands in exactly one part, whose verdict and deciding
 * rule are the linear scan's (DESIGN §5 "fast paths are checked against a simple, obviously-correct oracle").
 */
public class CompiledFirewallPropertiesTest {

  public static final ServiceTagLookup TAGS = ServiceTagLookup.of(Map.of(
      "Storage.WestEurope", IpSet.parse("20.60.0.0/16", "20.61.0.0/17"),
      "AzureActiveDirectory", IpSet.parse("20.190.128.0/18", "40.126.0.0/18"),
      "AzureCloud", IpSet.parse("20.0.0.0/8", "40.64.0.0/10")));

  static final String[] PREFIXES = {"10.0.0.0/8", "10.1.0.0/16", "10.1.1.0/24", "10.2.0.0/16", "20.60.0.0/16",
      "20.60.128.0/17", "20.190.128.0/18", "40.126.0.0/20", "0.0.0.0/0", "10.1.1.4", "20.60.1.1-20.60.2.200",
      "Storage.WestEurope", "AzureActiveDirectory", "AzureCloud", "NotATag"};
  static final String[] NAMES = {"api.github.com", "github.com", "x.blob.core.windows.net", "app.contoso.internal",
      "time.example.net", "login.microsoftonline.com"};
  static final String[] TARGETS = {"*.github.com", "github.com", "*github.com", "*", "*.blob.core.windows.net",
      "app.contoso.internal", "www.*.com"};

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void evaluate_equalsLinearScan(long seed) {
    Random r = new Random(seed);
    Topology base = new Scenarios().vnet("hub", "westeurope", "10.0.0.0/16")
        .subnet("AzureFirewallSubnet", "10.0.1.0/26").done().build();
    Extras x = new Extras(base).firewall("fw", "hub", "10.0.1.4", "20.50.0.10", "child", List.of(), List.of(),
        List.of())
        .zone("contoso.internal", List.of("hub"), "app=10.2.1.4", "db=10.2.1.5")
        .policy("parent", null, true, groups(r, "parent"))
        .policy("child", "parent", seed % 3 != 0, groups(r, "child"));
    Topology t = x.build();
    DnsView dns = new DnsView(t, TAGS);
    CompiledFirewall fw = FirewallCompiler.compile(t.azureFirewalls().values().iterator().next(), t, TAGS, dns);
    LinearFirewallEvaluator linear = new LinearFirewallEvaluator(fw);
    for (int q = 0; q < 30; q++) {
      FlowName name = r.nextInt(3) == 0 ? FlowName.NONE : new FlowName(Optional.of(NAMES[r.nextInt(NAMES.length)]),
          r.nextInt(4) == 0 ? ImmutableMap.of("time.example.net", IpAddress.parse("20.60.1.7")) : ImmutableMap.of(),
          r.nextBoolean());
      IpSet dst = IpSet.parse(pick(r, "10.2.0.0/16", "20.60.0.0/15", "20.190.128.0/17", "0.0.0.0/0", "20.60.1.7",
          "20.50.0.10", "10.1.1.0/24"));
      IpSet src = IpSet.parse(pick(r, "10.1.1.4", "10.1.0.0/16", "10.0.0.0/8", "192.168.0.0/24"));
      FlowSpace space = FlowSpace.union(FlowBox.of(src, dst, r.nextBoolean() ? FlowBox.ALL_PROTOCOLS
          : ImmutableSet.of(Protocol.TCP), Ports.ALL, r.nextBoolean() ? Ports.ALL : Ports.of(List.of(
              dev.vnetsim.model.PortRange.single(443), dev.vnetsim.model.PortRange.single(53)))));
      List<FirewallPart> parts = fw.evaluate(space, name);
      for (int k = 0; k < 60; k++) {
        Flow f = sample(r, space);
        List<FirewallPart> holding = parts.stream().filter(p -> p.space().contains(f)).toList();
        assertThat(holding).as("seed %d packet %s name %s: exactly one part", seed, f, name).hasSize(1);
        LinearFirewallEvaluator.Decision d = linear.decide(f, name);
        FirewallPart p = holding.get(0);
        assertThat(p.verdict()).as("seed %d packet %s name %s", seed, f, name).isEqualTo(d.verdict());
        assertThat(p.decidedBy().map(b -> b.ruleName()).orElse("-"))
            .as("seed %d packet %s name %s", seed, f, name)
            .isEqualTo(d.rule() == null ? CompiledFirewall.DEFAULT_ACTION : d.rule().decidedBy().ruleName());
      }
    }
  }

  /** Random rule collection groups for a policy (public: the engine tests reuse it). */
  public static RuleCollectionGroup[] groups(Random r, String policy) {
    List<RuleCollectionGroup> out = new ArrayList<>();
    int n = 1 + r.nextInt(3);
    for (int g = 0; g < n; g++) {
      List<RuleCollection> cs = new ArrayList<>();
      int m = 1 + r.nextInt(3);
      for (int c = 0; c < m; c++) {
        int kind = r.nextInt(5);
        FirewallAction a = r.nextBoolean() ? FirewallAction.ALLOW : FirewallAction.DENY;
        List<FirewallRule> rules = new ArrayList<>();
        for (int k = 0; k < 1 + r.nextInt(4); k++) {
          String name = "r" + g + c + k;
          if (kind == 0) {
            rules.add(Extras.dnat(name, "TCP", pick(r, "*", "198.51.100.0/24"), "20.50.0.10", pick(r, "443", "80"),
                "10.2.1.4", 8443));
          } else if (kind <= 2) {
            rules.add(Extras.net(name, pick(r, "TCP", "UDP", "ICMP", "Any", "TCP,UDP"), pick(r, PREFIXES),
                r.nextInt(4) == 0 ? "" : pick(r, PREFIXES), r.nextInt(2) == 0 ? pick(r, "app.contoso.internal",
                    "time.example.net", "x.blob.core.windows.net", "*.github.com") : "",
                pick(r, "*", "443", "53", "80,443", "1-1024")));
          } else if (r.nextInt(5) == 0) {
            rules.add(Extras.appTags(name, pick(r, PREFIXES), "Https:443", "WindowsUpdate"));
          } else {
            rules.add(Extras.app(name, pick(r, PREFIXES), pick(r, "Https:443", "Http:80,Https:443", "Mssql:1433"),
                pick(r, TARGETS) + (r.nextBoolean() ? "," + pick(r, TARGETS) : "")));
          }
        }
        if (kind == 0) {
          cs.add(Extras.collection(RuleCollection.Kind.NAT, "c" + c, 100 + r.nextInt(5) * 100, FirewallAction.DNAT,
              rules.toArray(new FirewallRule[0])));
        } else {
          cs.add(Extras.filter("c" + c, 100 + r.nextInt(5) * 100, a, rules.toArray(new FirewallRule[0])));
        }
      }
      out.add(Extras.group(policy, "g" + g, 100 + r.nextInt(5) * 100, cs.toArray(new RuleCollection[0])));
    }
    return out.toArray(new RuleCollectionGroup[0]);
  }

  private static String pick(Random r, String... options) {
    return options[r.nextInt(options.length)];
  }

  /** A random packet of the space: a box, then a random address, protocol and ports inside it. */
  private static Flow sample(Random r, FlowSpace space) {
    FlowBox b = space.boxes().get(r.nextInt(space.boxes().size()));
    Protocol p = b.protocols().asList().get(r.nextInt(b.protocols().size()));
    int port = b.hasPorts() ? pickPort(r, b) : 0;
    return new Flow(address(r, b.source()), address(r, b.destination()), p, 50000, port);
  }

  private static int pickPort(Random r, FlowBox b) {
    List<dev.vnetsim.model.PortRange> ranges = Ports.ranges(b.destinationPorts());
    dev.vnetsim.model.PortRange pr = ranges.get(r.nextInt(ranges.size()));
    int[] special = {53, 80, 443, 1433, 8443};
    for (int s : special) {
      if (r.nextInt(3) == 0 && s >= pr.from() && s <= pr.to()) {
        return s;
      }
    }
    return pr.from() + r.nextInt(pr.to() - pr.from() + 1);
  }

  private static IpAddress address(Random r, IpSet s) {
    long[] ranges = s.v4Ranges();
    int i = r.nextInt(ranges.length / 2) * 2;
    long span = ranges[i + 1] - ranges[i] + 1;
    long off = r.nextInt(4) == 0 ? 0 : (long) (r.nextDouble() * span);
    return IpAddress.v4(ranges[i] + Math.min(off, span - 1));
  }
}
