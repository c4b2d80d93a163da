package dev.vnetsim.simulator.engine;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.simulator.dns.DnsAnswer;
import dev.vnetsim.simulator.trace.Coverage;
import dev.vnetsim.simulator.trace.DecidedBy;
import dev.vnetsim.simulator.trace.Disposition;
import dev.vnetsim.simulator.trace.FlowSpace;
import dev.vnetsim.simulator.trace.Hop;
import dev.vnetsim.simulator.trace.Step;
import dev.vnetsim.simulator.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How an FQDN destination's resolution shows in a trace (DESIGN §4; azure-semantics.md §5.3). */
final class DnsSteps {
  private DnsSteps() {}

  /** The DNS steps recorded at the source's hop: one per link of the chain (§5.3). */
  static ImmutableList<Step> steps(DnsAnswer.Resolved r) {
    ImmutableList.Builder<Step> out = ImmutableList.builder();
    for (int i = 0; i < r.chain().size(); i++) {
      boolean last = i == r.chain().size() - 1;
      out.add(new Step.Transit(Step.Type.DNS, Step.Action.RESOLVED, last ? r.zone() : Optional.empty(),
          r.chain().get(i)));
    }
    return out.build();
  }

  static ImmutableList<String> assumptions(DnsAnswer a) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    for (DnsAnswer.Note n : a.notes()) {
      switch (n) {
        case CUSTOM_DNS_SERVERS -> out.add(Assumptions.DNS_CUSTOM_SERVERS.line());
        case FIREWALL_DNS_PROXY -> out.add(Assumptions.DNS_FIREWALL_PROXY.line());
        case CATALOGUE -> out.add(Assumptions.DNS_CATALOGUE.line(a.name()
            + (a instanceof DnsAnswer.Resolved r ? r.serviceTag().map(t -> " -> " + t).orElse("") : "")));
        case CATALOGUE_SOURCE_REGION -> out.add(Assumptions.DNS_SOURCE_REGION.line());
        case UNKNOWN_PUBLIC -> out.add(Assumptions.DNS_UNKNOWN_NAME.line(a.name()));
        case PINNED -> { }
      }
    }
    return out.build();
  }

  /** A name that did not resolve (§5.3): the source's hop with the DNS step that failed. */
  static Trace failure(NicPlane src, Optional<IpAddress> from, DnsAnswer a) {
    List<Step> steps = new ArrayList<>();
    steps.add(new Step.Transit(Step.Type.ORIGINATED, Step.Action.ORIGINATED, Optional.of(src.nic().id()),
        "from " + from.map(Object::toString).orElse("?")));
    for (int i = 0; i + 1 < a.chain().size(); i++) {
      steps.add(new Step.Transit(Step.Type.DNS, Step.Action.RESOLVED, Optional.empty(), a.chain().get(i)));
    }
    Disposition d;
    Optional<DecidedBy> by;
    String why;
    Optional<ResourceId> at;
    if (a instanceof DnsAnswer.Unresolved u) {
      d = Disposition.DNS_UNRESOLVED;
      by = Optional.of(DecidedBy.route(u.by(), u.record().isEmpty() ? "DNS" : u.record()));
      why = u.why();
      at = Optional.of(u.by());
    } else {
      d = Disposition.INSUFFICIENT_INFO;
      by = Optional.empty();
      why = ((DnsAnswer.Unknown) a).why();
      at = Optional.empty();
    }
    steps.add(new Step.Transit(Step.Type.DNS, Step.Action.DROPPED, at, a.name() + ": " + why));
    Hop hop = new Hop(src.nic().id(), Hop.Kind.NIC, ImmutableList.copyOf(steps));
    return new Trace(FlowSpace.EMPTY, d, by, ImmutableList.of(hop), ImmutableList.of(), Coverage.NONE, IpSet.EMPTY,
        Optional.empty(), assumptions(a));
  }

  /** The name cannot be looked up: an NSG rule naming AzurePlatformDNS denies the query to Azure DNS (§1.8). */
  static Trace queryDenied(NicPlane src, IpAddress from, String name, WalkResult query) {
    List<Step> steps = new ArrayList<>();
    steps.add(new Step.Transit(Step.Type.ORIGINATED, Step.Action.ORIGINATED, Optional.of(src.nic().id()),
        "from " + from));
    DecidedBy by = query.decidedBy().orElseThrow();
    steps.add(new Step.Transit(Step.Type.DNS, Step.Action.DROPPED, Optional.of(by.resourceId()), name
        + ": the DNS query to Azure DNS (168.63.129.16, UDP 53) is denied by " + by.ruleName() + " (§1.8)"));
    Hop hop = new Hop(src.nic().id(), Hop.Kind.NIC, ImmutableList.copyOf(steps));
    return new Trace(FlowSpace.EMPTY, Disposition.DNS_UNRESOLVED, Optional.of(by), ImmutableList.of(hop),
        ImmutableList.of(), Coverage.NONE, IpSet.EMPTY, Optional.empty(), ImmutableList.copyOf(query.assumptions()));
  }
}
