package dev.vnetsim.simulator.trace;

import dev.vnetsim.model.Cidr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON shape of a trace (DESIGN §3), as ordered maps and lists that any JSON writer prints as is. The CLI adds
 * {@code serviceTags}.
 */
public final class TraceJson {
  private TraceJson() {}

  public static Map<String, Object> toJsonMap(Trace t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reachable", t.reachable());
    m.put("coverage", t.coverage().name());
    m.put("disposition", t.disposition().name());
    m.put("decidedBy", decidedBy(t.decidedBy()));
    m.put("hops", hops(t.hops()));
    List<Object> parts = new ArrayList<>();
    t.parts().forEach(p -> parts.add(part(p)));
    m.put("parts", parts);
    if (!t.notApplicable().isEmpty()) {
      m.put("notApplicable", cidrs(t.notApplicable().toCidrs()));
    }
    t.egress().ifPresent(e -> m.put("egress", egress(e)));
    m.put("assumptions", new ArrayList<>(t.assumptions()));
    m.put("warnings", new ArrayList<>(t.warnings()));
    return m;
  }

  public static Map<String, Object> part(Part p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("prefixes", cidrs(p.space().destinations().toCidrs()));
    List<String> protocols = new ArrayList<>();
    List<String> ports = new ArrayList<>();
    for (FlowBox b : p.space().boxes()) {
      b.protocolNames().forEach(n -> add(protocols, n));
      if (b.hasPorts()) {
        Ports.ranges(b.destinationPorts()).forEach(r -> add(ports, r.toString()));
      }
    }
    m.put("protocols", protocols);
    m.put("ports", ports);
    m.put("disposition", p.disposition().name());
    m.put("decidedBy", decidedBy(p.decidedBy()));
    p.egress().ifPresent(e -> m.put("egress", egress(e)));
    m.put("hops", hops(p.hops()));
    return m;
  }

  private static void add(List<String> list, String s) {
    if (!list.contains(s)) {
      list.add(s);
    }
  }

  public static Object decidedBy(Optional<DecidedBy> d) {
    if (d.isEmpty()) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("resourceId", d.get().resourceId().value());
    m.put("ruleName", d.get().ruleName());
    m.put("priority", d.get().priority().orElse(null));
    return m;
  }

  public static List<Object> hops(List<Hop> hops) {
    List<Object> out = new ArrayList<>();
    for (Hop h : hops) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("resourceId", h.resourceId().value());
      m.put("kind", h.kind().name());
      List<Object> steps = new ArrayList<>();
      h.steps().forEach(s -> steps.add(step(s)));
      m.put("steps", steps);
      out.add(m);
    }
    return out;
  }

  public static Map<String, Object> step(Step s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", s.type().name());
    m.put("action", s.action().name());
    m.put("resourceId", s.resourceId().map(r -> r.value()).orElse(null));
    m.put("ruleName", s.ruleName().orElse(null));
    m.put("priority", s.priority().orElse(null));
    m.put("detail", s.detail());
    return m;
  }

  public static Map<String, Object> egress(Egress e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", e.type().name());
    m.put("resourceId", e.resourceId().map(r -> r.value()).orElse(null));
    m.put("snatAddress", e.snatAddress().map(Object::toString).orElse(null));
    return m;
  }

  private static List<String> cidrs(List<Cidr> cidrs) {
    List<String> out = new ArrayList<>();
    cidrs.forEach(c -> out.add(c.toString()));
    return out;
  }
}
