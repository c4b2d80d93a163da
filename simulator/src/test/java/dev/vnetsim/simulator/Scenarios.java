package dev.vnetsim.simulator;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Access;
import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.GatewayConnection;
import dev.vnetsim.model.network.IpConfiguration;
import dev.vnetsim.model.network.LocalNetworkGateway;
import dev.vnetsim.model.network.NatGateway;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.NextHopType;
import dev.vnetsim.model.network.PrivateEndpoint;
import dev.vnetsim.model.network.PrivateEndpointNetworkPolicies;
import dev.vnetsim.model.network.PublicIpAddress;
import dev.vnetsim.model.network.Route;
import dev.vnetsim.model.network.RouteTable;
import dev.vnetsim.model.network.ServiceEndpoint;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.model.network.VirtualNetwork;
import dev.vnetsim.model.network.VirtualNetworkGateway;
import dev.vnetsim.model.network.VnetPeering;
import dev.vnetsim.model.security.ApplicationSecurityGroup;
import dev.vnetsim.model.security.DefaultSecurityRules;
import dev.vnetsim.model.security.NetworkSecurityGroup;
import dev.vnetsim.model.security.SecurityRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small fluent builder of topologies in code, for tests (the ARM readers build the same records from files). */
public final class Scenarios {

  public static final String RG = "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Network/";

  public static ResourceId id(String type, String name) {
    return ResourceId.of(RG + type + "/" + name);
  }

  public static ResourceId subnetId(String vnet, String subnet) {
    return id("virtualNetworks", vnet).child("subnets", subnet);
  }

  private final Map<String, VnetSpec> vnets = new LinkedHashMap<>();
  private final Map<String, NsgSpec> nsgs = new LinkedHashMap<>();
  private final Map<String, RouteTableSpec> tables = new LinkedHashMap<>();
  private final Map<String, NicSpec> nics = new LinkedHashMap<>();
  private final List<String> asgs = new ArrayList<>();
  private final Topology.Builder extra = Topology.builder();

  public VnetSpec vnet(String name, String location, String... space) {
    return vnets.computeIfAbsent(name, n -> new VnetSpec(n, location, space));
  }

  public NsgSpec nsg(String name) {
    return nsgs.computeIfAbsent(name, NsgSpec::new);
  }

  public RouteTableSpec routeTable(String name) {
    return tables.computeIfAbsent(name, RouteTableSpec::new);
  }

  public NicSpec nic(String name, String vnet, String subnet, String ip) {
    return nics.computeIfAbsent(name, n -> new NicSpec(n, vnet, subnet, ip));
  }

  public Scenarios asg(String name) {
    asgs.add(name);
    return this;
  }

  /** Connected peerings both ways with the given flags (same for both sides). */
  public Scenarios peer(String a, String b, boolean allowForwardedTraffic) {
    vnet(a, "").peerings.add(new PeerSpec(b, true, allowForwardedTraffic, false, false));
    vnet(b, "").peerings.add(new PeerSpec(a, true, allowForwardedTraffic, false, false));
    return this;
  }

  public Scenarios peering(String from, String to, boolean access, boolean forwarded, boolean gatewayTransit,
      boolean useRemoteGateways) {
    vnet(from, "").peerings.add(new PeerSpec(to, access, forwarded, gatewayTransit, useRemoteGateways));
    return this;
  }

  public Scenarios publicIp(String name, PublicIpAddress.Sku sku, String address, String nic) {
    ResourceId ic = id("networkInterfaces", nic).child("ipConfigurations", "ipconfig1");
    extra.publicIpAddresses.put(id("publicIPAddresses", name), new PublicIpAddress(id("publicIPAddresses", name),
        name, "westeurope", Optional.ofNullable(address).map(IpAddress::parse), sku, Optional.of(ic),
        Optional.empty()));
    nic(nic, null, null, null).publicIp = id("publicIPAddresses", name);
    return this;
  }

