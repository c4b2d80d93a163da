package dev.vnetsim.simulator.whatif;

import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.Sets;
import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.PublicIpAddress;
import dev.vnetsim.model.network.Route;
import dev.vnetsim.model.security.SecurityRule;
import dev.vnetsim.simulator.engine.DataPlane;
import dev.vnetsim.simulator.engine.Endpoint;
import dev.vnetsim.simulator.engine.NicPlane;
import dev.vnetsim.simulator.engine.SubnetPlane;
import dev.vnetsim.simulator.resolve.Resolved;
import dev.vnetsim.simulator.resolve.VirtualTags;
import dev.vnetsim.simulator.trace.Ports;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The flows of the symbolic differential (DESIGN §3 {@code whatif}): every subnet to every subnet, to the Internet
 * and to each service tag the topologies mention (NSG rules, routes); the Internet to every subnet and public IP.
 * NICs with their own NSG or a public IP are sites of their own (a subnet's probes have neither). Each flow is one
 * set-valued query over TCP, UDP and ICMP and all ports, cut into protocol and port classes afterwards.
 */
final class Differential {
  static final ImmutableSet<Protocol> PROTOCOLS = Sets.immutableEnumSet(Protocol.TCP, Protocol.UDP, Protocol.ICMP);
  static final Site INTERNET = new Site.Fixed(new Endpoint.Internet(), "internet");
  private static final Set<String> VIRTUAL_TAGS = Set.of("virtualnetwork", "internet", "azureloadbalancer", "*");
  /** Destinations a source may have beyond which they are found through an index ({@link Bounds}), not asked. */
  private static final int INDEXED = 256;

  private Differential() {}

  /** The flows to simulate and how many flows the differential covers. */
  record Requests(ImmutableList<FlowRequest> kept, long total) {}

  /**
   * Which flows may have changed: every flow, or (when {@link #touches} is given) only flows with an end it accepts,
   * or from a site {@link #carriedFrom} accepts to one {@link #carriedTo} accepts, that {@link #mayChange} then
   * accepts; so that the other pairs are never enumerated.
   */
  interface Focus {
    Focus ALL = new Focus() {
      @Override
      public Optional<Predicate<Site>> touches() {
        return Optional.empty();
      }

      @Override
      public boolean mayChange(Site from, Site to) {
        return true;
      }
    };

    /** Sites whose flows, to or from any site, may change. */
    Optional<Predicate<Site>> touches();

    /** Sources of flows that may change on the way (at a firewall) to a site {@link #carriedTo} accepts. */
    default Predicate<Site> carriedFrom() {
      return site -> false;
    }

    /** Destinations of flows that may change on the way from a site {@link #carriedFrom} accepts. */
    default Predicate<Site> carriedTo() {
      return site -> false;
    }

    boolean mayChange(Site from, Site to);

    /**
     * For a flow that may change only where a firewall decides it: the packets that can ({@link FirewallExposure});
     * empty when any packet of the flow can.
     */
    default Optional<FirewallExposure.Packets> onlyAtFirewalls(Site from, Site to) {
      return Optional.empty();
    }

    /** What bounds {@link #mayChange} by address, when something does (see {@link Bounds}). */
    default Optional<Bounds> bounds() {
      return Optional.empty();
    }
  }

  /**
   * A necessary condition for {@link Focus#mayChange}, by address, so that a source is asked only about the
   * destinations that can meet it: {@code mayChange(from, to)} is false unless {@code addresses(to)} meets
   * {@code destinationsFrom(from)}, or {@code sourcesInto(to)} meets {@code seen(from)}.
   */
  interface Bounds {
    /** The destinations a flow from {@code from} may change for ({@link IpSet#ALL} when any may). */
    IpSet destinationsFrom(Site from);

    /** What {@code from} sends, as the rules that may change see it. */
    IpSet seen(Site from);

    /** The addresses a site stands for as a destination. */
    IpSet addresses(Site to);

    /** The sources whose flows into {@code to} may change at {@code to} itself (none for a site not touched). */
    IpSet sourcesInto(Site to);
  }

  static Requests requests(Side before, Side after, Focus focus) {
    return requests(before, after, focus, serviceTags(List.of(before.topology(), after.topology())), Long.MAX_VALUE);
  }

  /** As above, with the service tags the sides mention ({@link #serviceTags}). */
  static Requests requests(Side before, Side after, Focus focus, List<String> serviceTags, long maxFlows) {
    return requests(before, after, focus, serviceTags, maxFlows, INDEXED);
  }

  /**
   * As above; a source that may have more than {@code indexed} destinations has them found through its
   * {@link Bounds} (the same flows, in the same order, as asking each).
   */
  static Requests requests(Side before, Side after, Focus focus, List<String> serviceTags, long maxFlows,
      int indexed) {
    List<Topology> sides = List.of(before.topology(), after.topology());
    List<Site> hosts = new ArrayList<>();
    Map<ResourceId, SubnetProbe> probes = new LinkedHashMap<>(before.probes());
    after.probes().forEach(probes::putIfAbsent);
    probes.values().forEach(p -> hosts.add(new Site.SubnetSite(p.subnet(), p.label())));
    Names names = new Names(sides);
    hosts.addAll(nicSites(sides, names));
    List<Site> tags = new ArrayList<>();
    serviceTags.forEach(t -> tags.add(new Site.Fixed(new Endpoint.ServiceTag(t), "tag:" + t)));
    List<Site> pips = publicIps(sides, names);
    Predicate<Site> touched = focus.touches().orElse(x -> true);
    Predicate<Site> carriedFrom = focus.carriedFrom();
    Predicate<Site> carriedTo = focus.carriedTo();
    List<Site> touchedHosts = hosts.stream().filter(touched).toList();
    List<Site> reachedHosts = hosts.stream().filter(touched.or(carriedTo)).toList();
    long n = hosts.size();
    long total = n * n + n * (1 + tags.size()) + n + pips.size();
    Kept out = new Kept(total, maxFlows);
    Optional<Bounds> bounds = focus.bounds();
    Supplier<SiteIndex> byAddress = Suppliers.memoize(() -> SiteIndex.of(hosts, bounds.orElseThrow()::addresses));
    Supplier<SiteIndex> byInbound = Suppliers.memoize(() -> SiteIndex.of(hosts, bounds.orElseThrow()::sourcesInto));
    Map<IpSet, BitSet> meetingReach = new HashMap<>(); // sources mostly share theirs (a rule's, a route's)
    for (Site from : hosts) {
      boolean all = touched.test(from);
      boolean carried = !all && carriedFrom.test(from);
      List<Site> listed = all ? hosts : carried ? reachedHosts : touchedHosts;
      Optional<IpSet> reach = listed.size() > indexed ? bounds.map(b -> b.destinationsFrom(from)) : Optional.empty();
      if (reach.isPresent()) { // only the listed hosts that can meet it, in the same order
        BitSet candidates = (BitSet) meetingReach.computeIfAbsent(reach.get(), r -> {
          BitSet meeting = new BitSet(hosts.size());
          byAddress.get().meeting(r, meeting);
          return meeting;
        }).clone();
        byInbound.get().meeting(bounds.get().seen(from), candidates);
        Predicate<Site> inList = all ? x -> true : carried ? touched.or(carriedTo) : touched;
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
          if (inList.test(hosts.get(i))) {
            add(out, focus, from, hosts.get(i));
          }
        }
      } else {
        for (Site to : listed) {
          add(out, focus, from, to);
        }
      }
      if (all || carried) {
        add(out, focus, from, INTERNET);
        tags.forEach(t -> add(out, focus, from, t));
      }
    }
    boolean fromInternet = carriedFrom.test(INTERNET);
    for (Site to : fromInternet ? reachedHosts : touchedHosts) {
      add(out, focus, INTERNET, to);
    }
    Predicate<Site> reachedPip = fromInternet ? touched.or(carriedTo) : touched;
    pips.stream().filter(reachedPip).forEach(p -> add(out, focus, INTERNET, p));
    return new Requests(out.requests.build(), total);
  }

  /** The requests kept, up to a budget: {@link WhatIf.TooManyFlows} before memory runs out. */
  private static final class Kept {
    final ImmutableList.Builder<FlowRequest> requests = ImmutableList.builder();
    final long total;
    final long max;
    long count;

    Kept(long total, long max) {
      this.total = total;
      this.max = max;
    }
  }

  private static void add(Kept out, Focus focus, Site from, Site to) {
    if (focus.mayChange(from, to)) {
      if (++out.count > out.max) {
        throw new WhatIf.TooManyFlows(out.total, out.max);
      }
      out.requests.add(request(from, to));
    }
  }

  /**
   * For a request from a host to a service tag: the tag's addresses, when they lie inside the source's Internet (so
   * the source's Internet trace answers for them); empty otherwise (a tag with private or VNet addresses, or no IPv4
   * part, is simulated on its own).
   */
  static Optional<IpSet> tagInsideInternet(Side side, FlowRequest r) {
    if (!(r.to() instanceof Site.Fixed f) || !(f.endpoint() instanceof Endpoint.ServiceTag tag)) {
      return Optional.empty();
    }
    DataPlane dp = side.engine().dataPlane();
    Optional<SubnetPlane> subnet = Optional.empty();
    if (r.from() instanceof Site.SubnetSite s) {
      subnet = side.probe(s.subnet()).flatMap(p -> dp.nic(p.client())).map(NicPlane::subnet);
    } else if (r.from() instanceof Site.Fixed n && n.endpoint() instanceof Endpoint.Nic nic) {
      subnet = dp.nic(nic.id()).map(NicPlane::subnet);
    }
    if (subnet.isEmpty()) {
      return Optional.empty();
    }
    VirtualTags tags = subnet.get().tags();
    return side.tagInsideInternet(tags, tag.name(), () -> {
      Resolved addresses = dp.resolver().serviceTag(tag.name(), tags);
      return !addresses.isKnown() || !addresses.known().hasV4() || !tags.internet().containsAll(addresses.known())
          ? Optional.empty() : Optional.of(addresses.known());
    });
  }

  /** The same source's request to the Internet. */
  static FlowRequest internetRequest(FlowRequest r) {
    return request(r.from(), INTERNET);
  }

  private static FlowRequest request(Site from, Site to) {
    return new FlowRequest(from, to, PROTOCOLS, Ports.ALL);
  }

  /** NICs (not private endpoints') with their own NSG or a public IP on either side, named as {@code trace} takes. */
  private static List<Site> nicSites(List<Topology> sides, Names names) {
    Map<ResourceId, NetworkInterface> nics = new TreeMap<>();
    for (Topology t : sides) {
      for (NetworkInterface n : t.networkInterfaces().values()) {
        boolean special = n.networkSecurityGroup().isPresent()
            || n.ipConfigurations().stream().anyMatch(c -> c.publicIpAddress().isPresent());
        if (n.privateEndpoint().isEmpty() && special) {
          nics.putIfAbsent(n.id(), n);
        }
      }
    }
    List<Site> out = new ArrayList<>();
    nics.values().forEach(n -> out.add(new Site.Fixed(new Endpoint.Nic(n.id()), names.unique(n.id(), n.name()))));
    return out;
  }

  private static List<Site> publicIps(List<Topology> sides, Names names) {
    Map<ResourceId, PublicIpAddress> pips = new TreeMap<>();
    sides.forEach(t -> t.publicIpAddresses().values().forEach(p -> pips.putIfAbsent(p.id(), p)));
    List<Site> out = new ArrayList<>();
    pips.values().forEach(p -> out.add(new Site.Fixed(new Endpoint.PublicIp(p.id()), names.unique(p.id(),
        p.name()))));
    return out;
  }

  /** How often each name (case-insensitive) is used by the NICs, VMs, public IPs and private endpoints of a side. */
  private static final class Names {
    private final List<Map<String, Integer>> counts = new ArrayList<>();

    Names(List<Topology> sides) {
      for (Topology t : sides) {
        Map<String, Integer> c = new HashMap<>();
        List<String> all = new ArrayList<>();
        t.networkInterfaces().values().forEach(x -> all.add(x.name()));
        t.virtualMachines().values().forEach(x -> all.add(x.name()));
        t.publicIpAddresses().values().forEach(x -> all.add(x.name()));
        t.privateEndpoints().values().forEach(x -> all.add(x.name()));
        all.forEach(n -> c.merge(n.toLowerCase(Locale.ROOT), 1, Integer::sum));
        counts.add(c);
      }
    }

    /** The name when no other NIC, VM, public IP or private endpoint of a side has it, else the id. */
    String unique(ResourceId id, String name) {
      String key = name.toLowerCase(Locale.ROOT);
      return counts.stream().anyMatch(c -> c.getOrDefault(key, 0) > 1) ? id.value() : name;
    }
  }

  /** Service tags named in NSG rules and routes of any side (not the virtual ones), sorted, first spelling kept. */
  static List<String> serviceTags(List<Topology> sides) {
    Map<String, String> tags = new TreeMap<>();
    sides.forEach(t -> scan(t, Optional.empty(), tags));
    return new ArrayList<>(tags.values());
  }

  /**
   * The same for a what-if's two sides: the before side's tags (kept in {@code memo}), then those of the after side's
   * NSGs and route tables that are not the very same instances as the before side's (equal to the list above: an
   * unchanged instance adds no tag and no spelling the before side has not added first).
   */
  static List<String> serviceTags(Topology before, Topology after, Memo memo) {
    Map<String, String> tags = new TreeMap<>(memo.get("whatif.service-tags", new Memo.Same(before), () -> {
      Map<String, String> t = new TreeMap<>();
      scan(before, Optional.empty(), t);
      return ImmutableSortedMap.copyOf(t);
    }));
    scan(after, Optional.of(before), tags);
    return new ArrayList<>(tags.values());
  }

  private static void scan(Topology t, Optional<Topology> same, Map<String, String> tags) {
    t.networkSecurityGroups().forEach((id, nsg) -> {
      if (same.isEmpty() || same.get().networkSecurityGroups().get(id) != nsg) {
        for (SecurityRule r : nsg.securityRules()) {
          r.sourceAddresses().forEach(a -> tag(tags, a));
          r.destinationAddresses().forEach(a -> tag(tags, a));
        }
      }
    });
    t.routeTables().forEach((id, rt) -> {
      if (same.isEmpty() || same.get().routeTables().get(id) != rt) {
        for (Route r : rt.routes()) {
          tag(tags, r.addressPrefix());
        }
      }
    });
  }

  private static void tag(Map<String, String> tags, AddressMatch a) {
    if (a instanceof AddressMatch.ServiceTag t) {
      String key = t.name().toLowerCase(Locale.ROOT);
      if (!VIRTUAL_TAGS.contains(key)) {
        tags.putIfAbsent(key, t.name());
      }
    }
  }
}
