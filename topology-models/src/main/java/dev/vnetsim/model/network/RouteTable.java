package dev.vnetsim.model.network;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.ResourceId;

/** A route table with user-defined routes. */
public record RouteTable(
    ResourceId id,
    String name,
    String location,
    boolean disableBgpRoutePropagation,
    ImmutableList<Route> routes) {}
