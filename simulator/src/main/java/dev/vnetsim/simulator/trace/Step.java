package dev.vnetsim.simulator.trace;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.vnetsim.model.ResourceId;
import java.util.Optional;

/**
 * One evaluation inside a hop (DESIGN §3 {@code steps:[{type, action, resourceId, ruleName, priority, detail}]}):
 * an NSG rule list, a route lookup, or a transition (origin, peering crossing, forwarding, egress, delivery).
 */
public sealed interface Step permits Step.Filter, Step.Routing, Step.Transit {

  /** What was evaluated. */
  enum Type {
    ORIGINATED,
    /** Name resolution of an FQDN destination (private DNS zones, the public catalogue, a pinned address). */
    DNS,
    NSG_OUTBOUND,
    NSG_INBOUND,
    ROUTE,
    PEERING,
    GATEWAY,
    IP_FORWARDING,
    FIREWALL,
    INBOUND_NAT,
    EGRESS,
    DELIVERED,
    LOOP,
    UNSUPPORTED
  }

  /** What the step did with the packet. */
  enum Action {
    ORIGINATED,
    ALLOWED,
    DENIED,
    FORWARDED,
    TRANSLATED,
    RESOLVED,
    DROPPED,
    DELIVERED,
    EXITED,
    UNKNOWN
  }

  Type type();

  Action action();

  Optional<ResourceId> resourceId();

  Optional<String> ruleName();

  Optional<Integer> priority();

  String detail();

  /** The rule or route this step applied, as {@code decidedBy} names it; empty for transitions. */
  Optional<DecidedBy> decision();

  /** An NSG (or firewall) rule-list evaluation: the container id and the matching rule in Azure's words. */
  record Filter(Type type, Action action, ResourceId nsg, String rule, int rulePriority, String detail)
      implements Step {
    public Filter {
      checkNotNull(nsg, "nsg");
      checkNotNull(rule, "rule");
      checkNotNull(detail, "detail");
    }

    @Override
    public Optional<ResourceId> resourceId() {
      return Optional.of(nsg);
    }

    @Override
    public Optional<String> ruleName() {
      return Optional.of(rule);
    }

    @Override
    public Optional<Integer> priority() {
      return Optional.of(rulePriority);
    }

    @Override
    public Optional<DecidedBy> decision() {
      return Optional.of(DecidedBy.rule(nsg, rule, rulePriority));
    }
  }

  /** A route lookup: the table (or subnet, for system routes without a table) and the route that matched. */
  record Routing(Action action, ResourceId table, String route, String detail) implements Step {
    public Routing {
      checkNotNull(table, "table");
      checkNotNull(route, "route");
      checkNotNull(detail, "detail");
    }

    @Override
    public Type type() {
      return Type.ROUTE;
    }

    @Override
    public Optional<ResourceId> resourceId() {
      return Optional.of(table);
    }

    @Override
    public Optional<String> ruleName() {
      return Optional.of(route);
    }

    @Override
    public Optional<Integer> priority() {
      return Optional.empty();
    }

    @Override
    public Optional<DecidedBy> decision() {
      return Optional.of(DecidedBy.route(table, route));
    }
  }

  /** A transition without a rule: origin, peering crossing, IP forwarding, egress, delivery, loop. */
  record Transit(Type type, Action action, Optional<ResourceId> resourceId, String detail) implements Step {
    public Transit {
      checkNotNull(type, "type");
      checkNotNull(action, "action");
      checkNotNull(resourceId, "resourceId");
      checkNotNull(detail, "detail");
    }

    @Override
    public Optional<String> ruleName() {
      return Optional.empty();
    }

    @Override
    public Optional<Integer> priority() {
      return Optional.empty();
    }

    @Override
    public Optional<DecidedBy> decision() {
      return Optional.empty();
    }
  }
}
