package dev.vnetsim.simulator.engine;

import java.util.Arrays;

/**
 * An open-addressing int → int map, read-only once shared (a recompile adds to a {@link #copy}): allocation-free
 * lookups for IPv4 address owners.
 */
final class IntIntMap {
  private int[] keys;
  private int[] values;
  private boolean[] used;
  private int size;
  private int mask;

  IntIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    keys = new int[cap];
    values = new int[cap];
    used = new boolean[cap];
    mask = cap - 1;
  }

  void put(int key, int value) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int i = mix(key) & mask;
    while (used[i] && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (!used[i]) {
      size++;
    }
    used[i] = true;
    keys[i] = key;
    values[i] = value;
  }

  /** A copy that can take more entries without changing this map. */
  IntIntMap copy() {
    IntIntMap c = new IntIntMap(2);
    c.keys = keys.clone();
    c.values = values.clone();
    c.used = used.clone();
    c.size = size;
    c.mask = mask;
    return c;
  }

  /** The value for a key, or {@code missing}. */
  int get(int key, int missing) {
    int i = mix(key) & mask;
    while (used[i]) {
      if (keys[i] == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    return missing;
  }

  private void grow() {
    int[] k = keys;
    int[] v = values;
    boolean[] u = used;
    keys = new int[k.length * 2];
    values = new int[k.length * 2];
    used = new boolean[k.length * 2];
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < k.length; i++) {
      if (u[i]) {
        put(k[i], v[i]);
      }
    }
  }

  private static int mix(int x) {
    int h = x * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  @Override
  public String toString() {
    return "IntIntMap[" + size + "/" + Arrays.stream(keys).count() + "]";
  }
}
