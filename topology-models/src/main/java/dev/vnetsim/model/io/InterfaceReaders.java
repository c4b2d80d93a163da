package dev.vnetsim.model.io;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.network.IpConfiguration;
import dev.vnetsim.model.network.LoadBalancer;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.PrivateEndpoint;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Things with addresses in a subnet: NICs, private endpoints and load balancers. */
final class InterfaceReaders {
  private InterfaceReaders() {}

  static void register(Map<String, Readers.ResourceReader> m) {
    m.put("microsoft.network/networkinterfaces", InterfaceReaders::networkInterface);
    m.put("microsoft.network/privateendpoints", InterfaceReaders::privateEndpoint);
    m.put("microsoft.network/loadbalancers", InterfaceReaders::loadBalancer);
  }

  static void networkInterface(Collector c, Json at, ResourceId id) {
    Collector.Children<IpConfiguration> configs = c.children(IpConfiguration::id);
    for (Json ic : at.field("ipConfigurations").elements()) {
      ResourceId cid = Readers.childId(ic, id, "ipConfigurations");
      configs.read(ic, cid, () -> ipConfiguration(ic, cid));
    }
    c.put(c.topology.networkInterfaces, id, new NetworkInterface(id, Readers.name(at, id), Readers.location(at),
        configs.build(), at.field("networkSecurityGroup").ref(), at.field("enableIPForwarding").bool(false),
        at.field("virtualMachine").ref(), at.field("privateEndpoint").ref()), at);
  }

  /**
   * A NIC IP configuration. {@code privateIPAddress} may carry a prefix length ({@code 172.20.2.16/28}, the
   * IP-prefix-on-NIC feature); it is split into the address and {@code privateIPAddressPrefixLength}.
   */
  static IpConfiguration ipConfiguration(Json at, ResourceId id) {
    Json ipAt = at.field("privateIPAddress");
    Optional<IpAddress> ip = Optional.empty();
    Optional<Integer> prefixLength = at.field("privateIPAddressPrefixLength").integer();
    String text = ipAt.text().orElse("").trim();
    if (!text.isEmpty()) {
      int slash = text.indexOf('/');
      String addr = slash < 0 ? text : text.substring(0, slash);
      IpAddress a = IpAddress.tryParse(addr).orElseThrow(() -> ipAt.error("not a valid IP address: '" + text + "'"));
      if (slash >= 0) {
        int length;
        try {
          length = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
          length = -1;
        }
        if (length < 0 || length > a.family().bits()) {
          throw ipAt.error("not a valid IP address or prefix: '" + text + "'");
        }
        prefixLength = Optional.of(length);
      }
      ip = Optional.of(a);
    }
    return new IpConfiguration(id, Readers.name(at, id), ip, prefixLength, at.field("subnet").ref(),
        at.field("publicIPAddress").ref(), at.field("applicationSecurityGroups").refs(),
        at.field("loadBalancerBackendAddressPools").refs(), at.field("primary").bool(false));
  }

  static void privateEndpoint(Collector c, Json at, ResourceId id) {
    ImmutableList.Builder<PrivateEndpoint.Connection> connections = ImmutableList.builder();
    connections.addAll(connections(at.field("privateLinkServiceConnections").elements(), false));
    connections.addAll(connections(at.field("manualPrivateLinkServiceConnections").elements(), true));
    ImmutableList<PrivateEndpoint.CustomDnsConfig> dns = at.field("customDnsConfigs").elements().stream()
        .map(d -> new PrivateEndpoint.CustomDnsConfig(d.field("fqdn").text().orElse(""),
            Values.ips(d.field("ipAddresses"))))
        .collect(ImmutableList.toImmutableList());
    ImmutableList<PrivateEndpoint.StaticIp> statics = at.field("ipConfigurations").elements().stream()
        .map(s -> new PrivateEndpoint.StaticIp(s.get("name").text().orElse(""), s.field("groupId").text().orElse(""),
            s.field("memberName").text().orElse(""), Values.ip(s.field("privateIPAddress"))
                .orElseThrow(() -> s.field("privateIPAddress").error("is required"))))
        .collect(ImmutableList.toImmutableList());
    c.put(c.topology.privateEndpoints, id, new PrivateEndpoint(id, Readers.name(at, id), Readers.location(at),
        at.field("subnet").ref(), at.field("networkInterfaces").refs(), connections.build(),
        dns, statics), at);
  }

  private static List<PrivateEndpoint.Connection> connections(List<Json> list, boolean manual) {
    return list.stream().map(p -> {
      Json target = p.field("privateLinkServiceId");
      String name = p.get("name").text().orElse(p.get("id").text().map(s -> ResourceId.of(s).name()).orElse(""));
      return new PrivateEndpoint.Connection(name, target.ref().orElseThrow(() -> target.error("is required")),
          p.field("groupIds").texts(),
          p.field("privateLinkServiceConnectionState").get("status").text().orElse(""), manual);
    }).toList();
  }

  static void loadBalancer(Collector c, Json at, ResourceId id) {
    ImmutableList<LoadBalancer.Frontend> frontends = at.field("frontendIPConfigurations").elements().stream()
        .map(f -> {
          ResourceId fid = Readers.childId(f, id, "frontendIPConfigurations");
          return new LoadBalancer.Frontend(fid, Readers.name(f, fid), f.field("publicIPAddress").ref(),
              f.field("subnet").ref(), Values.ip(f.field("privateIPAddress")));
        }).collect(ImmutableList.toImmutableList());
    ImmutableList<ResourceId> pools = at.field("backendAddressPools").elements().stream()
        .map(p -> Readers.childId(p, id, "backendAddressPools")).collect(ImmutableList.toImmutableList());
    ImmutableList<LoadBalancer.LoadBalancingRule> rules = at.field("loadBalancingRules").elements().stream()
        .map(r -> {
          ResourceId rid = Readers.childId(r, id, "loadBalancingRules");
          return new LoadBalancer.LoadBalancingRule(rid, Readers.name(r, rid),
              r.field("frontendIPConfiguration").ref(), r.field("backendAddressPool").ref(), protocol(r),
              Readers.intInRange(r.field("frontendPort"), 0, 0, 65535),
              Readers.intInRange(r.field("backendPort"), 0, 0, 65535), r.field("disableOutboundSnat").bool(false));
        }).collect(ImmutableList.toImmutableList());
    ImmutableList<LoadBalancer.OutboundRule> outbound = at.field("outboundRules").elements().stream()
        .map(r -> {
          ResourceId rid = Readers.childId(r, id, "outboundRules");
          return new LoadBalancer.OutboundRule(rid, Readers.name(r, rid),
              r.field("frontendIPConfigurations").refs(), r.field("backendAddressPool").ref(),
              protocol(r));
        }).collect(ImmutableList.toImmutableList());
    c.put(c.topology.loadBalancers, id, new LoadBalancer(id, Readers.name(at, id), Readers.location(at),
        at.field("sku").get("name").text().orElse("Basic"), frontends, pools, rules, outbound), at);
  }

  private static Protocol protocol(Json rule) {
    Json p = rule.field("protocol");
    return p.isMissing() ? Protocol.ANY : Values.protocol(p);
  }
}
