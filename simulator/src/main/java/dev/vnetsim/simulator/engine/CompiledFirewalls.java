package dev.vnetsim.simulator.engine;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.firewall.AzureFirewall;
import dev.vnetsim.simulator.dns.DnsView;
import dev.vnetsim.simulator.dns.FlowName;
import dev.vnetsim.simulator.firewall.CompiledFirewall;
import dev.vnetsim.simulator.firewall.FirewallChoice;
import dev.vnetsim.simulator.firewall.FirewallCompiler;
import dev.vnetsim.simulator.firewall.FirewallPart;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data plane's firewall stage: each Azure Firewall's rules compiled once ({@link FirewallCompiler}, on first use)
 * and evaluated set-valued ({@link CompiledFirewall#evaluate}); the modelling choices each answer rests on are named
 * with their {@link Assumptions} text.
 */
public final class CompiledFirewalls implements FirewallStage {

  private final Topology topology;
  private final ServiceTagLookup tags;
  private final DnsView dns;
  private final Map<ResourceId, CompiledFirewall> compiled = new ConcurrentHashMap<>();

  public CompiledFirewalls(Topology topology, ServiceTagLookup tags, DnsView dns) {
    this.topology = topology;
    this.tags = tags;
    this.dns = dns;
  }

  /** The compiled form of a firewall (compiled on first use, then shared). */
  public CompiledFirewall compiled(AzureFirewall fw) {
    return compiled.computeIfAbsent(fw.id(), id -> FirewallCompiler.compile(fw, topology, tags, dns));
  }

  @Override
  public List<Outcome> evaluate(AzureFirewall fw, dev.vnetsim.simulator.trace.FlowSpace space, FlowName name) {
    List<Outcome> out = new ArrayList<>();
    for (FirewallPart p : compiled(fw).evaluate(space, name)) {
      Verdict v = switch (p.verdict()) {
        case ALLOW -> Verdict.ALLOW;
        case DENY -> Verdict.DENY;
        case UNKNOWN -> Verdict.UNKNOWN;
      };
      ImmutableList.Builder<String> assumptions = ImmutableList.builder();
      for (FirewallChoice c : p.choices()) {
        assumptions.add(Assumptions.valueOf(c.name()).line());
      }
      out.add(new Outcome(p.space(), v, p.decidedBy(), p.detail(), p.snat(),
          p.dnat().flatMap(d -> d.address().map(a -> new Translation(a, d.port()))), assumptions.build()));
    }
    return out;
  }
}
