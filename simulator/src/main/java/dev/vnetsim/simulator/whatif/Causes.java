package dev.vnetsim.simulator.whatif;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.io.change.ResourceChange;
import dev.vnetsim.simulator.trace.Hop;
import dev.vnetsim.simulator.trace.Step;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which changes explain a difference: those that touch a resource on the before or after path (a hop, the container
 * of a rule or route a step applied, the deciding rule's container, the egress). A changed rule or route counts only
 * when a step on either path applied it (a rule that decided nothing on either side cannot have changed the flow);
 * a changed child such as a subnet counts when its own id is on the path. When nothing on the paths changed (an
 * effect through the address space, peering or a service tag's use elsewhere), every change is listed.
 */
final class Causes {
  private Causes() {}

  static ImmutableList<FlowChange.Cause> of(List<ResourceChange> changes, Outcome before, Outcome after) {
    Set<ResourceId> touched = new HashSet<>();
    Set<String> applied = new HashSet<>();
    collect(before, touched, applied);
    collect(after, touched, applied);
    ImmutableList.Builder<FlowChange.Cause> out = ImmutableList.builder();
    boolean any = false;
    for (ResourceChange c : changes) {
      if (matches(c, touched, applied)) {
        out.add(FlowChange.Cause.of(c));
        any = true;
      }
    }
    if (!any) {
      changes.forEach(c -> out.add(FlowChange.Cause.of(c)));
    }
    return out.build();
  }

  private static boolean matches(ResourceChange c, Set<ResourceId> touched, Set<String> applied) {
    Optional<String> rule = c.child().flatMap(Causes::ruleName);
    if (rule.isPresent()) {
      return applied.contains(key(c.resourceId(), rule.get()));
    }
    if (c.child().isPresent()) {
      ResourceId child = ResourceId.of(c.resourceId().value() + "/" + c.child().get());
      return touched.contains(child) || touched.contains(c.resourceId()) && !isSubnetsChild(c.child().get());
    }
    return touched.contains(c.resourceId());
  }

  private static boolean isSubnetsChild(String child) {
    return child.regionMatches(true, 0, "subnets/", 0, 8);
  }

  /** The rule name a step shows for a changed child rule or route ({@code securityRules/X}, a route's name). */
  private static Optional<String> ruleName(String child) {
    if (child.regionMatches(true, 0, "securityRules/", 0, 14)) {
      return Optional.of(child);
    }
    if (child.regionMatches(true, 0, "routes/", 0, 7)) {
      return Optional.of(child.substring(7));
    }
    return Optional.empty();
  }

  private static String key(ResourceId container, String rule) {
    return container.key() + "|" + rule.toLowerCase(java.util.Locale.ROOT);
  }

  private static void collect(Outcome o, Set<ResourceId> touched, Set<String> applied) {
    for (Outcome.Piece p : o.pieces()) {
      p.decidedBy().ifPresent(d -> {
        touched.add(d.resourceId());
        applied.add(key(d.resourceId(), d.ruleName()));
      });
      p.egress().flatMap(e -> e.resourceId()).ifPresent(touched::add);
      for (Hop h : p.hops()) {
        touched.add(h.resourceId());
        if (h.kind() == Hop.Kind.SUBNET) {
          h.resourceId().parent().ifPresent(touched::add); // the VNet: address space and peerings
        }
        for (Step s : h.steps()) {
          s.resourceId().ifPresent(touched::add);
          if (s.resourceId().isPresent() && s.ruleName().isPresent()) {
            applied.add(key(s.resourceId().get(), s.ruleName().get()));
          }
        }
      }
    }
  }
}
