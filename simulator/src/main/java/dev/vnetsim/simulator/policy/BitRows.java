package dev.vnetsim.simulator.policy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Interns equal rule bitsets (rows of {@code words} longs) into one flat {@code long[]}; a row is its offset. */
final class BitRows {
  private final int words;
  private final Map<Key, Integer> index = new HashMap<>();
  private long[] data = new long[64];
  private int size;

  BitRows(int words) {
    this.words = words;
  }

  int intern(long[] row) {
    Key k = new Key(row);
    Integer at = index.get(k);
    if (at != null) {
      return at;
    }
    if (size + words > data.length) {
      data = Arrays.copyOf(data, Math.max(data.length * 2, size + words));
    }
    System.arraycopy(row, 0, data, size, words);
    int offset = size;
    size += words;
    index.put(k, offset);
    return offset;
  }

  long[] toArray() {
    return Arrays.copyOf(data, Math.max(size, words));
  }

  private record Key(long[] row) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(row, k.row);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(row);
    }
  }
}
