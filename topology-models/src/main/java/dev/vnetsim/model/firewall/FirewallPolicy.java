package dev.vnetsim.model.firewall;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.ResourceId;
import java.util.Optional;

/**
 * A firewall policy: its parent ({@code basePolicy}, whose groups run first), DNS proxy settings (FQDNs in network
 * rules need the proxy) and its rule collection groups (nested or read standalone and attached by id).
 */
public record FirewallPolicy(
    ResourceId id,
    String name,
    String location,
    Optional<ResourceId> basePolicy,
    boolean dnsProxyEnabled,
    String threatIntelMode,
    ImmutableList<RuleCollectionGroup> ruleCollectionGroups) {}
