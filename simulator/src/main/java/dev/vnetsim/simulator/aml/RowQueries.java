package dev.vnetsim.simulator.aml;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import dev.vnetsim.model.Direction;
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
  /** The label that stands for {@code *} when a wildcard row is simulated. */
  static final String PROBE_LABEL = "aml-probe";

  private RowQueries() {}

  /** A query and the words that describe its ends. */
  record RowQuery(Query query, String source, String destination, List<String> notes, Optional<String> fixTag) {}

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
          tag, "compute node", notes, Optional.of(tag));
    }
    Endpoint to;
    String destination;
    Optional<String> fixTag;
    if (row.kind() == Requirement.Kind.SERVICE_TAG) {
      destination = canonical(catalog, row.peer());
      to = new Endpoint.ServiceTag(destination);
      fixTag = Optional.of(destination);
    } else {
      // An FQDN row goes through the DNS model and firewall application rules by name. A wildcard row is
      // simulated with one representative name under it.
      destination = row.peer();
      String name = row.peer().startsWith("*.") ? PROBE_LABEL + row.peer().substring(1) : row.peer();
      if (!name.equals(row.peer())) {
        notes.add(row.peer() + " simulated with the name " + name);
      }
      to = new Endpoint.Fqdn(name);
      fixTag = fqdns.lookup(name).map(e -> canonical(catalog, e.serviceTag().replace("<region>", region)));
    }
    return new RowQuery(new Query(node, to, protocols, Ports.ALL, Ports.of(row.ports())), "compute node",
        destination, notes, fixTag);
  }

  /** The tag as the catalogue spells it ({@code AzureFrontDoor.FrontEnd} → {@code AzureFrontDoor.Frontend}). */
  static String canonical(ServiceTagCatalog catalog, String tag) {
    return catalog.tag(tag).map(t -> t.name()).orElse(tag);
  }
}
