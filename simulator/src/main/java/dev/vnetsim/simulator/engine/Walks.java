package dev.vnetsim.simulator.engine;

import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.firewall.AzureFirewall;
import dev.vnetsim.model.network.LoadBalancer;
import dev.vnetsim.model.network.NatGateway;
import dev.vnetsim.model.network.PrivateEndpoint;
import dev.vnetsim.model.network.PublicIpAddress;
import dev.vnetsim.model.network.VnetPeering;
import dev.vnetsim.simulator.policy.ResolvedRule;
import dev.vnetsim.simulator.resolve.ConnectedPeering;
import dev.vnetsim.simulator.resolve.GatewayPrefix;
import dev.vnetsim.simulator.routing.EffectiveRoute;
import dev.vnetsim.simulator.trace.DecidedBy;
import dev.vnetsim.simulator.trace.Disposition;
import dev.vnetsim.simulator.trace.Egress;
import dev.vnetsim.simulator.trace.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decisions and step texts shared by the concrete ({@link PacketWalk}) and set-valued ({@link SpaceWalk}) walks, so
 * both produce the same hops for the same packet.
 */
final class Walks {
  private Walks() {}

  static final ResourceId INTERNET = ResourceId.of("Internet");
  static final int MAX_HOPS = 64;

  /** {@code level} is "NIC" or "subnet"; the NSG itself is the step's resourceId. */
  static Step.Filter nsgStep(Step.Type type, ResolvedRule r, boolean certain, String level) {
    Step.Action a = !certain ? Step.Action.UNKNOWN
        : r.access() == dev.vnetsim.model.Access.ALLOW ? Step.Action.ALLOWED : Step.Action.DENIED;
    String detail = certain ? (level == "NIC" ? "NIC NSG" : "subnet NSG")
        : level + " NSG; rule may match: " + r.unknown().orElse("");
    return new Step.Filter(type, a, r.nsg(), r.qualifiedName(), r.rule().priority(), detail);
  }

  static Step missingNsg(Step.Type type, NsgPlane p, String level) {
    return new Step.Transit(type, Step.Action.UNKNOWN, Optional.of(p.id()),
        level + " NSG " + p.id() + " is not in the input");
  }

  static String describe(SubnetPlane s, int route) {
    return s.routes().description(route);
  }

  static Step.Routing routeStep(SubnetPlane s, int index) {
    EffectiveRoute r = s.routes().route(index);
    Step.Action a = r.nextHopType() == dev.vnetsim.simulator.routing.RouteNextHopType.NONE ? Step.Action.DROPPED
        : Step.Action.FORWARDED;
    return new Step.Routing(a, s.routes().container(r), r.ruleName(), s.routes().description(index));
  }

  static Step delivered(ResourceId id, String what) {
    return new Step.Transit(Step.Type.DELIVERED, Step.Action.DELIVERED, Optional.of(id), what);
  }

  static Step unsupported(Optional<ResourceId> id, String why) {
    return new Step.Transit(Step.Type.UNSUPPORTED, Step.Action.UNKNOWN, id, why);
  }

  /** Assumptions a deciding NSG rule brings with it (tags whose content is a modelling choice). */
  static void ruleAssumptions(PathRecorder rec, ResolvedRule r, SubnetPlane context) {
    if (r.usesInternetTag()) {
      rec.assume(Assumptions.INTERNET_TAG.line());
    }
    if (r.usesVirtualNetworkTag() && context != null && context.subnet().routeTable().isPresent()) {
      rec.assume(Assumptions.VNET_TAG_UDR_PREFIXES.line());
    }
    if (namesPlatformTag(r)) {
      rec.assume(Assumptions.PLATFORM_TAGS.line());
    }
  }

  static boolean namesPlatformTag(ResolvedRule r) {
    return r.rule().destinationAddresses().stream().anyMatch(m -> m instanceof AddressMatch.ServiceTag t
        && (t.is("AzurePlatformDNS") || t.is("AzurePlatformIMDS")));
  }

  /**
   * How an Internet-bound packet leaves (azure-semantics.md §3.3); the step to record, the outcome, an assumption and a
   * warning (default outbound access is being retired, §3.2).
   */
  record EgressDecision(Disposition disposition, Optional<Egress> egress, Step step, Optional<String> assumption,
      Optional<String> warning) {}

