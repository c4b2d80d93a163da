package dev.vnetsim.model.compute;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.ResourceId;

/** A virtual machine, for its NICs. */
public record VirtualMachine(ResourceId id, String name, String location, ImmutableList<ResourceId> networkInterfaces) {}
