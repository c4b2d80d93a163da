package dev.vnetsim.simulator.whatif;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableRangeSet;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.compute.AmlCompute;
import dev.vnetsim.model.io.change.ChangeSet;
import dev.vnetsim.model.io.change.ResourceChange;
import dev.vnetsim.simulator.engine.IncrementalCompiler;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.Part;
import dev.vnetsim.simulator.trace.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The what-if analysis (DESIGN §3 {@code whatif}): compiles both sides of a {@link ChangeSet} with the same subnet
 * probes, then compares (a) every requirement row of every Azure ML compute ({@link RequirementFlows}), (b) the
 * user's intents and (c) the symbolic differential ({@link Differential}), each flow as one set-valued trace per side
 * cut into protocol and port classes ({@link PortClasses}). Traces are cached per side, so a flow asked for by several
 * sources is simulated once; a subnet's flows to service tags are cut from its Internet trace (one walk per subnet
 * instead of one per tag) when the tag lies inside that subnet's Internet.
 */
public final class WhatIf {
  private WhatIf() {}

  /**
   * Everything the analysis reads besides the change set. With {@code incremental}, the after side's data plane is
   * recompiled from the before side's ({@link Side#recompile}: only the planes a local change touches), and an after
   * trace is taken from the before side when the before trace touches nothing the change made dirty ({@link Impact});
   * without, both sides are compiled in full and every flow is simulated on both (the answers are the same; tests
   * check it on seeded random changes).
   */
  public record Options(ServiceTagLookup tags, EndpointParser parser, ImmutableList<Intent> intents,
      RequirementFlows requirements, String beforeSource, String afterSource, boolean incremental, Memo memo,
      Optional<IncrementalCompiler> compiler) {

    /** Options that keep nothing between analyses. */
    public Options(ServiceTagLookup tags, EndpointParser parser, ImmutableList<Intent> intents,
        RequirementFlows requirements, String beforeSource, String afterSource, boolean incremental) {
      this(tags, parser, intents, requirements, beforeSource, afterSource, incremental, Memo.none(),
          Optional.empty());
    }

    public Options withIncremental(boolean on) {
      return new Options(tags, parser, intents, requirements, beforeSource, afterSource, on, memo, compiler);
    }

    public Options withMemo(Memo m) {
      return new Options(tags, parser, intents, requirements, beforeSource, afterSource, incremental, m, compiler);
    }

    /**
     * The compiler of the before side when incremental: the topology as read is compiled once (the root, which the
     * requirement rows' compute probes are recompiled from when they share it, see {@link AmlRequirements}), and the
     * side with its subnet probes is recompiled from it. Without one, an incremental analysis makes its own.
     */
    public Options withCompiler(IncrementalCompiler c) {
      return new Options(tags, parser, intents, requirements, beforeSource, afterSource, incremental, memo,
          Optional.of(c));
    }
  }

  public static WhatIfReport analyse(ChangeSet changes, Options o) {
    return analyse(changes, o, true);
  }

  /** With {@code sliceTags} false, every flow to a service tag is simulated on its own (the reference for tests). */
  static WhatIfReport analyse(ChangeSet changes, Options o, boolean sliceTags) {
    long start = System.nanoTime();
    List<Topology> topologies = List.of(changes.before(), changes.after());
    ImmutableMap<ResourceId, SubnetProbe> probes = o.incremental()
        ? Probes.planAll(changes.before(), changes.after(), o.memo()) : Probes.planAll(topologies);
    Side before = o.memo().get("whatif.before", List.of(new Memo.Same(changes.before()), new Memo.Same(o.tags()),
        new Memo.Same(o.parser()), probes), () -> o.incremental()
            ? Side.compile(changes.before(), o.compiler().orElseGet(() -> new IncrementalCompiler(o.tags())), probes,
                o.parser())
            : Side.compile(changes.before(), o.tags(), probes, o.parser())).fresh();
    Side after = o.incremental()
        ? Side.recompile(before, changes.after(), changes.changes().stream().map(ResourceChange::resourceId).toList())
        : Side.compile(changes.after(), o.tags(), probes, o.parser());
    Pair sides = new Pair(before, after, o.incremental() ? Impact.of(changes, before, after) : Impact.everything());
    List<Grouping.Raw> raw = new ArrayList<>();
    long flows = requirements(changes, o, sides, raw);
    flows += intents(sides, changes.changes(), o.intents(), raw);
    flows += differential(sides, changes.changes(), o.incremental() ? Optional.of(o.memo()) : Optional.empty(), raw,
        sliceTags);
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new WhatIfReport(summary(o.beforeSource(), changes.before()), summary(o.afterSource(), changes.after()),
        Grouping.group(raw), new WhatIfReport.Stats(flows, before.simulated() + after.simulated(), millis));
  }

