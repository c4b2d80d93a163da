package dev.vnetsim.simulator.policy;

import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.ImmutableSet;
import dev.vnetsim.model.Access;
import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.security.SecurityRule;
import dev.vnetsim.simulator.trace.DecidedBy;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.FlowSpace;
import java.util.Optional;

/**
 * An NSG rule with its address terms resolved in one subnet context (tags, ASGs) and its ports as range sets. When a
 * source or destination term could not be resolved ({@code unknown}), {@code source}/{@code destination} hold the known
 * part and the flag says the true set may be larger: packets only the larger set would match are
 * {@code INSUFFICIENT_INFO} at this rule. {@code certainRegion} is the packets the rule surely matches, built once
 * (set-valued evaluation meets it with every space it decides).
 */
public record ResolvedRule(
    ResourceId nsg,
    SecurityRule rule,
    IpSet source,
    boolean sourceUnknown,
    IpSet destination,
    boolean destinationUnknown,
    ImmutableSet<Protocol> protocols,
    ImmutableRangeSet<Integer> sourcePorts,
    ImmutableRangeSet<Integer> destinationPorts,
    Optional<String> unknown,
    String qualifiedName,
    boolean usesInternetTag,
    boolean usesVirtualNetworkTag,
    FlowSpace certainRegion) {

  public ResolvedRule(ResourceId nsg, SecurityRule rule, IpSet source, boolean sourceUnknown, IpSet destination,
      boolean destinationUnknown, ImmutableSet<Protocol> protocols, ImmutableRangeSet<Integer> sourcePorts,
      ImmutableRangeSet<Integer> destinationPorts, Optional<String> unknown) {
    this(nsg, rule, source, sourceUnknown, destination, destinationUnknown, protocols, sourcePorts, destinationPorts,
        unknown, rule.qualifiedName(), uses(rule, "Internet"), uses(rule, "VirtualNetwork"),
        FlowSpace.union(FlowBox.of(source, destination, protocols, sourcePorts, destinationPorts)));
  }

  private static boolean uses(SecurityRule r, String tag) {
    for (AddressMatch m : r.sourceAddresses()) {
      if (m instanceof AddressMatch.ServiceTag t && t.is(tag)) {
        return true;
      }
    }
    for (AddressMatch m : r.destinationAddresses()) {
      if (m instanceof AddressMatch.ServiceTag t && t.is(tag)) {
        return true;
      }
    }
    return false;
  }

  public boolean certain() {
    return unknown.isEmpty();
  }

  public Access access() {
    return rule.access();
  }

  public DecidedBy decidedBy() {
    return DecidedBy.rule(nsg, qualifiedName, rule.priority());
  }


  /** The packets the rule may match (unknown address terms taken as everything). */
  public FlowSpace possibleRegion() {
    return FlowSpace.union(FlowBox.of(sourceUnknown ? IpSet.ALL : source, destinationUnknown ? IpSet.ALL : destination,
        protocols, sourcePorts, destinationPorts));
  }
}
