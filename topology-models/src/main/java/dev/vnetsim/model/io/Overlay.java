package dev.vnetsim.model.io;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A map laid over another that is never changed: puts and removals are kept aside, so that a changed copy of a large
 * map costs what changed (a re-read change keeps the paths of a whole input, hundreds of thousands of ids, and
 * replaces a few). Made over an overlay, it takes that overlay's map and a copy of its changes, so overlays never
 * stack. Null values are not supported. Not thread-safe.
 */
final class Overlay<K, V> extends AbstractMap<K, V> {
  private static final Object REMOVED = new Object();
  private final Map<K, V> under;
  /** A put value, or {@link #REMOVED}; absent keys are {@code under}'s. */
  private final Map<K, Object> over = new HashMap<>();

  Overlay(Map<K, V> base) {
    if (base instanceof Overlay<K, V> o) {
      under = o.under;
      over.putAll(o.over);
    } else {
      under = base;
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    Object v = over.get(key);
    return v == null ? under.get(key) : v == REMOVED ? null : (V) v;
  }

  @Override
  public boolean containsKey(Object key) {
    Object v = over.get(key);
    return v == null ? under.containsKey(key) : v != REMOVED;
  }

  @Override
  public V put(K key, V value) {
    if (value == null) {
      throw new NullPointerException("null value for " + key);
    }
    V old = get(key);
    over.put(key, value);
    return old;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V remove(Object key) {
    V old = get(key);
    if (old != null) {
      over.put((K) key, REMOVED);
    }
    return old;
  }

  @Override
  public Set<Entry<K, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<K, V>> iterator() {
        return new Entries();
      }

      @Override
      public int size() {
        int n = 0;
        for (Iterator<Entry<K, V>> it = iterator(); it.hasNext(); it.next()) {
          n++;
        }
        return n;
      }
    };
  }

  /** {@code under}'s entries not laid over, then the put ones (read-only). */
  private final class Entries implements Iterator<Entry<K, V>> {
    private final Iterator<Entry<K, V>> first = under.entrySet().iterator();
    private final Iterator<Entry<K, Object>> second = over.entrySet().iterator();
    private Entry<K, V> next = advance();

    @SuppressWarnings("unchecked")
    private Entry<K, V> advance() {
      while (first.hasNext()) {
        Entry<K, V> e = first.next();
        if (!over.containsKey(e.getKey())) {
          return Map.entry(e.getKey(), e.getValue());
        }
      }
      while (second.hasNext()) {
        Entry<K, Object> e = second.next();
        if (e.getValue() != REMOVED) {
          return Map.entry(e.getKey(), (V) e.getValue());
        }
      }
      return null;
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Entry<K, V> next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      Entry<K, V> out = next;
      next = advance();
      return out;
    }
  }
}
