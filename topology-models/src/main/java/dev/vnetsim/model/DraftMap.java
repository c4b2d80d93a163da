package dev.vnetsim.model;

import com.google.common.collect.ImmutableMap;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A {@link Topology.Builder}'s map of resources by id: it reads the topology's own map until it is first changed, and
 * only then copies it (a compute probe puts one NIC into a topology of thousands of resources in twenty maps; copying
 * all of them, and comparing each with its source when built, cost more than the probe's traces). Resources put that
 * the source lacks are kept aside, so that a map with resources only added is copied once, when built
 * ({@link #built}). A view that can change the map (its entries, keys or values) is the copy's. Not thread-safe, as a
 * builder.
 */
final class DraftMap<V> extends AbstractMap<ResourceId, V> {
  private final ImmutableMap<ResourceId, V> source;
  /** Resources put that {@link #source} does not have, in order, while nothing else changed. */
  private Map<ResourceId, V> added;
  private Map<ResourceId, V> copy;

  /** A map that starts as {@code source}, or empty when it is null. */
  DraftMap(ImmutableMap<ResourceId, V> source) {
    this.source = source;
    this.copy = source == null ? new LinkedHashMap<>() : null;
  }

  /** The map this one was made from when it has not been changed (nor a view of it handed out), else null. */
  ImmutableMap<ResourceId, V> unchanged() {
    return copy == null && added == null ? source : null;
  }

  /**
   * This map as an immutable one when it is its source with resources added at the end (or unchanged): the source's
   * entries are copied once, into it (or taken from {@link AddedMaps}, which made the same copy before); null when it
   * was changed otherwise.
   */
  ImmutableMap<ResourceId, V> built() {
    if (copy != null) {
      return null;
    }
    if (added == null) {
      return source;
    }
    return AddedMaps.of(source, added);
  }

  private Map<ResourceId, V> write() {
    if (copy == null) {
      copy = new LinkedHashMap<>(source);
      if (added != null) {
        copy.putAll(added);
        added = null;
      }
    }
    return copy;
  }

  @Override
  public V get(Object key) {
    if (copy != null) {
      return copy.get(key);
    }
    V v = added == null ? null : added.get(key);
    return v != null ? v : source.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return copy != null ? copy.containsKey(key) : source.containsKey(key) || added != null && added.containsKey(key);
  }

  @Override
  public boolean containsValue(Object value) {
    return copy != null ? copy.containsValue(value)
        : source.containsValue(value) || added != null && added.containsValue(value);
  }

  @Override
  public int size() {
    return copy != null ? copy.size() : source.size() + (added == null ? 0 : added.size());
  }

  @Override
  public boolean isEmpty() {
    return size() == 0;
  }

  @Override
  public void forEach(BiConsumer<? super ResourceId, ? super V> action) {
    if (copy != null) {
      copy.forEach(action);
      return;
    }
    source.forEach(action);
    if (added != null) {
      added.forEach(action);
    }
  }

  @Override
  public V put(ResourceId key, V value) {
    if (copy == null && !source.containsKey(key)) {
      if (added == null) {
        added = new LinkedHashMap<>();
      }
      return added.put(key, value);
    }
    return write().put(key, value);
  }

  @Override
  public V remove(Object key) {
    return write().remove(key);
  }

  @Override
  public void putAll(Map<? extends ResourceId, ? extends V> m) {
    m.forEach(this::put);
  }

  @Override
  public void clear() {
    write().clear();
  }

  @Override
  public Set<Entry<ResourceId, V>> entrySet() {
    return write().entrySet();
  }

  @Override
  public Set<ResourceId> keySet() {
    return write().keySet();
  }

  @Override
  public Collection<V> values() {
    return write().values();
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Map<?, ?> m && m.equals(copy != null ? copy : readOnlyView());
  }

  @Override
  public int hashCode() {
    return (copy != null ? copy : readOnlyView()).hashCode();
  }

  @Override
  public String toString() {
    return (copy != null ? copy : readOnlyView()).toString();
  }

  /** The contents without copying them for good (for equality and printing). */
  private Map<ResourceId, V> readOnlyView() {
    if (added == null) {
      return source;
    }
    Map<ResourceId, V> all = new LinkedHashMap<>(source);
    all.putAll(added);
    return all;
  }
}
