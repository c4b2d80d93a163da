package dev.vnetsim.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
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
import dev.vnetsim.model.network.PrivateEndpoint;
import dev.vnetsim.model.network.PublicIpAddress;
import dev.vnetsim.model.network.RouteTable;
import dev.vnetsim.model.network.ServiceEndpointPolicy;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.model.network.VirtualNetwork;
import dev.vnetsim.model.network.VirtualNetworkGateway;
import dev.vnetsim.model.security.ApplicationSecurityGroup;
import dev.vnetsim.model.security.NetworkSecurityGroup;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The whole input as one immutable value: every resource by id, per kind, plus what was skipped and the warnings
 * raised while reading. A change makes a new Topology ({@link #toBuilder()}); nothing edits one in place.
 */
public final class Topology {

  private final ImmutableMap<ResourceId, VirtualNetwork> virtualNetworks;
  private final ImmutableMap<ResourceId, NetworkSecurityGroup> networkSecurityGroups;
  private final ImmutableMap<ResourceId, ApplicationSecurityGroup> applicationSecurityGroups;
  private final ImmutableMap<ResourceId, NetworkInterface> networkInterfaces;
  private final ImmutableMap<ResourceId, RouteTable> routeTables;
  private final ImmutableMap<ResourceId, NatGateway> natGateways;
  private final ImmutableMap<ResourceId, PublicIpAddress> publicIpAddresses;
  private final ImmutableMap<ResourceId, AzureFirewall> azureFirewalls;
  private final ImmutableMap<ResourceId, FirewallPolicy> firewallPolicies;
  private final ImmutableMap<ResourceId, IpGroup> ipGroups;
  private final ImmutableMap<ResourceId, PrivateEndpoint> privateEndpoints;
  private final ImmutableMap<ResourceId, PrivateDnsZone> privateDnsZones;
  private final ImmutableMap<ResourceId, VirtualNetworkGateway> virtualNetworkGateways;
  private final ImmutableMap<ResourceId, GatewayConnection> connections;
  private final ImmutableMap<ResourceId, LocalNetworkGateway> localNetworkGateways;
  private final ImmutableMap<ResourceId, LoadBalancer> loadBalancers;
  private final ImmutableMap<ResourceId, ServiceEndpointPolicy> serviceEndpointPolicies;
  private final ImmutableMap<ResourceId, VirtualMachine> virtualMachines;
  private final ImmutableMap<ResourceId, AmlCompute> amlComputes;
  private final ImmutableMap<ResourceId, OtherResource> otherResources;
  private final ImmutableSortedMap<String, Integer> skippedTypes;
  private final ImmutableList<LoadWarning> warnings;

  private final ImmutableMap<ResourceId, Subnet> subnets;
  /**
   * IP configurations and their NICs by id, built when first asked (a benign race: every thread builds the same
   * value) or shared with the source topology when the NICs are: a copy with one NIC added (an Azure ML compute's
   * probe) often never asks.
   */
  private volatile IpConfigurations ipConfigurations;

  private record IpConfigurations(ImmutableMap<ResourceId, IpConfiguration> byId,
      ImmutableMap<ResourceId, NetworkInterface> nics) {}

  private Topology(Builder b) {
    Topology src = b.source;
    virtualNetworks = kept(b.virtualNetworks, src == null ? null : src.virtualNetworks);
    networkSecurityGroups = kept(b.networkSecurityGroups, src == null ? null : src.networkSecurityGroups);
    applicationSecurityGroups = kept(b.applicationSecurityGroups, src == null ? null : src.applicationSecurityGroups);
    networkInterfaces = kept(b.networkInterfaces, src == null ? null : src.networkInterfaces);
    routeTables = kept(b.routeTables, src == null ? null : src.routeTables);
    natGateways = kept(b.natGateways, src == null ? null : src.natGateways);
    publicIpAddresses = kept(b.publicIpAddresses, src == null ? null : src.publicIpAddresses);
    azureFirewalls = kept(b.azureFirewalls, src == null ? null : src.azureFirewalls);
    firewallPolicies = kept(b.firewallPolicies, src == null ? null : src.firewallPolicies);
    ipGroups = kept(b.ipGroups, src == null ? null : src.ipGroups);
    privateEndpoints = kept(b.privateEndpoints, src == null ? null : src.privateEndpoints);
    privateDnsZones = kept(b.privateDnsZones, src == null ? null : src.privateDnsZones);
    virtualNetworkGateways = kept(b.virtualNetworkGateways, src == null ? null : src.virtualNetworkGateways);
    connections = kept(b.connections, src == null ? null : src.connections);
    localNetworkGateways = kept(b.localNetworkGateways, src == null ? null : src.localNetworkGateways);
    loadBalancers = kept(b.loadBalancers, src == null ? null : src.loadBalancers);
    serviceEndpointPolicies = kept(b.serviceEndpointPolicies, src == null ? null : src.serviceEndpointPolicies);
    virtualMachines = kept(b.virtualMachines, src == null ? null : src.virtualMachines);
    amlComputes = kept(b.amlComputes, src == null ? null : src.amlComputes);
    otherResources = kept(b.otherResources, src == null ? null : src.otherResources);
    skippedTypes = ImmutableSortedMap.copyOf(b.skippedTypes);
    warnings = ImmutableList.copyOf(b.warnings);

    if (src != null && virtualNetworks == src.virtualNetworks) {
      subnets = src.subnets;
    } else {
      ImmutableMap.Builder<ResourceId, Subnet> s = ImmutableMap.builder();
      virtualNetworks.values().forEach(v -> v.subnets().forEach(sn -> s.put(sn.id(), sn)));
      subnets = s.buildKeepingLast();
    }
    if (src != null && networkInterfaces == src.networkInterfaces) {
      ipConfigurations = src.ipConfigurations;
    }
  }

  private IpConfigurations ipConfigurations() {
    IpConfigurations out = ipConfigurations;
    if (out == null) {
      ImmutableMap.Builder<ResourceId, IpConfiguration> ic = ImmutableMap.builder();
      ImmutableMap.Builder<ResourceId, NetworkInterface> byIc = ImmutableMap.builder();
      networkInterfaces.values().forEach(n -> n.ipConfigurations().forEach(c -> {
        ic.put(c.id(), c);
        byIc.put(c.id(), n);
      }));
      out = new IpConfigurations(ic.buildKeepingLast(), byIc.buildKeepingLast());
      ipConfigurations = out;
    }
    return out;
  }

  /**
   * {@code source}'s map when {@code now} holds the very same entries in the same order (a changed copy of a large
   * topology shares what the change did not touch, and its indexes with it), else an immutable copy of {@code now}.
   */
  private static <V> ImmutableMap<ResourceId, V> kept(Map<ResourceId, V> now, ImmutableMap<ResourceId, V> source) {
    ImmutableMap<ResourceId, V> built = now instanceof DraftMap<V> d ? d.built() : null;
    if (built != null) {
      return built; // the map it was made from (source's, as toBuilder made it), or that with resources added
    }
    if (source != null && source.size() == now.size()) {
      Iterator<Map.Entry<ResourceId, V>> a = now.entrySet().iterator();
      boolean same = true;
      for (Map.Entry<ResourceId, V> e : source.entrySet()) {
        Map.Entry<ResourceId, V> x = a.next();
        if (x.getValue() != e.getValue() || x.getKey() != e.getKey()) {
          same = false;
          break;
        }
      }
      if (same) {
        return source;
      }
    }
    return ImmutableMap.copyOf(now);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this topology's contents, for making a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder(this);
    b.skippedTypes.putAll(skippedTypes);
    b.warnings.addAll(warnings);
    return b;
  }


  /** Every map of resources by id, in the order of {@link Builder#resourceMaps()}. */
  public List<ImmutableMap<ResourceId, ?>> resourceMaps() {
    return List.of(virtualNetworks, networkSecurityGroups, applicationSecurityGroups, networkInterfaces, routeTables,
        natGateways, publicIpAddresses, azureFirewalls, firewallPolicies, ipGroups, privateEndpoints,
        privateDnsZones, virtualNetworkGateways, connections, localNetworkGateways, loadBalancers,
        serviceEndpointPolicies, virtualMachines, amlComputes, otherResources);
  }

  public ImmutableMap<ResourceId, VirtualNetwork> virtualNetworks() { return virtualNetworks; }
  public ImmutableMap<ResourceId, NetworkSecurityGroup> networkSecurityGroups() { return networkSecurityGroups; }
  public ImmutableMap<ResourceId, ApplicationSecurityGroup> applicationSecurityGroups() { return applicationSecurityGroups; }
  public ImmutableMap<ResourceId, NetworkInterface> networkInterfaces() { return networkInterfaces; }
  public ImmutableMap<ResourceId, RouteTable> routeTables() { return routeTables; }
  public ImmutableMap<ResourceId, NatGateway> natGateways() { return natGateways; }
  public ImmutableMap<ResourceId, PublicIpAddress> publicIpAddresses() { return publicIpAddresses; }
  public ImmutableMap<ResourceId, AzureFirewall> azureFirewalls() { return azureFirewalls; }
  public ImmutableMap<ResourceId, FirewallPolicy> firewallPolicies() { return firewallPolicies; }
  public ImmutableMap<ResourceId, IpGroup> ipGroups() { return ipGroups; }
  public ImmutableMap<ResourceId, PrivateEndpoint> privateEndpoints() { return privateEndpoints; }
  public ImmutableMap<ResourceId, PrivateDnsZone> privateDnsZones() { return privateDnsZones; }
  public ImmutableMap<ResourceId, VirtualNetworkGateway> virtualNetworkGateways() { return virtualNetworkGateways; }
  public ImmutableMap<ResourceId, GatewayConnection> connections() { return connections; }
  public ImmutableMap<ResourceId, LocalNetworkGateway> localNetworkGateways() { return localNetworkGateways; }
  public ImmutableMap<ResourceId, LoadBalancer> loadBalancers() { return loadBalancers; }
  public ImmutableMap<ResourceId, ServiceEndpointPolicy> serviceEndpointPolicies() { return serviceEndpointPolicies; }
  public ImmutableMap<ResourceId, VirtualMachine> virtualMachines() { return virtualMachines; }
  public ImmutableMap<ResourceId, AmlCompute> amlComputes() { return amlComputes; }
  public ImmutableMap<ResourceId, OtherResource> otherResources() { return otherResources; }
  /** Resource types read but not modelled, with counts (lower-cased type names). */
  public ImmutableSortedMap<String, Integer> skippedTypes() { return skippedTypes; }
  public ImmutableList<LoadWarning> warnings() { return warnings; }

  /** Every subnet of every VNet, by subnet id. */
  public ImmutableMap<ResourceId, Subnet> subnets() { return subnets; }

  public Optional<Subnet> subnet(ResourceId id) {
    return Optional.ofNullable(subnets.get(id));
  }

  public Optional<VirtualNetwork> virtualNetworkOf(Subnet subnet) {
    return Optional.ofNullable(virtualNetworks.get(subnet.virtualNetwork()));
  }

  public Optional<IpConfiguration> ipConfiguration(ResourceId id) {
    return Optional.ofNullable(ipConfigurations().byId().get(id));
  }

  /** The NIC owning an IP configuration id. */
  public Optional<NetworkInterface> nicOfIpConfiguration(ResourceId ipConfigurationId) {
    return Optional.ofNullable(ipConfigurations().nics().get(ipConfigurationId));
  }

  /** The NIC a public IP is attached to (through one of the NIC's IP configurations), if any. */
  public Optional<NetworkInterface> nicOfPublicIp(ResourceId publicIp) {
    return Optional.ofNullable(publicIpAddresses.get(publicIp)).flatMap(PublicIpAddress::ipConfiguration)
        .flatMap(this::nicOfIpConfiguration);
  }

  /** Counts of modelled resources per ARM type (children such as subnets and rules included). */
  public ImmutableSortedMap<String, Integer> resourceCounts() {
    ImmutableSortedMap.Builder<String, Integer> b = ImmutableSortedMap.naturalOrder();
    put(b, "Microsoft.Network/virtualNetworks", virtualNetworks);
    put(b, "Microsoft.Network/virtualNetworks/subnets", subnets);
    put(b, "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
        virtualNetworks.values().stream().mapToInt(v -> v.peerings().size()).sum());
    put(b, "Microsoft.Network/networkSecurityGroups", networkSecurityGroups);
    put(b, "Microsoft.Network/networkSecurityGroups/securityRules",
        networkSecurityGroups.values().stream().mapToInt(n -> n.securityRules().size()).sum());
    put(b, "Microsoft.Network/applicationSecurityGroups", applicationSecurityGroups);
    put(b, "Microsoft.Network/networkInterfaces", networkInterfaces);
    put(b, "Microsoft.Network/routeTables", routeTables);
    put(b, "Microsoft.Network/routeTables/routes",
        routeTables.values().stream().mapToInt(r -> r.routes().size()).sum());
    put(b, "Microsoft.Network/natGateways", natGateways);
    put(b, "Microsoft.Network/publicIPAddresses", publicIpAddresses);
    put(b, "Microsoft.Network/azureFirewalls", azureFirewalls);
    put(b, "Microsoft.Network/firewallPolicies", firewallPolicies);
    put(b, "Microsoft.Network/firewallPolicies/ruleCollectionGroups",
        firewallPolicies.values().stream().mapToInt(p -> p.ruleCollectionGroups().size()).sum());
    put(b, "Microsoft.Network/ipGroups", ipGroups);
    put(b, "Microsoft.Network/privateEndpoints", privateEndpoints);
    put(b, "Microsoft.Network/privateDnsZones", privateDnsZones);
    put(b, "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
        privateDnsZones.values().stream().mapToInt(z -> z.virtualNetworkLinks().size()).sum());
    put(b, "Microsoft.Network/privateDnsZones/recordSets",
        privateDnsZones.values().stream().mapToInt(z -> z.recordSets().size()).sum());
    put(b, "Microsoft.Network/virtualNetworkGateways", virtualNetworkGateways);
    put(b, "Microsoft.Network/connections", connections);
    put(b, "Microsoft.Network/localNetworkGateways", localNetworkGateways);
    put(b, "Microsoft.Network/loadBalancers", loadBalancers);
    put(b, "Microsoft.Network/serviceEndpointPolicies", serviceEndpointPolicies);
    put(b, "Microsoft.Compute/virtualMachines", virtualMachines);
    put(b, "Microsoft.MachineLearningServices/workspaces/computes", amlComputes);
    return b.build();
  }

  private static void put(ImmutableSortedMap.Builder<String, Integer> b, String type, Map<?, ?> m) {
    put(b, type, m.size());
  }

  private static void put(ImmutableSortedMap.Builder<String, Integer> b, String type, int n) {
    if (n > 0) {
      b.put(type, n);
    }
  }

  /** Mutable collector; {@link #build()} snapshots it. */
  public static final class Builder {
    public final Map<ResourceId, VirtualNetwork> virtualNetworks;
    public final Map<ResourceId, NetworkSecurityGroup> networkSecurityGroups;
    public final Map<ResourceId, ApplicationSecurityGroup> applicationSecurityGroups;
    public final Map<ResourceId, NetworkInterface> networkInterfaces;
    public final Map<ResourceId, RouteTable> routeTables;
    public final Map<ResourceId, NatGateway> natGateways;
    public final Map<ResourceId, PublicIpAddress> publicIpAddresses;
    public final Map<ResourceId, AzureFirewall> azureFirewalls;
    public final Map<ResourceId, FirewallPolicy> firewallPolicies;
    public final Map<ResourceId, IpGroup> ipGroups;
    public final Map<ResourceId, PrivateEndpoint> privateEndpoints;
    public final Map<ResourceId, PrivateDnsZone> privateDnsZones;
    public final Map<ResourceId, VirtualNetworkGateway> virtualNetworkGateways;
    public final Map<ResourceId, GatewayConnection> connections;
    public final Map<ResourceId, LocalNetworkGateway> localNetworkGateways;
    public final Map<ResourceId, LoadBalancer> loadBalancers;
    public final Map<ResourceId, ServiceEndpointPolicy> serviceEndpointPolicies;
    public final Map<ResourceId, VirtualMachine> virtualMachines;
    public final Map<ResourceId, AmlCompute> amlComputes;
    public final Map<ResourceId, OtherResource> otherResources;
    public final Map<String, Integer> skippedTypes = new java.util.TreeMap<>();
    public final List<LoadWarning> warnings = new java.util.ArrayList<>();
    /** The topology this builder was made from ({@link #toBuilder()}): unchanged maps and indexes are shared. */
    private final Topology source;

    private Builder() {
      this(null);
    }

    /** Maps that read {@code source}'s until they are changed ({@link DraftMap}); empty without a source. */
    private Builder(Topology source) {
      this.source = source;
      virtualNetworks = new DraftMap<>(source == null ? null : source.virtualNetworks);
      networkSecurityGroups = new DraftMap<>(source == null ? null : source.networkSecurityGroups);
      applicationSecurityGroups = new DraftMap<>(source == null ? null : source.applicationSecurityGroups);
      networkInterfaces = new DraftMap<>(source == null ? null : source.networkInterfaces);
      routeTables = new DraftMap<>(source == null ? null : source.routeTables);
      natGateways = new DraftMap<>(source == null ? null : source.natGateways);
      publicIpAddresses = new DraftMap<>(source == null ? null : source.publicIpAddresses);
      azureFirewalls = new DraftMap<>(source == null ? null : source.azureFirewalls);
      firewallPolicies = new DraftMap<>(source == null ? null : source.firewallPolicies);
      ipGroups = new DraftMap<>(source == null ? null : source.ipGroups);
      privateEndpoints = new DraftMap<>(source == null ? null : source.privateEndpoints);
      privateDnsZones = new DraftMap<>(source == null ? null : source.privateDnsZones);
      virtualNetworkGateways = new DraftMap<>(source == null ? null : source.virtualNetworkGateways);
      connections = new DraftMap<>(source == null ? null : source.connections);
      localNetworkGateways = new DraftMap<>(source == null ? null : source.localNetworkGateways);
      loadBalancers = new DraftMap<>(source == null ? null : source.loadBalancers);
      serviceEndpointPolicies = new DraftMap<>(source == null ? null : source.serviceEndpointPolicies);
      virtualMachines = new DraftMap<>(source == null ? null : source.virtualMachines);
      amlComputes = new DraftMap<>(source == null ? null : source.amlComputes);
      otherResources = new DraftMap<>(source == null ? null : source.otherResources);
    }

    public <T> Builder putAll(Map<ResourceId, T> target, Iterable<T> values, Function<T, ResourceId> id) {
      values.forEach(v -> target.put(id.apply(v), v));
      return this;
    }

    public Builder warn(LoadWarning w) {
      warnings.add(w);
      return this;
    }

    public Topology build() {
      return new Topology(this);
    }

    /** Every map of resources by id, in a fixed order (readers put each resource into exactly one of them). */
    public List<Map<ResourceId, ?>> resourceMaps() {
      return List.of(virtualNetworks, networkSecurityGroups, applicationSecurityGroups, networkInterfaces, routeTables,
          natGateways, publicIpAddresses, azureFirewalls, firewallPolicies, ipGroups, privateEndpoints,
          privateDnsZones, virtualNetworkGateways, connections, localNetworkGateways, loadBalancers,
          serviceEndpointPolicies, virtualMachines, amlComputes, otherResources);
    }
  }
}
