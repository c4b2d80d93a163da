package dev.vnetsim.simulator.engine;

import com.google.common.collect.ImmutableMap;
import dev.vnetsim.model.ResourceId;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * NIC ids by number and numbers by id, immutable. Made {@link #with} more NICs, the ids already numbered keep their
 * map and only the added ones get a map of their own, laid over it: a compute probe adds one NIC to a plane of
 * thousands, and copying the whole map made its recompile cost more than its traces. The added ones are folded into
 * one map once they outgrow an eighth of it, so that a lookup stays two hash probes at most.
 */
final class NicNumbers {
  private final ResourceId[] ids;
  private final ImmutableMap<ResourceId, Integer> base;
  private final ImmutableMap<ResourceId, Integer> added;

  private NicNumbers(ResourceId[] ids, ImmutableMap<ResourceId, Integer> base,
      ImmutableMap<ResourceId, Integer> added) {
    this.ids = ids;
    this.base = base;
    this.added = added;
  }

  /** The ids numbered in order. */
  static NicNumbers of(List<ResourceId> ids) {
    return new NicNumbers(new ResourceId[0], ImmutableMap.of(), ImmutableMap.of()).with(ids);
  }

  /** These numbers and {@code more}, numbered after them in order (none of them numbered here yet). */
  NicNumbers with(List<ResourceId> more) {
    if (more.isEmpty()) {
      return this;
    }
    ResourceId[] all = Arrays.copyOf(ids, ids.length + more.size());
    boolean fold = (added.size() + more.size()) * 8L > base.size();
    ImmutableMap.Builder<ResourceId, Integer> m = ImmutableMap.builderWithExpectedSize(
        fold ? all.length : added.size() + more.size());
    if (fold) {
      m.putAll(base);
    }
    m.putAll(added);
    for (int i = 0; i < more.size(); i++) {
      all[ids.length + i] = more.get(i);
      m.put(more.get(i), ids.length + i);
    }
    return fold ? new NicNumbers(all, m.buildOrThrow(), ImmutableMap.of())
        : new NicNumbers(all, base, m.buildOrThrow());
  }

  /** The number of a NIC, or null. */
  Integer get(ResourceId id) {
    Integer i = added.get(id);
    return i != null ? i : base.get(id);
  }

  int size() {
    return ids.length;
  }

  /** The ids by number. */
  List<ResourceId> ids() {
    return Collections.unmodifiableList(Arrays.asList(ids));
  }

  void forEach(BiConsumer<ResourceId, Integer> action) {
    for (int i = 0; i < ids.length; i++) {
      action.accept(ids[i], i);
    }
  }
}
