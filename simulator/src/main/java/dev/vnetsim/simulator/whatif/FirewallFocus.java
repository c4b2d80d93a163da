package dev.vnetsim.simulator.whatif;

import dev.vnetsim.model.IpSet;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which flows of the differential a firewall rule change, or a change at another subnet that carries others'
 * traffic, can alter ({@link FirewallExposure}, {@link CarrierExposure}, {@link FirewallReach}),
 * with what each site contributes worked out once: the changed rules whose sources meet what a site sends, those
 * whose destinations meet its addresses (and the part they share). The differential asks about every pair of a
 * site with the Internet and each service tag, 10,000 sites at a time. Its flows carry no name, so a rule's
 * destinations are those it can match without one ({@link FirewallExposure.Rect#unnamedDestinations}): none for an
 * application rule, the resolved addresses for a network rule's FQDNs.
 */
final class FirewallFocus {
  private final FirewallExposure exposure;
  private final FirewallReach reach;
  private final Function<Site, IpSet> sources;
  private final Function<Site, IpSet> addresses;
  private final Map<Site, BitSet> bySource = new HashMap<>();
  private final Map<Site, IpSet[]> byDestination = new HashMap<>();

  /**
   * @param sources what a site sends as a firewall may see it (its addresses, or a firewall's after translation)
   * @param addresses the addresses a site stands for as a destination
   */
  FirewallFocus(FirewallExposure exposure, FirewallReach reach, Function<Site, IpSet> sources,
      Function<Site, IpSet> addresses) {
    this.exposure = exposure;
    this.reach = reach;
    this.sources = sources;
    this.addresses = addresses;
  }

  /** Whether some changed rule's sources meet what {@code from} sends. */
  boolean fromAny(Site from) {
    return !rulesFrom(from).isEmpty();
  }

  /**
   * The destinations of the changed rules whose sources meet what {@code from} sends: {@link #mayChange} holds only
   * for destinations that meet them.
   */
  IpSet destinationsFrom(Site from) {
    BitSet rules = rulesFrom(from);
    IpSet out = IpSet.EMPTY;
    for (int i = rules.nextSetBit(0); i >= 0; i = rules.nextSetBit(i + 1)) {
      out = out.union(exposure.rules().get(i).unnamedDestinations());
    }
    return out;
  }

  /** Whether some changed rule's destinations meet {@code to}. */
  boolean toAny(Site to) {
    for (IpSet d : rulesTo(to)) {
      if (d != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * The packets of a flow a changed rule (or a carrier's box) can match, when there are some and, for firewall rules
   * alone, they can meet a firewall; empty when the flow cannot change there.
   */
  Optional<FirewallExposure.Packets> packets(Site from, Site to) {
    Match m = match(from, to);
    return m == null ? Optional.empty() : Optional.of(exposure.packets(m.rules(), m.destinations(), m.firewallsOnly()));
  }

  /** Whether {@link #packets} has some (without building their box: the differential asks for every pair). */
  boolean mayChange(Site from, Site to) {
    return match(from, to) != null;
  }

  /** The changed rules that meet a flow, their destinations among its own, and whether they are all firewalls'. */
  private record Match(BitSet rules, IpSet destinations, boolean firewallsOnly) {}

  private Match match(Site from, Site to) {
    BitSet rules = rulesFrom(from);
    IpSet[] toRules = rulesTo(to);
    IpSet d = null;
    BitSet matching = new BitSet();
    boolean firewallsOnly = true;
    for (int i = rules.nextSetBit(0); i >= 0; i = rules.nextSetBit(i + 1)) {
      if (toRules[i] != null) {
        d = d == null ? toRules[i] : d.union(toRules[i]);
        matching.set(i);
        firewallsOnly &= exposure.rules().get(i).atFirewall();
      }
    }
    if (d == null || firewallsOnly && !reach.mayMeetFirewall(from, d)) {
      return null;
    }
    return new Match(matching, d, firewallsOnly);
  }

  private BitSet rulesFrom(Site from) {
    return bySource.computeIfAbsent(from, s -> {
      BitSet out = new BitSet();
      IpSet seen = sources.apply(s);
      List<FirewallExposure.Rect> rules = exposure.rules();
      for (int i = 0; i < rules.size(); i++) {
        if (rules.get(i).sources().intersects(seen)) {
          out.set(i);
        }
      }
      return out;
    });
  }

  /** Per changed rule, its destinations among the site's addresses (null when they do not meet). */
  private IpSet[] rulesTo(Site to) {
    return byDestination.computeIfAbsent(to, s -> {
      IpSet a = addresses.apply(s);
      List<FirewallExposure.Rect> rules = exposure.rules();
      IpSet[] out = new IpSet[rules.size()];
      for (int i = 0; i < rules.size(); i++) {
        IpSet d = rules.get(i).unnamedDestinations().intersection(a);
        out[i] = d.isEmpty() ? null : d;
      }
      return out;
    });
  }
}
