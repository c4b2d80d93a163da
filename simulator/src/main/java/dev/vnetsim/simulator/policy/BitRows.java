package dev.vnetsim.simulator.policy;

import java.util.Arrays;

/**
 * Interns equal rule bitsets of {@code words} longs into one flat {@code long[]}; a row is its offset. With more than
 * one word (and at most 64), a row is preceded by a summary word whose bit {@code w} says word {@code w} is non-zero,
 * so a first-match AND only visits words that are non-zero in every row ({@link NsgTables}). Open addressing, no
 * per-row objects: interning a row allocates nothing unless the arrays grow.
 */
final class BitRows {
  private final int words;
  private final int stride;
  private final boolean summary;
  private long[] data = new long[64];
  private int size;
  private int[] slots = new int[64];
  private int count;

  /** Rows of first-match bitsets: with a summary word when {@link #hasSummary}. */
  BitRows(int words) {
    this(words, hasSummary(words));
  }

  BitRows(int words, boolean summary) {
    this.words = words;
    this.summary = summary;
    this.stride = words + (summary ? 1 : 0);
  }

  /** Whether rows of this many words carry a summary word in front. */
  static boolean hasSummary(int words) {
    return words > 1 && words <= 64;
  }

  /** The offset of the row equal to {@code row[0..words)}, adding it if new. */
  int intern(long[] row) {
    int h = hash(row);
    int mask = slots.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int s = slots[i];
      if (s == 0) {
        return add(row, i);
      }
      if (same(s - 1, row)) {
        return s - 1;
      }
    }
  }

  private int add(long[] row, int slot) {
    if (size + stride > data.length) {
      data = Arrays.copyOf(data, Math.max(data.length * 2, size + stride));
    }
    int offset = size;
    int first = offset;
    if (summary) {
      long s = 0;
      for (int w = 0; w < words; w++) {
        s |= (row[w] != 0 ? 1L : 0L) << w;
      }
      data[offset] = s;
      first++;
    }
    System.arraycopy(row, 0, data, first, words);
    size += stride;
    slots[slot] = offset + 1;
    if (++count * 2 > slots.length) {
      rehash();
    }
    return offset;
  }

  private boolean same(int offset, long[] row) {
    int first = summary ? offset + 1 : offset;
    for (int w = 0; w < words; w++) {
      if (data[first + w] != row[w]) {
        return false;
      }
    }
    return true;
  }

  private void rehash() {
    int[] old = slots;
    slots = new int[old.length * 2];
    int mask = slots.length - 1;
    long[] row = new long[words];
    for (int s : old) {
      if (s != 0) {
        System.arraycopy(data, summary ? s : s - 1, row, 0, words);
        int i = hash(row) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = s;
      }
    }
  }

  private int hash(long[] row) {
    long h = 0x9E37_79B9_7F4A_7C15L;
    for (int w = 0; w < words; w++) {
      h = (h ^ row[w]) * 0xBF58_476D_1CE4_E5B9L;
      h ^= h >>> 31;
    }
    return (int) (h ^ (h >>> 32));
  }

  /** Number of distinct rows. */
  int count() {
    return count;
  }

  long[] toArray() {
    return Arrays.copyOf(data, Math.max(size, stride));
  }
}
