package dev.vnetsim.simulator.whatif;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.simulator.engine.DataPlane;
import dev.vnetsim.simulator.engine.DataPlaneEngine;
import dev.vnetsim.simulator.engine.Endpoint;
import dev.vnetsim.simulator.engine.IncrementalCompiler;
import dev.vnetsim.simulator.engine.Query;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import dev.vnetsim.simulator.resolve.VirtualTags;
import dev.vnetsim.simulator.trace.Coverage;
import dev.vnetsim.simulator.trace.Disposition;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.FlowSpace;
import dev.vnetsim.simulator.trace.Hop;
import dev.vnetsim.simulator.trace.Part;
import dev.vnetsim.simulator.trace.Ports;
import dev.vnetsim.simulator.trace.Step;
import dev.vnetsim.simulator.trace.Trace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One side of a comparison (or the only side of {@code check}): the topology as read, the engine compiled from it
 * with the subnet probes added, and a bounded cache of traces by {@link FlowRequest}, so that a flow asked for twice
 * (by the differential, an intent and a requirement row) is simulated once while it stays cached. {@link #trace} and
 * {@link #traceOnce} are thread-safe; the rest is for one thread.
 */
public final class Side {
  private final Topology topology;
  private final ImmutableMap<ResourceId, SubnetProbe> probes;
  /** Each probe's assumption in words, written once (every trace from or to a subnet names it). */
  private final Map<SubnetProbe, String> probeAssumptions = new ConcurrentHashMap<>();
  private final DataPlaneEngine engine;
  private final EndpointParser parser;
  /**
   * Traces by request, least recently used first, up to {@code cacheWeight} ({@link #weight}; {@link #CACHE_WEIGHT}
   * by default): an estate-wide change (a hub's default route) traces every subnet's Internet flows, whose address
   * sets run to thousands of ranges each, and keeping them all filled a 6 GB heap on 1,000 VNets.
   */
  private final LinkedHashMap<FlowRequest, Trace> traces = new LinkedHashMap<>(16, 0.75f, true);
  private final long cacheWeight;
  private long cachedWeight;
  /** {@link Differential#tagInsideInternet} by the source subnet's tags (one instance per content) and tag name. */
  private final Map<VirtualTags, Map<String, Optional<IpSet>>> tagsInsideInternet = new IdentityHashMap<>();
  private final AtomicInteger simulated = new AtomicInteger();

  private Side(Topology topology, ImmutableMap<ResourceId, SubnetProbe> probes, DataPlaneEngine engine,
      EndpointParser parser) {
    this(topology, probes, engine, parser, CACHE_WEIGHT);
  }

  private Side(Topology topology, ImmutableMap<ResourceId, SubnetProbe> probes, DataPlaneEngine engine,
      EndpointParser parser, long cacheWeight) {
    this.cacheWeight = cacheWeight;
    this.topology = topology;
    this.probes = probes;
    this.engine = engine;
    this.parser = parser;
  }

  /** A tag's addresses when they lie inside the Internet of a source with these tags, computed once. */
  synchronized Optional<IpSet> tagInsideInternet(VirtualTags tags, String tag, Supplier<Optional<IpSet>> compute) {
    return tagsInsideInternet.computeIfAbsent(tags, k -> new HashMap<>()).computeIfAbsent(tag, k -> compute.get());
  }

  /** Compiles a side: {@code topology} with {@code probes} added. */
  public static Side compile(Topology topology, ServiceTagLookup tags, Map<ResourceId, SubnetProbe> probes,
      EndpointParser parser) {
    ImmutableMap<ResourceId, SubnetProbe> p = ImmutableMap.copyOf(probes);
    return new Side(topology, p, DataPlaneEngine.compile(Probes.add(topology, p.values()), tags), parser);
  }

  /**
   * Compiles a side through {@code compiler}: {@code topology} as read first (so that later compilations of it with
   * other probes, such as an Azure ML compute's, start from it), then with {@code probes} added, recompiled from it
   * (added NICs and public IPs are a local change, {@link DataPlane#recompile}).
   */
  public static Side compile(Topology topology, IncrementalCompiler compiler, Map<ResourceId, SubnetProbe> probes,
      EndpointParser parser) {
    ImmutableMap<ResourceId, SubnetProbe> p = ImmutableMap.copyOf(probes);
    compiler.dataPlane(topology);
    return new Side(topology, p, new DataPlaneEngine(compiler.dataPlane(Probes.add(topology, p.values()))), parser);
  }

  /**
   * The side of {@code topology}, which differs from {@code previous}'s in the resources {@code changed} names, with the
   * same probes: the data plane is recompiled from the previous one ({@link DataPlane#recompile}: only what a local
   * change touches is rebuilt). A probe is made of its subnet and VNet ({@link Probes#add}), so the probes of a VNet
   * that is not the very same instance on both sides are named as changed too.
   */
  public static Side recompile(Side previous, Topology topology, Collection<ResourceId> changed) {
    List<ResourceId> named = new ArrayList<>(changed);
    for (SubnetProbe p : previous.probes.values()) {
      ResourceId vnet = p.subnet().parent().orElse(p.subnet());
      if (previous.topology.virtualNetworks().get(vnet) != topology.virtualNetworks().get(vnet)) {
        named.addAll(List.of(p.client(), p.server(), p.serverPublicIp()));
      }
    }
    DataPlane dp = DataPlane.recompile(previous.engine.dataPlane(), Probes.addAgain(
        previous.engine.dataPlane().topology(), previous.topology, topology, previous.probes.values()), named);
    return new Side(topology, previous.probes, new DataPlaneEngine(dp), previous.parser);
  }

  /** This side without its traces: the same compiled engine, an empty trace cache (a memoised side is reused so). */
  public Side fresh() {
    return fresh(CACHE_WEIGHT);
  }

  /** {@link #fresh()} with a cache that holds traces up to {@code cacheWeight} ({@link #weight}). */
  Side fresh(long cacheWeight) {
    return new Side(topology, probes, engine, parser, cacheWeight);
  }

  /** The weight of the traces cached now ({@link #weight}). */
  long cachedWeight() {
    synchronized (traces) {
      return cachedWeight;
    }
  }

  /** The topology as read (without probes). */
  public Topology topology() {
    return topology;
  }

  public DataPlaneEngine engine() {
    return engine;
  }

  public EndpointParser parser() {
    return parser;
  }

  public Optional<SubnetProbe> probe(ResourceId subnet) {
    return Optional.ofNullable(probes.get(subnet));
  }

  public ImmutableMap<ResourceId, SubnetProbe> probes() {
    return probes;
  }

  /** How many traces were simulated (cache misses). */
  public int simulated() {
    return simulated.get();
  }

  /** Whether a source sends from outside the topology (the Internet, a service tag, a public address). */
  boolean isOutside(Endpoint source) {
    if (source instanceof Endpoint.Internet || source instanceof Endpoint.ServiceTag) {
      return true;
    }
    if (source instanceof Endpoint.Addresses a) {
      IpSet s = a.addresses();
      IpAddress first = s.firstAddress();
      boolean single = first != null && s.rangeCount() == 1 && s.ranges().get(0)[1].equals(first);
      return !single || engine.dataPlane().nicAt(first).isEmpty();
    }
    return false;
  }

  /** Checks that a site names something on this side; throws {@link IllegalArgumentException} with the reason. */
  public void check(Site site) {
    if (site instanceof Site.Text t) {
      t.resolve(this);
    }
  }

  /** How much of the cache's address ranges the traces may hold (about 32 bytes each, plus their boxes). */
  static final long CACHE_WEIGHT = 2_000_000;

  /**
   * The trace of a request (cached); a site missing on this side gives an {@code INSUFFICIENT_INFO} trace. Safe to call
   * from several threads: the cache is read and written under its lock, and a request is simulated outside it (two
   * threads asking for the same request at once may both simulate it; the differential asks for each once).
   */
  public Trace trace(FlowRequest r) {
    Trace t = cached(r);
    if (t != null) {
      return t;
    }
    t = simulate(r);
    long w = weight(t);
    synchronized (traces) {
      if (traces.putIfAbsent(r, t) == null) {
        cachedWeight += w;
        for (var eldest = traces.entrySet().iterator(); cachedWeight > cacheWeight && traces.size() > 1;) {
          cachedWeight -= weight(eldest.next().getValue());
          eldest.remove();
        }
      }
    }
    return t;
  }

  /**
   * The trace of a request asked for once: taken from the cache when it is there (an intent's), else simulated and not
   * kept. The differential asks for each request once per side, and keeping its traces only made them survive
   * collections (a hub change traces every subnet).
   */
  Trace traceOnce(FlowRequest r) {
    Trace t = cached(r);
    return t != null ? t : simulate(r);
  }

  /** The cached trace of a request, or null. */
  private Trace cached(FlowRequest r) {
    synchronized (traces) {
      return traces.get(r);
    }
  }

  /** A trace's weight in the cache: a box and its address ranges count one each. */
  static long weight(Trace t) {
    long w = 1;
    for (FlowSpace s : t.parts().isEmpty() ? List.of(t.space()) : t.parts().stream().map(Part::space).toList()) {
      for (FlowBox b : s.boxes()) {
        w += 1 + b.source().rangeCount() + b.destination().rangeCount();
      }
    }
    return w;
  }

  private Trace simulate(FlowRequest r) {
    simulated.incrementAndGet();
    Site fromSite;
    Site toSite;
    Optional<Endpoint> from;
    Optional<Endpoint> to;
    try {
      fromSite = concrete(r.from());
      toSite = concrete(r.to());
      from = fromSite.asSource(this);
      if (from.isEmpty()) {
        return missing(absent(fromSite));
      }
      to = toSite.asDestination(this, from.get());
      if (to.isEmpty()) {
        return missing(absent(toSite));
      }
    } catch (IllegalArgumentException e) {
      return missing(e.getMessage());
    }
    Trace t = engine.trace(new Query(from.get(), to.get(), r.protocols(), Ports.ALL, r.ports(), r.within()));
    List<String> assumptions = new ArrayList<>();
    for (Site s : List.of(fromSite, toSite)) {
      if (s instanceof Site.SubnetSite sub) {
        probe(sub.subnet()).ifPresent(p -> assumptions.add(probeAssumptions.computeIfAbsent(p,
            SubnetProbe::assumption)));
      }
    }
    if (assumptions.isEmpty()) {
      return t;
    }
    assumptions.addAll(t.assumptions());
    return new Trace(t.space(), t.disposition(), t.decidedBy(), t.hops(), t.parts(), t.coverage(), t.notApplicable(),
        t.egress(), ImmutableList.copyOf(new LinkedHashSet<>(assumptions)));
  }

  /** User text resolved to the site it names on this side. */
  private Site concrete(Site s) {
    return s instanceof Site.Text t ? t.resolve(this).orElseThrow() : s;
  }

  private static String absent(Site s) {
    return s.text() + " is not in this side's input" + (s instanceof Site.SubnetSite
        ? " (or has no two free addresses for its probe hosts)" : "");
  }

  /**
   * Whether a trace is this side's answer for a site it does not have: it names no resource, so a change can reach it
   * without touching anything it names (the site itself may be what the change adds).
   */
  static boolean isMissingSite(Trace t) {
    return t.hops().size() == 1 && t.hops().get(0).resourceId().equals(QUERY);
  }

  private static final ResourceId QUERY = ResourceId.of("query");

  private static Trace missing(String what) {
    Hop hop = new Hop(QUERY, Hop.Kind.PLATFORM, ImmutableList.of(new Step.Transit(
        Step.Type.UNSUPPORTED, Step.Action.UNKNOWN, Optional.empty(), what)));
    return new Trace(FlowSpace.EMPTY, Disposition.INSUFFICIENT_INFO, Optional.empty(), ImmutableList.of(hop),
        ImmutableList.of(), Coverage.NONE, IpSet.EMPTY, Optional.empty(), ImmutableList.of());
  }
}
