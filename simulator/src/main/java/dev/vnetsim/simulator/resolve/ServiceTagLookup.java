package dev.vnetsim.simulator.resolve;

import com.google.common.collect.ImmutableMap;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.servicetag.ServiceTag;
import dev.vnetsim.servicetag.ServiceTagCatalog;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A service-tag catalogue as the simulator sees it: a tag's addresses by name, matched case-insensitively
 * ({@code AzureFrontDoor.FrontEnd} = {@code AzureFrontDoor.Frontend}, DESIGN §4). Empty means the catalogue does not
 * know the tag; callers turn that into {@code INSUFFICIENT_INFO}, never into an empty set. The virtual tags
 * ({@code VirtualNetwork}, {@code Internet}, {@code AzureLoadBalancer}) are not asked here: {@link VirtualTags}
 * computes them per subnet.
 */
@FunctionalInterface
public interface ServiceTagLookup {

  Optional<IpSet> addresses(String tagName);

  /** A catalogue that knows no tag. */
  static ServiceTagLookup none() {
    return name -> Optional.empty();
  }

  /** A loaded service-tag catalogue (its lookup is already case-insensitive). */
  static ServiceTagLookup of(ServiceTagCatalog catalog) {
    return name -> catalog.tag(name).map(ServiceTag::addresses);
  }

  /** A catalogue from a map of tag name to addresses (names compared case-insensitively). */
  static ServiceTagLookup of(Map<String, IpSet> tags) {
    ImmutableMap.Builder<String, IpSet> b = ImmutableMap.builder();
    tags.forEach((k, v) -> b.put(k.toLowerCase(Locale.ROOT), v));
    ImmutableMap<String, IpSet> byKey = b.buildKeepingLast();
    return name -> Optional.ofNullable(byKey.get(name.trim().toLowerCase(Locale.ROOT)));
  }
}
