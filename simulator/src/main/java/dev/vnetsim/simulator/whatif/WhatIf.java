package dev.vnetsim.simulator.whatif;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Sets;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.io.change.ChangeSet;
import dev.vnetsim.model.io.change.ResourceChange;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.FlowSpace;
import dev.vnetsim.simulator.trace.Ports;
import dev.vnetsim.simulator.trace.Trace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The what-if analysis (DESIGN §3 {@code whatif}): compiles both sides of a {@link ChangeSet} with the same subnet
 * probes, then compares (a) every requirement row of every Azure ML compute ({@link RequirementFlows}), (b) the
 * user's intents and (c) the symbolic differential ({@link Differential}), each flow as one set-valued trace per side
 * cut into protocol and port classes ({@link PortClasses}). Traces are cached per side, so a flow asked for by several
 * sources is simulated once.
 */
public final class WhatIf {
  private WhatIf() {}

  /** Everything the analysis reads besides the change set. */
  public record Options(ServiceTagLookup tags, EndpointParser parser, ImmutableList<Intent> intents,
      RequirementFlows requirements, String beforeSource, String afterSource) {}

  public static WhatIfReport analyse(ChangeSet changes, Options o) {
    long start = System.nanoTime();
    List<Topology> topologies = List.of(changes.before(), changes.after());
    ImmutableMap<ResourceId, SubnetProbe> probes = Probes.planAll(topologies);
    Side before = Side.compile(changes.before(), o.tags(), probes, o.parser());
    Side after = Side.compile(changes.after(), o.tags(), probes, o.parser());
    List<Grouping.Raw> raw = new ArrayList<>();
    int flows = requirements(changes, o, raw);
    flows += intents(before, after, changes.changes(), o.intents(), raw);
    flows += differential(before, after, changes.changes(), topologies, raw);
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new WhatIfReport(summary(o.beforeSource(), changes.before()), summary(o.afterSource(), changes.after()),
        Grouping.group(raw), new WhatIfReport.Stats(flows, before.simulated() + after.simulated(), millis));
  }

  private static WhatIfReport.SideSummary summary(String source, Topology t) {
    return new WhatIfReport.SideSummary(source, t.resourceCounts());
  }

  private static int requirements(ChangeSet changes, Options o, List<Grouping.Raw> raw) {
    Map<String, RequirementFlow> before = new LinkedHashMap<>();
    o.requirements().evaluate(changes.before(), o.tags()).forEach(r -> before.put(r.key(), r));
    int n = 0;
    for (RequirementFlow a : o.requirements().evaluate(changes.after(), o.tags())) {
      RequirementFlow b = before.get(a.key());
      if (b == null) {
        continue;
      }
      n++;
      List<PortRange> ports = new ArrayList<>();
      a.ports().forEach(p -> ports.add(PortRange.parse(p)));
      add(raw, FlowChange.Source.REQUIREMENT, Optional.of(a.key()), a.from(), a.to(), a.protocol(), ports,
          b.trace(), a.trace(), Optional.empty(), changes.changes());
    }
    return n;
  }

  private static int intents(Side before, Side after, List<ResourceChange> changes, List<Intent> intents,
      List<Grouping.Raw> raw) {
    for (Intent i : intents) {
      Site from = new Site.Text(i.from());
      Site to = new Site.Text(i.to());
      check(i, "from", from, before, after);
      check(i, "to", to, before, after);
      FlowRequest r = new FlowRequest(from, to, FlowBox.expand(i.protocol()), i.portSet());
      List<PortRange> ports = i.ports().isEmpty() && i.protocol() != Protocol.ICMP ? List.of(PortRange.ALL)
          : i.ports();
      add(raw, FlowChange.Source.INTENT, Optional.of(i.name()), i.from(), i.to(), i.protocolText(), ports,
          before.trace(r), after.trace(r), Optional.empty(), changes);
    }
    return intents.size();
  }

  /** An intent's endpoint must name something on at least one side (else the intents file is wrong). */
  private static void check(Intent i, String key, Site site, Side before, Side after) {
    try {
      before.check(site);
    } catch (IllegalArgumentException e) {
      try {
        after.check(site);
      } catch (IllegalArgumentException e2) {
        throw new InvalidTopologyException(i.at().key(key), e.getMessage());
      }
    }
  }

  private static int differential(Side before, Side after, List<ResourceChange> changes, List<Topology> topologies,
      List<Grouping.Raw> raw) {
    Map<Protocol, List<PortRange>> classes = new LinkedHashMap<>();
    classes.put(Protocol.TCP, PortClasses.of(Protocol.TCP, topologies));
    classes.put(Protocol.UDP, PortClasses.of(Protocol.UDP, topologies));
    classes.put(Protocol.ICMP, List.of());
    ImmutableList<FlowRequest> requests = Differential.requests(before, after);
    for (FlowRequest r : requests) {
      Trace b = before.trace(r);
      Trace a = after.trace(r);
      if (Difference.between(b, a, Optional.empty()).isEmpty()) {
        continue;
      }
      classes.forEach((protocol, ranges) -> {
        if (ranges.isEmpty()) {
          FlowSpace scope = FlowSpace.of(new FlowBox(IpSet.ALL, IpSet.ALL, Sets.immutableEnumSet(protocol), Ports.ALL,
              Ports.ALL));
          add(raw, FlowChange.Source.DIFFERENTIAL, Optional.empty(), r.from().text(), r.to().text(), protocol.name(),
              List.of(), b, a, Optional.of(scope), changes);
        }
        for (PortRange c : ranges) {
          FlowSpace scope = FlowSpace.of(new FlowBox(IpSet.ALL, IpSet.ALL, Sets.immutableEnumSet(protocol), Ports.ALL,
              Ports.of(List.of(c))));
          add(raw, FlowChange.Source.DIFFERENTIAL, Optional.empty(), r.from().text(), r.to().text(), protocol.name(),
              List.of(c), b, a, Optional.of(scope), changes);
        }
      });
    }
    return requests.size();
  }

  private static void add(List<Grouping.Raw> raw, FlowChange.Source source, Optional<String> name, String from,
      String to, String protocol, List<PortRange> ports, Trace before, Trace after, Optional<FlowSpace> scope,
      List<ResourceChange> changes) {
    for (Difference d : Difference.between(before, after, scope)) {
      raw.add(new Grouping.Raw(d.kind(), source, name, from, to, protocol, ports, FlowChange.Verdict.of(d.before()),
          FlowChange.Verdict.of(d.after()), Causes.of(changes, d.before(), d.after())));
    }
  }
}