  public Scenarios natGateway(String name, String publicIpName, String publicIpAddress) {
    ResourceId pip = id("publicIPAddresses", publicIpName);
    extra.publicIpAddresses.put(pip, new PublicIpAddress(pip, publicIpName, "westeurope",
        Optional.of(IpAddress.parse(publicIpAddress)), PublicIpAddress.Sku.STANDARD, Optional.empty(),
        Optional.empty()));
    extra.natGateways.put(id("natGateways", name), new NatGateway(id("natGateways", name), name, "westeurope",
        ImmutableList.of(pip), ImmutableList.of(), 4));
    return this;
  }

  /** A VPN gateway in {@code vnet}'s GatewaySubnet connected to an on-premises site with these prefixes. */
  public Scenarios vpnGateway(String vnet, String name, String site, String... onPremises) {
    ResourceId gw = id("virtualNetworkGateways", name);
    extra.virtualNetworkGateways.put(gw, new VirtualNetworkGateway(gw, name, "westeurope", "Vpn",
        ImmutableList.of(subnetId(vnet, "GatewaySubnet")), false));
    ResourceId lng = id("localNetworkGateways", site);
    extra.localNetworkGateways.put(lng, new LocalNetworkGateway(lng, site, "westeurope",
        Arrays.stream(onPremises).map(Cidr::parse).collect(ImmutableList.toImmutableList()), Optional.empty()));
    ResourceId conn = id("connections", name + "-" + site);
    extra.connections.put(conn, new GatewayConnection(conn, name + "-" + site, "IPsec", Optional.of(gw),
        Optional.empty(), Optional.of(lng), "Connected"));
    return this;
  }

  public Scenarios privateEndpoint(String name, String vnet, String subnet, String ip) {
    ResourceId id = id("privateEndpoints", name);
    extra.privateEndpoints.put(id, new PrivateEndpoint(id, name, "westeurope", Optional.of(subnetId(vnet, subnet)),
        ImmutableList.of(), ImmutableList.of(new PrivateEndpoint.Connection("c", ResourceId.of(
            "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct"),
            ImmutableList.of("blob"), "Approved", false)), ImmutableList.of(),
        ImmutableList.of(new PrivateEndpoint.StaticIp("ip", "blob", "blob", IpAddress.parse(ip)))));
    return this;
  }

  public Topology build() {
    Topology.Builder b = extra;
    for (VnetSpec v : vnets.values()) {
      b.virtualNetworks.put(id("virtualNetworks", v.name), v.build());
    }
    for (NsgSpec n : nsgs.values()) {
      b.networkSecurityGroups.put(id("networkSecurityGroups", n.name), n.build());
    }
    for (RouteTableSpec r : tables.values()) {
      b.routeTables.put(id("routeTables", r.name), r.build());
    }
    for (NicSpec n : nics.values()) {
      b.networkInterfaces.put(id("networkInterfaces", n.name), n.build());
    }
    for (String a : asgs) {
      b.applicationSecurityGroups.put(id("applicationSecurityGroups", a), new ApplicationSecurityGroup(
          id("applicationSecurityGroups", a), a, "westeurope"));
    }
    return b.build();
  }

  /** A VNet and its subnets. */
  public final class VnetSpec {
    final String name;
    String location;
    final List<String> space = new ArrayList<>();
    final Map<String, SubnetSpec> subnets = new LinkedHashMap<>();
    final List<PeerSpec> peerings = new ArrayList<>();

    VnetSpec(String name, String location, String... space) {
      this.name = name;
      this.location = location;
      this.space.addAll(Arrays.asList(space));
    }

    public SubnetSpec subnet(String subnet, String... prefixes) {
      return subnets.computeIfAbsent(subnet, s -> new SubnetSpec(this, s, prefixes));
    }

    public Scenarios done() {
      return Scenarios.this;
    }

