package dev.vnetsim.model;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.compute.AmlCompute;
import dev.vnetsim.model.compute.VirtualMachine;
import dev.vnetsim.model.dns.PrivateDnsZone;
import dev.vnetsim.model.firewall.AzureFirewall;
import dev.vnetsim.model.firewall.FirewallPolicy;
import dev.vnetsim.model.firewall.IpGroup;
import dev.vnetsim.model.network.GatewayConnection;
import dev.vnetsim.model.network.IpConfiguration;
import dev.vnetsim.model.network.LoadBalancer;
import dev.vnetsim.model.network.LocalNetworkGateway;
import dev.vnetsim.model.network.NatGateway;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.NextHopType;
import dev.vnetsim.model.network.PrivateEndpoint;
import dev.vnetsim.model.network.PrivateEndpointNetworkPolicies;
import dev.vnetsim.model.network.PublicIpAddress;
import dev.vnetsim.model.network.Route;
import dev.vnetsim.model.network.RouteTable;
import dev.vnetsim.model.network.ServiceEndpointPolicy;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.model.network.VirtualNetwork;
import dev.vnetsim.model.network.VirtualNetworkGateway;
import dev.vnetsim.model.network.VnetPeering;
import dev.vnetsim.model.security.ApplicationSecurityGroup;
import dev.vnetsim.model.security.DefaultSecurityRules;
import dev.vnetsim.model.security.NetworkSecurityGroup;
import dev.vnetsim.model.security.SecurityRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Small topologies built in code, for tests in every module (published in the topology-models test-jar). Resources
 * live in one subscription and resource group ({@link #SUBSCRIPTION}, {@link #RESOURCE_GROUP}) in {@link #LOCATION};
 * every factory takes names and builds the ARM ids. {@link #topology(Object...)} puts records of any kind into a
 * Topology.
 *
 * <pre>{@code
 * Subnet app = subnet("hub", "app", "10.0.1.0/24", nsgId("app-nsg"));
 * Topology t = topology(
 *     vnet("hub", "10.0.0.0/16", app),
 *     nsg("app-nsg", rule("app-nsg", "ssh", 100, Direction.INBOUND, Access.ALLOW, Protocol.TCP, "*", "*", "22")),
 *     nic("vm1-nic", app.id(), "10.0.1.4"));
 * }</pre>
 */
public final class TopologyFixtures {
  private TopologyFixtures() {}

  public static final String SUBSCRIPTION = "00000000-0000-0000-0000-000000000001";
  public static final String RESOURCE_GROUP = "rg-test";
  public static final String LOCATION = "eastus";

  // ---- ids

  /** {@code /subscriptions/…/resourceGroups/…/providers/<provider>/<type>/<name>}. */
  public static ResourceId id(String provider, String type, String name) {
    return ResourceId.of("/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + RESOURCE_GROUP + "/providers/"
        + provider + "/" + type + "/" + name);
  }

  public static ResourceId networkId(String type, String name) {
    return id("Microsoft.Network", type, name);
  }

  public static ResourceId vnetId(String vnet) {
    return networkId("virtualNetworks", vnet);
  }

  public static ResourceId subnetId(String vnet, String subnet) {
    return vnetId(vnet).child("subnets", subnet);
  }

  public static ResourceId nsgId(String name) {
    return networkId("networkSecurityGroups", name);
  }

  public static ResourceId routeTableId(String name) {
    return networkId("routeTables", name);
  }

  public static ResourceId natGatewayId(String name) {
    return networkId("natGateways", name);
  }

  public static ResourceId publicIpId(String name) {
    return networkId("publicIPAddresses", name);
  }

  public static ResourceId asgId(String name) {
    return networkId("applicationSecurityGroups", name);
  }

  public static ResourceId nicId(String name) {
    return networkId("networkInterfaces", name);
  }

  public static ResourceId firewallPolicyId(String name) {
    return networkId("firewallPolicies", name);
  }

  // ---- network

  public static VirtualNetwork vnet(String name, String addressSpace, Subnet... subnets) {
    return new VirtualNetwork(vnetId(name), name, LOCATION, ImmutableList.of(Cidr.parse(addressSpace)),
        ImmutableList.of(), ImmutableList.copyOf(subnets), ImmutableList.of());
  }

  /** The same VNet with peerings added. */
  public static VirtualNetwork withPeerings(VirtualNetwork v, VnetPeering... peerings) {
    return new VirtualNetwork(v.id(), v.name(), v.location(), v.addressSpace(), v.dnsServers(), v.subnets(),
        ImmutableList.<VnetPeering>builder().addAll(v.peerings()).add(peerings).build());
  }

  /** A connected peering from {@code vnet} to {@code remote} allowing VNet access. */
  public static VnetPeering peering(String vnet, String name, VirtualNetwork remote) {
    return new VnetPeering(vnetId(vnet).child("virtualNetworkPeerings", name), name, remote.id(), true, false, false,
        false, VnetPeering.PeeringState.CONNECTED, remote.addressSpace());
  }

  public static Subnet subnet(String vnet, String name, String prefix) {
    return subnet(vnet, name, prefix, null, null, null);
  }

  public static Subnet subnet(String vnet, String name, String prefix, ResourceId nsg) {
    return subnet(vnet, name, prefix, nsg, null, null);
  }

  /** A subnet with an optional (nullable) NSG, route table and NAT gateway. */
  public static Subnet subnet(String vnet, String name, String prefix, ResourceId nsg, ResourceId routeTable,
      ResourceId natGateway) {
    return new Subnet(subnetId(vnet, name), name, ImmutableList.of(Cidr.parse(prefix)), Optional.ofNullable(nsg),
        Optional.ofNullable(routeTable), Optional.ofNullable(natGateway), ImmutableList.of(), ImmutableList.of(),
        ImmutableList.of(), PrivateEndpointNetworkPolicies.DISABLED, Optional.empty());
  }

  public static NetworkInterface nic(String name, ResourceId subnet, String ip) {
    return nic(name, subnet, ip, null, null);
  }

  /** A NIC with one primary IP configuration, an optional NIC NSG and an optional public IP (nullable). */
  public static NetworkInterface nic(String name, ResourceId subnet, String ip, ResourceId nsg, ResourceId publicIp) {
    IpConfiguration ic = new IpConfiguration(nicId(name).child("ipConfigurations", "ipconfig1"), "ipconfig1",
        Optional.of(IpAddress.parse(ip)), Optional.empty(), Optional.of(subnet), Optional.ofNullable(publicIp),
        ImmutableList.of(), ImmutableList.of(), true);
    return new NetworkInterface(nicId(name), name, LOCATION, ImmutableList.of(ic), Optional.ofNullable(nsg), false,
        Optional.empty(), Optional.empty());
  }

  public static PublicIpAddress publicIp(String name, String address, PublicIpAddress.Sku sku) {
    return new PublicIpAddress(publicIpId(name), name, LOCATION, Optional.ofNullable(address).map(IpAddress::parse),
        sku, Optional.empty(), Optional.empty());
  }

  public static NatGateway natGateway(String name, ResourceId... publicIps) {
    return new NatGateway(natGatewayId(name), name, LOCATION, ImmutableList.copyOf(publicIps), ImmutableList.of(), 4);
  }

  public static RouteTable routeTable(String name, Route... routes) {
    return new RouteTable(routeTableId(name), name, LOCATION, false, ImmutableList.copyOf(routes));
  }

  /** A route; {@code prefix} is a CIDR or a service tag; {@code nextHopIp} may be null. */
  public static Route route(String table, String name, String prefix, NextHopType nextHop, String nextHopIp) {
    AddressMatch match = Cidr.looksLikePrefix(prefix) ? new AddressMatch.Prefix(Cidr.parse(prefix))
        : new AddressMatch.ServiceTag(prefix);
    return new Route(routeTableId(table).child("routes", name), name, match, nextHop,
        Optional.ofNullable(nextHopIp).map(IpAddress::parse));
  }

  // ---- security

  /** An NSG with the given custom rules and Azure's six default rules. */
  public static NetworkSecurityGroup nsg(String name, SecurityRule... rules) {
    return new NetworkSecurityGroup(nsgId(name), name, LOCATION, ImmutableList.copyOf(rules),
        DefaultSecurityRules.forNsg(nsgId(name)));
  }

  /**
   * A custom rule; {@code source} and {@code destination} are address terms as ARM writes them ({@code *},
   * {@code 10.0.0.0/24}, {@code VirtualNetwork}), comma-separated for several; {@code destinationPorts} likewise
   * ({@code *}, {@code 22}, {@code 80,443}, {@code 1000-2000}). Source ports are {@code *}.
   */
  public static SecurityRule rule(String nsg, String name, int priority, Direction direction, Access access,
      Protocol protocol, String source, String destination, String destinationPorts) {
    return new SecurityRule(nsgId(nsg).child("securityRules", name), name, false, priority, direction, access,
        protocol, addresses(source), ImmutableList.of(), ImmutableList.of(PortRange.ALL), addresses(destination),
        ImmutableList.of(), ports(destinationPorts), "");
  }

  public static ApplicationSecurityGroup asg(String name) {
    return new ApplicationSecurityGroup(asgId(name), name, LOCATION);
  }

  public static ImmutableList<AddressMatch> addresses(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).map(AddressMatch::parse)
        .collect(ImmutableList.toImmutableList());
  }

  public static ImmutableList<PortRange> ports(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).map(PortRange::parse)
        .collect(ImmutableList.toImmutableList());
  }

  // ---- compute

  public static AmlCompute amlCompute(String workspace, String name, AmlCompute.Kind kind, ResourceId subnet,
      boolean publicIp) {
    ResourceId id = id("Microsoft.MachineLearningServices", "workspaces", workspace).child("computes", name);
    return new AmlCompute(id, name, LOCATION, kind, Optional.of(subnet), publicIp,
        kind == AmlCompute.Kind.INSTANCE ? 1 : 4);
  }

  // ---- whole topologies

  /** A topology holding the given records (any modelled kind, or {@link OtherResource}). */
  public static Topology topology(Object... resources) {
    return builder(resources).build();
  }

  /** A builder holding the given records, for adding warnings or more resources. */
  public static Topology.Builder builder(Object... resources) {
    Topology.Builder b = Topology.builder();
    for (Object r : resources) {
      add(b, r);
    }
    return b;
  }

  private static void add(Topology.Builder b, Object r) {
    if (r instanceof VirtualNetwork v) {
      b.virtualNetworks.put(v.id(), v);
    } else if (r instanceof NetworkSecurityGroup n) {
      b.networkSecurityGroups.put(n.id(), n);
    } else if (r instanceof ApplicationSecurityGroup a) {
      b.applicationSecurityGroups.put(a.id(), a);
    } else if (r instanceof NetworkInterface n) {
      b.networkInterfaces.put(n.id(), n);
    } else if (r instanceof RouteTable t) {
      b.routeTables.put(t.id(), t);
    } else if (r instanceof NatGateway n) {
      b.natGateways.put(n.id(), n);
    } else if (r instanceof PublicIpAddress p) {
      b.publicIpAddresses.put(p.id(), p);
    } else if (r instanceof AzureFirewall f) {
      b.azureFirewalls.put(f.id(), f);
    } else if (r instanceof FirewallPolicy p) {
      b.firewallPolicies.put(p.id(), p);
    } else if (r instanceof IpGroup g) {
      b.ipGroups.put(g.id(), g);
    } else if (r instanceof PrivateEndpoint p) {
      b.privateEndpoints.put(p.id(), p);
    } else if (r instanceof PrivateDnsZone z) {
      b.privateDnsZones.put(z.id(), z);
    } else if (r instanceof VirtualNetworkGateway g) {
      b.virtualNetworkGateways.put(g.id(), g);
    } else if (r instanceof GatewayConnection c) {
      b.connections.put(c.id(), c);
    } else if (r instanceof LocalNetworkGateway g) {
      b.localNetworkGateways.put(g.id(), g);
    } else if (r instanceof LoadBalancer l) {
      b.loadBalancers.put(l.id(), l);
    } else if (r instanceof ServiceEndpointPolicy p) {
      b.serviceEndpointPolicies.put(p.id(), p);
    } else if (r instanceof VirtualMachine v) {
      b.virtualMachines.put(v.id(), v);
    } else if (r instanceof AmlCompute c) {
      b.amlComputes.put(c.id(), c);
    } else if (r instanceof OtherResource o) {
      b.otherResources.put(o.id(), o);
      b.skippedTypes.merge(o.type().toLowerCase(Locale.ROOT), 1, Integer::sum);
    } else {
      throw new IllegalArgumentException("not a topology resource: " + r);
    }
  }

  // ---- shared data

  /**
   * The shared test data folder ({@code ../shared/data} beside the repository). Maven runs tests in the module
   * folder, so both {@code ../../shared/data} and {@code ../shared/data} are tried.
   */
  public static Path sharedData() {
    for (String candidate : List.of("../../shared/data", "../shared/data", "shared/data")) {
      Path p = Path.of(candidate);
      if (Files.isDirectory(p)) {
        return p.normalize();
      }
    }
    throw new IllegalStateException("shared test data not found from " + Path.of("").toAbsolutePath()
        + " (looked for ../../shared/data and ../shared/data)");
  }
}