  static EgressDecision egress(DataPlane dp, NicPlane sender, SubnetPlane subnet, Protocol protocol) {
    // §3.3 step 1 (and §3.1 precedence): a NAT gateway on the subnet takes all outbound; TCP/UDP only.
    if (subnet.subnet().natGateway().isPresent()) {
      NatGateway nat = subnet.natGateway().orElse(null);
      ResourceId id = subnet.subnet().natGateway().get();
      if (nat == null) {
        return new EgressDecision(Disposition.INSUFFICIENT_INFO, Optional.empty(),
            unsupported(Optional.of(id), "NAT gateway " + id + " is not in the input"), Optional.empty(),
            Optional.empty());
      }
      if (!protocol.hasPorts()) {
        return new EgressDecision(Disposition.NO_OUTBOUND_CONNECTIVITY, Optional.empty(),
            new Step.Transit(Step.Type.EGRESS, Step.Action.DROPPED, Optional.of(id),
                "NAT gateway " + nat.name() + " supports TCP and UDP only; " + protocol.armName() + " is dropped"
                    + " (§3.1)"), Optional.empty(), Optional.empty());
      }
      Snat snat = snat(dp, nat.publicIpAddresses());
      return exits(Egress.Type.NAT_GATEWAY, id, snat.first(), "via NAT gateway " + nat.name() + snat.text(
          nat.publicIpPrefixes().isEmpty() ? "" : " or an address of its public IP prefixes"));
    }
    // §3.3 step 2: an instance-level public IP on the NIC.
    if (sender != null && !sender.publicIps().isEmpty()) {
      PublicIpAddress pip = sender.publicIps().get(0);
      return exits(Egress.Type.PUBLIC_IP, pip.id(), pip.ipAddress(), "via public IP " + pip.name()
          + snat(dp, List.of(pip.id())).text(""));
    }
    // §3.3 step 3: load balancer outbound rules.
    if (sender != null && sender.outboundLoadBalancer().isPresent()) {
      LoadBalancer lb = sender.outboundLoadBalancer().get();
      List<ResourceId> frontends = new ArrayList<>();
      for (LoadBalancer.OutboundRule r : lb.outboundRules()) {
        frontends.addAll(r.frontends());
      }
      List<ResourceId> pips = new ArrayList<>();
      for (LoadBalancer.Frontend f : lb.frontends()) {
        if (frontends.contains(f.id())) {
          f.publicIpAddress().ifPresent(pips::add);
        }
      }
      Snat snat = snat(dp, pips);
      return exits(Egress.Type.LOAD_BALANCER, lb.id(), snat.first(), "via outbound rule of load balancer "
          + lb.name() + snat.text(""));
    }
    // §3.3 steps 4-5: default outbound access unless the subnet is private (§3.2).
    Optional<Boolean> doa = subnet.subnet().defaultOutboundAccess();
    if (doa.orElse(true)) {
      EgressDecision d = exits(Egress.Type.DEFAULT_OUTBOUND, subnet.subnet().id(), Optional.empty(),
          "via default outbound access: an implicit Microsoft-owned public IP whose address is not knowable and can"
              + " change (§3.2)");
      String warning = "subnet " + subnet.subnet().name() + " relies on default outbound access for Internet egress,"
          + " which Microsoft is retiring: virtual networks created with API versions released after March 31, 2026"
          + " get private subnets (defaultOutboundAccess=false) and no such egress; add a NAT gateway or another"
          + " explicit outbound method (azure-semantics.md §3.2)";
      return new EgressDecision(d.disposition(), d.egress(), d.step(), doa.isPresent() ? Optional.empty()
          : Optional.of(Assumptions.DEFAULT_OUTBOUND_ACCESS.line(subnet.subnet().name())), Optional.of(warning));
    }
    return new EgressDecision(Disposition.NO_OUTBOUND_CONNECTIVITY, Optional.empty(),
        new Step.Transit(Step.Type.EGRESS, Step.Action.DROPPED, Optional.of(subnet.subnet().id()),
            "private subnet (defaultOutboundAccess=false) without NAT gateway, public IP or load balancer outbound"
                + " rule (§3.3 step 5)"),
        Optional.empty(), Optional.empty());
  }

