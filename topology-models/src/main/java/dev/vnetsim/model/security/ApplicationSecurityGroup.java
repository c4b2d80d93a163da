package dev.vnetsim.model.security;

import dev.vnetsim.model.ResourceId;

/** An application security group. Membership lives on NIC IP configurations, not here. */
public record ApplicationSecurityGroup(ResourceId id, String name, String location) {}
