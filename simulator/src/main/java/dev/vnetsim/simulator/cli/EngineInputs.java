package dev.vnetsim.simulator.cli;

import dev.vnetsim.model.Topology;
import dev.vnetsim.servicetag.ServiceTag;
import dev.vnetsim.servicetag.ServiceTagCatalog;
import dev.vnetsim.simulator.engine.DataPlaneEngine;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the simulation commands share: the topology (through {@link Inputs}), the service-tag catalogue adapted to the
 * simulator's {@link ServiceTagLookup}, and the compiled engine.
 */
final class EngineInputs {

  final Topology topology;
  final ServiceTagCatalog catalog;
  final DataPlaneEngine engine;

  private EngineInputs(Topology topology, ServiceTagCatalog catalog) {
    this.topology = topology;
    this.catalog = catalog;
    ServiceTagLookup tags = name -> catalog.tag(name).map(ServiceTag::addresses);
    this.engine = DataPlaneEngine.compile(topology, tags);
  }

  static EngineInputs load(GlobalOptions global, PrintWriter err) {
    Topology topology = Inputs.topology(global, err);
    ServiceTagCatalog catalog = TagsSnapshot.load(global, err);
    return new EngineInputs(topology, catalog);
  }

  /** {@code serviceTags} of the trace JSON (DESIGN §3): which snapshot answered. */
  Map<String, Object> serviceTagsJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("changeNumber", catalog.provenance().changeNumber());
    m.put("source", catalog.provenance().describe());
    return m;
  }
}
