package dev.vnetsim.simulator.cli;

import dev.vnetsim.model.PortRange;
import dev.vnetsim.simulator.aml.ComputeReport;
import dev.vnetsim.simulator.aml.Fix;
import dev.vnetsim.simulator.aml.LintFinding;
import dev.vnetsim.simulator.aml.RowResult;
import dev.vnetsim.simulator.trace.DecidedBy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code aml-check --json} shape of DESIGN.md §3. */
final class AmlCheckJson {
  private AmlCheckJson() {}

  static Map<String, Object> report(ComputeReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("compute", r.compute().id().map(Object::toString).orElse(r.compute().name()));
    m.put("kind", r.compute().kindName());
    m.put("region", r.compute().region());
    m.put("publicIp", r.compute().publicIp());
    m.put("subnet", r.compute().subnet().value());
    m.put("requirementPack", r.packName() + " " + r.packVersion());
    List<Object> rows = new ArrayList<>();
    for (RowResult row : r.rows()) {
      rows.add(row(row));
    }
    m.put("requirements", rows);
    m.put("warnings", r.lint().stream().map(LintFinding::toString).toList());
    m.put("assumptions", r.assumptions());
    m.put("passed", !r.failed());
    return m;
  }

  static Map<String, Object> row(RowResult row) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", row.requirement().id());
    m.put("direction", row.requirement().direction().armName());
    m.put("protocol", row.requirement().protocol() == dev.vnetsim.model.Protocol.ANY ? "ANY"
        : row.requirement().protocol().name());
    m.put("ports", row.requirement().ports().stream().map(PortRange::toString).toList());
    m.put("source", row.source());
    m.put("destination", row.destination());
    m.put("kind", row.requirement().kind().jsonName());
    m.put("purpose", row.requirement().purpose());
    m.put("required", row.requirement().required());
    m.put("status", row.status().name());
    m.put("disposition", row.disposition().name());
    m.put("decidedBy", row.decidedBy().map(AmlCheckJson::decidedBy).orElse(null));
    m.put("fix", row.fixes().isEmpty() ? null : row.fixes().stream().map(AmlCheckJson::fix).toList());
    m.put("doc", row.requirement().source());
    m.put("notes", row.notes());
    return m;
  }

  static Map<String, Object> decidedBy(DecidedBy d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("resourceId", d.resourceId().value());
    m.put("ruleName", d.ruleName());
    m.put("priority", d.priority().orElse(null));
    return m;
  }

  static Map<String, Object> fix(Fix f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", f.kind().jsonName());
    m.put("target", f.target().value());
    m.put("summary", f.summary());
    m.put("resource", f.arm());
    m.put("verified", f.verified());
    return m;
  }
}
