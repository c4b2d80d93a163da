package dev.vnetsim.simulator.cli;

import dev.vnetsim.model.Topology;
import dev.vnetsim.servicetag.ServiceTagCatalog;
import dev.vnetsim.simulator.engine.DataPlaneEngine;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import dev.vnetsim.simulator.whatif.Memo;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the simulation commands share: the topology (through {@link Inputs}), the service-tag catalogue adapted to the
 * simulator's {@link ServiceTagLookup}, and the compiled engine.
 */
final class EngineInputs {

  final Topology topology;
  final ServiceTagCatalog catalog;
  final ServiceTagLookup tags;
  private final Workspace workspace;
  private DataPlaneEngine engine;

  private EngineInputs(Topology topology, ServiceTagCatalog catalog, Workspace workspace) {
    this.topology = topology;
    this.catalog = catalog;
    this.tags = lookup(catalog, workspace);
    this.workspace = workspace;
  }

  static EngineInputs load(GlobalOptions global, PrintWriter err) {
    Topology topology = Inputs.topology(global, err);
    ServiceTagCatalog catalog = TagsSnapshot.load(global, err);
    return new EngineInputs(topology, catalog, global.workspace);
  }

  /** The catalogue as the simulator's lookup; one instance per catalogue in a workspace (it is part of memo keys). */
  static ServiceTagLookup lookup(ServiceTagCatalog catalog, Workspace workspace) {
    return workspace.get("tags.lookup", new Memo.Same(catalog),
        () -> ServiceTagLookup.of(catalog));
  }

  /** The compiled engine (compiled on first use; kept in the workspace). */
  DataPlaneEngine engine() {
    if (engine == null) {
      engine = workspace.get("engine", List.of(new Memo.Same(topology), new Memo.Same(tags)),
          () -> DataPlaneEngine.compile(topology, tags));
    }
    return engine;
  }

  /** {@code serviceTags} of the trace JSON (DESIGN §3): which snapshot answered. */
  Map<String, Object> serviceTagsJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("changeNumber", catalog.provenance().changeNumber());
    m.put("source", catalog.provenance().describe());
    return m;
  }
}
