package dev.vnetsim.simulator.engine;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.function.IntFunction;

/**
 * An immutable array of planes in chunks of {@value #CHUNK}, so that a recompile that replaces a few planes copies only
 * their chunks and the chunk table, and shares the rest with the previous data plane (a flat copy of 10,000
 * references would cost more than rebuilding the planes). Reads are two array loads and allocate nothing.
 */
final class PlaneArray<T> extends AbstractList<T> {
  private static final int SHIFT = 7;
  static final int CHUNK = 1 << SHIFT;

  private final Object[][] chunks;
  private final int size;

  private PlaneArray(Object[][] chunks, int size) {
    this.chunks = chunks;
    this.size = size;
  }

  /** An array of {@code size} elements, element {@code i} made by {@code make}. */
  static <T> PlaneArray<T> of(int size, IntFunction<T> make) {
    Object[][] chunks = new Object[(size + CHUNK - 1) >>> SHIFT][];
    for (int c = 0; c < chunks.length; c++) {
      chunks[c] = new Object[Math.min(CHUNK, size - (c << SHIFT))];
      for (int j = 0; j < chunks[c].length; j++) {
        chunks[c][j] = make.apply((c << SHIFT) + j);
      }
    }
    return new PlaneArray<>(chunks, size);
  }

  /** A copy with the elements at the set bits of {@code replaced} made by {@code make} and the rest shared. */
  PlaneArray<T> with(BitSet replaced, IntFunction<T> make) {
    return with(size, replaced, make);
  }

  /**
   * A copy of {@code newSize} elements (at least this size): those at the set bits of {@code replaced} (which must
   * include every index from this size on) made by {@code make}, the rest shared.
   */
  PlaneArray<T> with(int newSize, BitSet replaced, IntFunction<T> make) {
    if (newSize < size || replaced.nextClearBit(size) < newSize) {
      throw new IllegalArgumentException("a grown array needs every new element made");
    }
    Object[][] next = Arrays.copyOf(chunks, (newSize + CHUNK - 1) >>> SHIFT);
    int copied = -1;
    for (int i = replaced.nextSetBit(0); i >= 0 && i < newSize; i = replaced.nextSetBit(i + 1)) {
      int c = i >>> SHIFT;
      if (c != copied) {
        int length = Math.min(CHUNK, newSize - (c << SHIFT));
        next[c] = c < chunks.length ? Arrays.copyOf(chunks[c], length) : new Object[length];
        copied = c;
      }
    }
    for (int i = replaced.nextSetBit(0); i >= 0 && i < newSize; i = replaced.nextSetBit(i + 1)) {
      next[i >>> SHIFT][i & (CHUNK - 1)] = make.apply(i);
    }
    return new PlaneArray<>(next, newSize);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get(int index) {
    return (T) chunks[index >>> SHIFT][index & (CHUNK - 1)];
  }

  @Override
  public int size() {
    return size;
  }
}
