package dev.vnetsim.simulator.engine;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.network.LoadBalancer;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.PublicIpAddress;
import java.util.Optional;

/**
 * A NIC compiled: its subnet (of the primary IP configuration), addresses, NSGs per direction, public IPs, and the
 * load balancer whose outbound rules cover it (if any).
 */
public record NicPlane(
    int index,
    NetworkInterface nic,
    SubnetPlane subnet,
    IpSet addresses,
    Optional<NsgPlane> nsgInbound,
    Optional<NsgPlane> nsgOutbound,
    ImmutableList<PublicIpAddress> publicIps,
    Optional<LoadBalancer> outboundLoadBalancer) {

  public boolean ipForwarding() {
    return nic.enableIpForwarding();
  }
}
