package dev.vnetsim.model.network;

import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.ResourceId;
import java.util.Optional;

/**
 * A user-defined route. {@code addressPrefix} is a {@link AddressMatch.Prefix} or a
 * {@link AddressMatch.ServiceTag} (UDRs accept service tags as prefixes).
 */
public record Route(
    ResourceId id,
    String name,
    AddressMatch addressPrefix,
    NextHopType nextHopType,
    Optional<IpAddress> nextHopIpAddress) {}
