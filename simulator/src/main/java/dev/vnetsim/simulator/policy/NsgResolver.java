package dev.vnetsim.simulator.policy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableRangeSet;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.security.DefaultSecurityRules;
import dev.vnetsim.model.security.NetworkSecurityGroup;
import dev.vnetsim.model.security.SecurityRule;
import dev.vnetsim.simulator.resolve.AddressResolver;
import dev.vnetsim.simulator.resolve.Resolved;
import dev.vnetsim.simulator.resolve.VirtualTags;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.Ports;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves an NSG's rules of one direction in a subnet's context (azure-semantics.md §1.4 step 1: custom rules plus
 * the default rules, sorted by ascending priority; §1.7 tags and ASGs). An NSG read without default rules gets Azure's
 * six (DESIGN §2).
 */
public final class NsgResolver {
  private NsgResolver() {}

  public static ResolvedNsg resolve(NetworkSecurityGroup nsg, Direction direction, VirtualTags context,
      AddressResolver resolver) {
    return resolve(nsg, direction, context, resolver, r -> null);
  }

  /**
   * As {@link #resolve(NetworkSecurityGroup, Direction, VirtualTags, AddressResolver)}, taking a rule's resolved form
   * from {@code known} when it has one (a rule equal to one resolved before in the same context and NSG, e.g. by the
   * data plane before a change); null means resolve it.
   */
  public static ResolvedNsg resolve(NetworkSecurityGroup nsg, Direction direction, VirtualTags context,
      AddressResolver resolver, Function<SecurityRule, ResolvedRule> known) {
    List<SecurityRule> defaults = nsg.defaultSecurityRules().isEmpty() ? DefaultSecurityRules.forNsg(nsg.id())
        : nsg.defaultSecurityRules();
    ImmutableList.Builder<ResolvedRule> out = ImmutableList.builder();
    for (List<SecurityRule> rules : List.of(nsg.securityRules(), defaults)) {
      rules.stream().filter(r -> r.direction() == direction).sorted(Comparator.comparingInt(SecurityRule::priority))
          .forEach(r -> {
            ResolvedRule k = known.apply(r);
            out.add(k != null ? k : resolve(nsg, r, context, resolver));
          });
    }
    return new ResolvedNsg(nsg.id(), direction, out.build());
  }

  static ResolvedRule resolve(NetworkSecurityGroup nsg, SecurityRule r, VirtualTags context,
      AddressResolver resolver) {
    Resolved src = resolver.resolveAll(r.sourceAddresses(), context)
        .union(r.sourceApplicationSecurityGroups().isEmpty() ? Resolved.of(IpSet.EMPTY)
            : resolver.asgs(r.sourceApplicationSecurityGroups()));
    Resolved dst = resolver.resolveAll(r.destinationAddresses(), context)
        .union(r.destinationApplicationSecurityGroups().isEmpty() ? Resolved.of(IpSet.EMPTY)
            : resolver.asgs(r.destinationApplicationSecurityGroups()));
    ImmutableRangeSet<Integer> sp = Ports.of(r.sourcePortRanges());
    ImmutableRangeSet<Integer> dp = Ports.of(r.destinationPortRanges());
    Optional<String> unknown = src.unknown().or(dst::unknown);
    return new ResolvedRule(nsg.id(), r, src.known(), !src.isKnown(), dst.known(), !dst.isKnown(),
        FlowBox.expand(r.protocol()), sp, dp, unknown);
  }
}
