package dev.vnetsim.simulator.resolve;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.network.VirtualNetwork;
import dev.vnetsim.model.network.VnetPeering;
import java.util.Optional;

/**
 * A peering in state Connected, seen from its local VNet: the remote VNet (when in the input), the remote address
 * ranges (the peering's {@code remoteAddressSpace}, the space peered, else the remote VNet's address space: when the
 * remote VNet's space changed, the peering carries the old one until it is synced, see {@link NetworkFacts}), whether
 * it is global
 * (different regions, azure-semantics.md §2.2 {@code VNetGlobalPeering}) and the reverse peering when known.
 */
public record ConnectedPeering(
    ResourceId localVirtualNetwork,
    VnetPeering peering,
    Optional<VirtualNetwork> remote,
    ImmutableList<Cidr> remoteAddressSpace,
    boolean global,
    Optional<VnetPeering> reverse) {

  public ResourceId remoteVirtualNetwork() {
    return peering.remoteVirtualNetwork();
  }
}
