package dev.vnetsim.model.network;

import com.google.common.collect.ImmutableList;

/** A service endpoint on a subnet: {@code Microsoft.Storage} for the given locations ({@code *} = all). */
public record ServiceEndpoint(String service, ImmutableList<String> locations) {}