  /**
   * Both sides; {@link #after(FlowRequest, Trace)} reuses the before trace where the change cannot reach it (never for
   * a site the before side does not have, which the change may add).
   */
  private record Pair(Side before, Side after, Impact impact) {
    Trace after(FlowRequest r, Trace beforeTrace) {
      return !Side.isMissingSite(beforeTrace) && impact.unaffected(beforeTrace) ? beforeTrace : after.trace(r);
    }
  }

  private static WhatIfReport.SideSummary summary(String source, Topology t) {
    return new WhatIfReport.SideSummary(source, t.resourceCounts());
  }

  /**
   * Requirement rows of the computes the change may affect (every compute when it is not incremental). A compute's
   * rows are evaluated on the after side only when one of its before rows may change ({@link Impact#unaffectedRow});
   * the before rows are kept in the memo (a resident process evaluates them once per before side, in its preload).
   */
  private static int requirements(ChangeSet changes, Options o, Pair sides, List<Grouping.Raw> raw) {
    boolean warm = changes.changes().isEmpty() && o.memo().keeps(); // a preload: every compute's before rows
    Predicate<AmlCompute> which = warm ? c -> true : sides.impact().computes(sides.before(), sides.after());
    Map<ResourceId, ImmutableList<RequirementFlow>> kept = o.memo().get("whatif.requirement-rows", List.of(
        new Memo.Same(changes.before()), new Memo.Same(o.requirements()), new Memo.Same(o.tags())), HashMap::new);
    Map<String, RequirementFlow> before = new LinkedHashMap<>();
    Set<ResourceId> again = new HashSet<>();
    int n = 0;
    for (AmlCompute c : changes.before().amlComputes().values()) {
      if (!which.test(c)) {
        continue;
      }
      ImmutableList<RequirementFlow> rows = kept.computeIfAbsent(c.id(), id -> o.requirements()
          .evaluate(changes.before(), o.tags(), x -> x.id().equals(id)));
      if (rows.stream().allMatch(r -> sides.impact().unaffectedRow(r.trace(), sides.before(), sides.after()))) {
        n += warm ? 0 : rows.size(); // the same rows on both sides (a preload counts none, as a one-shot run)
        continue;
      }
      again.add(c.id());
      rows.forEach(r -> before.put(r.key(), r));
    }
    for (RequirementFlow a : o.requirements().evaluate(changes.after(), o.tags(), c -> again.contains(c.id()))) {
      RequirementFlow b = before.get(a.key());
      if (b == null) {
        continue;
      }
      n++;
      List<PortRange> ports = new ArrayList<>();
      a.ports().forEach(p -> ports.add(PortRange.parse(p)));
      add(raw, FlowChange.Source.REQUIREMENT, Optional.of(a.key()), a.from(), a.to(), a.protocol(), ports,
          Difference.between(b.trace(), a.trace()), changes.changes());
    }
    return n;
  }

