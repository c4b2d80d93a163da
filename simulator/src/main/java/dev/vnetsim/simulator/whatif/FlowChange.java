package dev.vnetsim.simulator.whatif;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.io.change.ResourceChange;
import dev.vnetsim.simulator.trace.DecidedBy;
import dev.vnetsim.simulator.trace.Disposition;
import dev.vnetsim.simulator.trace.Hop;
import java.util.Locale;
import java.util.Optional;

/**
 * One entry of a what-if answer (DESIGN §3 {@code whatif}): a flow whose outcome differs, where it was found
 * ({@code source}; {@code name} is the intent's name or the requirement row's key), the flow ({@code from},
 * {@code to} as {@code trace} or an intents file takes them, {@code protocol}, {@code ports}), the answer on each
 * side and the changed resources on either side's path that explain it.
 */
public record FlowChange(Kind kind, Source source, Optional<String> name, String from, String to, String protocol,
    ImmutableList<String> ports, Verdict before, Verdict after, ImmutableList<Cause> cause) {

  /** BROKEN: reached before, not after; OPENED: the reverse; CHANGED: same reach, another rule or path. */
  public enum Kind {
    BROKEN,
    OPENED,
    CHANGED
  }

  /** Where the flow comes from: an Azure ML requirement row, a user intent, or the symbolic differential. */
  public enum Source {
    REQUIREMENT,
    INTENT,
    DIFFERENTIAL;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One side's answer for the changed packets, with the path (one representative piece). */
  public record Verdict(Disposition disposition, Optional<DecidedBy> decidedBy, ImmutableList<Hop> hops) {
    public static Verdict of(Outcome o) {
      Outcome.Piece p = o.top();
      return new Verdict(p.disposition(), p.decidedBy(), p.hops());
    }
  }

  /** A changed resource (for a rule or route: its NSG or route table, with the rule named in {@code detail}). */
  public record Cause(ResourceId resourceId, ResourceChange.Kind change, String detail) {
    public Cause {
      checkNotNull(resourceId, "resourceId");
      checkNotNull(change, "change");
      checkNotNull(detail, "detail");
    }

    public static Cause of(ResourceChange c) {
      return new Cause(c.resourceId(), c.change(), c.detail());
    }
  }

  public FlowChange {
    checkNotNull(kind, "kind");
    checkNotNull(source, "source");
    checkNotNull(name, "name");
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    checkNotNull(protocol, "protocol");
    checkNotNull(ports, "ports");
    checkNotNull(before, "before");
    checkNotNull(after, "after");
    checkNotNull(cause, "cause");
  }
}
