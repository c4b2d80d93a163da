package dev.vnetsim.simulator.resolve;

import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.network.Route;
import dev.vnetsim.model.network.RouteTable;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.model.network.VirtualNetwork;

/**
 * The virtual service tags of one subnet, which Azure computes from the topology (azure-semantics.md §1.7; DESIGN §4):
 * <ul>
 *   <li>{@code VirtualNetwork}: the VNet's address space, connected peered VNets' spaces (peerings that allow virtual
 *       network access, assumption PEERING_ACCESS), prefixes reachable through a VNet gateway (own or by transit),
 *       168.63.129.16/32 [VNT-ISS #38326], and the explicit prefixes of every user route in the subnet's route table,
 *       0.0.0.0/0 included [VNT-ISS #22178, #124192] (assumption VNET_TAG_UDR_PREFIXES);</li>
 *   <li>{@code Internet}: public address space: everything outside the private, shared and special ranges and outside
 *       the VNet, peered and gateway address spaces (assumption INTERNET_TAG, §11.6);</li>
 *   <li>{@code AzureLoadBalancer}: 168.63.129.16/32 (§1.7).</li>
 * </ul>
 */
public record VirtualTags(IpSet virtualNetwork, IpSet internet, IpSet azureLoadBalancer) {

  /** The host virtual IP (azure-semantics.md §1.7, §1.8). */
  public static final IpSet HOST_VIP = IpSet.parse("168.63.129.16/32");

  /**
   * IPv4 ranges never in the Internet tag: this network, RFC 1918, RFC 6598 shared space, loopback, link-local,
   * multicast and reserved (the effective-rules expansion of Internet starts at 1.0.0.0/8 [NetworkInterfaceEffective
   * NSGList.json]; private ranges hit DenyAllOutBound, not AllowInternetOutBound [NW-IPFV]).
   */
  public static final IpSet NOT_INTERNET_V4 = IpSet.parse("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
      "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16", "224.0.0.0/3", "168.63.129.16/32");

  /** IPv6 public space: global unicast 2000::/3. */
  public static final IpSet PUBLIC_V6 = IpSet.parse("2000::/3");

  /** Public addresses in general (Internet without any VNet context). */
  public static final IpSet PUBLIC = IpSet.ALL_V4.difference(NOT_INTERNET_V4).union(PUBLIC_V6);

  public static VirtualTags forSubnet(NetworkFacts facts, Subnet subnet) {
    VirtualNetwork vnet = facts.topology().virtualNetworkOf(subnet).orElse(null);
    IpSet spaces = IpSet.EMPTY;
    IpSet tagSpaces = IpSet.EMPTY;
    if (vnet != null) {
      spaces = NetworkFacts.addressSpace(vnet);
      tagSpaces = spaces;
      for (ConnectedPeering p : facts.peerings(vnet.id())) {
        IpSet remote = IpSet.ofCidrs(p.remoteAddressSpace());
        spaces = spaces.union(remote);
        if (p.peering().allowVirtualNetworkAccess()) {
          tagSpaces = tagSpaces.union(remote);
        }
      }
      for (GatewayPrefix g : facts.gatewayRoutes(vnet.id()).prefixes()) {
        spaces = spaces.union(g.prefix().toIpSet());
        tagSpaces = tagSpaces.union(g.prefix().toIpSet());
      }
    }
    IpSet udr = IpSet.EMPTY;
    RouteTable rt = subnet.routeTable().map(id -> facts.topology().routeTables().get(id)).orElse(null);
    if (rt != null) {
      for (Route r : rt.routes()) {
        if (r.addressPrefix() instanceof AddressMatch.Prefix p) {
          udr = udr.union(p.cidr().toIpSet());
        } else if (r.addressPrefix() instanceof AddressMatch.Any) {
          udr = udr.union(IpSet.ALL_V4);
        }
      }
    }
    IpSet virtualNetwork = tagSpaces.union(HOST_VIP).union(udr);
    IpSet internet = PUBLIC.difference(spaces);
    return new VirtualTags(virtualNetwork, internet, HOST_VIP);
  }

  /** Tags for an address outside any subnet (an Internet client): VirtualNetwork empty, Internet = public space. */
  public static VirtualTags outside() {
    return new VirtualTags(HOST_VIP, PUBLIC, HOST_VIP);
  }
}
