package dev.vnetsim.simulator;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.OtherResource;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.dns.DnsRecordSet;
import dev.vnetsim.model.dns.PrivateDnsZone;
import dev.vnetsim.model.dns.VirtualNetworkLink;
import dev.vnetsim.model.firewall.AzureFirewall;
import dev.vnetsim.model.firewall.FirewallAction;
import dev.vnetsim.model.firewall.FirewallPolicy;
import dev.vnetsim.model.firewall.FirewallRule;
import dev.vnetsim.model.firewall.RuleCollection;
import dev.vnetsim.model.firewall.RuleCollectionGroup;
import dev.vnetsim.model.network.PrivateEndpoint;
import dev.vnetsim.model.network.PublicIpAddress;
import dev.vnetsim.model.network.ServiceEndpointPolicy;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.model.network.VirtualNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Resources {@link Scenarios} does not build, added to a built topology: Azure Firewalls (classic or with a policy
 * and a parent), private DNS zones and links, storage accounts (skipped types, targets by id), service endpoint
 * policies, private endpoints with a given connection state, VNet DNS servers. Rule text helpers take ARM's spellings.
 */
public final class Extras {

  private final Topology.Builder b;

  public Extras(Topology base) {
    b = base.toBuilder();
  }

  public Topology build() {
    return b.build();
  }

  public static ResourceId id(String type, String name) {
    return Scenarios.id(type, name);
  }

  /** An Azure Firewall in {@code vnet}/AzureFirewallSubnet at {@code ip}, public IP {@code pip} (may be null). */
  public Extras firewall(String name, String vnet, String ip, String pip, String policy,
      List<RuleCollection> network, List<RuleCollection> application, List<RuleCollection> nat) {
    ResourceId fw = id("azureFirewalls", name);
    Optional<ResourceId> pipId = Optional.empty();
    if (pip != null) {
      ResourceId p = id("publicIPAddresses", name + "-pip");
      b.publicIpAddresses.put(p, new PublicIpAddress(p, name + "-pip", "westeurope", Optional.of(IpAddress.parse(pip)),
          PublicIpAddress.Sku.STANDARD, Optional.of(fw.child("azureFirewallIpConfigurations", "ipconfig")),
          Optional.empty()));
      pipId = Optional.of(p);
    }
    b.azureFirewalls.put(fw, new AzureFirewall(fw, name, "westeurope", "AZFW_VNet", "Standard",
        ImmutableList.of(new AzureFirewall.IpConfig("ipconfig", Optional.of(IpAddress.parse(ip)),
            Optional.of(Scenarios.subnetId(vnet, "AzureFirewallSubnet")), pipId)),
        Optional.ofNullable(policy).map(p -> id("firewallPolicies", p)), ImmutableList.copyOf(nat),
        ImmutableList.copyOf(network), ImmutableList.copyOf(application), "Alert"));
    return this;
  }

  public Extras policy(String name, String parent, boolean dnsProxy, RuleCollectionGroup... groups) {
    ResourceId id = id("firewallPolicies", name);
    b.firewallPolicies.put(id, new FirewallPolicy(id, name, "westeurope",
        Optional.ofNullable(parent).map(p -> id("firewallPolicies", p)), dnsProxy, "Alert",
        ImmutableList.copyOf(groups)));
    return this;
  }

  public static RuleCollectionGroup group(String policy, String name, int priority, RuleCollection... collections) {
    return new RuleCollectionGroup(id("firewallPolicies", policy).child("ruleCollectionGroups", name), name, priority,
        ImmutableList.copyOf(collections));
  }

  public static RuleCollection filter(String name, int priority, FirewallAction action, FirewallRule... rules) {
    return new RuleCollection(name, RuleCollection.Kind.FILTER, priority, action, ImmutableList.copyOf(rules));
  }

  public static RuleCollection collection(RuleCollection.Kind kind, String name, int priority, FirewallAction action,
      FirewallRule... rules) {
    return new RuleCollection(name, kind, priority, action, ImmutableList.copyOf(rules));
  }

  /** A network rule: comma lists; protocols {@code TCP,UDP,ICMP,Any}; fqdns may be empty. */
  public static FirewallRule.NetworkRule net(String name, String protocols, String sources, String destinations,
      String fqdns, String ports) {
    return new FirewallRule.NetworkRule(name, list(protocols).stream().map(p -> Protocol.tryParse(p).orElseThrow())
        .collect(ImmutableList.toImmutableList()), addresses(sources), ImmutableList.of(), addresses(destinations),
        ImmutableList.of(), list(fqdns), list(ports).stream().map(PortRange::parse)
        .collect(ImmutableList.toImmutableList()));
  }

