package dev.vnetsim.model;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Large maps of resources with a few added, built once for each source map (by identity) and set of additions (by
 * value). An Azure ML compute's probe puts one NIC into a topology of thousands: every what-if builds the same
 * copy for each compute on both sides, and copying ten thousand NICs cost more than the compute's row traces.
 * A source map that is no longer used elsewhere takes its copies with it (weak keys); each source keeps copies up to
 * {@link #ENTRIES} entries in all. Thread-safe.
 */
final class AddedMaps {
  /** Maps smaller than this are copied every time: a copy costs less than the lookup. */
  static final int LARGE = 1024;
  /** How many entries the copies made from one source may hold in all (about 50 bytes each). */
  private static final long ENTRIES = 2_000_000;

  private static final Cache<ImmutableMap<ResourceId, ?>, Cache<ImmutableList<Map.Entry<ResourceId, ?>>,
      ImmutableMap<ResourceId, ?>>> BY_SOURCE = CacheBuilder.newBuilder().weakKeys().build();

  private AddedMaps() {}

  /** {@code source} with {@code added} (keys it does not have) put after its entries, in their order. */
  @SuppressWarnings("unchecked")
  static <V> ImmutableMap<ResourceId, V> of(ImmutableMap<ResourceId, V> source, Map<ResourceId, V> added) {
    if (source.size() < LARGE) {
      return copy(source, added);
    }
    ImmutableList.Builder<Map.Entry<ResourceId, ?>> key = ImmutableList.builderWithExpectedSize(added.size());
    added.forEach((k, v) -> key.add(Map.entry(k, v)));
    try {
      return (ImmutableMap<ResourceId, V>) BY_SOURCE.get(source, () -> CacheBuilder.newBuilder()
          .maximumWeight(ENTRIES).<ImmutableList<Map.Entry<ResourceId, ?>>, ImmutableMap<ResourceId, ?>>weigher(
              (k, v) -> v.size()).build()).get(key.build(), () -> copy(source, added));
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private static <V> ImmutableMap<ResourceId, V> copy(ImmutableMap<ResourceId, V> source, Map<ResourceId, V> added) {
    return ImmutableMap.<ResourceId, V>builderWithExpectedSize(source.size() + added.size()).putAll(source)
        .putAll(added).buildOrThrow();
  }
}
