package dev.vnetsim.simulator.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.PrivateEndpoint;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.model.network.VirtualNetwork;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded random changes of VNets as change files: subnets added (with or without an NSG) or removed, address spaces
 * widened (with a private, shared or public prefix or another VNet's, the peerings back synced or not, a subnet in
 * the new space or not), peerings removed or edited (forwarded traffic, VNet access, state, remote gateways), and a
 * new VNet peered with an existing one (one way or both); private endpoints added or removed
 * ({@link #endpointPatch}); NICs readdressed, moved, regrouped, added or deleted ({@link #nicPatch}).
 */
public final class RandomVnetChanges {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] NEW_SPACES = {"172.20.0.0/24", "10.200.0.0/24", "100.64.8.0/24", "20.40.0.0/24"};

  private RandomVnetChanges() {}

  /** One or two operations, each on a VNet no earlier operation of the patch touched. */
  public static String patch(Topology base, SplittableRandom rnd) {
    ArrayNode ops = JSON.createArrayNode();
    Set<ResourceId> touched = new HashSet<>();
    for (int i = 0, n = 1 + rnd.nextInt(2); i < n; i++) {
      List<VirtualNetwork> vnets = new ArrayList<>(base.virtualNetworks().values());
      vnets.removeIf(v -> touched.contains(v.id()));
      if (vnets.isEmpty()) {
        break;
      }
      VirtualNetwork v = vnets.get(rnd.nextInt(vnets.size()));
      touched.add(v.id());
      switch (rnd.nextInt(5)) {
        case 0 -> addSubnet(base, v, rnd, ops, Optional.empty());
        case 1 -> removeSubnet(base, v, rnd, ops);
        case 2 -> widen(base, v, rnd, ops, touched);
        case 3 -> editPeering(v, rnd, ops);
        default -> newVnet(base, v, rnd, ops, touched);
      }
    }
    return ops.toString();
  }

  /**
   * The address space of the VNet that holds the Azure Firewall widened (a carrier's VNet), as {@link #patch} widens
   * any: a private range, a public one or another VNet's, with a subnet in it or not, the peerings synced or not.
   */
  public static String hubPatch(Topology base, SplittableRandom rnd) {
    ArrayNode ops = JSON.createArrayNode();
    Set<ResourceId> touched = new HashSet<>();
    base.azureFirewalls().values().stream().flatMap(f -> f.ipConfigurations().stream())
        .flatMap(c -> c.subnet().stream()).findFirst().flatMap(ResourceId::parent)
        .map(id -> base.virtualNetworks().get(id)).ifPresent(v -> {
          touched.add(v.id());
          widen(base, v, rnd, ops, touched);
        });
    return ops.toString();
  }

  /**
   * One or two VNets given other DNS servers: an Azure Firewall's private address (its DNS proxy, when on, resolves
   * for them), an address that is no firewall (custom DNS), or none (Azure DNS again).
   */
  public static String dnsPatch(Topology base, SplittableRandom rnd) {
    ArrayNode ops = JSON.createArrayNode();
    List<VirtualNetwork> vnets = new ArrayList<>(base.virtualNetworks().values());
    List<String> servers = new ArrayList<>(List.of("10.0.0.53"));
    base.azureFirewalls().values().forEach(f -> f.privateIpAddress().ifPresent(ip -> servers.add(ip.toString())));
    List<VirtualNetwork> named = vnets.stream().filter(v -> base.amlComputes().values().stream()
        .anyMatch(c -> c.subnet().flatMap(ResourceId::parent).filter(v.id()::equals).isPresent())).toList();
    for (int i = 0, n = 1 + rnd.nextInt(2); i < n && !vnets.isEmpty(); i++) {
      // the first a VNet whose compute's rows resolve names, when there is one
      VirtualNetwork v = i == 0 && !named.isEmpty() ? named.get(rnd.nextInt(named.size()))
          : vnets.get(rnd.nextInt(vnets.size()));
      vnets.remove(v);
      ObjectNode options = JSON.createObjectNode();
      ArrayNode dns = options.putArray("dnsServers");
      if (rnd.nextInt(4) > 0) {
        dns.add(servers.get(rnd.nextInt(servers.size())));
      }
      ops.add(RandomChanges.op("add", v.id().value() + "/properties/dhcpOptions", options));
    }
    return ops.toString();
  }

  /**
   * One or two private endpoint changes: an endpoint added (with its NIC and a custom DNS config for a storage
   * account's blob FQDN) in a random subnet, or one removed with its NIC.
   */
  public static String endpointPatch(Topology base, SplittableRandom rnd) {
    ArrayNode ops = JSON.createArrayNode();
    Set<IpAddress> used = usedAddresses(base);
    Set<ResourceId> removed = new HashSet<>();
    for (int i = 0, n = 1 + rnd.nextInt(2); i < n; i++) {
      List<PrivateEndpoint> pes = new ArrayList<>(base.privateEndpoints().values());
      pes.removeIf(pe -> removed.contains(pe.id()));
      if (!pes.isEmpty() && rnd.nextInt(3) == 0) {
        PrivateEndpoint pe = pes.get(rnd.nextInt(pes.size()));
        removed.add(pe.id());
        ops.addObject().put("op", "delete").put("id", pe.id().value());
        pe.networkInterfaces().stream().filter(base.networkInterfaces()::containsKey)
            .forEach(nic -> ops.addObject().put("op", "delete").put("id", nic.value()));
        continue;
      }
      List<Subnet> subnets = ordinarySubnets(base);
      subnets.removeIf(x -> !x.delegations().isEmpty());
      Subnet subnet = subnets.get(rnd.nextInt(subnets.size()));
      Optional<IpAddress> free = free(subnet, rnd, used);
      if (free.isEmpty()) {
        continue;
      }
      IpAddress ip = free.get();
      String name = "pe-random-" + rnd.nextInt(1_000_000);
      String rg = subnet.id().value().substring(0, subnet.id().value().indexOf("/providers/") + 11);
      String pe = rg + "Microsoft.Network/privateEndpoints/" + name;
      String nic = rg + "Microsoft.Network/networkInterfaces/" + name + ".nic";
      String account = base.otherResources().values().stream()
          .filter(o -> o.type().equalsIgnoreCase("Microsoft.Storage/storageAccounts")).map(o -> o.id().value())
          .findFirst().orElse(rg.replace("Microsoft.Network/", "") + "Microsoft.Storage/storageAccounts/strandom");
      String accountName = account.substring(account.lastIndexOf('/') + 1);
      ObjectNode r = JSON.createObjectNode().put("id", pe).put("name", name)
          .put("type", "Microsoft.Network/privateEndpoints").put("location", "eastus");
      ObjectNode p = r.putObject("properties");
      p.putObject("subnet").put("id", subnet.id().value());
      p.putArray("networkInterfaces").addObject().put("id", nic);
      ObjectNode conn = p.putArray("privateLinkServiceConnections").addObject().put("name", name);
      ObjectNode cp = conn.putObject("properties").put("privateLinkServiceId", account);
      cp.putArray("groupIds").add("blob");
      cp.putObject("privateLinkServiceConnectionState").put("status", "Approved");
      ObjectNode dns = p.putArray("customDnsConfigs").addObject().put("fqdn", accountName + ".blob.core.windows.net");
      dns.putArray("ipAddresses").add(ip.toString());
      ops.addObject().put("op", "put").set("resource", r);
      ObjectNode nicNode = JSON.createObjectNode().put("id", nic).put("name", name + ".nic")
          .put("type", "Microsoft.Network/networkInterfaces").put("location", "eastus");
      ObjectNode np = nicNode.putObject("properties");
      ObjectNode ic = np.putArray("ipConfigurations").addObject().put("name", "privateEndpointIpConfig.blob");
      ic.putObject("properties").put("privateIPAddress", ip.toString()).putObject("subnet")
          .put("id", subnet.id().value());
      np.putObject("privateEndpoint").put("id", pe);
      ops.addObject().put("op", "put").set("resource", nicNode);
    }
    return ops.toString();
  }

  /**
   * One or two NIC changes (not an appliance's, a private endpoint's or a load balancer backend's): its address moved
   * in its subnet, the NIC moved to another subnet, its application security groups dropped or swapped, a NIC added
   * with an ASG, or the NIC deleted.
   */
  public static String nicPatch(Topology base, SplittableRandom rnd) {
    ArrayNode ops = JSON.createArrayNode();
    Set<IpAddress> used = usedAddresses(base);
    List<NetworkInterface> nics = new ArrayList<>(base.networkInterfaces().values());
    nics.removeIf(n -> n.privateEndpoint().isPresent() || n.enableIpForwarding() || n.ipConfigurations().isEmpty()
        || n.ipConfigurations().get(0).subnet().isEmpty()
        || n.ipConfigurations().stream().anyMatch(c -> !c.loadBalancerBackendAddressPools().isEmpty()));
    List<Subnet> subnets = ordinarySubnets(base);
    List<ResourceId> asgs = new ArrayList<>(base.applicationSecurityGroups().keySet());
    Set<ResourceId> touched = new HashSet<>();
    for (int i = 0, n = 1 + rnd.nextInt(2); i < n && !nics.isEmpty(); i++) {
      NetworkInterface nic = nics.get(rnd.nextInt(nics.size()));
      if (!touched.add(nic.id())) {
        continue;
      }
      String at = nic.id().value() + "/properties/ipConfigurations/0/properties";
      Subnet home = base.subnet(nic.ipConfigurations().get(0).subnet().get()).orElse(subnets.get(0));
      switch (rnd.nextInt(5)) {
        case 0 -> free(home, rnd, used).ifPresent(ip -> ops.add(RandomChanges.op("add", at + "/privateIPAddress",
            JSON.getNodeFactory().textNode(ip.toString()))));
        case 1 -> {
          Subnet other = subnets.get(rnd.nextInt(subnets.size()));
          free(other, rnd, used).ifPresent(ip -> {
            ops.add(RandomChanges.op("add", at + "/subnet", JSON.createObjectNode().put("id", other.id().value())));
            ops.add(RandomChanges.op("add", at + "/privateIPAddress", JSON.getNodeFactory().textNode(ip.toString())));
          });
        }
        case 2 -> {
          ArrayNode groups = JSON.createArrayNode();
          if (!asgs.isEmpty() && rnd.nextBoolean()) {
            groups.addObject().put("id", asgs.get(rnd.nextInt(asgs.size())).value());
          }
          ops.add(RandomChanges.op("add", at + "/applicationSecurityGroups", groups));
        }
        case 3 -> free(home, rnd, used).ifPresent(ip -> {
          String id = nic.id().value() + "-random";
          ObjectNode added = JSON.createObjectNode().put("id", id).put("name", nic.name() + "-random")
              .put("type", "Microsoft.Network/networkInterfaces").put("location", nic.location());
          ObjectNode ic = added.putObject("properties").putArray("ipConfigurations").addObject()
              .put("name", "ipconfig1");
          ObjectNode ip1 = ic.putObject("properties").put("privateIPAddress", ip.toString()).put("primary", true);
          ip1.putObject("subnet").put("id", home.id().value());
          if (!asgs.isEmpty()) {
            ip1.putArray("applicationSecurityGroups").addObject().put("id", asgs.get(rnd.nextInt(asgs.size())).value());
          }
          ops.addObject().put("op", "put").set("resource", added);
        });
        default -> ops.addObject().put("op", "delete").put("id", nic.id().value());
      }
    }
    return ops.toString();
  }

  private static Set<IpAddress> usedAddresses(Topology base) {
    Set<IpAddress> used = new HashSet<>();
    base.networkInterfaces().values().forEach(n -> n.ipConfigurations().forEach(c -> c.privateIpAddress()
        .ifPresent(used::add)));
    return used;
  }

  /** Subnets that hold no firewall or gateway. */
  private static List<Subnet> ordinarySubnets(Topology base) {
    List<Subnet> out = new ArrayList<>(base.subnets().values());
    out.removeIf(x -> x.name().toLowerCase(Locale.ROOT).contains("firewall")
        || x.name().toLowerCase(Locale.ROOT).contains("gateway"));
    return out;
  }

  /** An address of the subnet's first prefix that no NIC uses (from .4 on), claimed. */
  private static Optional<IpAddress> free(Subnet s, SplittableRandom rnd, Set<IpAddress> used) {
    Cidr prefix = s.addressPrefixes().get(0);
    if (prefix.family() != dev.vnetsim.model.IpFamily.IPV4 || prefix.prefixLength() > 28) {
      return Optional.empty();
    }
    IpAddress ip = IpAddress.v4(prefix.network().lo() + 4 + rnd.nextInt(8));
    return used.add(ip) ? Optional.of(ip) : Optional.empty();
  }

  private static void addSubnet(Topology base, VirtualNetwork v, SplittableRandom rnd, ArrayNode ops,
      Optional<IpSet> within) {
    IpSet free = within.orElse(IpSet.ofCidrs(v.addressSpace()).v4Only());
    for (Subnet s : v.subnets()) {
      free = free.difference(IpSet.ofCidrs(s.addressPrefixes()));
    }
    Optional<Cidr> room = free.toCidrs().stream().filter(c -> c.prefixLength() <= 28).findFirst();
    if (room.isEmpty()) {
      return;
    }
    String name = "snet-random-" + rnd.nextInt(1_000_000);
    ObjectNode subnet = JSON.createObjectNode().put("id", v.id().value() + "/subnets/" + name).put("name", name);
    ObjectNode p = subnet.putObject("properties").put("addressPrefix", Cidr.of(room.get().network(), 28).toString());
    List<ResourceId> nsgs = new ArrayList<>(base.networkSecurityGroups().keySet());
    if (!nsgs.isEmpty() && rnd.nextBoolean()) {
      p.putObject("networkSecurityGroup").put("id", nsgs.get(rnd.nextInt(nsgs.size())).value());
    }
    ops.add(RandomChanges.op("add", v.id().value() + "/properties/subnets/-", subnet));
  }

  /** A subnet that nothing is in (no NIC, private endpoint, firewall or gateway): Azure refuses to remove others. */
  private static void removeSubnet(Topology base, VirtualNetwork v, SplittableRandom rnd, ArrayNode ops) {
    Set<ResourceId> used = new HashSet<>();
    base.networkInterfaces().values().forEach(n -> n.ipConfigurations().forEach(c -> c.subnet().ifPresent(used::add)));
    base.privateEndpoints().values().forEach(pe -> pe.subnet().ifPresent(used::add));
    base.amlComputes().values().forEach(c -> c.subnet().ifPresent(used::add));
    List<Integer> free = new ArrayList<>();
    for (int i = 0; i < v.subnets().size(); i++) {
      String name = v.subnets().get(i).name().toLowerCase(Locale.ROOT);
      if (!used.contains(v.subnets().get(i).id()) && !name.contains("firewall") && !name.contains("gateway")) {
        free.add(i);
      }
    }
    if (!free.isEmpty()) {
      ops.add(RandomChanges.op("remove", v.id().value() + "/properties/subnets/" + free.get(rnd.nextInt(free.size())),
          null));
    }
  }

  private static void widen(Topology base, VirtualNetwork v, SplittableRandom rnd, ArrayNode ops,
      Set<ResourceId> touched) {
    String prefix = NEW_SPACES[rnd.nextInt(NEW_SPACES.length)];
    List<VirtualNetwork> others = base.virtualNetworks().values().stream().filter(o -> !o.id().equals(v.id())
        && !o.addressSpace().isEmpty() && o.addressSpace().get(0).family() == dev.vnetsim.model.IpFamily.IPV4).toList();
    if (!others.isEmpty() && rnd.nextInt(3) == 0) { // another VNet's space (allowed when they are not peered)
      Cidr theirs = others.get(rnd.nextInt(others.size())).addressSpace().get(0);
      prefix = Cidr.of(theirs.network(), Math.max(24, theirs.prefixLength())).toString();
    }
    Cidr added = Cidr.parse(prefix);
    if (v.addressSpace().stream().anyMatch(c -> c.overlaps(added))) {
      return;
    }
    ops.add(RandomChanges.op("add", v.id().value() + "/properties/addressSpace/addressPrefixes/-",
        JSON.getNodeFactory().textNode(added.toString())));
    if (rnd.nextBoolean()) {
      addSubnet(base, v, rnd, ops, Optional.of(added.toIpSet()));
    }
    if (rnd.nextBoolean()) { // the peerings back synced, as after an address space change in Azure
      for (VirtualNetwork other : base.virtualNetworks().values()) {
        for (int i = 0; i < other.peerings().size(); i++) {
          if (other.peerings().get(i).remoteVirtualNetwork().equals(v.id()) && touched.add(other.id())) {
            ops.add(RandomChanges.op("add", other.id().value() + "/properties/virtualNetworkPeerings/" + i
                + "/properties/remoteAddressSpace/addressPrefixes/-",
                JSON.getNodeFactory().textNode(added.toString())));
          }
        }
      }
    }
  }

  private static void editPeering(VirtualNetwork v, SplittableRandom rnd, ArrayNode ops) {
    if (v.peerings().isEmpty()) {
      return;
    }
    int i = rnd.nextInt(v.peerings().size());
    String at = v.id().value() + "/properties/virtualNetworkPeerings/" + i;
    JsonNode no = JSON.getNodeFactory().booleanNode(false);
    switch (rnd.nextInt(5)) {
      case 0 -> ops.add(RandomChanges.op("remove", at, null));
      case 1 -> ops.add(RandomChanges.op("add", at + "/properties/allowForwardedTraffic", no));
      case 2 -> ops.add(RandomChanges.op("add", at + "/properties/allowVirtualNetworkAccess", no));
      case 3 -> ops.add(RandomChanges.op("add", at + "/properties/peeringState",
          JSON.getNodeFactory().textNode("Disconnected")));
      default -> ops.add(RandomChanges.op("add", at + "/properties/useRemoteGateways",
          JSON.getNodeFactory().booleanNode(!v.peerings().get(i).useRemoteGateways())));
    }
  }

  /** A new VNet with two subnets (one with an NSG) peered to {@code hub}, and the peering back unless not. */
  private static void newVnet(Topology base, VirtualNetwork hub, SplittableRandom rnd, ArrayNode ops,
      Set<ResourceId> touched) {
    String space = "10.250." + rnd.nextInt(4) * 4 + ".0/22";
    if (base.virtualNetworks().values().stream().flatMap(x -> x.addressSpace().stream())
        .anyMatch(c -> c.overlaps(Cidr.parse(space)))) {
      return;
    }
    String name = "vnet-random-" + rnd.nextInt(1_000_000);
    String id = hub.id().value().substring(0, hub.id().value().lastIndexOf('/') + 1) + name;
    ObjectNode vnet = JSON.createObjectNode().put("id", id).put("name", name)
        .put("type", "Microsoft.Network/virtualNetworks").put("location", hub.location());
    ObjectNode p = vnet.putObject("properties");
    p.putObject("addressSpace").putArray("addressPrefixes").add(space);
    ArrayNode subnets = p.putArray("subnets");
    Cidr s = Cidr.parse(space);
    for (int k = 0; k < 2; k++) {
      ObjectNode subnet = subnets.addObject().put("id", id + "/subnets/snet-" + k).put("name", "snet-" + k);
      ObjectNode sp = subnet.putObject("properties").put("addressPrefix", Cidr.of(
          dev.vnetsim.model.IpAddress.v4(s.network().lo() + 256L * k), 24).toString());
      List<ResourceId> nsgs = new ArrayList<>(base.networkSecurityGroups().keySet());
      if (k == 1 && !nsgs.isEmpty()) {
        sp.putObject("networkSecurityGroup").put("id", nsgs.get(rnd.nextInt(nsgs.size())).value());
      }
    }
    p.putArray("virtualNetworkPeerings").add(peering(id, "to-hub", hub.id().value(), hub.addressSpace()
        .stream().map(Cidr::toString).toList(), rnd.nextBoolean()));
    ops.add(JSON.createObjectNode().put("op", "put").set("resource", vnet));
    if (rnd.nextInt(4) > 0) {
      ops.add(RandomChanges.op("add", hub.id().value() + "/properties/virtualNetworkPeerings/-",
          peering(hub.id().value(), "to-" + name, id, List.of(space), true)));
    }
  }

  private static ObjectNode peering(String local, String name, String remote, List<String> remoteSpace,
      boolean forwarded) {
    ObjectNode peering = JSON.createObjectNode().put("id", local + "/virtualNetworkPeerings/" + name)
        .put("name", name);
    ObjectNode p = peering.putObject("properties");
    p.putObject("remoteVirtualNetwork").put("id", remote);
    p.put("allowVirtualNetworkAccess", true).put("allowForwardedTraffic", forwarded).put("allowGatewayTransit", false)
        .put("useRemoteGateways", false).put("peeringState", "Connected");
    ArrayNode prefixes = p.putObject("remoteAddressSpace").putArray("addressPrefixes");
    remoteSpace.forEach(prefixes::add);
    return peering;
  }
}