  /**
   * Egress of traffic an Azure Firewall allowed toward the Internet (§4.6): SNAT to the firewall's public IP, or, with
   * a NAT gateway on AzureFirewallSubnet, the NAT gateway's (assumption FW_NAT_GATEWAY, §3.1, §11.7).
   */
  static EgressDecision firewallEgress(DataPlane dp, AzureFirewall fw, SubnetPlane fs, Protocol protocol) {
    if (fs.subnet().natGateway().isPresent()) {
      EgressDecision nat = egress(dp, null, fs, protocol);
      if (nat.egress().isEmpty()) {
        return new EgressDecision(nat.disposition(), nat.egress(), nat.step(),
            Optional.of(Assumptions.FW_NAT_GATEWAY.line()), Optional.empty());
      }
      Egress e = nat.egress().get();
      return new EgressDecision(Disposition.EXITS_NETWORK, Optional.of(new Egress(Egress.Type.FIREWALL,
          Optional.of(fw.id()), e.snatAddress())), new Step.Transit(Step.Type.EGRESS, Step.Action.EXITED,
          Optional.of(fw.id()), "via Azure Firewall " + fw.name() + ", then " + nat.step().detail()),
          Optional.of(Assumptions.FW_NAT_GATEWAY.line()), Optional.empty());
    }
    List<ResourceId> pips = new ArrayList<>();
    fw.ipConfigurations().forEach(c -> c.publicIpAddress().ifPresent(pips::add));
    Snat snat = snat(dp, pips);
    return exits(Egress.Type.FIREWALL, fw.id(), snat.first(), "via Azure Firewall " + fw.name()
        + ", source NAT to its public IP" + snat.text(""));
  }

  /** The SNAT addresses of public IP resources, and how to say them (an unknown address is said, never made up). */
  private record Snat(List<IpAddress> known, List<String> unknown) {
    /** The address to report: the first known one, unless one of the public IPs has no known address. */
    Optional<IpAddress> first() {
      return unknown.isEmpty() && !known.isEmpty() ? Optional.of(known.get(0)) : Optional.empty();
    }

    String text(String prefixes) {
      String out;
      if (known.size() == 1 && prefixes.isEmpty()) {
        out = " (SNAT " + known.get(0) + ")";
      } else if (!known.isEmpty()) {
        out = " (SNAT to one of " + known + prefixes + ")";
      } else if (!prefixes.isEmpty()) {
        out = " (SNAT to an address of its public IP prefixes, not in the input)";
      } else {
        out = unknown.isEmpty() ? "; SNAT address unknown: no public IP in the input" : "";
      }
      return out + (unknown.isEmpty() ? "" : "; SNAT address unknown: " + String.join(", ", unknown));
    }
  }

  private static Snat snat(DataPlane dp, List<ResourceId> publicIps) {
    List<IpAddress> known = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (ResourceId id : publicIps) {
      PublicIpAddress p = dp.topology().publicIpAddresses().get(id);
      if (p == null) {
        unknown.add("public IP " + id.name() + " is not in the input");
      } else if (p.ipAddress().isEmpty()) {
        unknown.add("public IP " + p.name() + " has no address in the input");
      } else {
        known.add(p.ipAddress().get());
      }
    }
    return new Snat(known, unknown);
  }

  private static EgressDecision exits(Egress.Type type, ResourceId id, Optional<IpAddress> snat, String detail) {
    return new EgressDecision(Disposition.EXITS_NETWORK, Optional.of(new Egress(type, Optional.of(id), snat)),
        new Step.Transit(Step.Type.EGRESS, Step.Action.EXITED, Optional.of(id), detail), Optional.empty(),
        Optional.empty());
  }

