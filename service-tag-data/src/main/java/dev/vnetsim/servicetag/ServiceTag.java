package dev.vnetsim.servicetag;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpSet;

/**
 * One service tag of a snapshot, as the file states it.
 *
 * @param name the tag name as spelled in the file ({@code AzureFrontDoor.Frontend}, {@code AzureCloud.eastus})
 * @param region the lowercase region name of a regional tag, or {@code ""} for a global tag
 * @param systemService the owning service ({@code AzureStorage}); may be {@code ""}
 * @param networkFeatures where the tag may be used ({@code API}, {@code NSG}, {@code UDR}, {@code FW}, {@code VSE}),
 *     in file order; empty when the file has {@code null} or nothing
 * @param changeNumber the tag's own change number (it grows whenever the tag's prefixes change)
 * @param prefixes the prefixes as listed in the file, in file order
 * @param addresses the union of {@code prefixes}
 */
public record ServiceTag(
    String name,
    String region,
    String systemService,
    ImmutableList<String> networkFeatures,
    long changeNumber,
    ImmutableList<Cidr> prefixes,
    IpSet addresses) {

  public ServiceTag {
    checkNotNull(name, "name");
    checkNotNull(region, "region");
    checkNotNull(systemService, "systemService");
    checkNotNull(networkFeatures, "networkFeatures");
    checkNotNull(prefixes, "prefixes");
    checkNotNull(addresses, "addresses");
  }

  /** A tag whose {@code addresses} are computed from {@code prefixes}. */
  public static ServiceTag of(String name, String region, String systemService, ImmutableList<String> networkFeatures,
      long changeNumber, ImmutableList<Cidr> prefixes) {
    return new ServiceTag(name, region, systemService, networkFeatures, changeNumber, prefixes,
        IpSet.ofCidrs(prefixes));
  }

  /** Whether this is a regional tag ({@code Storage.EastUS}) rather than a global one ({@code Storage}). */
  public boolean isRegional() {
    return !region.isEmpty();
  }

  /** The part of the name before the first dot: {@code Storage} for {@code Storage.EastUS}. */
  public String baseName() {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }
}
