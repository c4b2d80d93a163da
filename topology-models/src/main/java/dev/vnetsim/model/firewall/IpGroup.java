package dev.vnetsim.model.firewall;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.ResourceId;

/** An IP group ({@code Microsoft.Network/ipGroups}) used in firewall rules. */
public record IpGroup(ResourceId id, String name, String location, ImmutableList<AddressMatch> ipAddresses) {}