  /**
   * The exfiltration warning (azure-semantics.md §6 [AML-EXFIL]): traffic leaves toward Storage addresses from a subnet
   * without a service endpoint policy, so every storage account there is reachable, not only the intended ones.
   */
  static Optional<String> storageWarning(DataPlane dp, SubnetPlane s, dev.vnetsim.model.IpSet destinations) {
    if (!s.subnet().serviceEndpointPolicies().isEmpty()) {
      return Optional.empty();
    }
    Optional<dev.vnetsim.model.IpSet> storage = dp.serviceTags().addresses("Storage");
    if (storage.isEmpty() || !storage.get().intersects(destinations)) {
      return Optional.empty();
    }
    return Optional.of("outbound to Storage is open from subnet " + s.subnet().name() + " without a service endpoint"
        + " policy: any storage account at these addresses is reachable, not only the workspace's (data exfiltration"
        + " risk; restrict it with a service endpoint and a service endpoint policy, azure-semantics.md §6)");
  }

  /**
   * Asymmetric routing around a stateful firewall (§4.7; FW-FAQ on spoke-to-spoke UDRs): traffic the firewall passed
   * without SNAT reached a NIC whose subnet routes the replies to the source elsewhere than the firewall.
   */
  static Optional<String> asymmetry(DataPlane dp, AzureFirewall fw, SubnetPlane at, IpAddress source) {
    Optional<IpAddress> fwIp = fw.privateIpAddress();
    if (fwIp.isEmpty() || source == null) {
      return Optional.empty();
    }
    int i = at.routes().lookup(source);
    if (i >= 0) {
      EffectiveRoute r = at.routes().route(i);
      if (r.nextHopType() == dev.vnetsim.simulator.routing.RouteNextHopType.VIRTUAL_APPLIANCE
          && r.nextHopIpAddress().contains(fwIp.get())) {
        return Optional.empty();
      }
    }
    String via = i < 0 ? "no route" : at.routes().description(i);
    return Optional.of("asymmetric routing: replies from " + at.subnet().name() + " to " + source + " follow " + via
        + ", not Azure Firewall " + fw.name() + " (" + fwIp.get() + "), which saw the request without SNAT; a"
        + " stateful firewall drops such flows (azure-semantics.md §4.7)");
  }

  /** Replies of a private endpoint do not come back through the firewall that passed the request without SNAT. */
  static String privateEndpointAsymmetry(AzureFirewall fw, PrivateEndpoint pe) {
    return "asymmetric routing: Azure Firewall " + fw.name() + " passed traffic to private endpoint " + pe.name()
        + " without SNAT (a network rule toward a private address); the endpoint's replies go straight back to the"
        + " source, not through the firewall. Microsoft recommends SNAT on the appliance for symmetric return"
        + " (azure-semantics.md §5.2, §4.6)";
  }

