package dev.vnetsim.simulator.whatif;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.compute.AmlCompute;
import dev.vnetsim.servicetag.FqdnCatalog;
import dev.vnetsim.servicetag.ServiceTagCatalog;
import dev.vnetsim.simulator.aml.AmlCheck;
import dev.vnetsim.simulator.aml.ComputeReport;
import dev.vnetsim.simulator.aml.ComputeTarget;
import dev.vnetsim.simulator.aml.RowResult;
import dev.vnetsim.simulator.engine.IncrementalCompiler;
import dev.vnetsim.simulator.requirements.Requirement;
import dev.vnetsim.simulator.requirements.RequirementPack;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@link RequirementFlows} through {@code aml-check} ({@link AmlCheck}): every row of the pack for every Azure ML
 * compute of the topology, keyed {@code <compute>/<row id>}. Outbound rows read {@code <compute> -> tag:<Tag>} (or
 * the FQDN), inbound rows {@code tag:<Tag> -> <compute>}.
 */
public final class AmlRequirements implements RequirementFlows {
  private final AmlCheck check;
  private final RequirementPack pack;

  public AmlRequirements(ServiceTagCatalog catalog, FqdnCatalog fqdns, RequirementPack pack) {
    this(catalog, fqdns, pack, new IncrementalCompiler(ServiceTagLookup.of(catalog)));
  }

  /**
   * Rows whose compute probes are compiled through {@code compiler}; a what-if passes the compiler of its before side
   * ({@link WhatIf.Options#withCompiler}), so that the topology as read is compiled once for both.
   */
  public AmlRequirements(ServiceTagCatalog catalog, FqdnCatalog fqdns, RequirementPack pack,
      IncrementalCompiler compiler) {
    this.check = new AmlCheck(catalog, fqdns, compiler);
    this.pack = pack;
  }

  @Override
  public ImmutableList<RequirementFlow> evaluate(Topology topology, ServiceTagLookup tags,
      Predicate<AmlCompute> which) {
    return evaluate(topology, tags, which, key -> true);
  }

  @Override
  public ImmutableList<RequirementFlow> evaluate(Topology topology, ServiceTagLookup tags,
      Predicate<AmlCompute> which, Predicate<String> keys) {
    ImmutableList.Builder<RequirementFlow> out = ImmutableList.builder();
    for (AmlCompute c : topology.amlComputes().values()) {
      if (c.subnet().isEmpty() || !which.test(c)) {
        continue;
      }
      String region = topology.subnet(c.subnet().get()).flatMap(topology::virtualNetworkOf).map(v -> v.location())
          .orElse("");
      Optional<ComputeReport> report = check.check(topology, ComputeTarget.of(c, region), pack, false,
          row -> keys.test(c.name() + "/" + row.id()));
      if (report.isEmpty()) {
        continue;
      }
      for (RowResult row : report.get().rows()) {
        Requirement r = row.requirement();
        String peer = r.kind() == Requirement.Kind.SERVICE_TAG ? "tag:" + (r.direction() == Direction.INBOUND
            ? row.source() : row.destination()) : r.peer();
        boolean in = r.direction() == Direction.INBOUND;
        out.add(new RequirementFlow(c.name() + "/" + r.id(), in ? peer : c.name(), in ? c.name() : peer,
            r.protocol().name(), r.ports().stream().map(PortRange::toString).collect(ImmutableList.toImmutableList()),
            row.trace()));
      }
    }
    return out.build();
  }
}
