package dev.vnetsim.simulator.firewall;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Sets;
import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.firewall.AzureFirewall;
import dev.vnetsim.model.firewall.FirewallRule;
import dev.vnetsim.model.firewall.IpGroup;
import dev.vnetsim.simulator.dns.DnsAnswer;
import dev.vnetsim.simulator.dns.DnsView;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import dev.vnetsim.simulator.trace.DecidedBy;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.Ports;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles a firewall's rules (classic or policy, {@link OrderedRules}) into {@link CompiledRule}s: addresses, ranges
 * and IP groups as address sets, service tags from the catalogue (destinations only, §4.3 [TAGS]), network-rule FQDNs
 * through the firewall VNet's DNS when DNS proxy is on (§4.3 [FW-FQDNNET]), and protocols as §4.3 defines them.
 */
public final class FirewallCompiler {
  private FirewallCompiler() {}

  private record Addresses(IpSet known, Optional<String> unknown) {
    Addresses plus(Addresses o) {
      return new Addresses(known.union(o.known), unknown.or(() -> o.unknown));
    }
  }

  public static CompiledFirewall compile(AzureFirewall fw, Topology t, ServiceTagLookup tags, DnsView dns) {
    OrderedRules.Result ordered = OrderedRules.of(fw, t);
    ResourceId container = ordered.policy().orElse(fw.id());
    String threatIntel = ordered.policy().map(p -> t.firewallPolicies().get(p))
        .map(p -> p.threatIntelMode()).orElse(fw.threatIntelMode());
    if (ordered.missing().isPresent()) {
      return new CompiledFirewall(fw, container, ImmutableList.of(), ordered.missing(), false);
    }
    Optional<ResourceId> vnet = fw.ipConfigurations().stream().flatMap(c -> c.subnet().stream()).findFirst()
        .flatMap(ResourceId::parent);
    boolean proxy = dns.dnsProxy(fw);
    List<CompiledRule> rules = new ArrayList<>();
    for (OrderedRules.Entry e : ordered.entries()) {
      rules.add(rule(rules.size(), e, t, tags, dns, vnet, proxy));
    }
    return new CompiledFirewall(fw, container, ImmutableList.copyOf(rules), Optional.empty(),
        threatIntel.equalsIgnoreCase("Deny"));
  }

