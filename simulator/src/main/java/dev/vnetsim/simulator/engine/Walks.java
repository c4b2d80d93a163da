package dev.vnetsim.simulator.engine;

import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.firewall.AzureFirewall;
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
    return new Step.Routing(a, s.routes().container(), r.ruleName(), s.routes().description(index));
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
  }

  /** How an Internet-bound packet leaves (azure-semantics.md §3.3); the step to record and the outcome. */
  record EgressDecision(Disposition disposition, Optional<Egress> egress, Step step, Optional<String> assumption) {}

  static EgressDecision egress(DataPlane dp, NicPlane sender, SubnetPlane subnet, Protocol protocol) {
    // §3.3 step 1 (and §3.1 precedence): a NAT gateway on the subnet takes all outbound; TCP/UDP only.
    if (subnet.subnet().natGateway().isPresent()) {
      NatGateway nat = subnet.natGateway().orElse(null);
      ResourceId id = subnet.subnet().natGateway().get();
      if (nat == null) {
        return new EgressDecision(Disposition.INSUFFICIENT_INFO, Optional.empty(),
            unsupported(Optional.of(id), "NAT gateway " + id + " is not in the input"), Optional.empty());
      }
      if (!protocol.hasPorts()) {
        return new EgressDecision(Disposition.NO_OUTBOUND_CONNECTIVITY, Optional.empty(),
            new Step.Transit(Step.Type.EGRESS, Step.Action.DROPPED, Optional.of(id),
                "NAT gateway " + nat.name() + " supports TCP and UDP only; " + protocol.armName() + " is dropped"),
            Optional.empty());
      }
      Optional<IpAddress> snat = nat.publicIpAddresses().stream()
          .flatMap(p -> Optional.ofNullable(dp.topology().publicIpAddresses().get(p)).stream())
          .flatMap(p -> p.ipAddress().stream()).findFirst();
      return exits(Egress.Type.NAT_GATEWAY, id, snat, "via NAT gateway " + nat.name());
    }
    // §3.3 step 2: an instance-level public IP on the NIC.
    if (sender != null && !sender.publicIps().isEmpty()) {
      PublicIpAddress pip = sender.publicIps().get(0);
      return exits(Egress.Type.PUBLIC_IP, pip.id(), pip.ipAddress(), "via public IP " + pip.name());
    }
    // §3.3 step 3: load balancer outbound rules.
    if (sender != null && sender.outboundLoadBalancer().isPresent()) {
      return exits(Egress.Type.LOAD_BALANCER, sender.outboundLoadBalancer().get().id(), Optional.empty(),
          "via outbound rule of load balancer " + sender.outboundLoadBalancer().get().name());
    }
    // §3.3 steps 4-5: default outbound access unless the subnet is private (§3.2).
    Optional<Boolean> doa = subnet.subnet().defaultOutboundAccess();
    if (doa.orElse(true)) {
      EgressDecision d = exits(Egress.Type.DEFAULT_OUTBOUND, subnet.subnet().id(), Optional.empty(),
          "via default outbound access");
      return doa.isPresent() ? d : new EgressDecision(d.disposition(), d.egress(), d.step(),
          Optional.of(Assumptions.DEFAULT_OUTBOUND_ACCESS.line(subnet.subnet().name())));
    }
    return new EgressDecision(Disposition.NO_OUTBOUND_CONNECTIVITY, Optional.empty(),
        new Step.Transit(Step.Type.EGRESS, Step.Action.DROPPED, Optional.of(subnet.subnet().id()),
            "private subnet (defaultOutboundAccess=false) without NAT gateway, public IP or load balancer outbound"
                + " rule"),
        Optional.empty());
  }

  private static EgressDecision exits(Egress.Type type, ResourceId id, Optional<IpAddress> snat, String detail) {
    return new EgressDecision(Disposition.EXITS_NETWORK, Optional.of(new Egress(type, Optional.of(id), snat)),
        new Step.Transit(Step.Type.EGRESS, Step.Action.EXITED, Optional.of(id), detail), Optional.empty());
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

  /** Whether a private endpoint carries traffic (§5.1: only Approved connections do). */
  static boolean approved(PrivateEndpoint pe) {
    return pe.connections().isEmpty() || pe.connections().stream().anyMatch(c -> c.status().equalsIgnoreCase(
        "Approved"));
  }
}