  private static int intents(Pair sides, List<ResourceChange> changes, List<Intent> intents,
      List<Grouping.Raw> raw) {
    Side before = sides.before();
    Side after = sides.after();
    for (Intent i : intents) {
      Site from = new Site.Text(i.from());
      Site to = new Site.Text(i.to());
      check(i, "from", from, before, after);
      check(i, "to", to, before, after);
      FlowRequest r = new FlowRequest(from, to, FlowBox.expand(i.protocol()), i.portSet());
      List<PortRange> ports = i.ports().isEmpty() && i.protocol() != Protocol.ICMP ? List.of(PortRange.ALL)
          : i.ports();
      add(raw, FlowChange.Source.INTENT, Optional.of(i.name()), i.from(), i.to(), i.protocolText(), ports,
          Difference.between(before.trace(r), sides.after(r, before.trace(r))), changes);
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

  /**
   * The differential's changes; with a {@code memo} (incremental), port classes and service tags are worked out from
   * the before side's and the after side's changed resources only (the same lists, see {@link PortClasses#of}).
   */
  private static long differential(Pair sides, List<ResourceChange> changes, Optional<Memo> memo,
      List<Grouping.Raw> raw, boolean sliceTags) {
    Topology tb = sides.before().topology();
    Topology ta = sides.after().topology();
    List<Topology> both = List.of(tb, ta);
    Map<Protocol, List<PortRange>> classes = new LinkedHashMap<>();
    for (Protocol p : List.of(Protocol.TCP, Protocol.UDP)) {
      classes.put(p, memo.isPresent() ? PortClasses.of(p, tb, ta, memo.get()) : PortClasses.of(p, both));
    }
    classes.put(Protocol.ICMP, List.of());
    List<String> tags = memo.isPresent() ? Differential.serviceTags(tb, ta, memo.get())
        : Differential.serviceTags(both);
    Differential.Focus focus = sides.impact().focus(sides.before(), sides.after());
    Map<Map.Entry<Protocol, ImmutableRangeSet<Integer>>, List<PortRange>> meetingClasses = new HashMap<>();
    Differential.Requests requests = Differential.requests(sides.before(), sides.after(), focus, tags);
    Map<Site, Optional<FlowRequest>> internetNarrowed = new HashMap<>(); // by source, for its tags' slices
    for (FlowRequest r : requests.kept()) {
      Optional<IpSet> tag = sliceTags ? Differential.tagInsideInternet(sides.before(), r) : Optional.empty();
      boolean slice = tag.isPresent() && tag.equals(Differential.tagInsideInternet(sides.after(), r));
      FlowRequest asked = slice ? Differential.internetRequest(r) : r;
      FlowRequest simulated = narrowed(focus, r, asked, slice ? tag : Optional.empty(), internetNarrowed)
          .orElse(asked);
      Trace before = sides.before().trace(simulated);
      Trace after = sides.after(simulated, before);
      if (before == after || before.equals(after)) {
        continue;
      }
      Trace b = slice ? cut(before, tag.get()) : before;
      Trace a = slice ? cut(after, tag.get()) : after;
      if (Difference.between(b, a).isEmpty()) {
        continue;
      }
      classes.forEach((protocol, ranges) -> {
        if (!simulated.protocols().contains(protocol)) {
          return;
        }
        // a class without packets in the simulated ports has none that changed
        List<PortRange> meeting = meetingClasses.computeIfAbsent(Map.entry(protocol, simulated.ports()),
            k -> classesMeeting(protocol, ranges, simulated.ports()));
        for (ClassDifferences.Group g : ClassDifferences.of(b, a, protocol, meeting, memo.isPresent())) {
          add(raw, FlowChange.Source.DIFFERENTIAL, Optional.empty(), r.from().text(), r.to().text(), protocol.name(),
              protocol.hasPorts() ? g.ports() : List.of(), g.differences(), changes);
        }
      });
    }
    return requests.total();
  }

  /**
   * A flow that may change only at a firewall is simulated only for the packets a changed rule can match: the others
   * answer the same on both sides, so the differences of these traces are those of the whole flow. A service tag's
   * slice of the source's Internet trace takes the Internet flow's packets when that flow may change only at a
   * firewall too: they hold the tag's (the tag lies inside that Internet, and every rule that meets the tag meets the
   * Internet), so the Internet flow and each of its tags share one narrowed trace per side. That request is worked
   * out once per source ({@code internetNarrowed}).
   */
  private static Optional<FlowRequest> narrowed(Differential.Focus focus, FlowRequest r, FlowRequest asked,
      Optional<IpSet> slicedTag, Map<Site, Optional<FlowRequest>> internetNarrowed) {
    Optional<FirewallExposure.Packets> own = focus.onlyAtFirewalls(r.from(), r.to());
    if (own.isPresent() && slicedTag.isPresent()) {
      Optional<FlowRequest> internet = internetNarrowed.computeIfAbsent(r.from(), from -> focus
          .onlyAtFirewalls(from, Differential.INTERNET).map(p -> p.narrow(asked, Optional.empty())));
      if (internet.isPresent()) {
        return internet;
      }
    }
    return own.map(p -> p.narrow(asked, slicedTag));
  }

  /** The port classes of a protocol (all ports when it has none) that meet some of {@code ports}. */
  private static List<PortRange> classesMeeting(Protocol protocol, List<PortRange> classes,
      ImmutableRangeSet<Integer> ports) {
    List<PortRange> all = classes.isEmpty() ? List.of(PortRange.ALL) : classes;
    if (!protocol.hasPorts() || ports.encloses(PortRange.ALL.toRange())) {
      return all;
    }
    return all.stream().filter(c -> ports.intersects(c.toRange())).toList();
  }

  /** A trace cut to some destinations: its parts there (the top-level answer is kept for a trace without parts). */
  static Trace cut(Trace t, IpSet destinations) {
    ImmutableList.Builder<Part> parts = ImmutableList.builder();
    for (Outcome.Piece p : Outcome.of(t, Scope.to(destinations)).pieces()) {
      parts.add(new Part(p.space(), p.disposition(), p.decidedBy(), p.hops(), p.egress()));
    }
    return new Trace(t.space(), t.disposition(), t.decidedBy(), t.hops(), parts.build(), t.coverage(),
        t.notApplicable(), t.egress(), t.assumptions());
  }

  private static void add(List<Grouping.Raw> raw, FlowChange.Source source, Optional<String> name, String from,
      String to, String protocol, List<PortRange> ports, List<Difference> differences, List<ResourceChange> changes) {
    for (Difference d : differences) {
      raw.add(new Grouping.Raw(d.kind(), source, name, from, to, protocol, ports, FlowChange.Verdict.of(d.before()),
          FlowChange.Verdict.of(d.after()), Causes.of(changes, d.before(), d.after())));
    }
  }
}
