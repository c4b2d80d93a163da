package dev.vnetsim.servicetag;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vnetsim.model.IpAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One service-tag snapshot: tag name to addresses (names matched ignoring case, as Azure does:
 * {@code AzureFrontDoor.FrontEnd} finds {@code AzureFrontDoor.Frontend}), and address to the tags containing it.
 *
 * <p>Address lookups are answered from flat arrays built once (see {@link V4TagIndex}, {@link V6TagIndex}): a lookup
 * yields a <em>tag-set id</em>, and {@link #tagSet(int)} maps the id to a precomputed immutable list of names,
 * sorted by {@link String#compareTo}. {@link #lookupV4(int)} and {@link #lookupV6(long, long)} allocate nothing.
 * Instances are immutable and safe to share between threads.
 */
public final class ServiceTagCatalog {
  private final SnapshotProvenance provenance;
  private final ImmutableList<ServiceTag> tags;
  private final ImmutableMap<String, Integer> idsByLowerName;
  private final ImmutableMap<String, Integer> idsByBaseAndRegion;
  private final ImmutableList<String> warnings;
  private final V4TagIndex v4;
  private final V6TagIndex v6;
  private final TagSets sets;

  private ServiceTagCatalog(SnapshotProvenance provenance, ImmutableList<ServiceTag> tags,
      ImmutableList<String> warnings) {
    this.provenance = provenance;
    this.tags = tags;
    this.warnings = warnings;
    Map<String, Integer> byName = new HashMap<>();
    Map<String, Integer> byRegion = new HashMap<>();
    for (int i = 0; i < tags.size(); i++) {
      ServiceTag t = tags.get(i);
      Integer before = byName.put(lower(t.name()), i);
      checkArgument(before == null, "duplicate tag name (ignoring case): %s", t.name());
      if (t.isRegional()) {
        byRegion.putIfAbsent(regionKey(t.baseName(), t.region()), i);
      }
    }
    this.idsByLowerName = ImmutableMap.copyOf(byName);
    this.idsByBaseAndRegion = ImmutableMap.copyOf(byRegion);
    TagIndexBuilder.Built built = TagIndexBuilder.build(tags);
    this.v4 = built.v4();
    this.v6 = built.v6();
    this.sets = built.sets();
  }

  private ServiceTagCatalog(ServiceTagCatalog from, SnapshotProvenance provenance) {
    this.provenance = provenance;
    this.tags = from.tags;
    this.warnings = from.warnings;
    this.idsByLowerName = from.idsByLowerName;
    this.idsByBaseAndRegion = from.idsByBaseAndRegion;
    this.v4 = from.v4;
    this.v6 = from.v6;
    this.sets = from.sets;
  }

  /**
   * A catalog of {@code tags} (in any order; names must differ ignoring case).
   *
   * @param warnings things the reader noticed that the user should hear about (e.g. a paged REST response)
   */
  public static ServiceTagCatalog of(SnapshotProvenance provenance, Collection<ServiceTag> tags,
      List<String> warnings) {
    checkNotNull(provenance, "provenance");
    List<ServiceTag> sorted = new ArrayList<>(tags);
    sorted.sort(Comparator.comparing(ServiceTag::name));
    return new ServiceTagCatalog(provenance, ImmutableList.copyOf(sorted), ImmutableList.copyOf(warnings));
  }

  /** The same snapshot, recorded as read from {@code source} (after a download is moved into the cache). */
  ServiceTagCatalog withSource(String source) {
    return new ServiceTagCatalog(this, provenance.withSource(source));
  }

  public SnapshotProvenance provenance() {
    return provenance;
  }

  /** Every tag, sorted by name ({@link String#compareTo}). */
  public ImmutableList<ServiceTag> tags() {
    return tags;
  }

  /** Reader warnings, e.g. that a REST response had a {@code nextLink} and later pages were not read. */
  public ImmutableList<String> warnings() {
    return warnings;
  }

  /** The tag named {@code name}, ignoring case. */
  public Optional<ServiceTag> tag(String name) {
    Integer id = idsByLowerName.get(lower(name.trim()));
    return id == null ? Optional.empty() : Optional.of(tags.get(id));
  }

  /**
   * The regional tag of {@code baseName} for {@code region} ({@code "Storage"}, {@code "eastus"} gives
   * {@code Storage.EastUS}), by the tag's {@code region} property, ignoring case; falls back to the name
   * {@code baseName + "." + region}.
   */
  public Optional<ServiceTag> regional(String baseName, String region) {
    Integer id = idsByBaseAndRegion.get(regionKey(baseName, region));
    if (id != null) {
      return Optional.of(tags.get(id));
    }
    return tag(baseName + "." + region).filter(ServiceTag::isRegional);
  }

  /** Tags without a region ({@code Storage}, {@code AzureFrontDoor.Frontend}). */
  public ImmutableList<ServiceTag> globalTags() {
    return tags.stream().filter(t -> !t.isRegional()).collect(ImmutableList.toImmutableList());
  }

  /** The regional tags of {@code baseName} ({@code Storage.EastUS}, … for {@code Storage}), ignoring case. */
  public ImmutableList<ServiceTag> regionalTags(String baseName) {
    String base = lower(baseName);
    return tags.stream().filter(t -> t.isRegional() && lower(t.baseName()).equals(base))
        .collect(ImmutableList.toImmutableList());
  }

  /** The names of the tags containing {@code address}, as spelled in the file, sorted by {@link String#compareTo}. */
  public ImmutableList<String> tagsContaining(IpAddress address) {
    return sets.names(tagSetId(address));
  }

  /** The tag-set id of {@code address} (see {@link #tagSet(int)}). */
  public int tagSetId(IpAddress address) {
    return address.isV4() ? v4.lookup(address.v4Bits()) : v6.lookup(address.hi(), address.lo());
  }

  /** The tag-set id of an IPv4 address given as its 32 bits. Allocates nothing. */
  public int lookupV4(int address) {
    return v4.lookup(address);
  }

  /** The tag-set ids of {@code addresses[0..n)} into {@code out[0..n)}. Allocates nothing. */
  public void lookupV4(int[] addresses, int[] out, int n) {
    V4TagIndex index = v4;
    for (int i = 0; i < n; i++) {
      out[i] = index.lookup(addresses[i]);
    }
  }

  /** The tag-set id of an IPv6 address given as its high and low 64 bits. Allocates nothing. */
  public int lookupV6(long hi, long lo) {
    return v6.lookup(hi, lo);
  }

  /** The tag names of set {@code id}, sorted by {@link String#compareTo}; id 0 is the empty set. */
  public ImmutableList<String> tagSet(int id) {
    return sets.names(id);
  }

  /** The tags of set {@code id} as indexes into {@link #tags()}, ascending (a copy). */
  public int[] tagSetMembers(int id) {
    return sets.members(id);
  }

  /** Number of distinct tag sets (ids run from 0 to this minus 1). */
  public int tagSetCount() {
    return sets.size();
  }

  /** Size of the lookup structures, for reports: IPv4 and IPv6 interval counts and bytes held. */
  public String indexSummary() {
    return "IPv4 " + v4.intervalCount() + " intervals, IPv6 " + v6.intervalCount() + " intervals, "
        + sets.size() + " tag sets, " + (v4.footprintBytes() + v6.footprintBytes()) / 1024 + " KiB";
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static String regionKey(String base, String region) {
    return lower(base) + '\u0000' + lower(region);
  }
}
