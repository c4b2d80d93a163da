package dev.vnetsim.servicetag;

import java.util.Arrays;

/**
 * Address to tag-set id for IPv4, as a three-level 16-8-8 multibit trie over the elementary intervals of all tag
 * prefixes. Level 1 is a direct table on the top 16 bits; level 2 is a direct table of 256 entries (one per /24) for
 * each /16 that holds interval boundaries; level 3 is a {@link RankBlocks} block (256 addresses) for each /24 that
 * holds boundaries. An entry of levels 1 and 2 is either a tag-set id ({@code >= 0}: the whole range has one set) or
 * the complement of a block index one level down. The lookup reads all three levels unconditionally (a leaf above
 * reads the dummy block 0 below) and picks the answer with masks, so it has no data-dependent branches, no loops and
 * no allocation. On the Public file: 767 level-2 and 10,792 level-3 blocks, about 1.6 MB. Built once; never changes.
 */
final class V4TagIndex {
  private final int[] level1;
  private final int[] level2;
  private final long[] level3;
  private final int[] level3Values;
  private final int intervals;

  /**
   * @param starts the unsigned interval starts, ascending, {@code starts[0] == 0}
   * @param setIds the tag-set id of each interval
   */
  V4TagIndex(long[] starts, int[] setIds, int n) {
    if (n == 0 || starts[0] != 0) {
      throw new IllegalArgumentException("intervals must start at 0");
    }
    this.intervals = n;
    level1 = new int[1 << 16];
    int[] direct2 = new int[256 * 64];
    int blocks2 = 1;
    RankBlocks blocks3 = new RankBlocks();
    int[] slots2 = new int[256];
    int[] positions = new int[256];
    int[] values = new int[256];
    int i = 0;
    for (int c = 0; c < 1 << 16; c++) {
      long chunk = (long) c << 16;
      while (i + 1 < n && starts[i + 1] <= chunk) {
        i++;
      }
      if (i + 1 >= n || starts[i + 1] >= chunk + (1 << 16)) {
        level1[c] = setIds[i];
        continue;
      }
      for (int s = 0; s < 256; s++) {
        long sub = chunk + ((long) s << 8);
        while (i + 1 < n && starts[i + 1] <= sub) {
          i++;
        }
        if (i + 1 >= n || starts[i + 1] >= sub + 256) {
          slots2[s] = setIds[i];
          continue;
        }
        int count = 0;
        positions[count] = 0;
        values[count++] = setIds[i];
        for (int k = i + 1; k < n && starts[k] < sub + 256; k++) {
          positions[count] = (int) (starts[k] - sub);
          values[count++] = setIds[k];
        }
        slots2[s] = ~blocks3.add(positions, values, count);
      }
      if ((blocks2 + 1) * 256 > direct2.length) {
        direct2 = Arrays.copyOf(direct2, direct2.length * 2);
      }
      System.arraycopy(slots2, 0, direct2, blocks2 * 256, 256);
      level1[c] = ~blocks2++;
    }
    level2 = Arrays.copyOf(direct2, blocks2 * 256);
    level3 = blocks3.blocks();
    level3Values = blocks3.values();
  }

  int lookup(int address) {
    int e1 = level1[address >>> 16];
    int down1 = e1 >> 31;
    int e2 = level2[((~e1 & down1) << 8) | ((address >>> 8) & 0xFF)];
    int s2 = (e1 & ~down1) | (e2 & down1);
    int down2 = s2 >> 31;
    int e3 = RankBlocks.get(level3, level3Values, ~s2 & down2, address & 0xFF);
    return (s2 & ~down2) | (e3 & down2);
  }

  int intervalCount() {
    return intervals;
  }

  long footprintBytes() {
    return 4L * (level1.length + level2.length + level3Values.length) + 8L * level3.length;
  }
}
