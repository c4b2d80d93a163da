package dev.vnetsim.simulator.whatif;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.io.change.ChangeSet;
import dev.vnetsim.model.io.change.ResourceChange;
import dev.vnetsim.simulator.engine.IncrementalCompiler;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import dev.vnetsim.simulator.trace.FlowBox;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The what-if analysis (DESIGN §3 {@code whatif}): compiles both sides of a {@link ChangeSet} with the same subnet
 * probes, then compares (a) every requirement row of every Azure ML compute ({@link RequirementFlows}), (b) the
 * user's intents and (c) the symbolic differential ({@link Differential}), each flow as one set-valued trace per side
 * cut into protocol and port classes ({@link PortClasses}). Traces are cached per side, so a flow asked for by several
 * sources is simulated once; a subnet's flows to service tags are cut from its Internet trace (one walk per subnet
 * instead of one per tag) when the tag lies inside that subnet's Internet. The requirement rows' after side
 * ({@link RequirementChanges}, with the differential's plan alongside) and then the differential's traces
 * ({@link DifferentialChanges}) are worked out as independent tasks on every processor ({@link Workers}); the changes
 * are put together in the same order whatever the threads did.
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
      Optional<IncrementalCompiler> compiler, long maxFlows) {

    /**
     * How many flows the differential compares at most by default: a change that may affect every flow of 1,000
     * VNets names a hundred million, which no memory holds and no run finishes; two million take about a minute here.
     */
    public static final long DEFAULT_MAX_FLOWS = 2_000_000;

    /** Options that keep nothing between analyses. */
    public Options(ServiceTagLookup tags, EndpointParser parser, ImmutableList<Intent> intents,
        RequirementFlows requirements, String beforeSource, String afterSource, boolean incremental) {
      this(tags, parser, intents, requirements, beforeSource, afterSource, incremental, Memo.none(),
          Optional.empty(), DEFAULT_MAX_FLOWS);
    }

    public Options withIncremental(boolean on) {
      return new Options(tags, parser, intents, requirements, beforeSource, afterSource, on, memo, compiler,
          maxFlows);
    }

    public Options withMemo(Memo m) {
      return new Options(tags, parser, intents, requirements, beforeSource, afterSource, incremental, m, compiler,
          maxFlows);
    }

    /** At most {@code n} flows compared by the differential ({@link TooManyFlows} beyond). */
    public Options withMaxFlows(long n) {
      return new Options(tags, parser, intents, requirements, beforeSource, afterSource, incremental, memo, compiler,
          n);
    }

    /**
     * The compiler of the before side when incremental: the topology as read is compiled once (the root, which the
     * requirement rows' compute probes are recompiled from when they share it, see {@link AmlRequirements}), and the
     * side with its subnet probes is recompiled from it. Without one, an incremental analysis makes its own.
     */
    public Options withCompiler(IncrementalCompiler c) {
      return new Options(tags, parser, intents, requirements, beforeSource, afterSource, incremental, memo,
          Optional.of(c), maxFlows);
    }
  }

  /** The differential would compare more flows than {@link Options#maxFlows} allows; nothing was simulated. */
  public static final class TooManyFlows extends RuntimeException {
    TooManyFlows(long total, long max) {
      super(String.format("the differential would compare more than %,d of its %,d flows (a change that can move"
          + " addresses, routes or tags anywhere, or one where much of the traffic passes, may affect them all);"
          + " nothing was simulated: raise --max-flows to compare them", max, total));
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
    SidePair sides = new SidePair(before, after, o.incremental() ? Impact.of(changes, before, after)
        : Impact.everything());
    RequirementChanges rows = RequirementChanges.plan(changes, o, sides);
    List<Grouping.Raw> intentChanges = new ArrayList<>();
    long flows = intents(sides, changes.changes(), o.intents(), intentChanges);
    // the differential's plan (one task, first) alongside the rows' after side, then the differential's traces
    AtomicReference<DifferentialChanges> planned = new AtomicReference<>();
    Workers.forEach(1 + rows.tasks(), i -> {
      if (i == 0) {
        planned.set(DifferentialChanges.plan(sides, changes.changes(), o.incremental() ? Optional.of(o.memo())
            : Optional.empty(), sliceTags, o.maxFlows()));
      } else {
        rows.run(i - 1);
      }
    });
    DifferentialChanges differential = planned.get();
    Workers.forEach(differential.tasks(), differential::run);
    List<Grouping.Raw> raw = new ArrayList<>();
    flows += rows.addTo(raw);
    raw.addAll(intentChanges);
    flows += differential.addTo(raw);
    ImmutableList<FlowChange> grouped = Grouping.group(raw);
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new WhatIfReport(summary(o.beforeSource(), changes.before()), summary(o.afterSource(), changes.after()),
        grouped, new WhatIfReport.Stats(flows, before.simulated() + after.simulated(), millis));
  }

  private static WhatIfReport.SideSummary summary(String source, Topology t) {
    return new WhatIfReport.SideSummary(source, t.resourceCounts());
  }

  private static int intents(SidePair sides, List<ResourceChange> changes, List<Intent> intents,
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

  static void add(List<Grouping.Raw> raw, FlowChange.Source source, Optional<String> name, String from,
      String to, String protocol, List<PortRange> ports, List<Difference> differences, List<ResourceChange> changes) {
    for (Difference d : differences) {
      raw.add(new Grouping.Raw(d.kind(), source, name, from, to, protocol, ports, FlowChange.Verdict.of(d.before()),
          FlowChange.Verdict.of(d.after()), Causes.of(changes, d.before(), d.after())));
    }
  }
}
