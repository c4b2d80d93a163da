package dev.vnetsim.model.dns;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.ResourceId;

/** A private DNS zone ({@code privatelink.blob.core.windows.net}) with its record sets and VNet links. */
public record PrivateDnsZone(
    ResourceId id,
    String name,
    ImmutableList<DnsRecordSet> recordSets,
    ImmutableList<VirtualNetworkLink> virtualNetworkLinks) {}
