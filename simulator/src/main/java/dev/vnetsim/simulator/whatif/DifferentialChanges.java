package dev.vnetsim.simulator.whatif;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableRangeSet;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.io.change.ResourceChange;
import dev.vnetsim.simulator.engine.Endpoint;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.FlowSpace;
import dev.vnetsim.simulator.trace.Part;
import dev.vnetsim.simulator.trace.Trace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The differential's changes (DESIGN §3 {@code whatif} (c)): each flow {@link Differential#requests} keeps, traced on
 * both sides and compared by protocol and port class. In three steps, so that the traces, which cost the most, can run
 * on every processor ({@link Workers}, driven by {@link WhatIf}) while the answer does not depend on the threads:
 * <ol>
 *   <li>{@link #plan}: what each flow simulates, in order on one thread (the focus and the sides' tag answers keep
 *       caches);
 *   <li>{@link #run}, a task per distinct simulated request: its two traces and the differences of the flows that
 *       share it (a trace reads only the compiled planes, which are immutable; {@link Side#traceOnce} is
 *       thread-safe and keeps nothing, for no request is asked for twice);
 *   <li>{@link #addTo}: the differences in the flows' order.
 * </ol>
 */
final class DifferentialChanges {
  private final SidePair sides;
  private final List<ResourceChange> changes;
  private final boolean fast;
  private final Map<Protocol, List<PortRange>> classes;
  private final long total;
  private final List<Job> jobs;
  /** The jobs by the request they simulate: one task each. */
  private final List<List<Integer>> tasks;
  private final List<List<Grouping.Raw>> byJob;
  private final Map<Map.Entry<Protocol, ImmutableRangeSet<Integer>>, List<PortRange>> meetingClasses =
      new ConcurrentHashMap<>();

  /** A flow of the differential, what is simulated for it, and the tag its trace is cut to (a tag's slice). */
  private record Job(FlowRequest request, FlowRequest simulated, Optional<IpSet> slicedTag) {}

  private DifferentialChanges(SidePair sides, List<ResourceChange> changes, boolean fast,
      Map<Protocol, List<PortRange>> classes, long total, List<Job> jobs) {
    this.sides = sides;
    this.changes = changes;
    this.fast = fast;
    this.classes = classes;
    this.total = total;
    this.jobs = jobs;
    Map<FlowRequest, List<Integer>> bySimulated = new IdentityHashMap<>(); // jobs that share a request share it
    List<List<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      List<Integer> task = bySimulated.computeIfAbsent(jobs.get(i).simulated(), k -> new ArrayList<>());
      if (task.isEmpty()) {
        tasks.add(task);
      }
      task.add(i);
    }
    this.tasks = tasks;
    this.byJob = new ArrayList<>(Collections.nCopies(jobs.size(), List.of()));
  }

  /**
   * Step 1: the flows and what each simulates ({@link WhatIf.TooManyFlows} when more than {@code maxFlows} may
   * change). With a {@code memo} (incremental), port classes and service tags are worked out from the before side's
   * and the after side's changed resources only (the same lists, see {@link PortClasses#of}).
   */
  static DifferentialChanges plan(SidePair sides, List<ResourceChange> changes, Optional<Memo> memo,
      boolean sliceTags, long maxFlows) {
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
    Differential.Requests requests = Differential.requests(sides.before(), sides.after(), focus, tags, maxFlows);
    return new DifferentialChanges(sides, changes, memo.isPresent(), classes, requests.total(),
        jobs(sides, focus, requests.kept(), sliceTags));
  }

  /** How many tasks step 2 has (distinct simulated requests). */
  int tasks() {
    return tasks.size();
  }

  /** Step 2, one task: the two traces of a simulated request and the differences of the flows that share it. */
  void run(int task) {
    List<Integer> shared = tasks.get(task);
    FlowRequest simulated = jobs.get(shared.get(0)).simulated();
    Trace before = sides.before().traceOnce(simulated); // a task per simulated request: none is asked for again
    Trace after = sides.afterOnce(simulated, before);
    if (before == after || before.equals(after)) {
      return;
    }
    Map<Protocol, List<ClassDifferences.Group>> uncut = null; // the groups of the traces as simulated
    for (int j : shared) {
      Job job = jobs.get(j);
      Trace b = job.slicedTag().map(t -> cut(before, t)).orElse(before);
      Trace a = job.slicedTag().map(t -> cut(after, t)).orElse(after);
      Map<Protocol, List<ClassDifferences.Group>> groups;
      if (b == before && a == after) { // the flow itself, or a slice that cuts nothing off: the same groups
        uncut = uncut != null ? uncut : groups(before, after, job.simulated());
        groups = uncut;
      } else {
        groups = groups(b, a, job.simulated());
      }
      List<Grouping.Raw> out = new ArrayList<>();
      FlowRequest r = job.request();
      boolean oneSided = oneSided(r.from()) || oneSided(r.to());
      groups.forEach((protocol, gs) -> gs.forEach(g -> WhatIf.add(out, FlowChange.Source.DIFFERENTIAL,
          Optional.empty(), r.from().text(), r.to().text(), protocol.name(), protocol.hasPorts() ? g.ports()
              : List.of(), oneSided ? workingOnOneSide(g.differences()) : g.differences(), changes)));
      byJob.set(j, out); // tasks share no job: no two write the same slot
    }
  }

  /**
   * Whether a site exists on one side only: a subnet, NIC or public IP added or removed. Its flows did not exist on the
   * other side, whose trace says so ({@code INSUFFICIENT_INFO}); they are reported only where they work on one side
   * ({@link #workingOnOneSide}).
   */
  private boolean oneSided(Site site) {
    return exists(sides.before().topology(), site) != exists(sides.after().topology(), site);
  }

  private static boolean exists(Topology t, Site site) {
    if (site instanceof Site.SubnetSite s) {
      return t.subnet(s.subnet()).isPresent();
    }
    if (site instanceof Site.Fixed f && f.endpoint() instanceof Endpoint.Nic n) {
      return t.networkInterfaces().containsKey(n.id());
    }
    if (site instanceof Site.Fixed f && f.endpoint() instanceof Endpoint.PublicIp p) {
      return t.publicIpAddresses().containsKey(p.id());
    }
    return true;
  }

  /**
   * The differences of a flow with an end that exists on one side only: those where it works on one side (OPENED to a
   * new subnet, NIC or public IP; BROKEN to a removed one). A new end that stays unreachable is no change of a flow
   * that existed: on a large estate a new VNet's subnets would otherwise list every subnet that cannot reach them.
   */
  private static List<Difference> workingOnOneSide(List<Difference> differences) {
    return differences.stream().filter(d -> d.kind() != FlowChange.Kind.CHANGED).toList();
  }

  /** Step 3, once every task has run: adds the changes to {@code raw}; returns how many flows it covers. */
  long addTo(List<Grouping.Raw> raw) {
    byJob.forEach(raw::addAll);
    return total;
  }

  /** What each request simulates: its own packets, or for a tag's slice the source's Internet flow's. */
  private static List<Job> jobs(SidePair sides, Differential.Focus focus, List<FlowRequest> requests,
      boolean sliceTags) {
    List<Job> jobs = new ArrayList<>(requests.size());
    Map<Site, Optional<FlowRequest>> internetNarrowed = new HashMap<>(); // by source, for its tags' slices
    Map<Site, FlowRequest> internet = new HashMap<>(); // by source: one instance, which its slices share
    for (FlowRequest r : requests) {
      Optional<IpSet> tag = sliceTags ? Differential.tagInsideInternet(sides.before(), r) : Optional.empty();
      boolean slice = tag.isPresent() && tag.equals(Differential.tagInsideInternet(sides.after(), r));
      FlowRequest asked = slice || r.to().equals(Differential.INTERNET)
          ? internet.computeIfAbsent(r.from(), from -> Differential.internetRequest(r)) : r;
      Optional<IpSet> sliced = slice ? tag : Optional.empty();
      jobs.add(new Job(r, narrowed(focus, r, asked, sliced, internetNarrowed).orElse(asked), sliced));
    }
    return jobs;
  }

  /** One flow's differences by protocol, its port classes grouped by answer, given the traces it compares. */
  private Map<Protocol, List<ClassDifferences.Group>> groups(Trace b, Trace a, FlowRequest simulated) {
    Map<Protocol, List<ClassDifferences.Group>> out = new LinkedHashMap<>();
    if (Difference.between(b, a).isEmpty()) {
      return out;
    }
    classes.forEach((protocol, ranges) -> {
      if (!simulated.protocols().contains(protocol)) {
        return;
      }
      // a class without packets in the simulated ports has none that changed
      List<PortRange> meeting = meetingClasses.computeIfAbsent(Map.entry(protocol, simulated.ports()),
          k -> classesMeeting(protocol, ranges, simulated.ports()));
      out.put(protocol, ClassDifferences.of(b, a, protocol, meeting, fast));
    });
    return out;
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
    if (own.isPresent() && asked.to().equals(Differential.INTERNET)) { // the Internet flow, or a tag's slice of it
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

  private static boolean within(FlowSpace s, IpSet destinations) {
    for (FlowBox b : s.boxes()) {
      if (!destinations.containsAll(b.destination())) {
        return false;
      }
    }
    return true;
  }

  /** A trace cut to some destinations: its parts there (the top-level answer is kept for a trace without parts). */
  static Trace cut(Trace t, IpSet destinations) {
    if (!t.parts().isEmpty() && t.parts().stream().allMatch(p -> within(p.space(), destinations))) {
      return t; // its parts as they are, in the same order (the engine orders parts as a cut does)
    }
    ImmutableList.Builder<Part> parts = ImmutableList.builder();
    for (Outcome.Piece p : Outcome.of(t, Scope.to(destinations)).pieces()) {
      parts.add(new Part(p.space(), p.disposition(), p.decidedBy(), p.hops(), p.egress()));
    }
    return new Trace(t.space(), t.disposition(), t.decidedBy(), t.hops(), parts.build(), t.coverage(),
        t.notApplicable(), t.egress(), t.assumptions());
  }

}
