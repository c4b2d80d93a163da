package dev.vnetsim.simulator.whatif;

import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.simulator.engine.DataPlane;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.Ports;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What a change at a subnet that carries others' traffic (the hub firewall's subnet, an appliance's, one a user route
 * sends to) can alter, when only its routes and its subnet NSG changed ({@link Exposure#ofCarrier}: the same
 * addresses, virtual tags, NAT gateway and NICs). Packets pass such a subnet on their way elsewhere: its routes send
 * them on by destination (azure-semantics.md §2.4), and its NSG filters them by source on the way in and by
 * destination on the way out (§1.6). So a packet can answer differently only if its destination is among those whose
 * winning route or outbound rules changed there, or its source among those whose inbound rules changed there: two
 * boxes of changed packets, {@code (anything -> outbound)} and {@code (inbound -> anything)}, over every protocol and
 * port. Flows that start or end in the subnet are the subnet's own (its probes), compared as for any changed subnet.
 */
final class CarrierExposure {
  private CarrierExposure() {}

  /**
   * The boxes of packets that may answer differently at these dirty carrier subnets, or empty when a change there is
   * not one of routes and subnet NSG rules only (or a carrier is not a subnet, such as an appliance's NIC).
   */
  static Optional<List<FirewallExposure.Rect>> of(Collection<ResourceId> carriers, DataPlane before,
      DataPlane after) {
    List<FirewallExposure.Rect> out = new ArrayList<>();
    for (ResourceId c : carriers) {
      if (before.subnet(c).isEmpty() || after.subnet(c).isEmpty()) {
        return Optional.empty();
      }
      Exposure e = Exposure.ofCarrier(c, before, after);
      if (e.equals(Exposure.ALL)) {
        return Optional.empty();
      }
      if (!e.outboundDestinations().isEmpty()) {
        out.add(new FirewallExposure.Rect(IpSet.ALL, e.outboundDestinations(), FlowBox.ALL_PROTOCOLS, Ports.ALL,
            false));
      }
      if (!e.inboundSources().isEmpty()) {
        out.add(new FirewallExposure.Rect(e.inboundSources(), IpSet.ALL, FlowBox.ALL_PROTOCOLS, Ports.ALL, false));
      }
    }
    return Optional.of(out);
  }
}
