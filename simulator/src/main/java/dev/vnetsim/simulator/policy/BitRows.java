package dev.vnetsim.simulator.policy;

import java.util.Arrays;

/**
 * Interns equal bitsets of {@code words} longs into one flat {@code long[]}; a row is its offset. Two layouts:
 * <ul>
 *   <li>dense: every row is its {@code words} longs (rule rows of fewer than {@link #SPARSE_MIN} or more than 64
 *       words, partition classes);</li>
 *   <li>sparse, for rule rows of {@link #SPARSE_MIN} to 64 words (about 450 to 4,000 rules): a summary word (bit
 *       {@code w}: word {@code w} is non-zero) followed by the non-zero words only, so a first-match AND visits only
 *       words non-zero in every row and finds word {@code w} of a row at
 *       {@code 1 + bitCount(summary & ((1 << w) - 1))} ({@link CompiledNsg}). A rule set's rows are mostly zero
 *       words, so this keeps large NSGs' rows in cache.</li>
 * </ul>
 * Open addressing over offsets with the hashes kept beside them; interning allocates nothing unless arrays grow.
 */
final class BitRows {
  /** Rows of fewer words are dense: for a few words the plain AND loop is faster than the summary's indirection. */
  static final int SPARSE_MIN = 8;

  private final int words;
  private final boolean sparse;
  private long[] data = new long[64];
  private int size;
  private int[] slots = new int[64];
  private int[] hashes = new int[64];
  private int count;

  private BitRows(int words, boolean sparse) {
    this.words = words;
    this.sparse = sparse;
  }

  /** Rule rows: sparse when {@link #isSparse}. */
  static BitRows rules(int words) {
    return new BitRows(words, isSparse(words));
  }

  /** Dense rows: row {@code i} (in order of first interning) at offset {@code i * words}. */
  static BitRows dense(int words) {
    return new BitRows(words, false);
  }

  /** Whether rule rows of this many words are stored sparse. */
  static boolean isSparse(int words) {
    return words >= SPARSE_MIN && words <= 64;
  }

  /** The offset of the row equal to {@code row[0..words)}, adding it if new. */
  int intern(long[] row) {
    int h = hash(row);
    int mask = slots.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int s = slots[i];
      if (s == 0) {
        return add(row, i, h);
      }
      if (hashes[i] == h && same(s - 1, row)) {
        return s - 1;
      }
    }
  }

  private int add(long[] row, int slot, int h) {
    if (size + words + 1 > data.length) {
      data = Arrays.copyOf(data, Math.max(data.length * 2, size + words + 1));
    }
    int offset = size;
    if (sparse) {
      long summary = 0;
      int k = offset + 1;
      for (int w = 0; w < words; w++) {
        if (row[w] != 0) {
          summary |= 1L << w;
          data[k++] = row[w];
        }
      }
      data[offset] = summary;
      size = k;
    } else {
      System.arraycopy(row, 0, data, offset, words);
      size += words;
    }
    slots[slot] = offset + 1;
    hashes[slot] = h;
    if (++count * 2 > slots.length) {
      rehash();
    }
    return offset;
  }

  private boolean same(int offset, long[] row) {
    if (!sparse) {
      for (int w = 0; w < words; w++) {
        if (data[offset + w] != row[w]) {
          return false;
        }
      }
      return true;
    }
    long summary = data[offset];
    int k = offset + 1;
    for (int w = 0; w < words; w++) {
      long x = (summary >>> w & 1) != 0 ? data[k++] : 0;
      if (x != row[w]) {
        return false;
      }
    }
    return true;
  }

  private void rehash() {
    int[] oldSlots = slots;
    int[] oldHashes = hashes;
    slots = new int[oldSlots.length * 2];
    hashes = new int[oldSlots.length * 2];
    int mask = slots.length - 1;
    for (int j = 0; j < oldSlots.length; j++) {
      if (oldSlots[j] != 0) {
        int i = oldHashes[j] & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = oldSlots[j];
        hashes[i] = oldHashes[j];
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
    return Arrays.copyOf(data, Math.max(size, words + 1));
  }
}
