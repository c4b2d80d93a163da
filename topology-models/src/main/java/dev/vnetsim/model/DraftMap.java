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
 * all of them, and comparing each with its source when built, cost more than the probe's traces). A view that can
 * change the map (its entries, keys or values) is the copy's. Not thread-safe, as a builder.
 */
final class DraftMap<V> extends AbstractMap<ResourceId, V> {
  private final ImmutableMap<ResourceId, V> source;
  private Map<ResourceId, V> copy;

  /** A map that starts as {@code source}, or empty when it is null. */
  DraftMap(ImmutableMap<ResourceId, V> source) {
    this.source = source;
    this.copy = source == null ? new LinkedHashMap<>() : null;
  }

  /** The map this one was made from when it has not been changed (nor a view of it handed out), else null. */
  ImmutableMap<ResourceId, V> unchanged() {
    return copy == null ? source : null;
  }

  private Map<ResourceId, V> read() {
    return copy != null ? copy : source;
  }

  private Map<ResourceId, V> write() {
    if (copy == null) {
      copy = new LinkedHashMap<>(source);
    }
    return copy;
  }

  @Override
  public V get(Object key) {
    return read().get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return read().containsKey(key);
  }

  @Override
  public boolean containsValue(Object value) {
    return read().containsValue(value);
  }

  @Override
  public int size() {
    return read().size();
  }

  @Override
  public boolean isEmpty() {
    return read().isEmpty();
  }

  @Override
  public void forEach(BiConsumer<? super ResourceId, ? super V> action) {
    read().forEach(action);
  }

  @Override
  public V put(ResourceId key, V value) {
    return write().put(key, value);
  }

  @Override
  public V remove(Object key) {
    return write().remove(key);
  }

  @Override
  public void putAll(Map<? extends ResourceId, ? extends V> m) {
    write().putAll(m);
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
    return read().equals(o);
  }

  @Override
  public int hashCode() {
    return read().hashCode();
  }

  @Override
  public String toString() {
    return read().toString();
  }
}
