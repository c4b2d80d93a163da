package dev.vnetsim.servicetag;

import java.util.Arrays;

/** The tags covering the sweep position, kept as a small sorted array of tag ids (a handful at any address). */
final class ActiveTags {
  private int[] ids = new int[16];
  private int size;

  void add(int tag) {
    int at = Arrays.binarySearch(ids, 0, size, tag);
    if (at >= 0) {
      throw new IllegalStateException("tag " + tag + " opened twice");
    }
    int pos = -at - 1;
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, size * 2);
    }
    System.arraycopy(ids, pos, ids, pos + 1, size - pos);
    ids[pos] = tag;
    size++;
  }

  void remove(int tag) {
    int at = Arrays.binarySearch(ids, 0, size, tag);
    if (at < 0) {
      throw new IllegalStateException("tag " + tag + " closed but not open");
    }
    System.arraycopy(ids, at + 1, ids, at, size - at - 1);
    size--;
  }

  int intern(TagSets sets) {
    return sets.intern(ids, size);
  }
}
