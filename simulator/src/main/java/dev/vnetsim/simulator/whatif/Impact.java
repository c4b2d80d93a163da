package dev.vnetsim.simulator.whatif;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.compute.AmlCompute;
import dev.vnetsim.model.firewall.AzureFirewall;
import dev.vnetsim.model.io.change.ChangeSet;
import dev.vnetsim.model.io.change.ResourceChange;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.PrivateEndpoint;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.simulator.engine.DataPlane;
import dev.vnetsim.simulator.engine.Endpoint;
import dev.vnetsim.simulator.engine.LocalChange;
import dev.vnetsim.simulator.engine.NicPlane;
import dev.vnetsim.simulator.resolve.Resolved;
import dev.vnetsim.simulator.resolve.VirtualTags;
import dev.vnetsim.simulator.trace.Hop;
import dev.vnetsim.simulator.trace.Part;
import dev.vnetsim.simulator.trace.Step;
import dev.vnetsim.simulator.trace.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a change can affect, for incremental what-if: the resources whose compiled form changes ("dirty"), so that a
 * before trace that touches none of them is also the after trace and need not be simulated again. Local changes are
 * those of an NSG (dirty: the NSG and the subnets and NICs it is attached to on either side), a route table (the
 * table and its subnets: user routes also widen the subnets' VirtualNetwork tag), a NAT gateway or public IP (itself
 * and its subnets), a subnet whose prefixes stay the same (the subnet), a NIC's NSG association (the NIC and its
 * subnet), and firewall policies and IP groups (every Azure Firewall, and the flows its changed rules can match:
 * {@link FirewallExposure}). Resources of types the model does not use, VMs and Azure ML computes change only what
 * names stand for ({@link #names}). A VNet's address space, peerings and subnets added, removed or resized, private
 * endpoints and NICs added, removed or changed otherwise are judged by the compiled planes that differ
 * ({@link PlaneImpact}). Anything else (a VNet's DNS servers, firewall resources, gateways, load balancers) can move
 * addresses or tags anywhere: every flow is simulated again.
 */
final class Impact {
  private final boolean global;
  private final ImmutableSet<ResourceId> dirty;
  /**
   * The dirty subnets are all "leaves" on both sides (none holds an Azure Firewall, a VNet gateway, a NIC that forwards
   * (IP forwarding), an address a user route sends to or a load balancer frontend), or those that are not changed
   * only in routes and subnet NSG rules ({@link CarrierExposure}). Then a flow's path touches a dirty leaf only where
   * the flow starts or ends there (paths pass through other subnets only at those next hops; a flow to a private
   * endpoint ends in the endpoint's subnet, a site of its own), and a dirty carrier only for the packets its changes
   * can meet, so other flows between clean sites cannot change and need not be simulated ({@link #mayChange}).
   */
  private final boolean contained;
  /** A dirty subnet holds a private endpoint (which requirement rows of computes elsewhere may reach). */
  private final boolean privateEndpoints;
  /**
   * The packets that may answer differently where they cross a firewall whose rules changed, or a carrier subnet whose
   * routes or NSG rules changed ({@link CarrierExposure}); present when either changed.
   */
  private final Optional<FirewallExposure> firewalls;
  /** The resources among {@link #dirty} whose changes {@link #firewalls} bounds (firewalls, policies, carriers …). */
  private final ImmutableSet<ResourceId> carried;
  /**
   * Resources of types the model does not use (a storage account …), VMs or Azure ML computes changed. They change no
   * address, route or rule, only what a name stands for: a storage account's region and what a service endpoint
   * policy allows for its name (azure-semantics.md §6), the NIC a VM's name stands for, a compute's subnet and
   * probe. Flows between the differential's sites (subnets, NICs by id, the Internet, tags) cannot change; every
   * requirement row and intent is simulated again.
   */
  private final boolean names;
  /**
   * Subnets, NICs and public IPs whose every flow may change whatever their planes say: the ends of a changed peering
   * and the subnets in a VNet's changed space ({@link PlaneImpact}).
   */
  private final ImmutableSet<ResourceId> forced;
  /** Addresses that moved into or out of a subnet or VNet space: flows to the Internet or a tag that meet them. */
  private final IpSet moved;
  private final Map<ResourceId, Exposure> exposures = new HashMap<>();
  private final Map<Site, IpSet> addresses = new HashMap<>();
  private final Map<Site, IpSet> seen = new HashMap<>();
  private IpSet translated;
  private FirewallFocus firewallFocus;

  private Impact(boolean global, boolean names, ImmutableSet<ResourceId> dirty, boolean contained,
      boolean privateEndpoints, Optional<FirewallExposure> firewalls, ImmutableSet<ResourceId> carried,
      ImmutableSet<ResourceId> forced, IpSet moved) {
    this.forced = forced;
    this.moved = moved;
    this.global = global;
    this.names = names;
    this.firewalls = firewalls;
    this.carried = carried;
    this.dirty = dirty;
    this.contained = contained;
    this.privateEndpoints = privateEndpoints;
  }

  /** Nothing is reused (every after trace is simulated). */
  static Impact everything() {
    return new Impact(true, true, ImmutableSet.of(), false, true, Optional.empty(), ImmutableSet.of(),
        ImmutableSet.of(), IpSet.EMPTY);
  }

  /**
   * The impact of a change set on sides that carry {@code probes}. A dirty subnet also dirties the NICs in it (the
   * probes included) and their public IPs: an inbound trace that stops at a closed Standard public IP does not show
   * the subnet whose NSG it looked for. A change of firewall policies or IP groups dirties them and every Azure
   * Firewall (traces name the firewall as a hop and the policy as the deciding rule's container); when the rules
   * that changed cannot be told apart ({@link FirewallExposure#of}), every flow is simulated again.
   */
  static Impact of(ChangeSet cs, Side before, Side after) {
    Map<ResourceId, SubnetProbe> probes = before.probes();
    Set<ResourceId> dirty = new HashSet<>();
    Set<ResourceId> firewallDirty = new HashSet<>();
    boolean names = false;
    Set<ResourceId> vnets = new HashSet<>();
    Set<ResourceId> endpoints = new HashSet<>();
    Set<ResourceId> nics = new HashSet<>();
    for (ResourceChange c : cs.changes()) {
      String type = c.resourceId().type().orElse("").toLowerCase(Locale.ROOT);
      ResourceId id = c.resourceId();
      switch (type) {
        case "microsoft.network/networksecuritygroups" -> {
          dirty.add(id);
          for (Topology t : new Topology[] {cs.before(), cs.after()}) {
            t.subnets().values().stream().filter(s -> s.networkSecurityGroup().filter(id::equals).isPresent())
                .forEach(s -> dirty.add(s.id()));
            t.networkInterfaces().values().stream().filter(n -> n.networkSecurityGroup().filter(id::equals)
                .isPresent()).forEach(n -> dirty.add(n.id()));
          }
        }
        case "microsoft.network/routetables" -> withSubnets(dirty, id, cs, Subnet::routeTable);
        case "microsoft.network/natgateways" -> withSubnets(dirty, id, cs, Subnet::natGateway);
        case "microsoft.network/publicipaddresses" -> dirty.add(id);
        case "microsoft.network/privateendpoints" -> endpoints.add(id);
        case "microsoft.network/privateendpoints/privatednszonegroups" -> {
          endpoints.add(id.parent().orElseThrow());
          names = true;
        }
        case "microsoft.network/privatednszones", "microsoft.network/privatednszones/a",
            "microsoft.network/privatednszones/virtualnetworklinks", "microsoft.network/privatednszones/recordsets" ->
            names = true; // only FQDNs resolve through them: named flows, and firewall rules that name FQDNs
        case "microsoft.network/networkinterfaces" -> {
          if (privateEndpointNic(cs, id)) {
            endpoints.add(id);
            continue;
          }
          // Only its NSG association: the NIC's own flows (a site of its own with an NSG, compared rule by rule,
          // Exposure#ofNic), flows to its subnet (delivered to the NICs there, Exposure#ofSubnet), and those it
          // forwards when it is an appliance (CarrierExposure). Anything else of a NIC (added, removed, addresses,
          // subnet, security groups) is judged by PlaneImpact (global for an appliance).
          NetworkInterface b = cs.before().networkInterfaces().get(id);
          if (b == null || !LocalChange.onlyNsg(b, cs.after().networkInterfaces().get(id))) {
            nics.add(id); // added, removed, addresses, subnet, security groups: PlaneImpact
            continue;
          }
          dirty.add(id);
          b.ipConfigurations().forEach(ic -> ic.subnet().ifPresent(dirty::add));
        }
        case "microsoft.network/firewallpolicies", "microsoft.network/firewallpolicies/rulecollectiongroups",
            "microsoft.network/ipgroups" -> {
          for (Optional<ResourceId> x = Optional.of(id); x.isPresent(); x = x.get().parent()) {
            firewallDirty.add(x.get()); // a rule collection group and its policy (which traces name)
          }
        }
        case "microsoft.network/virtualnetworks" -> {
          Optional<ResourceId> subnet = c.child().filter(x -> x.regionMatches(true, 0, "subnets/", 0, 8))
              .map(x -> ResourceId.of(id.value() + "/" + x));
          if (subnet.isPresent() && samePrefixes(cs, subnet.get())) {
            dirty.add(subnet.get());
          } else {
            vnets.add(id); // address space, peerings, subnets added, removed or resized: PlaneImpact
          }
        }
        case "microsoft.network/virtualnetworks/subnets", "microsoft.network/virtualnetworks/virtualnetworkpeerings" ->
            vnets.add(id.parent().orElseThrow());
        case "microsoft.compute/virtualmachines", "microsoft.machinelearningservices/workspaces/computes" ->
            names = true; // sites by name (intents), and a compute's own rows: no address, route or rule
        default -> {
          if (!LocalChange.isOther(cs.before(), id) && !LocalChange.isOther(cs.after(), id)) {
            return everything();
          }
          names = true;
        }
      }
    }
    Set<ResourceId> forced = Set.of();
    IpSet moved = IpSet.EMPTY;
    if (!vnets.isEmpty() || !endpoints.isEmpty() || !nics.isEmpty()) {
      Optional<PlaneImpact> v = PlaneImpact.of(vnets, endpoints, nics, cs.before(), cs.after(),
          before.engine().dataPlane(), after.engine().dataPlane());
      if (v.isEmpty()) {
        return everything();
      }
      dirty.addAll(v.get().dirty());
      forced = withNicsAndProbes(v.get().forced(), cs, probes);
      moved = v.get().moved();
      names = true; // requirement rows and intents may name addresses that moved: all are simulated again
    }
    if (names && firewallDirty.isEmpty()) {
      // what a name stands for changed (DNS records, an endpoint's, a NIC's address behind a VM's name): the firewall
      // rules that name FQDNs may resolve differently, so the rules of both sides are compared
      firewallDirty.addAll(firewallsOf(cs));
    }
    List<FirewallExposure.Rect> rects = new ArrayList<>();
    if (!firewallDirty.isEmpty()) {
      Optional<FirewallExposure> changedRules = FirewallExposure.of(before.engine().dataPlane(),
          after.engine().dataPlane());
      if (changedRules.isEmpty()) {
        return everything();
      }
      rects.addAll(changedRules.get().rules());
      for (Topology t : new Topology[] {cs.before(), cs.after()}) {
        firewallDirty.addAll(t.azureFirewalls().keySet());
      }
      dirty.addAll(firewallDirty);
    }
    // Dirty subnets that carry others' traffic: bounded by what changed there when only routes and NSG rules did.
    Set<ResourceId> carriers = new HashSet<>();
    for (Topology t : new Topology[] {cs.before(), cs.after()}) {
      CarrierExposure.carriers(t).stream().filter(dirty::contains).forEach(carriers::add);
    }
    boolean contained = true;
    if (!carriers.isEmpty()) {
      Optional<List<FirewallExposure.Rect>> atCarriers = CarrierExposure.of(carriers, before.engine().dataPlane(),
          after.engine().dataPlane());
      contained = atCarriers.isPresent();
      atCarriers.ifPresent(rects::addAll);
    }
    Set<ResourceId> expanded = withNicsAndProbes(dirty, cs, probes);
    boolean privateEndpoints = false;
    for (Topology t : new Topology[] {cs.before(), cs.after()}) {
      privateEndpoints |= t.privateEndpoints().values().stream()
          .anyMatch(pe -> pe.subnet().filter(dirty::contains).isPresent());
    }
    Set<ResourceId> carried = new HashSet<>(firewallDirty);
    if (contained && !carriers.isEmpty()) {
      carried.addAll(CarrierExposure.carriedIds(cs, dirty, carriers, probes));
    }
    Optional<FirewallExposure> exposure = firewallDirty.isEmpty() && carriers.isEmpty() ? Optional.empty()
        : Optional.of(new FirewallExposure(ImmutableList.copyOf(rects)));
    return new Impact(false, names, ImmutableSet.copyOf(expanded), contained, privateEndpoints, exposure,
        ImmutableSet.copyOf(carried), ImmutableSet.copyOf(forced), moved);
  }

  private static boolean privateEndpointNic(ChangeSet cs, ResourceId id) {
    for (Topology t : new Topology[] {cs.before(), cs.after()}) {
      NetworkInterface n = t.networkInterfaces().get(id);
      if (n != null && n.privateEndpoint().isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static Set<ResourceId> firewallsOf(ChangeSet cs) {
    Set<ResourceId> out = new HashSet<>(cs.before().azureFirewalls().keySet());
    out.addAll(cs.after().azureFirewalls().keySet());
    return out;
  }

  /**
   * {@code ids} with the NICs among them or in their subnets on either side, those NICs' public IPs, and the probes of
   * their subnets.
   */
  static Set<ResourceId> withNicsAndProbes(Set<ResourceId> ids, ChangeSet cs, Map<ResourceId, SubnetProbe> probes) {
    Set<ResourceId> out = new HashSet<>(ids);
    if (ids.stream().noneMatch(Impact::subnetOrNic)) {
      return out; // no NIC is among them or in one of them, nor is a probe (a firewall policy's change)
    }
    for (Topology t : new Topology[] {cs.before(), cs.after()}) {
      for (NetworkInterface n : t.networkInterfaces().values()) {
        if (ids.contains(n.id()) || n.ipConfigurations().stream().anyMatch(c -> c.subnet().filter(ids::contains)
            .isPresent())) {
          out.add(n.id());
          n.ipConfigurations().forEach(c -> c.publicIpAddress().ifPresent(out::add));
        }
      }
    }
    for (SubnetProbe p : probes.values()) {
      if (ids.contains(p.subnet())) {
        out.addAll(List.of(p.client(), p.server(), p.serverPublicIp()));
      }
    }
    return out;
  }

  private static boolean subnetOrNic(ResourceId id) {
    String type = id.type().orElse("").toLowerCase(Locale.ROOT);
    return !type.startsWith("microsoft.network/") || type.equals("microsoft.network/virtualnetworks/subnets")
        || type.equals("microsoft.network/networkinterfaces");
  }

  /**
   * Whether a flow between two sites may answer differently after the change: always for a global change or one that
   * touches a subnet carrying others' traffic; otherwise only when a site is dirty (a dirty subnet, NIC or public
   * IP, or a NIC in a dirty subnet), and when only NSGs changed there ({@link Exposure}), only when the flow's
   * destination (leaving a dirty site) or its source (arriving at one; the source as sent, or as an Azure Firewall
   * may translate it) can meet a rule that changed; and when firewall rules changed, when a changed rule can match
   * the flow's source (as a firewall sees it) and destination. A flow for which this is false is the same on both
   * sides without simulating it.
   */
  boolean mayChange(Site from, Site to, Side before, Side after) {
    if (global || !contained) {
      return true;
    }
    return mayChangeAtFirewalls(from, to, before, after) || mayChangeAtEnds(from, to, before, after);
  }

  /** Whether a changed firewall rule can match the flow, and its packets can meet a firewall at all. */
  private boolean mayChangeAtFirewalls(Site from, Site to, Side before, Side after) {
    return firewalls.isPresent() && firewallFocus(before, after).mayChange(from, to);
  }

  private FirewallFocus firewallFocus(Side before, Side after) {
    if (firewallFocus == null) {
      firewallFocus = new FirewallFocus(firewalls.orElseThrow(), new FirewallReach(before.engine().dataPlane(),
          after.engine().dataPlane()), site -> seenSources(site, before, after), site -> addresses(site, before,
          after));
    }
    return firewallFocus;
  }

  /**
   * When a flow may change only at a firewall (not at a dirty end, see {@link #mayChange}): the packets a changed
   * rule can match, which alone can answer differently.
   */
  Optional<FirewallExposure.Packets> onlyAtFirewalls(Site from, Site to, Side before, Side after) {
    if (global || !contained || firewalls.isEmpty() || mayChangeAtEnds(from, to, before, after)) {
      return Optional.empty();
    }
    return firewallFocus(before, after).packets(from, to).filter(FirewallExposure.Packets::narrow);
  }

  private boolean mayChangeAtEnds(Site from, Site to, Side before, Side after) {
    boolean fromDirty = touches(from, before, after);
    boolean toDirty = touches(to, before, after);
    if (fromDirty && exposure(from, before, after).outboundDestinations()
        .intersects(addresses(to, before, after))) {
      return true;
    }
    return toDirty && exposure(to, before, after).inboundSources().intersects(seenSources(from, before, after));
  }

  /** The differential's focus: with a contained local change, only flows with a dirty end ({@link #mayChange}). */
  Differential.Focus focus(Side before, Side after) {
    if (global || !contained) {
      return Differential.Focus.ALL;
    }
    return new Differential.Focus() {
      @Override
      public Optional<java.util.function.Predicate<Site>> touches() {
        return Optional.of(site -> Impact.this.touches(site, before, after));
      }

      @Override
      public Predicate<Site> carriedFrom() {
        return firewalls.isEmpty() ? site -> false : site -> firewallFocus(before, after).fromAny(site);
      }

      @Override
      public Predicate<Site> carriedTo() {
        return firewalls.isEmpty() ? site -> false : site -> firewallFocus(before, after).toAny(site);
      }

      @Override
      public boolean mayChange(Site from, Site to) {
        return Impact.this.mayChange(from, to, before, after);
      }

      @Override
      public Optional<FirewallExposure.Packets> onlyAtFirewalls(Site from, Site to) {
        return Impact.this.onlyAtFirewalls(from, to, before, after);
      }

      @Override
      public Optional<Differential.Bounds> bounds() {
        return Optional.of(Impact.this.bounds(before, after));
      }
    };
  }

  /**
   * {@link #mayChange} by address: at the source's end, only destinations its exposure names; at a firewall, only
   * those of the changed rules that meet what it sends; at the destination's end, only sources the destination's
   * exposure names (see {@link #mayChangeAtEnds}, {@link FirewallFocus#destinationsFrom}).
   */
  private Differential.Bounds bounds(Side before, Side after) {
    return new Differential.Bounds() {
      @Override
      public IpSet destinationsFrom(Site from) {
        IpSet out = touches(from, before, after) ? exposure(from, before, after).outboundDestinations() : IpSet.EMPTY;
        return firewalls.isEmpty() ? out : out.union(firewallFocus(before, after).destinationsFrom(from));
      }

      @Override
      public IpSet seen(Site from) {
        return seenSources(from, before, after);
      }

      @Override
      public IpSet addresses(Site to) {
        return Impact.this.addresses(to, before, after);
      }

      @Override
      public IpSet sourcesInto(Site to) {
        return touches(to, before, after) ? exposure(to, before, after).inboundSources() : IpSet.EMPTY;
      }
    };
  }

  /** The sources a flow from a site may have where a rule (of a firewall or an NSG) looks at it. */
  private IpSet seenSources(Site site, Side before, Side after) {
    return seen.computeIfAbsent(site, s -> addresses(s, before, after).union(translatedSources(before, after)));
  }

  private Exposure exposure(Site site, Side before, Side after) {
    DataPlane b = before.engine().dataPlane();
    DataPlane a = after.engine().dataPlane();
    if (site instanceof Site.SubnetSite s && forced.contains(s.subnet())
        || site instanceof Site.Fixed f && f.endpoint() instanceof Endpoint.Nic n && forced.contains(n.id())
        || site instanceof Site.Fixed g && g.endpoint() instanceof Endpoint.PublicIp p && forced.contains(p.id())) {
      return Exposure.ALL;
    }
    if (site instanceof Site.SubnetSite s) {
      return exposures.computeIfAbsent(s.subnet(), id -> Exposure.ofSubnet(id, b, a));
    }
    Optional<ResourceId> nic = Optional.empty();
    if (site instanceof Site.Fixed f && f.endpoint() instanceof Endpoint.Nic n) {
      nic = Optional.of(n.id());
    } else if (site instanceof Site.Fixed f && f.endpoint() instanceof Endpoint.PublicIp p) {
      nic = after.topology().nicOfPublicIp(p.id()).map(NetworkInterface::id);
    }
    return nic.map(id -> exposures.computeIfAbsent(id, x -> Exposure.ofNic(x, b, a))).orElse(Exposure.ALL);
  }

  /** Every address a site stands for on either side, as a source or destination (everything when unknown). */
  private IpSet addresses(Site site, Side before, Side after) {
    return addresses.computeIfAbsent(site, k -> {
      if (site instanceof Site.SubnetSite s) {
        IpSet out = IpSet.EMPTY;
        for (Side side : List.of(before, after)) {
          out = out.union(side.topology().subnet(s.subnet()).map(x -> IpSet.ofCidrs(x.addressPrefixes()))
              .orElse(IpSet.EMPTY));
        }
        return out;
      }
      if (site instanceof Site.Fixed f && f.endpoint() instanceof Endpoint.Nic n) {
        IpSet out = IpSet.EMPTY;
        for (Side side : List.of(before, after)) {
          out = out.union(side.engine().dataPlane().nic(n.id()).map(NicPlane::addresses).orElse(IpSet.EMPTY));
        }
        return out;
      }
      if (site instanceof Site.Fixed f && f.endpoint() instanceof Endpoint.Internet) {
        return VirtualTags.PUBLIC;
      }
      if (site instanceof Site.Fixed f && f.endpoint() instanceof Endpoint.ServiceTag t) {
        IpSet out = IpSet.EMPTY;
        for (Side side : List.of(before, after)) {
          Resolved r = side.engine().dataPlane().resolver().serviceTag(t.name(), VirtualTags.outside());
          out = out.union(r.isKnown() ? r.known() : IpSet.ALL);
        }
        return out;
      }
      return IpSet.ALL;
    });
  }

  /** Addresses an Azure Firewall may put in place of a source (its private addresses, either side). */
  private IpSet translatedSources(Side before, Side after) {
    if (translated == null) {
      IpSet out = IpSet.EMPTY;
      for (Side side : List.of(before, after)) {
        for (AzureFirewall fw : side.topology().azureFirewalls().values()) {
          for (AzureFirewall.IpConfig c : fw.ipConfigurations()) {
            if (c.privateIpAddress().isPresent()) {
              out = out.union(IpSet.of(c.privateIpAddress().get()));
            }
          }
        }
      }
      translated = out;
    }
    return translated;
  }

  private boolean touches(Site site, Side before, Side after) {
    if (site instanceof Site.SubnetSite s) {
      return dirty.contains(s.subnet());
    }
    if (site instanceof Site.Fixed f && f.endpoint() instanceof Endpoint.Nic n) {
      return dirty.contains(n.id());
    }
    if (site instanceof Site.Fixed f && f.endpoint() instanceof Endpoint.PublicIp p) {
      if (dirty.contains(p.id())) {
        return true;
      }
      for (Side side : List.of(before, after)) {
        Optional<NetworkInterface> nic = side.topology().nicOfPublicIp(p.id());
        if (nic.isEmpty() || dirty.contains(nic.get().id())) {
          return true; // attached to something else than a NIC (or a dirty NIC): no shortcut
        }
      }
      return false;
    }
    if (site instanceof Site.Fixed f && (f.endpoint() instanceof Endpoint.Internet
        || f.endpoint() instanceof Endpoint.ServiceTag)) {
      return !moved.isEmpty() && addresses(site, before, after).intersects(moved);
    }
    return true; // anything else: no shortcut
  }

  /**
   * Which Azure ML computes' requirement rows may change: as {@link #mayChange} for the compute's subnet, and when a
   * dirty subnet holds a private endpoint (rows reach storage, key vault and the workspace through them) whose
   * changed inbound rules can meet the compute's addresses, or a changed firewall rule can match what it sends.
   */
  Predicate<AmlCompute> computes(Side before, Side after) {
    return compute -> {
      if (global || names || !contained || compute.subnet().map(dirty::contains).orElse(true)) {
        return true;
      }
      Site from = new Site.SubnetSite(compute.subnet().get(), compute.name());
      if (firewalls.isPresent() && firewallFocus(before, after).fromAny(from)) {
        return true;
      }
      if (!privateEndpoints) {
        return false;
      }
      // as mayChange: can a changed rule at an endpoint's subnet meet what the compute sends?
      IpSet sources = seenSources(from, before, after);
      for (Side side : List.of(before, after)) {
        for (PrivateEndpoint pe : side.topology().privateEndpoints().values()) {
          if (pe.subnet().filter(dirty::contains).isPresent() && exposure(new Site.SubnetSite(pe.subnet().get(),
              pe.name()), before, after).inboundSources().intersects(sources)) {
            return true;
          }
        }
      }
      return false;
    };
  }

  private static void withSubnets(Set<ResourceId> dirty, ResourceId id, ChangeSet cs,
      java.util.function.Function<Subnet, Optional<ResourceId>> ref) {
    dirty.add(id);
    for (Topology t : new Topology[] {cs.before(), cs.after()}) {
      t.subnets().values().stream().filter(s -> ref.apply(s).filter(id::equals).isPresent())
          .forEach(s -> dirty.add(s.id()));
    }
  }

  private static boolean samePrefixes(ChangeSet cs, ResourceId subnet) {
    Optional<Subnet> b = cs.before().subnet(subnet);
    Optional<Subnet> a = cs.after().subnet(subnet);
    return b.isPresent() && a.isPresent() && b.get().addressPrefixes().equals(a.get().addressPrefixes());
  }

  /** Whether the before trace is also the after trace: nothing it touched is dirty. */
  boolean unaffected(Trace before) {
    return !global && !names && !touches(before, dirty::contains);
  }

  /**
   * Whether a requirement row's before trace is also its after trace: as {@link #unaffected}, or when besides firewalls
   * it touched nothing dirty and no changed firewall rule can match a packet of it (its space: the packets as sent).
   * Never when what names stand for changed (DNS servers, zones, endpoints): its FQDN may resolve elsewhere.
   */
  boolean unaffectedRow(Trace before, Side b, Side a) {
    if (unaffected(before)) {
      return true;
    }
    if (global || names || firewalls.isEmpty() || touches(before, id -> dirty.contains(id) && !carried.contains(id))) {
      return false; // with names changed, a row's FQDN may resolve elsewhere: no firewall rule need change for that
    }
    return !firewalls.get().matches(before.space(), translatedSources(b, a));
  }

  private static boolean touches(Trace t, Predicate<ResourceId> dirty) {
    if (touches(t.hops(), dirty) || t.decidedBy().filter(d -> dirty.test(d.resourceId())).isPresent()
        || t.egress().flatMap(e -> e.resourceId()).filter(dirty).isPresent()) {
      return true;
    }
    for (Part p : t.parts()) {
      if (touches(p.hops(), dirty) || p.decidedBy().filter(d -> dirty.test(d.resourceId())).isPresent()
          || p.egress().flatMap(e -> e.resourceId()).filter(dirty).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static boolean touches(Iterable<Hop> hops, Predicate<ResourceId> dirty) {
    for (Hop h : hops) {
      if (dirty.test(h.resourceId())) {
        return true;
      }
      for (Step s : h.steps()) {
        if (s.resourceId().filter(dirty).isPresent()) {
          return true;
        }
      }
    }
    return false;
  }
}
