package dev.vnetsim.simulator.cli;

import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.compute.VirtualMachine;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.PrivateEndpoint;
import dev.vnetsim.model.network.PublicIpAddress;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.simulator.engine.Endpoint;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import dev.vnetsim.simulator.routing.EffectiveRoutes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Parses {@code --from}/{@code --to} (DESIGN §3): {@code internet}, {@code tag:NAME}, an IP or CIDR, an ARM id or a
 * resource name (NIC, VM, public IP, private endpoint), a bare service-tag name the catalogue knows, else an FQDN.
 */
final class Endpoints {
  private Endpoints() {}

  /** A DNS name: two or more labels of letters, digits, '-' or '_', the last one not all digits (DESIGN §3). */
  static final Pattern FQDN = Pattern.compile("(?i)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\\.)+"
      + "[a-z0-9-]*[a-z][a-z0-9-]*\\.?");

  static Endpoint parse(String text, Topology t, ServiceTagLookup tags) {
    String s = text.trim();
    if (s.equalsIgnoreCase("internet")) {
      return new Endpoint.Internet();
    }
    if (s.regionMatches(true, 0, "tag:", 0, 4)) {
      return new Endpoint.ServiceTag(s.substring(4));
    }
    if (Cidr.looksLikePrefix(s)) {
      try {
        return new Endpoint.Addresses(IpSet.of(Cidr.parseMasked(s)), s);
      } catch (RuntimeException e) {
        throw CliException.usage("not a valid address or prefix: '" + s + "'");
      }
    }
    List<Endpoint> found = new ArrayList<>();
    byName(s, t.networkInterfaces(), NetworkInterface::name, n -> new Endpoint.Nic(n.id()), found);
    byName(s, t.virtualMachines(), VirtualMachine::name, Endpoints::vm, found);
    byName(s, t.publicIpAddresses(), PublicIpAddress::name, p -> new Endpoint.PublicIp(p.id()), found);
    byName(s, t.privateEndpoints(), PrivateEndpoint::name, pe -> privateEndpoint(t, pe), found);
    found.removeIf(e -> e == null);
    if (found.size() == 1) {
      return found.get(0);
    }
    if (found.size() > 1) {
      throw CliException.usage("'" + s + "' names " + found.size() + " resources; give the ARM id");
    }
    if (tags.addresses(s).isPresent() || List.of("virtualnetwork", "azureloadbalancer").contains(
        s.toLowerCase(Locale.ROOT))) {
      return new Endpoint.ServiceTag(s);
    }
    if (FQDN.matcher(s).matches()) {
      return new Endpoint.Fqdn(s);
    }
    throw CliException.usage("unknown endpoint '" + s + "': not a NIC, VM, public IP or private endpoint in the input,"
        + " an address, a CIDR, 'internet', a known service tag or an FQDN");
  }

  private static <T> void byName(String s, Map<ResourceId, T> map, Function<T, String> name,
      Function<T, Endpoint> make, List<Endpoint> out) {
    boolean isId = s.startsWith("/");
    ResourceId id = isId ? ResourceId.of(s) : null;
    for (Map.Entry<ResourceId, T> e : map.entrySet()) {
      if (isId ? e.getKey().equals(id) : name.apply(e.getValue()).equalsIgnoreCase(s)) {
        out.add(make.apply(e.getValue()));
      }
    }
  }

  private static Endpoint vm(VirtualMachine vm) {
    if (vm.networkInterfaces().isEmpty()) {
      throw CliException.usage("virtual machine " + vm.name() + " has no network interface in the input");
    }
    return new Endpoint.Nic(vm.networkInterfaces().get(0));
  }

  private static Endpoint privateEndpoint(Topology t, PrivateEndpoint pe) {
    IpSet s = IpSet.EMPTY;
    for (IpAddress a : EffectiveRoutes.privateEndpointAddresses(t, pe)) {
      s = s.union(IpSet.of(a));
    }
    return new Endpoint.Addresses(s, pe.name());
  }

  /** A NIC by name or id (a VM resolves to its first NIC). */
  static ResourceId nic(String s, Topology t) {
    Endpoint e = parse(s, t, ServiceTagLookup.none());
    if (e instanceof Endpoint.Nic n) {
      return n.id();
    }
    throw CliException.usage("'" + s + "' is not a NIC or VM in the input");
  }

  /** A subnet by id, {@code vnet/subnet}, or a subnet name unique in the input. */
  static Subnet subnet(String s, Topology t) {
    if (s.startsWith("/")) {
      return t.subnet(ResourceId.of(s)).orElseThrow(() -> CliException.usage("no subnet " + s + " in the input"));
    }
    List<Subnet> found = new ArrayList<>();
    for (Subnet sn : t.subnets().values()) {
      String full = sn.virtualNetwork().name() + "/" + sn.name();
      if (full.equalsIgnoreCase(s) || sn.name().equalsIgnoreCase(s)) {
        found.add(sn);
      }
    }
    if (found.size() != 1) {
      throw CliException.usage(found.isEmpty() ? "no subnet named '" + s + "' in the input"
          : "subnet name '" + s + "' is ambiguous; write VNET/SUBNET or the id");
    }
    return found.get(0);
  }

  static Optional<IpAddress> address(String s) {
    return IpAddress.tryParse(s.trim());
  }
}