    VirtualNetwork build() {
      ResourceId id = id("virtualNetworks", name);
      ImmutableList.Builder<VnetPeering> ps = ImmutableList.builder();
      for (PeerSpec p : peerings) {
        VnetSpec remote = vnets.get(p.remote);
        ps.add(new VnetPeering(id.child("virtualNetworkPeerings", name + "-to-" + p.remote), name + "-to-" + p.remote,
            id("virtualNetworks", p.remote), p.access, p.forwarded, p.gatewayTransit, p.useRemoteGateways,
            VnetPeering.PeeringState.CONNECTED, remote == null ? ImmutableList.of()
                : remote.space.stream().map(Cidr::parse).collect(ImmutableList.toImmutableList())));
      }
      return new VirtualNetwork(id, name, location, space.stream().map(Cidr::parse)
          .collect(ImmutableList.toImmutableList()), ImmutableList.of(),
          subnets.values().stream().map(s -> s.build(id)).collect(ImmutableList.toImmutableList()), ps.build());
    }
  }

  record PeerSpec(String remote, boolean access, boolean forwarded, boolean gatewayTransit,
      boolean useRemoteGateways) {}

  /** A subnet: prefixes and attachments. */
  public final class SubnetSpec {
    final VnetSpec vnet;
    final String name;
    final List<String> prefixes;
    String nsg;
    String routeTable;
    String nat;
    Boolean defaultOutboundAccess;
    PrivateEndpointNetworkPolicies pePolicies = PrivateEndpointNetworkPolicies.DISABLED;
    final List<ServiceEndpoint> serviceEndpoints = new ArrayList<>();

    SubnetSpec(VnetSpec vnet, String name, String... prefixes) {
      this.vnet = vnet;
      this.name = name;
      this.prefixes = Arrays.asList(prefixes);
    }

    public SubnetSpec nsg(String n) {
      nsg = n;
      return this;
    }

    public SubnetSpec routeTable(String r) {
      routeTable = r;
      return this;
    }

    public SubnetSpec natGateway(String n) {
      nat = n;
      return this;
    }

    public SubnetSpec privateSubnet() {
      defaultOutboundAccess = false;
      return this;
    }

    public SubnetSpec defaultOutboundAccess(boolean b) {
      defaultOutboundAccess = b;
      return this;
    }

    public SubnetSpec privateEndpointPolicies(PrivateEndpointNetworkPolicies p) {
      pePolicies = p;
      return this;
    }

    public SubnetSpec serviceEndpoint(String service, String... locations) {
      serviceEndpoints.add(new ServiceEndpoint(service, ImmutableList.copyOf(locations)));
      return this;
    }

    public VnetSpec and() {
      return vnet;
    }

    public Scenarios done() {
      return Scenarios.this;
    }

    Subnet build(ResourceId vnetId) {
      return new Subnet(vnetId.child("subnets", name), name, prefixes.stream().map(Cidr::parse)
          .collect(ImmutableList.toImmutableList()), Optional.ofNullable(nsg).map(n -> id("networkSecurityGroups", n)),
          Optional.ofNullable(routeTable).map(r -> id("routeTables", r)),
          Optional.ofNullable(nat).map(n -> id("natGateways", n)), ImmutableList.copyOf(serviceEndpoints),
          ImmutableList.of(), ImmutableList.of(), pePolicies, Optional.ofNullable(defaultOutboundAccess));
    }
  }

  /** An NSG and its custom rules (defaults added as Azure does). */
  public final class NsgSpec {
    final String name;
    final List<SecurityRule> rules = new ArrayList<>();

    NsgSpec(String name) {
      this.name = name;
    }

    /** Addresses and ports are comma lists; an entry {@code asg:NAME} is an application security group. */
    public NsgSpec rule(String rule, int priority, Direction d, Access a, Protocol p, String src, String srcPorts,
        String dst, String dstPorts) {
      ResourceId nsgId = id("networkSecurityGroups", name);
      List<AddressMatch> srcA = new ArrayList<>();
      List<ResourceId> srcAsg = new ArrayList<>();
      split(src, srcA, srcAsg);
      List<AddressMatch> dstA = new ArrayList<>();
      List<ResourceId> dstAsg = new ArrayList<>();
      split(dst, dstA, dstAsg);
      rules.add(new SecurityRule(nsgId.child("securityRules", rule), rule, false, priority, d, a, p,
          ImmutableList.copyOf(srcA), ImmutableList.copyOf(srcAsg), ports(srcPorts), ImmutableList.copyOf(dstA),
          ImmutableList.copyOf(dstAsg), ports(dstPorts), ""));
      return this;
    }

