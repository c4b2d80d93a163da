package dev.vnetsim.simulator.dns;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.OtherResource;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.dns.DnsRecordSet;
import dev.vnetsim.model.dns.PrivateDnsZone;
import dev.vnetsim.model.dns.VirtualNetworkLink;
import dev.vnetsim.model.firewall.AzureFirewall;
import dev.vnetsim.model.firewall.FirewallPolicy;
import dev.vnetsim.model.network.PrivateEndpoint;
import dev.vnetsim.model.network.VirtualNetwork;
import dev.vnetsim.servicetag.FqdnCatalog;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The DNS a VNet sees, compiled once per data plane (DESIGN §4; azure-semantics.md §5.3). A name is looked up, step
 * by step along CNAMEs: a pin ({@code --resolve}); the private zone linked to the resolving VNet with the longest
 * matching suffix, which is authoritative (no record = NXDOMAIN); Azure's public {@code privatelink} CNAME, which
 * exists when the resource has a private endpoint (evidence: an endpoint in the input naming it, or a record for it in
 * any privatelink zone); the public FQDN catalogue ({@code <region>} = the storage account's region when the account
 * is in the input, else the source's); else an unknown public address outside every service tag.
 */
public final class DnsView {

  /** Where an unknown public name is taken to resolve: TEST-NET-3, in no service tag (DESIGN §4). */
  public static final IpAddress UNKNOWN_PUBLIC_ADDRESS = IpAddress.parse("203.0.113.80");

  private static final int MAX_STEPS = 16;
  private static final FqdnCatalog BUNDLED = FqdnCatalog.bundled();

  private final Topology topology;
  private final ServiceTagLookup tags;
  private final FqdnCatalog catalog;
  private final Map<ResourceId, List<PrivateDnsZone>> linked = new HashMap<>();
  private final Map<String, List<PrivateDnsZone>> zonesByName = new HashMap<>();
  private final Set<String> privateEndpointNames = new HashSet<>();
  private final Map<String, String> storageRegions = new HashMap<>();
  private final Map<IpAddress, AzureFirewall> firewalls = new HashMap<>();

  public DnsView(Topology topology, ServiceTagLookup tags) {
    this(topology, tags, BUNDLED);
  }

  public DnsView(Topology topology, ServiceTagLookup tags, FqdnCatalog catalog) {
    this.topology = topology;
    this.tags = tags;
    this.catalog = catalog;
    for (PrivateDnsZone z : topology.privateDnsZones().values()) {
      zonesByName.computeIfAbsent(FlowName.normalize(z.name()), k -> new ArrayList<>()).add(z);
      for (VirtualNetworkLink l : z.virtualNetworkLinks()) {
        linked.computeIfAbsent(l.virtualNetwork(), k -> new ArrayList<>()).add(z);
      }
    }
    for (PrivateEndpoint pe : topology.privateEndpoints().values()) {
      pe.customDnsConfigs().forEach(c -> privateEndpointNames.add(FlowName.normalize(c.fqdn())));
      for (PrivateEndpoint.Connection c : pe.connections()) {
        String type = c.privateLinkServiceId().type().orElse("");
        for (String g : c.groupIds()) {
          PrivateLinkZones.publicName(type, c.privateLinkServiceId().name(), g).ifPresent(privateEndpointNames::add);
        }
      }
    }
    for (OtherResource o : topology.otherResources().values()) {
      if (o.type().equalsIgnoreCase("Microsoft.Storage/storageAccounts") && o.location() != null) {
        storageRegions.put(o.name().toLowerCase(Locale.ROOT), region(o.location()));
      }
    }
    for (AzureFirewall fw : topology.azureFirewalls().values()) {
      fw.privateIpAddress().ifPresent(a -> firewalls.put(a, fw));
    }
  }

  static String region(String location) {
    return location.replace(" ", "").toLowerCase(Locale.ROOT);
  }

  /** The region of a storage account named in the input (lower case, no spaces). */
  public Optional<String> storageAccountRegion(String account) {
    return Optional.ofNullable(storageRegions.get(account.toLowerCase(Locale.ROOT)));
  }

  /** The storage account a name belongs to ({@code acct} of {@code acct.blob.core.windows.net}). */
  public static Optional<String> storageAccount(String fqdn) {
    String n = FlowName.normalize(fqdn);
    int dot = n.indexOf('.');
    return dot > 0 && n.endsWith(".core.windows.net") ? Optional.of(n.substring(0, dot)) : Optional.empty();
  }

  /** Resolves {@code name} as a client in {@code vnet} does (empty: a client outside every VNet, public DNS only). */
  public DnsAnswer resolve(String name, Optional<ResourceId> vnet, Map<String, IpAddress> pins) {
    String original = FlowName.normalize(name);
    List<String> chain = new ArrayList<>();
    List<DnsAnswer.Note> notes = new ArrayList<>();
    Optional<VirtualNetwork> source = vnet.map(v -> topology.virtualNetworks().get(v));
    Optional<ResourceId> context = vnet;
    if (source.isPresent() && !source.get().dnsServers().isEmpty()) {
      IpAddress server = source.get().dnsServers().get(0);
      AzureFirewall fw = firewalls.get(server);
      if (fw == null) {
        notes.add(DnsAnswer.Note.CUSTOM_DNS_SERVERS);
      } else if (!dnsProxy(fw)) {
        return new DnsAnswer.Unresolved(original, fw.id(), "", "DNS server " + server + " of " + source.get().name()
            + " is Azure Firewall " + fw.name() + " without DNS proxy: it does not answer DNS queries (§4.3)",
            ImmutableList.of(), ImmutableList.copyOf(notes));
      } else {
        notes.add(DnsAnswer.Note.FIREWALL_DNS_PROXY);
        context = fw.ipConfigurations().stream().flatMap(c -> c.subnet().stream()).findFirst()
            .flatMap(ResourceId::parent);
        chain.add("DNS proxy on Azure Firewall " + fw.name() + " (" + server + ") resolves for "
            + source.get().name());
      }
    }
    String n = original;
    Set<String> seen = new HashSet<>();
    for (int step = 0; step < MAX_STEPS && seen.add(n); step++) {
      IpAddress pin = pins.get(n);
      if (pin != null) {
        chain.add(n + " A " + pin + " (pinned with --resolve)");
        notes.add(DnsAnswer.Note.PINNED);
        return resolved(original, IpSet.of(pin), DnsAnswer.Source.PINNED, Optional.empty(), Optional.empty(), chain,
            notes);
      }
      String current = n;
      Optional<PrivateDnsZone> zone = context.flatMap(c -> linkedZone(c, current));
      if (zone.isPresent()) {
        PrivateDnsZone z = zone.get();
        String zn = FlowName.normalize(z.name());
        String rel = n.equals(zn) ? "@" : n.substring(0, n.length() - zn.length() - 1);
        String where = " (private DNS zone " + z.name() + " linked to " + context.get().name() + ")";
        IpSet addresses = IpSet.EMPTY;
        Optional<String> cname = Optional.empty();
        for (DnsRecordSet r : records(z, rel)) {
          for (IpAddress a : r.addresses()) {
            addresses = addresses.union(IpSet.of(a));
          }
          cname = cname.or(r::cname);
        }
        if (!addresses.isEmpty()) {
          chain.add(n + " A " + addresses + where);
          return resolved(original, addresses, DnsAnswer.Source.PRIVATE_ZONE, Optional.of(z.id()), Optional.empty(),
              chain, notes);
        }
        if (cname.isPresent()) {
          chain.add(n + " CNAME " + FlowName.normalize(cname.get()) + where);
          n = FlowName.normalize(cname.get());
          continue;
        }
        chain.add(n + ": NXDOMAIN" + where);
        return new DnsAnswer.Unresolved(original, z.id(), rel, "the private DNS zone " + z.name() + " linked to "
            + context.get().name() + " has no record " + rel + " (§5.3: a resource with a private endpoint and no"
            + " record in the linked zone does not resolve)", ImmutableList.copyOf(chain),
            ImmutableList.copyOf(notes));
      }
      Optional<PrivateLinkZones.Target> pl = PrivateLinkZones.of(n);
      if (pl.isPresent() && hasPrivateEndpoint(n, pl.get())) {
        chain.add(n + " CNAME " + pl.get().fqdn() + " (Azure's public alias for a resource with a private"
            + " endpoint, §5.3)");
        n = pl.get().fqdn();
        continue;
      }
      return publicAnswer(original, n, source, chain, notes);
    }
    return new DnsAnswer.Unknown(original, "CNAME chain of " + original + " loops or is longer than " + MAX_STEPS,
        ImmutableList.copyOf(chain), ImmutableList.copyOf(notes));
  }

  private DnsAnswer publicAnswer(String original, String n, Optional<VirtualNetwork> source, List<String> chain,
      List<DnsAnswer.Note> notes) {
    Optional<FqdnCatalog.Entry> entry = catalog.lookup(n);
    if (entry.isEmpty()) {
      chain.add(n + " A " + UNKNOWN_PUBLIC_ADDRESS + " (in no linked private zone and not in the FQDN catalogue:"
          + " an unknown public address outside every service tag)");
      notes.add(DnsAnswer.Note.UNKNOWN_PUBLIC);
      return resolved(original, IpSet.of(UNKNOWN_PUBLIC_ADDRESS), DnsAnswer.Source.UNKNOWN_PUBLIC, Optional.empty(),
          Optional.empty(), chain, notes);
    }
    notes.add(DnsAnswer.Note.CATALOGUE);
    String tag = entry.get().serviceTag();
    if (tag.contains("<region>")) {
      Optional<String> account = storageAccount(original).flatMap(this::storageAccountRegion);
      Optional<String> region = account.or(() -> source.map(v -> region(v.location())).filter(r -> !r.isEmpty()));
      if (account.isEmpty() && region.isPresent()) {
        notes.add(DnsAnswer.Note.CATALOGUE_SOURCE_REGION);
      }
      tag = region.map(r -> entry.get().serviceTag().replace("<region>", r))
          .orElse(entry.get().serviceTag().replace(".<region>", ""));
    }
    Optional<IpSet> addresses = tags.addresses(tag);
    String line = n + " -> service tag " + tag + " (public name; FQDN catalogue " + entry.get().pattern() + ", "
        + entry.get().source() + ")";
    chain.add(line);
    if (addresses.isEmpty()) {
      return new DnsAnswer.Unknown(original, "service tag " + tag + " is not in the service-tag data",
          ImmutableList.copyOf(chain), ImmutableList.copyOf(notes));
    }
    return resolved(original, addresses.get(), DnsAnswer.Source.CATALOGUE, Optional.empty(), Optional.of(tag), chain,
        notes);
  }

  private static DnsAnswer.Resolved resolved(String name, IpSet a, DnsAnswer.Source s, Optional<ResourceId> zone,
      Optional<String> tag, List<String> chain, List<DnsAnswer.Note> notes) {
    return new DnsAnswer.Resolved(name, a, s, zone, tag, ImmutableList.copyOf(chain), ImmutableList.copyOf(notes));
  }

  /** Whether Azure publishes the privatelink CNAME for a name: a private endpoint for it is in evidence (§5.3). */
  private boolean hasPrivateEndpoint(String n, PrivateLinkZones.Target t) {
    if (privateEndpointNames.contains(n)) {
      return true;
    }
    for (PrivateDnsZone z : zonesByName.getOrDefault(t.zone(), List.of())) {
      if (!records(z, t.record()).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** The zone linked to a VNet whose name is the longest suffix of {@code n}. */
  private Optional<PrivateDnsZone> linkedZone(ResourceId vnet, String n) {
    PrivateDnsZone best = null;
    int bestLength = -1;
    for (PrivateDnsZone z : linked.getOrDefault(vnet, List.of())) {
      String zn = FlowName.normalize(z.name());
      if ((n.equals(zn) || n.endsWith("." + zn)) && zn.length() > bestLength) {
        best = z;
        bestLength = zn.length();
      }
    }
    return Optional.ofNullable(best);
  }

  /** A zone's record sets named {@code rel} (or its wildcard {@code *} when none is). */
  private static List<DnsRecordSet> records(PrivateDnsZone z, String rel) {
    List<DnsRecordSet> exact = new ArrayList<>();
    List<DnsRecordSet> wildcard = new ArrayList<>();
    for (DnsRecordSet r : z.recordSets()) {
      String name = r.name().substring(r.name().lastIndexOf('/') + 1);
      if (name.equalsIgnoreCase(rel)) {
        exact.add(r);
      } else if (name.equals("*") && !rel.equals("@")) {
        wildcard.add(r);
      }
    }
    return exact.isEmpty() ? wildcard : exact;
  }

  /** Whether an Azure Firewall answers DNS: its policy enables DNS proxy (classic firewalls: not modelled, no). */
  public boolean dnsProxy(AzureFirewall fw) {
    return fw.firewallPolicy().map(id -> topology.firewallPolicies().get(id)).map(FirewallPolicy::dnsProxyEnabled)
        .orElse(false);
  }

}