  private static CompiledRule rule(int index, OrderedRules.Entry e, Topology t, ServiceTagLookup tags, DnsView dns,
      Optional<ResourceId> vnet, boolean proxy) {
    DecidedBy by = DecidedBy.rule(e.container(), e.ruleName(), e.priority());
    FirewallRule r = e.rule();
    Addresses src = sources(r.sourceAddresses()).plus(ipGroups(r.sourceIpGroups(), t));
    if (r instanceof FirewallRule.ApplicationRule a) {
      ImmutableRangeSet<Integer> ports = Ports.of(a.protocols().stream().map(p -> PortRange.single(p.port()))
          .toList());
      List<String> unmodelled = new ArrayList<>();
      if (!a.fqdnTags().isEmpty()) {
        unmodelled.add("FQDN tags " + a.fqdnTags() + " (their FQDN lists are not in the input)");
      }
      if (!a.webCategories().isEmpty()) {
        unmodelled.add("web categories " + a.webCategories() + " (not modelled)");
      }
      if (!a.targetUrls().isEmpty()) {
        unmodelled.add("target URLs " + a.targetUrls() + " (TLS inspection: the URL path decides)");
      }
      return new CompiledRule(index, e.pass(), e.action(), by, e.where(), src.known(), src.unknown(), IpSet.EMPTY,
          Optional.empty(), Sets.immutableEnumSet(Protocol.TCP), ports, false, ImmutableList.of(), ImmutableList.of(),
          a.targetFqdns().stream().map(FqdnPattern::new).collect(ImmutableList.toImmutableList()),
          unmodelled.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", unmodelled)), Optional.empty());
    }
    ImmutableList<Protocol> protocolList;
    ImmutableList<PortRange> portList;
    Addresses dst;
    ImmutableList.Builder<CompiledRule.NetworkFqdn> fqdns = ImmutableList.builder();
    ImmutableList<String> ignored = ImmutableList.of();
    Optional<CompiledRule.DnatTarget> dnat = Optional.empty();
    if (r instanceof FirewallRule.NetworkRule n) {
      protocolList = n.protocols();
      portList = n.destinationPorts();
      dst = destinations(n.destinationAddresses(), tags).plus(ipGroups(n.destinationIpGroups(), t));
      if (proxy) {
        for (String f : n.destinationFqdns()) {
          fqdns.add(networkFqdn(f, dns, vnet));
        }
      } else {
        ignored = n.destinationFqdns();
      }
    } else {
      FirewallRule.NatRule nat = (FirewallRule.NatRule) r;
      protocolList = nat.protocols();
      portList = nat.destinationPorts();
      dst = destinations(nat.destinationAddresses(), tags);
      dnat = Optional.of(dnatTarget(nat, dns, vnet));
    }
    ImmutableRangeSet<Integer> ports = portList.isEmpty() ? Ports.ALL : Ports.of(portList);
    boolean any = protocolList.contains(Protocol.ANY);
    EnumSet<Protocol> protocols = EnumSet.noneOf(Protocol.class);
    for (Protocol p : protocolList) {
      if (p == Protocol.ANY) {
        // §4.3: "Any" is every IP protocol (since 2020-11-09); with a destination port it becomes TCP+UDP.
        protocols.addAll(ports.equals(Ports.ALL) ? FlowBox.ALL_PROTOCOLS : FlowBox.WITH_PORTS);
      } else {
        protocols.add(p);
      }
    }
    return new CompiledRule(index, e.pass(), e.action(), by, e.where(), src.known(), src.unknown(), dst.known(),
        dst.unknown(), Sets.immutableEnumSet(protocols), ports, any, fqdns.build(), ignored, ImmutableList.of(),
        Optional.empty(), dnat);
  }

  /** Source terms: service tags are not supported as firewall sources (§4.3 [TAGS]), so such a term is unknown. */
  private static Addresses sources(List<AddressMatch> terms) {
    Addresses out = new Addresses(IpSet.EMPTY, Optional.empty());
    for (AddressMatch m : terms) {
      if (m instanceof AddressMatch.ServiceTag tag) {
        out = out.plus(new Addresses(IpSet.EMPTY, Optional.of("service tag " + tag.name()
            + " as a source (Azure Firewall supports service tags as destinations only, §4.3)")));
      } else {
        out = out.plus(new Addresses(literal(m), Optional.empty()));
      }
    }
    return out;
  }

  private static Addresses destinations(List<AddressMatch> terms, ServiceTagLookup tags) {
    Addresses out = new Addresses(IpSet.EMPTY, Optional.empty());
    for (AddressMatch m : terms) {
      if (m instanceof AddressMatch.ServiceTag tag) {
        Optional<IpSet> a = tags.addresses(tag.name());
        out = out.plus(a.map(s -> new Addresses(s, Optional.<String>empty()))
            .orElseGet(() -> new Addresses(IpSet.EMPTY, Optional.of("service tag " + tag.name()
                + " (not in the service-tag data)"))));
      } else {
        out = out.plus(new Addresses(literal(m), Optional.empty()));
      }
    }
    return out;
  }

  private static IpSet literal(AddressMatch m) {
    if (m instanceof AddressMatch.Any) {
      return IpSet.ALL;
    }
    if (m instanceof AddressMatch.Prefix p) {
      return p.cidr().toIpSet();
    }
    if (m instanceof AddressMatch.Range r) {
      return IpSet.range(r.first(), r.last());
    }
    return IpSet.EMPTY;
  }

  private static Addresses ipGroups(List<ResourceId> ids, Topology t) {
    Addresses out = new Addresses(IpSet.EMPTY, Optional.empty());
    for (ResourceId id : ids) {
      IpGroup g = t.ipGroups().get(id);
      if (g == null) {
        out = out.plus(new Addresses(IpSet.EMPTY, Optional.of("IP group " + id.name() + " (not in the input)")));
      } else {
        for (AddressMatch m : g.ipAddresses()) {
          out = out.plus(new Addresses(literal(m), Optional.empty()));
        }
      }
    }
    return out;
  }

  /** A network rule FQDN as the firewall's DNS proxy resolves it, from the firewall's VNet. */
  private static CompiledRule.NetworkFqdn networkFqdn(String fqdn, DnsView dns, Optional<ResourceId> vnet) {
    String name = dev.vnetsim.simulator.dns.FlowName.normalize(fqdn);
    if (name.contains("*")) {
      return new CompiledRule.NetworkFqdn(name, CompiledRule.Resolution.UNRESOLVED, IpSet.EMPTY); // §4.3
    }
    DnsAnswer a = dns.resolve(name, vnet, Map.of());
    if (a instanceof DnsAnswer.Resolved r) {
      CompiledRule.Resolution res = r.exact() ? CompiledRule.Resolution.EXACT
          : r.source() == DnsAnswer.Source.CATALOGUE ? CompiledRule.Resolution.PUBLIC
          : CompiledRule.Resolution.UNKNOWN_PUBLIC;
      return new CompiledRule.NetworkFqdn(name, res, r.addresses());
    }
    return new CompiledRule.NetworkFqdn(name, a instanceof DnsAnswer.Unresolved
        ? CompiledRule.Resolution.UNRESOLVED : CompiledRule.Resolution.UNKNOWN, IpSet.EMPTY);
  }

  private static CompiledRule.DnatTarget dnatTarget(FirewallRule.NatRule nat, DnsView dns, Optional<ResourceId> vnet) {
    Optional<IpAddress> address = nat.translatedAddress().flatMap(IpAddress::tryParse);
    Optional<String> unknown = Optional.empty();
    String text = nat.translatedAddress().or(nat::translatedFqdn).orElse("?");
    if (address.isEmpty() && nat.translatedFqdn().isPresent()) {
      DnsAnswer a = dns.resolve(nat.translatedFqdn().get(), vnet, Map.of());
      if (a instanceof DnsAnswer.Resolved r && r.exact() && r.addresses().rangeCount() == 1
          && r.addresses().ranges().get(0)[0].equals(r.addresses().ranges().get(0)[1])) {
        address = Optional.of(r.addresses().firstAddress());
      } else {
        unknown = Optional.of("the translated FQDN " + nat.translatedFqdn().get()
            + " does not resolve to one address in a private zone linked to the firewall's VNet");
      }
    } else if (address.isEmpty()) {
      unknown = Optional.of("the DNAT rule has no translated address");
    }
    return new CompiledRule.DnatTarget(address, nat.translatedPort(), unknown, text
        + nat.translatedPort().map(p -> ":" + p).orElse(""));
  }
}
