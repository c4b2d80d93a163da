package dev.vnetsim.simulator.resolve;

import dev.vnetsim.model.IpSet;
import java.util.Optional;

/**
 * Addresses an address term (or a list of them) stands for. {@code unknown} names a tag or ASG that could not be
 * resolved: the true set is {@code known} plus an unknown part, and answers that depend on it are
 * {@code INSUFFICIENT_INFO}.
 */
public record Resolved(IpSet known, Optional<String> unknown) {

  public static Resolved of(IpSet set) {
    return new Resolved(set, Optional.empty());
  }

  public static Resolved unknown(String name) {
    return new Resolved(IpSet.EMPTY, Optional.of(name));
  }

  public boolean isKnown() {
    return unknown.isEmpty();
  }

  public Resolved union(Resolved o) {
    return new Resolved(known.union(o.known), unknown.isPresent() ? unknown : o.unknown);
  }
}