  /** The peering a VNet uses to reach another, directly peered VNet. */
  static Optional<ConnectedPeering> peeringTo(DataPlane dp, ResourceId fromVnet, ResourceId toVnet) {
    for (ConnectedPeering p : dp.facts().peerings(fromVnet)) {
      if (p.remoteVirtualNetwork().equals(toVnet)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Crossing a peering (§7): the remote VNet must be in the input; forwarded traffic (source outside the sending VNet)
   * must be accepted by the remote side's {@code allowForwardedTraffic}. Empty when the crossing is allowed.
   */
  record Refusal(Disposition disposition, Step step, Optional<DecidedBy> decidedBy) {}

  static Optional<Refusal> refusePeering(ConnectedPeering p, boolean forwarded) {
    if (p.remote().isEmpty()) {
      return Optional.of(new Refusal(Disposition.INSUFFICIENT_INFO, unsupported(Optional.of(p.peering().id()),
          "remote VNet " + p.remoteVirtualNetwork() + " is not in the input"), Optional.empty()));
    }
    if (forwarded) {
      Optional<VnetPeering> reverse = p.reverse();
      if (reverse.isEmpty()) {
        return Optional.of(new Refusal(Disposition.INSUFFICIENT_INFO, unsupported(Optional.of(p.peering().id()),
            "the remote side's peering back is not in the input"), Optional.empty()));
      }
      if (!reverse.get().allowForwardedTraffic()) {
        return Optional.of(new Refusal(Disposition.NULL_ROUTED, new Step.Transit(Step.Type.PEERING,
            Step.Action.DROPPED, Optional.of(reverse.get().id()), "forwarded traffic (source outside "
                + p.localVirtualNetwork().name() + ") refused: allowForwardedTraffic is false on "
                + reverse.get().name()),
            Optional.of(DecidedBy.route(reverse.get().id(), "allowForwardedTraffic"))));
      }
    }
    return Optional.empty();
  }

  static Step peeringStep(ConnectedPeering p) {
    return new Step.Transit(Step.Type.PEERING, Step.Action.FORWARDED, Optional.of(p.peering().id()),
        p.localVirtualNetwork().name() + " -> " + p.remoteVirtualNetwork().name()
            + (p.global() ? " (global peering)" : ""));
  }

  /** The gateway prefix (longest) holding a destination, for a VNet's gateway routes. */
  static Optional<GatewayPrefix> gatewayPrefix(DataPlane dp, ResourceId vnet, IpAddress dst) {
    return dp.facts().gatewayRoutes(vnet).prefixes().stream().filter(g -> g.prefix().contains(dst))
        .max(java.util.Comparator.comparingInt(g -> g.prefix().prefixLength()));
  }

  /** What sits at a virtual appliance next hop IP. */
  sealed interface Appliance permits NicAppliance, FirewallAppliance, UnknownAppliance {}

  record NicAppliance(NicPlane nic) implements Appliance {}

  record FirewallAppliance(AzureFirewall firewall) implements Appliance {}

  record UnknownAppliance(String why) implements Appliance {}

  static Appliance applianceAt(DataPlane dp, IpAddress ip) {
    Optional<NicPlane> nic = dp.nicAt(ip);
    if (nic.isPresent()) {
      return new NicAppliance(nic.get());
    }
    Optional<AzureFirewall> fw = dp.firewallAt(ip);
    if (fw.isPresent()) {
      return new FirewallAppliance(fw.get());
    }
    if (dp.loadBalancerAt(ip).isPresent()) {
      return new UnknownAppliance("next hop " + ip + " is a frontend of load balancer "
          + dp.loadBalancerAt(ip).get().name() + "; internal load balancers as next hop are not modelled yet");
    }
    return new UnknownAppliance("no NIC or firewall with the next hop address " + ip + " is in the input");
  }

  /** The firewall whose IP configuration holds a public IP, if any. */
  static Optional<AzureFirewall> firewallOfPublicIp(DataPlane dp, PublicIpAddress pip) {
    for (AzureFirewall fw : dp.topology().azureFirewalls().values()) {
      if (fw.ipConfigurations().stream().anyMatch(c -> c.publicIpAddress().map(pip.id()::equals).orElse(false))) {
        return Optional.of(fw);
      }
    }
    return Optional.empty();
  }

  /** AzureFirewallSubnet of a firewall (its first IP configuration's subnet). */
  static Optional<SubnetPlane> firewallSubnet(DataPlane dp, AzureFirewall fw) {
    return fw.ipConfigurations().stream().flatMap(c -> c.subnet().stream()).findFirst().flatMap(dp::subnet);
  }

  /**
   * Whether a private endpoint carries traffic (§5.1: only Approved connections do); empty when the input has no
   * connection for it (then the answer is {@code INSUFFICIENT_INFO}).
   */
  static Optional<Boolean> approved(PrivateEndpoint pe) {
    if (pe.connections().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(pe.connections().stream().anyMatch(c -> c.status().equalsIgnoreCase("Approved")));
  }

  /** §1.8 / §5.2: the PE subnet's NSG does not filter traffic to private endpoints unless network policies say so. */
  static Step privateEndpointNsgSkipped(SubnetPlane t, NsgPlane n) {
    return new Step.Transit(Step.Type.NSG_INBOUND, Step.Action.ALLOWED, Optional.of(n.id()), "subnet NSG "
        + n.id().name() + " does not filter traffic to private endpoints: privateEndpointNetworkPolicies is "
        + t.subnet().privateEndpointNetworkPolicies().armName() + " (§5.2)");
  }

  /** What a private endpoint leads to: target resource and group ids ({@code stamlsecure001 (blob)}). */
  static String privateEndpointTarget(PrivateEndpoint pe) {
    List<String> out = new ArrayList<>();
    for (PrivateEndpoint.Connection c : pe.connections()) {
      out.add(c.privateLinkServiceId().name() + " (" + String.join(", ", c.groupIds()) + ")");
    }
    return String.join("; ", out);
  }
}