  /** An application rule: protocols like {@code Https:443,Http:80}; targets like {@code *.github.com}. */
  public static FirewallRule.ApplicationRule app(String name, String sources, String protocols, String targets) {
    return new FirewallRule.ApplicationRule(name, list(protocols).stream().map(p -> new FirewallRule.AppProtocol(
        p.split(":")[0], Integer.parseInt(p.split(":")[1]))).collect(ImmutableList.toImmutableList()),
        addresses(sources), ImmutableList.of(), list(targets), ImmutableList.of(), ImmutableList.of(),
        ImmutableList.of(), false);
  }

  public static FirewallRule.ApplicationRule appTags(String name, String sources, String protocols, String tags) {
    FirewallRule.ApplicationRule a = app(name, sources, protocols, "");
    return new FirewallRule.ApplicationRule(name, a.protocols(), a.sourceAddresses(), ImmutableList.of(),
        ImmutableList.of(), list(tags), ImmutableList.of(), ImmutableList.of(), false);
  }

  public static FirewallRule.NatRule dnat(String name, String protocols, String sources, String destination,
      String port, String translated, int translatedPort) {
    return new FirewallRule.NatRule(name, list(protocols).stream().map(p -> Protocol.tryParse(p).orElseThrow())
        .collect(ImmutableList.toImmutableList()), addresses(sources), ImmutableList.of(), addresses(destination),
        ImmutableList.of(PortRange.parse(port)), Optional.of(translated), Optional.empty(), Optional.of(translatedPort));
  }

  private static ImmutableList<String> list(String s) {
    return s == null || s.isBlank() ? ImmutableList.of()
        : Arrays.stream(s.split(",")).map(String::trim).collect(ImmutableList.toImmutableList());
  }

  private static ImmutableList<AddressMatch> addresses(String s) {
    return list(s).stream().map(AddressMatch::parse).collect(ImmutableList.toImmutableList());
  }

  /** A private DNS zone with A records ({@code name=ip}), linked to the given VNets. */
  public Extras zone(String zone, List<String> linkedVnets, String... records) {
    ResourceId id = id("privateDnsZones", zone);
    ImmutableList.Builder<DnsRecordSet> rs = ImmutableList.builder();
    for (String r : records) {
      String[] kv = r.split("=");
      DnsRecordSet.RecordType type = kv[1].matches("[0-9.]+") ? DnsRecordSet.RecordType.A
          : DnsRecordSet.RecordType.CNAME;
      rs.add(new DnsRecordSet(id.child(type.name(), kv[0]), kv[0], type, 10,
          type == DnsRecordSet.RecordType.A ? ImmutableList.of(IpAddress.parse(kv[1])) : ImmutableList.of(),
          type == DnsRecordSet.RecordType.CNAME ? Optional.of(kv[1]) : Optional.empty()));
    }
    ImmutableList.Builder<VirtualNetworkLink> links = ImmutableList.builder();
    for (String v : linkedVnets) {
      links.add(new VirtualNetworkLink(id.child("virtualNetworkLinks", "link-" + v), "link-" + v,
          id("virtualNetworks", v), false));
    }
    b.privateDnsZones.put(id, new PrivateDnsZone(id, zone, rs.build(), links.build()));
    return this;
  }

  public static ResourceId storageAccountId(String name) {
    return ResourceId.of("/subscriptions/sub/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/"
        + name);
  }

  public Extras storageAccount(String name, String location) {
    ResourceId id = storageAccountId(name);
    b.otherResources.put(id, new OtherResource(id, name, "Microsoft.Storage/storageAccounts", location));
    return this;
  }

  /** A private endpoint for a storage account's sub-resource at {@code ip}, with the given connection status. */
  public Extras storageEndpoint(String name, String vnet, String subnet, String ip, String account, String group,
      String status) {
    ResourceId id = id("privateEndpoints", name);
    b.privateEndpoints.put(id, new PrivateEndpoint(id, name, "westeurope", Optional.of(Scenarios.subnetId(vnet,
        subnet)), ImmutableList.of(), ImmutableList.of(new PrivateEndpoint.Connection(name, storageAccountId(account),
        ImmutableList.of(group), status, false)), ImmutableList.of(),
        ImmutableList.of(new PrivateEndpoint.StaticIp("ip", group, group, IpAddress.parse(ip)))));
    return this;
  }

  public Extras serviceEndpointPolicy(String name, String... resources) {
    ResourceId id = id("serviceEndpointPolicies", name);
    b.serviceEndpointPolicies.put(id, new ServiceEndpointPolicy(id, name, "westeurope", ImmutableList.of(
        new ServiceEndpointPolicy.Definition("def-" + name, "Microsoft.Storage", ImmutableList.copyOf(resources)))));
    return this;
  }

  /** Attaches service endpoint policies to a subnet. */
  public Extras attachPolicies(String vnet, String subnet, String... policies) {
    return subnet(vnet, subnet, s -> new Subnet(s.id(), s.name(), s.addressPrefixes(), s.networkSecurityGroup(),
        s.routeTable(), s.natGateway(), s.serviceEndpoints(), Arrays.stream(policies)
            .map(p -> id("serviceEndpointPolicies", p)).collect(ImmutableList.toImmutableList()), s.delegations(),
        s.privateEndpointNetworkPolicies(), s.defaultOutboundAccess()));
  }

