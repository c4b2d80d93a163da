package dev.vnetsim.simulator.aml;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.Subnet;
import dev.vnetsim.servicetag.FqdnCatalog;
import dev.vnetsim.servicetag.ServiceTagCatalog;
import dev.vnetsim.simulator.engine.Compiler;
import dev.vnetsim.simulator.engine.ReachabilityEngine;
import dev.vnetsim.simulator.requirements.Requirement;
import dev.vnetsim.simulator.requirements.RequirementPack;
import dev.vnetsim.simulator.trace.DecidedBy;
import dev.vnetsim.simulator.trace.Disposition;
import dev.vnetsim.simulator.trace.Egress;
import dev.vnetsim.simulator.trace.Part;
import dev.vnetsim.simulator.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Azure ML's network requirements for one compute, each simulated as a flow over the whole tag with the flow
 * engine (NSGs, routes, NAT, firewall, private endpoints all apply), with a verified fix for each failure.
 */
public final class AmlCheck {
  /** How many changes a fix may chain (an allow rule, then a route, then a NAT gateway). */
  static final int MAX_FIX_STEPS = 3;

  private final ServiceTagCatalog catalog;
  private final FqdnCatalog fqdns;
  private final Compiler compiler;

  public AmlCheck(ServiceTagCatalog catalog, FqdnCatalog fqdns, Compiler compiler) {
    this.catalog = catalog;
    this.fqdns = fqdns;
    this.compiler = compiler;
  }

  /** Checks one compute; empty when its subnet is not in the topology (the caller reports INSUFFICIENT_INFO). */
  public Optional<ComputeReport> check(Topology topology, ComputeTarget target, RequirementPack pack) {
    return check(topology, target, pack, true);
  }

  /**
   * As above; without {@code fixes} a failing row gets no proposed fix (a what-if compares the rows' traces only, and
   * verifying each fix recompiles the topology with it).
   */
  public Optional<ComputeReport> check(Topology topology, ComputeTarget target, RequirementPack pack,
      boolean fixes) {
    return check(topology, target, pack, fixes, row -> true);
  }

  /** As above, with only the rows {@code rows} accepts (a what-if evaluates again only the rows a change may reach). */
  public Optional<ComputeReport> check(Topology topology, ComputeTarget target, RequirementPack pack,
      boolean fixes, Predicate<Requirement> rows) {
    Optional<ComputeProbe> probe = ComputeProbe.add(topology, target);
    if (probe.isEmpty()) {
      return Optional.empty();
    }
    Subnet subnet = topology.subnet(target.subnet()).orElseThrow();
    ReachabilityEngine engine = compiler.derived(probe.get().topology(), topology, probe.get().put());
    ImmutableList.Builder<RowResult> results = ImmutableList.builder();
    for (Requirement template : pack.requirements()) {
      if (!template.appliesTo().appliesTo(target.publicIp())) {
        continue;
      }
      Requirement row = template.forRegion(target.region(), target.region());
      if (rows.test(row)) {
        results.add(evaluate(engine, probe.get(), subnet, row, fixes));
      }
    }
    ImmutableList<RowResult> evaluated = results.build();
    List<LintFinding> lint = Lint.check(topology, target, subnet, evaluated);
    return Optional.of(new ComputeReport(target, pack.name(), pack.version(), evaluated, ImmutableList.copyOf(lint),
        probe.get().assumptions()));
  }

  private RowResult evaluate(ReachabilityEngine engine, ComputeProbe probe, Subnet subnet, Requirement row,
      boolean withFixes) {
    RowQueries.RowQuery q = RowQueries.of(row, probe, catalog, fqdns, probe.topology().virtualNetworkOf(subnet)
        .map(v -> v.location()).orElse(""));
    Trace trace = engine.trace(q.query());
    Verdict v = Verdict.of(trace);
    ImmutableList<Fix> fixes = withFixes && v.status == RowResult.Status.FAIL
        ? fix(probe, subnet, row, q, v)
        : ImmutableList.of();
    List<String> notes = new ArrayList<>(q.notes());
    notes.addAll(trace.assumptions());
    return new RowResult(row, q.source(), q.destination(), v.status, v.disposition, v.decidedBy, fixes, trace,
        ImmutableList.copyOf(notes));
  }

  /** The row's outcome: PASS, WARN (default outbound only) or FAIL, with the first failing part's reason. */
  record Verdict(RowResult.Status status, Disposition disposition, Optional<DecidedBy> decidedBy) {
    static Verdict of(Trace t) {
      if (t.reachable()) {
        boolean doa = t.egress().map(e -> e.type() == Egress.Type.DEFAULT_OUTBOUND).orElse(false)
            || t.parts().stream().anyMatch(p -> p.egress().map(e -> e.type() == Egress.Type.DEFAULT_OUTBOUND)
                .orElse(false));
        return new Verdict(doa ? RowResult.Status.WARN : RowResult.Status.PASS, t.disposition(), t.decidedBy());
      }
      for (Part p : t.parts()) {
        if (!p.disposition().reachable()) {
          return new Verdict(RowResult.Status.FAIL, p.disposition(), p.decidedBy());
        }
      }
      Disposition d = t.disposition().reachable() ? Disposition.INSUFFICIENT_INFO : t.disposition();
      return new Verdict(RowResult.Status.FAIL, d, t.decidedBy());
    }
  }

  /** Chains fixes until the row passes (at most {@link #MAX_FIX_STEPS}); each is marked verified if it did. */
  private ImmutableList<Fix> fix(ComputeProbe probe, Subnet subnet, Requirement row, RowQueries.RowQuery q,
      Verdict first) {
    String peerTag = q.fixTag().orElse(null);
    Topology current = probe.topology();
    Verdict v = first;
    List<Fix> fixes = new ArrayList<>();
    for (int step = 0; step < MAX_FIX_STEPS && v.status == RowResult.Status.FAIL; step++) {
      Subnet s = current.subnet(subnet.id()).orElseThrow();
      Optional<Fixes.Applied> applied = Fixes.propose(current, s, row, peerTag, v.disposition, v.decidedBy);
      if (applied.isEmpty()) {
        break;
      }
      fixes.add(applied.get().fix());
      current = applied.get().topology();
      v = Verdict.of(compiler.apply(current).trace(q.query()));
    }
    boolean verified = v.status != RowResult.Status.FAIL;
    return fixes.stream().map(f -> f.withVerified(verified)).collect(ImmutableList.toImmutableList());
  }
}