    /** Shorthand: any source port. */
    public NsgSpec rule(String rule, int priority, Direction d, Access a, Protocol p, String src, String dst,
        String dstPorts) {
      return rule(rule, priority, d, a, p, src, "*", dst, dstPorts);
    }

    public Scenarios done() {
      return Scenarios.this;
    }

    private void split(String text, List<AddressMatch> addresses, List<ResourceId> asgIds) {
      for (String s : text.split(",")) {
        if (s.trim().startsWith("asg:")) {
          asgIds.add(id("applicationSecurityGroups", s.trim().substring(4)));
        } else {
          addresses.add(AddressMatch.parse(s.trim()));
        }
      }
    }

    private ImmutableList<PortRange> ports(String text) {
      return Arrays.stream(text.split(",")).map(PortRange::parse).collect(ImmutableList.toImmutableList());
    }

    NetworkSecurityGroup build() {
      ResourceId nsgId = id("networkSecurityGroups", name);
      return new NetworkSecurityGroup(nsgId, name, "westeurope", ImmutableList.copyOf(rules),
          DefaultSecurityRules.forNsg(nsgId));
    }
  }

  /** A route table with user routes. */
  public final class RouteTableSpec {
    final String name;
    boolean disableBgp;
    public final List<Route> routes = new ArrayList<>();

    RouteTableSpec(String name) {
      this.name = name;
    }

    public RouteTableSpec route(String route, String prefix, NextHopType type, String nextHopIp) {
      ResourceId rt = id("routeTables", name);
      routes.add(new Route(rt.child("routes", route), route, AddressMatch.parse(prefix), type,
          Optional.ofNullable(nextHopIp).map(IpAddress::parse)));
      return this;
    }

    public RouteTableSpec disableBgpRoutePropagation() {
      disableBgp = true;
      return this;
    }

    public Scenarios done() {
      return Scenarios.this;
    }

    RouteTable build() {
      return new RouteTable(id("routeTables", name), name, "westeurope", disableBgp, ImmutableList.copyOf(routes));
    }
  }

  /** A NIC with one IP configuration. */
  public final class NicSpec {
    final String name;
    String vnet;
    String subnet;
    String ip;
    String nsg;
    boolean forwarding;
    ResourceId publicIp;
    final List<String> asgs = new ArrayList<>();

    NicSpec(String name, String vnet, String subnet, String ip) {
      this.name = name;
      this.vnet = vnet;
      this.subnet = subnet;
      this.ip = ip;
    }

    public NicSpec nsg(String n) {
      nsg = n;
      return this;
    }

    public NicSpec ipForwarding() {
      forwarding = true;
      return this;
    }

    public NicSpec asg(String a) {
      asgs.add(a);
      return this;
    }

    public Scenarios done() {
      return Scenarios.this;
    }

    NetworkInterface build() {
      ResourceId nicId = id("networkInterfaces", name);
      IpConfiguration ic = new IpConfiguration(nicId.child("ipConfigurations", "ipconfig1"), "ipconfig1",
          Optional.of(IpAddress.parse(ip)), Optional.empty(), Optional.of(subnetId(vnet, subnet)),
          Optional.ofNullable(publicIp), asgs.stream().map(a -> id("applicationSecurityGroups", a))
              .collect(ImmutableList.toImmutableList()), ImmutableList.of(), true);
      return new NetworkInterface(nicId, name, "westeurope", ImmutableList.of(ic),
          Optional.ofNullable(nsg).map(n -> id("networkSecurityGroups", n)), forwarding, Optional.empty(),
          Optional.empty());
    }
  }
}