  /** A public load balancer with an outbound rule whose backend pool holds {@code nic}'s IP configuration. */
  public Extras outboundLoadBalancer(String name, String pipAddress, String nic) {
    ResourceId lb = id("loadBalancers", name);
    ResourceId pip = id("publicIPAddresses", name + "-pip");
    ResourceId frontend = lb.child("frontendIPConfigurations", "fe");
    ResourceId pool = lb.child("backendAddressPools", "pool");
    b.publicIpAddresses.put(pip, new PublicIpAddress(pip, name + "-pip", "westeurope",
        Optional.ofNullable(pipAddress).map(IpAddress::parse), PublicIpAddress.Sku.STANDARD, Optional.of(frontend),
        Optional.empty()));
    b.loadBalancers.put(lb, new dev.vnetsim.model.network.LoadBalancer(lb, name, "westeurope", "Standard",
        ImmutableList.of(new dev.vnetsim.model.network.LoadBalancer.Frontend(frontend, "fe", Optional.of(pip),
            Optional.empty(), Optional.empty())), ImmutableList.of(pool), ImmutableList.of(),
        ImmutableList.of(new dev.vnetsim.model.network.LoadBalancer.OutboundRule(lb.child("outboundRules", "out"),
            "out", ImmutableList.of(frontend), Optional.of(pool), Protocol.ANY))));
    ResourceId nicId = id("networkInterfaces", nic);
    dev.vnetsim.model.network.NetworkInterface n = b.networkInterfaces.get(nicId);
    ImmutableList.Builder<dev.vnetsim.model.network.IpConfiguration> ics = ImmutableList.builder();
    for (dev.vnetsim.model.network.IpConfiguration c : n.ipConfigurations()) {
      ics.add(new dev.vnetsim.model.network.IpConfiguration(c.id(), c.name(), c.privateIpAddress(),
          c.privateIpPrefixLength(), c.subnet(), c.publicIpAddress(), c.applicationSecurityGroups(),
          ImmutableList.of(pool), c.primary()));
    }
    b.networkInterfaces.put(nicId, new dev.vnetsim.model.network.NetworkInterface(n.id(), n.name(), n.location(),
        ics.build(), n.networkSecurityGroup(), n.enableIpForwarding(), n.virtualMachine(), n.privateEndpoint()));
    return this;
  }

  /** A public IP without an address in the input (a dynamic one not yet allocated), on {@code nic}. */
  public Extras publicIpWithoutAddress(String name, String nic) {
    ResourceId pip = id("publicIPAddresses", name);
    ResourceId ic = id("networkInterfaces", nic).child("ipConfigurations", "ipconfig1");
    b.publicIpAddresses.put(pip, new PublicIpAddress(pip, name, "westeurope", Optional.empty(),
        PublicIpAddress.Sku.STANDARD, Optional.of(ic), Optional.empty()));
    ResourceId nicId = id("networkInterfaces", nic);
    dev.vnetsim.model.network.NetworkInterface n = b.networkInterfaces.get(nicId);
    dev.vnetsim.model.network.IpConfiguration c = n.ipConfigurations().get(0);
    b.networkInterfaces.put(nicId, new dev.vnetsim.model.network.NetworkInterface(n.id(), n.name(), n.location(),
        ImmutableList.of(new dev.vnetsim.model.network.IpConfiguration(c.id(), c.name(), c.privateIpAddress(),
            c.privateIpPrefixLength(), c.subnet(), Optional.of(pip), c.applicationSecurityGroups(),
            c.loadBalancerBackendAddressPools(), c.primary())), n.networkSecurityGroup(), n.enableIpForwarding(),
        n.virtualMachine(), n.privateEndpoint()));
    return this;
  }

  public Extras dnsServers(String vnet, String... servers) {
    ResourceId id = id("virtualNetworks", vnet);
    VirtualNetwork v = b.virtualNetworks.get(id);
    b.virtualNetworks.put(id, new VirtualNetwork(v.id(), v.name(), v.location(), v.addressSpace(),
        Arrays.stream(servers).map(IpAddress::parse).collect(ImmutableList.toImmutableList()), v.subnets(),
        v.peerings()));
    return this;
  }

  private Extras subnet(String vnet, String subnet, UnaryOperator<Subnet> change) {
    ResourceId id = id("virtualNetworks", vnet);
    VirtualNetwork v = b.virtualNetworks.get(id);
    List<Subnet> subnets = new ArrayList<>();
    for (Subnet s : v.subnets()) {
      subnets.add(s.name().equals(subnet) ? change.apply(s) : s);
    }
    b.virtualNetworks.put(id, new VirtualNetwork(v.id(), v.name(), v.location(), v.addressSpace(), v.dnsServers(),
        ImmutableList.copyOf(subnets), v.peerings()));
    return this;
  }
}
