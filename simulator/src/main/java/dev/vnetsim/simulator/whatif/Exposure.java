package dev.vnetsim.simulator.whatif;

import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.simulator.engine.DataPlane;
import dev.vnetsim.simulator.engine.NicPlane;
import dev.vnetsim.simulator.engine.NsgPlane;
import dev.vnetsim.simulator.engine.SubnetPlane;
import dev.vnetsim.simulator.policy.ResolvedRule;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a local change can alter at one dirty site (a subnet with its NICs, or a NIC), read off the two data planes
 * when the after side was recompiled from the before side: if the site's routes, virtual tags, NAT gateway, addresses
 * and public IPs are the very same objects, only its NSGs changed, and a flow's NSG decision can differ only if the
 * flow is matched by a rule that was added, removed or edited (first match: every other rule keeps its place). So an
 * inbound flow can change only if its source is in {@code inboundSources} (the sources of those rules, inbound), an
 * outbound one only if its destination is in {@code outboundDestinations}. Anything else: {@link #ALL}.
 */
record Exposure(IpSet inboundSources, IpSet outboundDestinations) {
  static final Exposure ALL = new Exposure(IpSet.ALL, IpSet.ALL);

  /** A subnet site: its subnet plane and the NICs in it (the probe that sends has no NSG of its own). */
  static Exposure ofSubnet(ResourceId subnet, DataPlane before, DataPlane after) {
    Optional<SubnetPlane> b = before.subnet(subnet);
    Optional<SubnetPlane> a = after.subnet(subnet);
    if (b.isEmpty() || a.isEmpty() || !sameExceptNsgs(b.get(), a.get())) {
      return ALL;
    }
    IpSet in = changed(b.get().nsgInbound(), a.get().nsgInbound(), true);
    IpSet out = changed(b.get().nsgOutbound(), a.get().nsgOutbound(), false);
    List<Map.Entry<DataPlane.Owner, IpSet>> owners = after.owners(a.get());
    if (owners.size() != before.owners(b.get()).size()) {
      return ALL;
    }
    for (Map.Entry<DataPlane.Owner, IpSet> o : owners) {
      if (o.getKey().nic().isPresent()) {
        NicPlane an = o.getKey().nic().get();
        Optional<NicPlane> bn = before.nic(an.nic().id());
        if (bn.isEmpty() || !sameExceptNsgs(bn.get(), an)) {
          return ALL;
        }
        in = in.union(changed(bn.get().nsgInbound(), an.nsgInbound(), true));
      }
    }
    return new Exposure(in, out);
  }

  /** A NIC site: the NIC's NSGs and its subnet's. */
  static Exposure ofNic(ResourceId nic, DataPlane before, DataPlane after) {
    Optional<NicPlane> b = before.nic(nic);
    Optional<NicPlane> a = after.nic(nic);
    if (b.isEmpty() || a.isEmpty() || !sameExceptNsgs(b.get(), a.get())
        || !sameExceptNsgs(b.get().subnet(), a.get().subnet())) {
      return ALL;
    }
    SubnetPlane bs = b.get().subnet();
    SubnetPlane as = a.get().subnet();
    return new Exposure(
        changed(b.get().nsgInbound(), a.get().nsgInbound(), true).union(changed(bs.nsgInbound(), as.nsgInbound(),
            true)),
        changed(b.get().nsgOutbound(), a.get().nsgOutbound(), false).union(changed(bs.nsgOutbound(),
            as.nsgOutbound(), false)));
  }

  private static boolean sameExceptNsgs(SubnetPlane b, SubnetPlane a) {
    return b.routes() == a.routes() && b.tags() == a.tags() && b.natGateway().equals(a.natGateway())
        && b.subnet().addressPrefixes().equals(a.subnet().addressPrefixes())
        && b.subnet().serviceEndpoints().equals(a.subnet().serviceEndpoints());
  }

  private static boolean sameExceptNsgs(NicPlane b, NicPlane a) {
    return b.addresses().equals(a.addresses()) && b.publicIps().equals(a.publicIps())
        && b.outboundLoadBalancer().equals(a.outboundLoadBalancer()) && b.ipForwarding() == a.ipForwarding()
        && b.subnet().index() == a.subnet().index();
  }

  /**
   * The sources (inbound) or destinations (outbound) of the rules that differ between two NSG planes of one place:
   * empty when they are the same plane, everything when either is missing or unresolved.
   */
  private static IpSet changed(Optional<NsgPlane> b, Optional<NsgPlane> a, boolean sources) {
    if (b.isEmpty() && a.isEmpty() || b.isPresent() && a.isPresent() && b.get() == a.get()) {
      return IpSet.EMPTY;
    }
    if (b.isEmpty() || a.isEmpty() || b.get().resolved().isEmpty() || a.get().resolved().isEmpty()) {
      return IpSet.ALL;
    }
    List<ResolvedRule> br = b.get().resolved().get().rules();
    List<ResolvedRule> ar = a.get().resolved().get().rules();
    Set<ResolvedRule> bs = new HashSet<>(br);
    Set<ResolvedRule> as = new HashSet<>(ar);
    IpSet out = IpSet.EMPTY;
    for (List<ResolvedRule> side : List.of(br, ar)) {
      for (ResolvedRule r : side) {
        if (!bs.contains(r) || !as.contains(r)) {
          boolean unknown = sources ? r.sourceUnknown() : r.destinationUnknown();
          out = out.union(unknown ? IpSet.ALL : sources ? r.source() : r.destination());
        }
      }
    }
    return out;
  }
}
