package dev.vnetsim.simulator.whatif;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.io.change.ResourceChange;
import dev.vnetsim.simulator.trace.Hop;
import dev.vnetsim.simulator.trace.Step;
import java.util.List;
import java.util.Optional;

/**
 * Which changes explain a difference: those that touch a resource on the before or after path (a hop, the container
 * of a rule or route a step applied, the deciding rule's container, the egress). A changed rule or route counts only
 * when a step on either path applied it (a rule that decided nothing on either side cannot have changed the flow);
 * a changed child such as a subnet counts when its own id is on the path; a changed storage account, when a path
 * resolves one of its names. When nothing on the paths changed (an effect through the address space, peering or a
 * service tag's use elsewhere), every change is listed.
 */
final class Causes {
  private Causes() {}

  static ImmutableList<FlowChange.Cause> of(List<ResourceChange> changes, Outcome before, Outcome after) {
    ImmutableList.Builder<FlowChange.Cause> out = ImmutableList.builder();
    boolean any = false;
    for (ResourceChange c : changes) {
      if (matches(c, before) || matches(c, after)) {
        out.add(FlowChange.Cause.of(c));
        any = true;
      }
    }
    if (!any) {
      changes.forEach(c -> out.add(FlowChange.Cause.of(c)));
    }
    return out.build();
  }

  /** Whether a change touches a path (read in place: a what-if asks this of every changed flow). */
  private static boolean matches(ResourceChange c, Outcome o) {
    if (c.child().isEmpty() && c.resourceId().type().filter(STORAGE_ACCOUNTS::equalsIgnoreCase).isPresent()
        && resolves(o, c.resourceId().name())) {
      return true; // its region, or a service endpoint policy, decides where the account's names lead
    }
    Optional<String> rule = c.child().flatMap(Causes::ruleName);
    if (rule.isPresent()) {
      return applies(o, c.resourceId(), rule.get());
    }
    if (c.child().isPresent()) {
      ResourceId child = ResourceId.of(c.resourceId().value() + "/" + c.child().get());
      return touches(o, child) || !isSubnetsChild(c.child().get()) && touches(o, c.resourceId());
    }
    return touches(o, c.resourceId());
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

  private static final String STORAGE_ACCOUNTS = "Microsoft.Storage/storageAccounts";

  /** Whether the path begins by resolving a name of storage account {@code account} ({@code account.blob…}). */
  private static boolean resolves(Outcome o, String account) {
    for (Outcome.Piece p : o.pieces()) {
      for (Hop h : p.hops()) {
        for (Step s : h.steps()) {
          if (s.type() == Step.Type.DNS && s.detail().length() > account.length()
              && s.detail().regionMatches(true, 0, account, 0, account.length())
              && s.detail().charAt(account.length()) == '.') {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether the path decided by, or applied, rule {@code rule} of {@code container} (names in any case). */
  private static boolean applies(Outcome o, ResourceId container, String rule) {
    for (Outcome.Piece p : o.pieces()) {
      if (p.decidedBy().isPresent() && p.decidedBy().get().resourceId().equals(container)
          && p.decidedBy().get().ruleName().equalsIgnoreCase(rule)) {
        return true;
      }
      for (Hop h : p.hops()) {
        for (Step s : h.steps()) {
          if (s.resourceId().isPresent() && s.ruleName().isPresent() && s.resourceId().get().equals(container)
              && s.ruleName().get().equalsIgnoreCase(rule)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Whether the path names {@code id}: the deciding rule's container, the egress, a hop, a subnet hop's VNet (its
   * address space and peerings) or the resource of a step.
   */
  private static boolean touches(Outcome o, ResourceId id) {
    for (Outcome.Piece p : o.pieces()) {
      if (p.decidedBy().isPresent() && p.decidedBy().get().resourceId().equals(id)
          || p.egress().flatMap(e -> e.resourceId()).filter(id::equals).isPresent()) {
        return true;
      }
      for (Hop h : p.hops()) {
        if (h.resourceId().equals(id)
            || h.kind() == Hop.Kind.SUBNET && h.resourceId().parent().filter(id::equals).isPresent()) {
          return true;
        }
        for (Step s : h.steps()) {
          if (s.resourceId().isPresent() && s.resourceId().get().equals(id)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
