package dev.vnetsim.simulator.whatif;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.compute.AmlCompute;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.simulator.engine.DataPlane;
import dev.vnetsim.simulator.engine.Endpoint;
import dev.vnetsim.simulator.engine.SubnetPlane;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One end of a flow as the what-if and check commands name it, resolved on each side separately (a resource may be
 * missing on one side). {@link #text()} is how output writes it (as {@code trace} takes it, or a subnet name).
 */
public sealed interface Site {

  String text();

  /** The endpoint that sends; empty when the side does not have it. */
  Optional<Endpoint> asSource(Side side);

  /** The endpoint that receives from {@code source}; empty when the side does not have it. */
  Optional<Endpoint> asDestination(Side side, Endpoint source);

  /** A subnet, through its probes (sender: the client probe; receiver: every NIC and private endpoint in it). */
  record SubnetSite(ResourceId subnet, String text) implements Site {
    public SubnetSite {
      checkNotNull(subnet, "subnet");
      checkNotNull(text, "text");
    }

    @Override
    public Optional<Endpoint> asSource(Side side) {
      return side.probe(subnet).filter(p -> side.engine().dataPlane().nic(p.client()).isPresent())
          .map(p -> new Endpoint.Nic(p.client()));
    }

    @Override
    public Optional<Endpoint> asDestination(Side side, Endpoint source) {
      Optional<SubnetProbe> probe = side.probe(subnet);
      DataPlane dp = side.engine().dataPlane();
      Optional<SubnetPlane> plane = dp.subnet(subnet);
      if (probe.isEmpty() || plane.isEmpty() || dp.nic(probe.get().server()).isEmpty()) {
        return Optional.empty();
      }
      if (side.isOutside(source)) {
        return Optional.of(new Endpoint.PublicIp(probe.get().serverPublicIp()));
      }
      IpSet all = IpSet.EMPTY;
      for (Map.Entry<DataPlane.Owner, IpSet> o : dp.owners(plane.get())) {
        all = all.union(o.getValue());
      }
      return Optional.of(new Endpoint.Addresses(all, text));
    }
  }

  /** An endpoint that needs no parsing (internet, a tag, a NIC or public IP by id). */
  record Fixed(Endpoint endpoint, String text) implements Site {
    public Fixed {
      checkNotNull(endpoint, "endpoint");
      checkNotNull(text, "text");
    }

    @Override
    public Optional<Endpoint> asSource(Side side) {
      return present(side, endpoint);
    }

    @Override
    public Optional<Endpoint> asDestination(Side side, Endpoint source) {
      return present(side, endpoint);
    }

    private static Optional<Endpoint> present(Side side, Endpoint e) {
      var t = side.topology();
      if (e instanceof Endpoint.Nic n && !t.networkInterfaces().containsKey(n.id())) {
        return Optional.empty();
      }
      if (e instanceof Endpoint.PublicIp p && !t.publicIpAddresses().containsKey(p.id())) {
        return Optional.empty();
      }
      return Optional.of(e);
    }
  }

  /**
   * Text from the user (an intents file): a subnet ({@code name}, {@code vnet/subnet} or its id) or an Azure ML
   * compute (its subnet) unless a NIC, VM, public IP or private endpoint has that name; else what {@code trace} takes.
   */
  record Text(String text) implements Site {
    public Text {
      checkNotNull(text, "text");
    }

    @Override
    public Optional<Endpoint> asSource(Side side) {
      return resolve(side).flatMap(s -> s.asSource(side));
    }

    @Override
    public Optional<Endpoint> asDestination(Side side, Endpoint source) {
      return resolve(side).flatMap(s -> s.asDestination(side, source));
    }

    /** The site on this side; throws {@link IllegalArgumentException} when the text names nothing there. */
    public Optional<Site> resolve(Side side) {
      Optional<ResourceId> subnet = subnetNamed(text, side.topology());
      if (subnet.isPresent()) {
        return Optional.of(new SubnetSite(subnet.get(), text));
      }
      Endpoint e = side.parser().parse(text, side.topology(), side.engine().dataPlane().serviceTags());
      return Optional.of(new Fixed(e, text));
    }

    /** The subnet a text names (directly or through an Azure ML compute), if it is not a trace endpoint's name. */
    static Optional<ResourceId> subnetNamed(String text, Topology t) {
      String s = text.trim();
      if (s.startsWith("/")) {
        ResourceId id = ResourceId.of(s);
        if (t.subnets().containsKey(id)) {
          return Optional.of(id);
        }
        return Optional.ofNullable(t.amlComputes().get(id)).flatMap(AmlCompute::subnet);
      }
      if (namesTraceEndpoint(s, t)) {
        return Optional.empty();
      }
      List<ResourceId> found = new ArrayList<>();
      for (Subnet sn : t.subnets().values()) {
        if (sn.name().equalsIgnoreCase(s) || (sn.virtualNetwork().name() + "/" + sn.name()).equalsIgnoreCase(s)) {
          found.add(sn.id());
        }
      }
      if (found.size() > 1) {
        throw new IllegalArgumentException("subnet name '" + s + "' is ambiguous; write VNET/SUBNET or the id");
      }
      if (found.size() == 1) {
        return Optional.of(found.get(0));
      }
      List<ResourceId> computes = new ArrayList<>();
      for (AmlCompute c : t.amlComputes().values()) {
        if (c.name().equalsIgnoreCase(s) && c.subnet().isPresent()) {
          computes.add(c.subnet().get());
        }
      }
      return computes.isEmpty() ? Optional.empty() : Optional.of(computes.get(0));
    }

    private static boolean namesTraceEndpoint(String s, Topology t) {
      String k = s.toLowerCase(Locale.ROOT);
      return t.networkInterfaces().values().stream().anyMatch(n -> n.name().toLowerCase(Locale.ROOT).equals(k))
          || t.virtualMachines().values().stream().anyMatch(n -> n.name().toLowerCase(Locale.ROOT).equals(k))
          || t.publicIpAddresses().values().stream().anyMatch(n -> n.name().toLowerCase(Locale.ROOT).equals(k))
          || t.privateEndpoints().values().stream().anyMatch(n -> n.name().toLowerCase(Locale.ROOT).equals(k));
    }
  }
}
