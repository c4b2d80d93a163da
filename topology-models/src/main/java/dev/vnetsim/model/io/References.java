package dev.vnetsim.model.io;

import dev.vnetsim.model.InputPath;
import dev.vnetsim.model.LoadWarning;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.compute.AmlCompute;
import dev.vnetsim.model.dns.PrivateDnsZone;
import dev.vnetsim.model.dns.VirtualNetworkLink;
import dev.vnetsim.model.firewall.AzureFirewall;
import dev.vnetsim.model.firewall.FirewallPolicy;
import dev.vnetsim.model.network.GatewayConnection;
import dev.vnetsim.model.network.IpConfiguration;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.PrivateEndpoint;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.model.network.VirtualNetwork;
import dev.vnetsim.model.network.VnetPeering;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * References to resources that are not in the input. A partial export is normal, so each is a
 * {@link LoadWarning.Kind#DANGLING_REFERENCE} naming the referring resource and the missing one, never an error;
 * answers that need the missing resource are {@code INSUFFICIENT_INFO}. Checked: subnet → NSG, route table,
 * NAT gateway; NIC → NSG, and per IP configuration → subnet, public IP, ASGs; private endpoint → subnet;
 * firewall → policy; policy → base policy; Azure ML compute → subnet; peering → remote VNet; DNS link → VNet;
 * connection → gateways. Back-references (a public IP's {@code ipConfiguration}, an NSG's {@code subnets}) are
 * not checked.
 */
public final class References {
  private References() {}

  /** The dangling references of a topology built in code (paths are relative to each resource). */
  public static List<LoadWarning> dangling(Topology topology) {
    return dangling(topology, Map.of());
  }

  static List<LoadWarning> dangling(Topology t, Map<ResourceId, Json> origins) {
    Check k = new Check(new TopologyValidator.Origins(origins));
    for (VirtualNetwork v : t.virtualNetworks().values()) {
      for (Subnet s : v.subnets()) {
        k.ref(s.id(), "networkSecurityGroup", s.networkSecurityGroup(), t.networkSecurityGroups(),
            "network security group");
        k.ref(s.id(), "routeTable", s.routeTable(), t.routeTables(), "route table");
        k.ref(s.id(), "natGateway", s.natGateway(), t.natGateways(), "NAT gateway");
      }
      for (VnetPeering p : v.peerings()) {
        k.ref(p.id(), "remoteVirtualNetwork", Optional.of(p.remoteVirtualNetwork()), t.virtualNetworks(),
            "virtual network");
      }
    }
    for (NetworkInterface nic : t.networkInterfaces().values()) {
      k.ref(nic.id(), "networkSecurityGroup", nic.networkSecurityGroup(), t.networkSecurityGroups(),
          "network security group");
      for (IpConfiguration ic : nic.ipConfigurations()) {
        k.ref(ic.id(), "subnet", ic.subnet(), t.subnets(), "subnet");
        k.ref(ic.id(), "publicIPAddress", ic.publicIpAddress(), t.publicIpAddresses(), "public IP address");
        for (ResourceId asg : ic.applicationSecurityGroups()) {
          k.listRef(ic.id(), "applicationSecurityGroups", asg, t.applicationSecurityGroups(),
              "application security group");
        }
      }
    }
    for (PrivateEndpoint pe : t.privateEndpoints().values()) {
      k.ref(pe.id(), "subnet", pe.subnet(), t.subnets(), "subnet");
    }
    for (AzureFirewall fw : t.azureFirewalls().values()) {
      k.ref(fw.id(), "firewallPolicy", fw.firewallPolicy(), t.firewallPolicies(), "firewall policy");
    }
    for (FirewallPolicy p : t.firewallPolicies().values()) {
      k.ref(p.id(), "basePolicy", p.basePolicy(), t.firewallPolicies(), "firewall policy");
    }
    for (AmlCompute compute : t.amlComputes().values()) {
      k.missing(compute.id(), () -> k.origins.of(compute.id()).field("properties").get("subnet").refAt(),
          compute.subnet(), t.subnets(), "subnet");
    }
    for (PrivateDnsZone z : t.privateDnsZones().values()) {
      for (VirtualNetworkLink l : z.virtualNetworkLinks()) {
        k.ref(l.id(), "virtualNetwork", Optional.of(l.virtualNetwork()), t.virtualNetworks(), "virtual network");
      }
    }
    for (GatewayConnection cn : t.connections().values()) {
      k.ref(cn.id(), "virtualNetworkGateway1", cn.virtualNetworkGateway1(), t.virtualNetworkGateways(),
          "virtual network gateway");
      k.ref(cn.id(), "virtualNetworkGateway2", cn.virtualNetworkGateway2(), t.virtualNetworkGateways(),
          "virtual network gateway");
      k.ref(cn.id(), "localNetworkGateway2", cn.localNetworkGateway2(), t.localNetworkGateways(),
          "local network gateway");
    }
    return k.out;
  }

  /** Collects the warnings for one topology. */
  private static final class Check {
    private final TopologyValidator.Origins origins;
    private final List<LoadWarning> out = new ArrayList<>();

    Check(TopologyValidator.Origins origins) {
      this.origins = origins;
    }

    /** A single reference held in {@code field} of the resource {@code from}. */
    void ref(ResourceId from, String field, Optional<ResourceId> to, Map<ResourceId, ?> known, String what) {
      missing(from, () -> origins.of(from).field(field).refAt(), to, known, what);
    }

    /** One id out of the reference list {@code field} of {@code from}. */
    void listRef(ResourceId from, String field, ResourceId to, Map<ResourceId, ?> known, String what) {
      missing(from, () -> {
        Json list = origins.of(from).field(field);
        return list.elements().stream().filter(e -> e.ref().filter(to::equals).isPresent()).findFirst()
            .map(Json::refAt).orElse(list);
      }, Optional.of(to), known, what);
    }

    /** A warning when {@code to} is not known; where it is written is looked up only then. */
    void missing(ResourceId from, Supplier<Json> at, Optional<ResourceId> to, Map<ResourceId, ?> known,
        String what) {
      if (to.isPresent() && !known.containsKey(to.get())) {
        InputPath path = at.get().path();
        out.add(new LoadWarning(LoadWarning.Kind.DANGLING_REFERENCE, path, Optional.of(from), to,
            "references " + what + " " + to.get() + ", which is not in the input"));
      }
    }
  }
}
