package dev.vnetsim.simulator.whatif;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.ResourceId;

/**
 * Two stand-in hosts for a subnet, so that "from a subnet" and "to a subnet" can be simulated even when the export
 * holds no NIC there (Azure ML nodes are created by Azure and are never in an export). {@code client} sends (a NIC
 * without NSG or public IP, so the subnet's own NSG, routes and outbound method decide); {@code server} receives
 * (a NIC with a Standard public IP without address, so "from the Internet" asks whether the subnet's NSG would let
 * the flow in to a host exposed there). {@code label} is how output names the subnet: its name, or
 * {@code vnet/subnet} when the name is not unique.
 */
public record SubnetProbe(ResourceId subnet, String label, ResourceId client, IpAddress clientAddress,
    ResourceId server, IpAddress serverAddress, ResourceId serverPublicIp) {

  public SubnetProbe {
    checkNotNull(subnet, "subnet");
    checkNotNull(label, "label");
    checkNotNull(client, "client");
    checkNotNull(clientAddress, "clientAddress");
    checkNotNull(server, "server");
    checkNotNull(serverAddress, "serverAddress");
    checkNotNull(serverPublicIp, "serverPublicIp");
  }

  /** The assumption a trace through this probe makes, in words. */
  public String assumption() {
    return "subnet " + label + " simulated by probe hosts at " + clientAddress + " (sender) and " + serverAddress
        + " (receiver, behind a Standard public IP for flows from the Internet)";
  }
}
