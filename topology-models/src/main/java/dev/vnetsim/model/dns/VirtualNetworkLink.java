package dev.vnetsim.model.dns;

import dev.vnetsim.model.ResourceId;

/** A private DNS zone's link to a VNet, which makes the zone answer for that VNet's resolver. */
public record VirtualNetworkLink(ResourceId id, String name, ResourceId virtualNetwork, boolean registrationEnabled) {}
