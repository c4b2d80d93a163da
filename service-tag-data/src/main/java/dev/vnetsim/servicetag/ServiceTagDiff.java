package dev.vnetsim.servicetag;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpSet;
import java.util.Optional;

/**
 * What changed between two snapshots, as address coverage: a tag counts as changed only when the set of addresses
 * it covers changed, whatever happened to its prefix strings (a prefix split in two, or a new regional prefix
 * already inside a larger one, is no change). Tags are matched by name ignoring case.
 *
 * @param oldSnapshot the earlier snapshot
 * @param newSnapshot the later snapshot
 * @param changed tags in both snapshots whose coverage differs, sorted by name (as spelled in the new snapshot)
 * @param addedTags names only in the new snapshot, sorted
 * @param removedTags names only in the old snapshot, sorted
 */
public record ServiceTagDiff(
    SnapshotProvenance oldSnapshot,
    SnapshotProvenance newSnapshot,
    ImmutableList<TagChange> changed,
    ImmutableList<String> addedTags,
    ImmutableList<String> removedTags) {

  public ServiceTagDiff {
    checkNotNull(oldSnapshot, "oldSnapshot");
    checkNotNull(newSnapshot, "newSnapshot");
    checkNotNull(changed, "changed");
    checkNotNull(addedTags, "addedTags");
    checkNotNull(removedTags, "removedTags");
  }

  /**
   * One tag's coverage change, each side as the minimal sorted CIDR list (IPv4 first).
   *
   * @param tag the tag name as spelled in the new snapshot
   * @param added addresses covered now and not before
   * @param removed addresses covered before and not now
   */
  public record TagChange(String tag, ImmutableList<Cidr> added, ImmutableList<Cidr> removed) {
    public TagChange {
      checkNotNull(tag, "tag");
      checkNotNull(added, "added");
      checkNotNull(removed, "removed");
    }
  }

  public static ServiceTagDiff between(ServiceTagCatalog oldCatalog, ServiceTagCatalog newCatalog) {
    ImmutableList.Builder<TagChange> changed = ImmutableList.builder();
    ImmutableList.Builder<String> added = ImmutableList.builder();
    ImmutableList.Builder<String> removed = ImmutableList.builder();
    for (ServiceTag now : newCatalog.tags()) {
      Optional<ServiceTag> before = oldCatalog.tag(now.name());
      if (before.isEmpty()) {
        added.add(now.name());
        continue;
      }
      IpSet was = before.get().addresses();
      IpSet is = now.addresses();
      if (!was.equals(is)) {
        changed.add(new TagChange(now.name(), ImmutableList.copyOf(is.difference(was).toCidrs()),
            ImmutableList.copyOf(was.difference(is).toCidrs())));
      }
    }
    for (ServiceTag was : oldCatalog.tags()) {
      if (newCatalog.tag(was.name()).isEmpty()) {
        removed.add(was.name());
      }
    }
    return new ServiceTagDiff(oldCatalog.provenance(), newCatalog.provenance(), changed.build(), added.build(),
        removed.build());
  }

  /** Whether the two snapshots cover the same addresses under the same tag names. */
  public boolean isEmpty() {
    return changed.isEmpty() && addedTags.isEmpty() && removedTags.isEmpty();
  }
}
