package dev.vnetsim.servicetag;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The deduplicated table of tag-id sets that the lookup indexes point into. Set 0 is always the empty set. Each
 * set's names are precomputed in tag-id order, which is name order, so a lookup hands out a ready, immutable,
 * sorted list.
 */
final class TagSets {
  static final int EMPTY = 0;

  private final List<int[]> members = new ArrayList<>();
  private final Map<Key, Integer> ids = new HashMap<>();
  private ImmutableList<ImmutableList<String>> names;

  TagSets() {
    intern(new int[0], 0);
  }

  /** The id of the set holding the first {@code size} entries of {@code sortedTagIds}, adding it when new. */
  int intern(int[] sortedTagIds, int size) {
    Key probe = new Key(Arrays.copyOf(sortedTagIds, size));
    Integer id = ids.get(probe);
    if (id != null) {
      return id;
    }
    int next = members.size();
    members.add(probe.ids);
    ids.put(probe, next);
    return next;
  }

  /** Fixes the name lists; {@code tagNames[i]} is the name of tag id {@code i}. */
  void freeze(List<String> tagNames) {
    ImmutableList.Builder<ImmutableList<String>> b = ImmutableList.builderWithExpectedSize(members.size());
    for (int[] set : members) {
      ImmutableList.Builder<String> s = ImmutableList.builderWithExpectedSize(set.length);
      for (int id : set) {
        s.add(tagNames.get(id));
      }
      b.add(s.build());
    }
    names = b.build();
  }

  int size() {
    return members.size();
  }

  ImmutableList<String> names(int id) {
    return names.get(id);
  }

  /** The tag ids of set {@code id}, ascending (a copy). */
  int[] members(int id) {
    return members.get(id).clone();
  }

  private record Key(int[] ids) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(ids, k.ids);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(ids);
    }
  }
}
