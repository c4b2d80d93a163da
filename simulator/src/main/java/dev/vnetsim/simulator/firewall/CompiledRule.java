package dev.vnetsim.simulator.firewall;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.ImmutableSet;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.firewall.FirewallAction;
import dev.vnetsim.simulator.dns.FlowName;
import dev.vnetsim.simulator.trace.DecidedBy;
import dev.vnetsim.simulator.trace.Flow;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.FlowSpace;
import dev.vnetsim.simulator.trace.Ports;
import java.util.EnumSet;
import java.util.Optional;

/**
 * One firewall rule with its terms resolved (azure-semantics.md §4.3-§4.5). Network and DNAT rules match addresses,
 * protocols and destination ports; a network rule's FQDNs match the addresses the firewall's DNS proxy resolves them
 * to (without DNS proxy they are ignored, {@code ignoredFqdns}). Application rules match TCP flows that carry a name,
 * on the ports of their protocol:port pairs, by target FQDN. Unresolvable terms ({@code sourceUnknown}, unknown
 * destinations, FQDN tags) make the rule a "maybe" for the packets only they could add.
 */
public record CompiledRule(
    int index,
    Pass pass,
    FirewallAction action,
    DecidedBy decidedBy,
    String where,
    IpSet source,
    Optional<String> sourceUnknown,
    IpSet destination,
    Optional<String> destinationUnknown,
    ImmutableSet<Protocol> protocols,
    ImmutableRangeSet<Integer> ports,
    boolean anyProtocol,
    ImmutableList<NetworkFqdn> fqdns,
    ImmutableList<String> ignoredFqdns,
    ImmutableList<FqdnPattern> targets,
    Optional<String> unmodelledTargets,
    Optional<DnatTarget> dnat) {

  /** How the firewall's DNS proxy resolves a network rule's FQDN (§4.3 [FW-FQDNNET]). */
  public enum Resolution {
    /** A private zone record: exactly {@code addresses}. */
    EXACT,
    /** The public catalogue: some address of {@code addresses} (a service tag). */
    PUBLIC,
    /** Public, but no catalogue entry: an unknown public address. */
    UNKNOWN_PUBLIC,
    /** NXDOMAIN (or a wildcard name, which network rules do not support). */
    UNRESOLVED,
    /** Depends on something not in the input. */
    UNKNOWN
  }

  public record NetworkFqdn(String name, Resolution resolution, IpSet addresses) {}

  /** Where DNAT sends the packet; {@code unknown} says why the address is not known. */
  public record DnatTarget(Optional<IpAddress> address, Optional<Integer> port, Optional<String> unknown,
      String text) {}

  /** A three-valued match. */
  public enum Match {
    NO,
    MAYBE,
    YES;

    Match and(Match o) {
      return compareTo(o) <= 0 ? this : o;
    }

    Match or(Match o) {
      return compareTo(o) >= 0 ? this : o;
    }
  }

  /** The same rule at another position (two rules are the same rule wherever they sit when this makes them equal). */
  public CompiledRule withIndex(int i) {
    return new CompiledRule(i, pass, action, decidedBy, where, source, sourceUnknown, destination, destinationUnknown,
        protocols, ports, anyProtocol, fqdns, ignoredFqdns, targets, unmodelledTargets, dnat);
  }

  /** The packets the rule surely matches and those it may match, for a flow of one name; and the choices made. */
  public record Region(FlowSpace certain, FlowSpace maybe, ImmutableSet<FirewallChoice> choices) {}

  /**
   * The destinations the rule can match, surely or maybe, for flows that carry no name (addresses, prefixes, service
   * tags): {@link #region} for {@link FlowName#NONE}. An application rule matches none of them; a network rule's
   * FQDNs only the addresses the DNS proxy resolves them to.
   */
  public IpSet unnamedDestinations() {
    Region r = region(FlowName.NONE);
    return r.certain().destinations().union(r.maybe().destinations());
  }

  /** The rule's region for flows of a given name (set-valued; see {@link #classify} for one packet). */
  public Region region(FlowName name) {
    EnumSet<FirewallChoice> choices = EnumSet.noneOf(FirewallChoice.class);
    if (anyProtocol) {
      choices.add(FirewallChoice.FW_ANY_PROTOCOL);
    }
    if (!ignoredFqdns.isEmpty()) {
      choices.add(FirewallChoice.FW_NETWORK_FQDN_NEEDS_PROXY);
    }
    IpSet dstCertain;
    IpSet dstMaybe;
    if (pass == Pass.APPLICATION) {
      choices.add(FirewallChoice.FW_APP_RULE_PROTOCOL);
      if (name.fqdn().isEmpty()) {
        choices.add(FirewallChoice.FW_APP_RULE_NEEDS_NAME);
        return new Region(FlowSpace.EMPTY, FlowSpace.EMPTY, ImmutableSet.copyOf(choices));
      }
      boolean hit = targets.stream().anyMatch(p -> p.matches(name.fqdn().get()));
      dstCertain = hit ? IpSet.ALL : IpSet.EMPTY;
      dstMaybe = !hit && unmodelledTargets.isPresent() ? IpSet.ALL : IpSet.EMPTY;
    } else {
      dstCertain = destination;
      dstMaybe = destinationUnknown.isPresent() ? IpSet.ALL : IpSet.EMPTY;
      for (NetworkFqdn f : fqdns) {
        Optional<IpAddress> pin = name.pinned(f.name());
        if (pin.isPresent()) {
          dstCertain = dstCertain.union(IpSet.of(pin.get()));
          continue;
        }
        boolean byName = name.publicAnswer() && name.fqdn().map(f.name()::equals).orElse(false);
        switch (f.resolution()) {
          case EXACT -> dstCertain = dstCertain.union(f.addresses());
          case PUBLIC, UNKNOWN_PUBLIC -> {
            if (byName) {
              dstCertain = IpSet.ALL;
              choices.add(FirewallChoice.FW_NETWORK_FQDN_BY_NAME);
            } else if (f.resolution() == Resolution.PUBLIC) {
              dstMaybe = dstMaybe.union(f.addresses());
            } else {
              choices.add(FirewallChoice.FW_NETWORK_FQDN_UNRESOLVED);
            }
          }
          case UNKNOWN -> dstMaybe = IpSet.ALL;
          case UNRESOLVED -> { }
        }
      }
    }
    FlowSpace certain = FlowSpace.union(FlowBox.of(source, dstCertain, protocols, Ports.ALL, ports));
    FlowSpace possible = sourceUnknown.isEmpty() && dstMaybe.isEmpty() ? certain
        : FlowSpace.union(FlowBox.of(sourceUnknown.isPresent() ? IpSet.ALL : source, dstCertain.union(dstMaybe),
            protocols, Ports.ALL, ports));
    FlowSpace maybe = possible == certain ? FlowSpace.EMPTY : possible.minus(certain);
    return new Region(certain, maybe, ImmutableSet.copyOf(choices));
  }

  /** Whether the rule matches one packet of a flow of the given name: the per-packet oracle of {@link #region}. */
  public Match classify(Flow f, FlowName name) {
    if (!protocols.contains(f.protocol()) || f.protocol().hasPorts() && !ports.contains(f.destinationPort())) {
      return Match.NO;
    }
    Match src = source.contains(f.source()) ? Match.YES : sourceUnknown.isPresent() ? Match.MAYBE : Match.NO;
    Match dst;
    if (pass == Pass.APPLICATION) {
      if (name.fqdn().isEmpty()) {
        return Match.NO;
      }
      String n = name.fqdn().get();
      dst = targets.stream().anyMatch(p -> p.matches(n)) ? Match.YES
          : unmodelledTargets.isPresent() ? Match.MAYBE : Match.NO;
    } else {
      dst = destination.contains(f.destination()) ? Match.YES
          : destinationUnknown.isPresent() ? Match.MAYBE : Match.NO;
      for (NetworkFqdn q : fqdns) {
        Optional<IpAddress> pin = name.pinned(q.name());
        Match m;
        if (pin.isPresent()) {
          m = pin.get().equals(f.destination()) ? Match.YES : Match.NO;
        } else if (q.resolution() == Resolution.UNKNOWN) {
          m = Match.MAYBE;
        } else if ((q.resolution() == Resolution.PUBLIC || q.resolution() == Resolution.UNKNOWN_PUBLIC)
            && name.publicAnswer() && name.fqdn().map(q.name()::equals).orElse(false)) {
          m = Match.YES;
        } else if (q.resolution() == Resolution.EXACT) {
          m = q.addresses().contains(f.destination()) ? Match.YES : Match.NO;
        } else if (q.resolution() == Resolution.PUBLIC) {
          m = q.addresses().contains(f.destination()) ? Match.MAYBE : Match.NO;
        } else {
          m = Match.NO;
        }
        dst = dst.or(m);
      }
    }
    return src.and(dst);
  }

  /** The name of the rule's pass in the docs' words. */
  public String passName() {
    return switch (pass) {
      case DNAT -> "DNAT rule";
      case NETWORK -> "network rule";
      case APPLICATION -> "application rule";
    };
  }
}
