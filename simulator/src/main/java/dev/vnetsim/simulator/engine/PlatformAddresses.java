package dev.vnetsim.simulator.engine;

import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.simulator.policy.ResolvedRule;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.FlowSpace;
import dev.vnetsim.simulator.trace.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The host's platform addresses, which NSGs and user routes do not touch (azure-semantics.md §1.8: 168.63.129.16 and
 * 169.254.169.254 "are not subject to NSGs by default"; §2.4.6: "UDRs do not apply" to 168.63.129.16): a NIC reaches
 * them directly. The exception is a rule naming AzurePlatformDNS (168.63.129.16) or AzurePlatformIMDS
 * (169.254.169.254), which can deny that traffic (§1.8); such rules are evaluated in the usual order, others skipped.
 */
final class PlatformAddresses {
  private PlatformAddresses() {}

  static final IpAddress WIRE_SERVER = IpAddress.parse("168.63.129.16");
  static final IpAddress IMDS = IpAddress.parse("169.254.169.254");
  static final IpSet SET = IpSet.of(WIRE_SERVER).union(IpSet.of(IMDS));

  /** The hop id of a platform address (its name is the address). */
  static ResourceId id(IpAddress a) {
    return ResourceId.of("AzurePlatform/" + a);
  }

  static String describe(IpAddress a) {
    return a.equals(WIRE_SERVER) ? "Azure platform 168.63.129.16 (DNS, DHCP, health probes, WireServer)"
        : "Azure Instance Metadata Service 169.254.169.254";
  }

  private static String tag(IpAddress a) {
    return a.equals(WIRE_SERVER) ? "AzurePlatformDNS" : "AzurePlatformIMDS";
  }

  /** One rule naming the platform tag and the packets to {@code a} it matches (uncertain if its source is unknown). */
  record PlatformRule(ResolvedRule rule, FlowSpace region, boolean certain) {}

  /** The NSG's rules that name the platform tag of {@code a}, in evaluation order. */
  static List<PlatformRule> rules(NsgPlane nsg, IpAddress a) {
    List<PlatformRule> out = new ArrayList<>();
    String tag = tag(a);
    for (ResolvedRule r : nsg.resolved().orElseThrow().rules()) {
      boolean names = r.rule().destinationAddresses().stream()
          .anyMatch(m -> m instanceof AddressMatch.ServiceTag t && t.is(tag));
      if (names) {
        FlowSpace region = FlowSpace.union(FlowBox.of(r.sourceUnknown() ? IpSet.ALL : r.source(), IpSet.of(a),
            r.protocols(), r.sourcePorts(), r.destinationPorts()));
        out.add(new PlatformRule(r, region, !r.sourceUnknown()));
      }
    }
    return out;
  }

  static Step skipped(NsgPlane nsg, String level) {
    return new Step.Transit(Step.Type.NSG_OUTBOUND, Step.Action.ALLOWED, Optional.of(nsg.id()), level
        + " NSG does not filter traffic to the platform address (no rule names AzurePlatformDNS or AzurePlatformIMDS,"
        + " §1.8)");
  }

  static Step delivered(IpAddress a) {
    return new Step.Transit(Step.Type.DELIVERED, Step.Action.DELIVERED, Optional.of(id(a)), describe(a)
        + ": reached directly, not subject to NSGs or user routes (§1.8, §2.4.6)");
  }
}
