package dev.vnetsim.model.network;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.ResourceId;

/** A NAT gateway and the public IPs / prefixes it translates to. */
public record NatGateway(
    ResourceId id,
    String name,
    String location,
    ImmutableList<ResourceId> publicIpAddresses,
    ImmutableList<ResourceId> publicIpPrefixes,
    int idleTimeoutInMinutes) {}
