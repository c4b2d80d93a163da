package dev.vnetsim.model.network;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.ResourceId;

/** A service endpoint policy: which resources (subscription, resource group or account ids) a subnet may reach. */
public record ServiceEndpointPolicy(
    ResourceId id,
    String name,
    String location,
    ImmutableList<Definition> definitions) {

  public record Definition(String name, String service, ImmutableList<String> serviceResources) {}
}
