package dev.vnetsim.simulator.aml;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.servicetag.FqdnCatalog;
import dev.vnetsim.servicetag.ServiceTagCatalog;
import dev.vnetsim.simulator.engine.Endpoint;
import dev.vnetsim.simulator.engine.Query;
import dev.vnetsim.simulator.requirements.Requirement;
import dev.vnetsim.simulator.trace.Ports;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a requirement row into an engine query from (or to) the compute's node. */
final class RowQueries {
  /** Where an FQDN no catalogue knows is assumed to resolve: TEST-NET-3, a public address outside every tag. */
  static final IpAddress UNKNOWN_PUBLIC = IpAddress.parse("203.0.113.80");

  private RowQueries() {}

  /** A query and the words that describe its ends. */
  record RowQuery(Query query, String source, String destination, List<String> notes) {}

  static RowQuery of(Requirement row, ComputeProbe probe, ServiceTagCatalog catalog, FqdnCatalog fqdns,
      String region) {
    ImmutableSet<Protocol> protocols = row.protocol() == Protocol.ANY
        ? Sets.immutableEnumSet(Protocol.TCP, Protocol.UDP)
        : Sets.immutableEnumSet(row.protocol());
    List<String> notes = new ArrayList<>();
    Endpoint node = new Endpoint.Nic(probe.nic());
    if (row.direction() == Direction.INBOUND) {
      String tag = canonical(catalog, row.peer());
      Endpoint to = probe.publicIp().<Endpoint>map(Endpoint.PublicIp::new).orElse(node);
      return new RowQuery(new Query(new Endpoint.ServiceTag(tag), to, protocols, Ports.ALL, Ports.of(row.ports())),
          tag, "compute node", notes);
    }
    Endpoint to;
    String destination;
    if (row.kind() == Requirement.Kind.SERVICE_TAG) {
      destination = canonical(catalog, row.peer());
      to = new Endpoint.ServiceTag(destination);
    } else {
      destination = row.peer();
      Optional<FqdnCatalog.Entry> entry = fqdns.lookup(row.peer().replace("*.", "x."));
      if (entry.isPresent()) {
        String tag = canonical(catalog, entry.get().serviceTag().replace("<region>", region));
        to = new Endpoint.ServiceTag(tag);
        notes.add(row.peer() + " resolved through the public FQDN catalogue to service tag " + tag
            + " (assumption: public DNS; " + entry.get().source() + ")");
      } else {
        to = new Endpoint.Addresses(IpSet.of(UNKNOWN_PUBLIC), row.peer());
        notes.add(row.peer() + " is not an Azure service name: assumed to resolve to a public address outside every"
            + " service tag (" + UNKNOWN_PUBLIC + ")");
      }
    }
    return new RowQuery(new Query(node, to, protocols, Ports.ALL, Ports.of(row.ports())), "compute node",
        destination, notes);
  }

  /** The tag as the catalogue spells it ({@code AzureFrontDoor.FrontEnd} → {@code AzureFrontDoor.Frontend}). */
  static String canonical(ServiceTagCatalog catalog, String tag) {
    return catalog.tag(tag).map(t -> t.name()).orElse(tag);
  }
}
