package dev.vnetsim.servicetag;

import java.util.Arrays;

/**
 * A list of 256-slot blocks, each stored compressed as a bitmap of the slots where the value changes plus the values
 * at those slots (the poptrie idea: the value of slot {@code p} is the value at the last set bit at or below
 * {@code p}, found with one population count). A block takes 5 longs: four bitmap words and one word holding the
 * offset of its first value and the number of set bits before bitmap words 1, 2 and 3 (each under 256, one byte).
 * Block 0 is a dummy whose every slot reads 0, so that a caller can read it unconditionally instead of branching.
 */
final class RankBlocks {
  private static final int STRIDE = 5;

  private long[] blocks = new long[STRIDE * 64];
  private int[] values = new int[256];
  private int blockCount;
  private int valueCount;

  RankBlocks() {
    add(new int[] {0}, new int[] {0}, 1);
  }

  /**
   * Adds a block whose value changes only at the given slots: slot {@code positions[k]} and the slots after it
   * (up to the next position) hold {@code slotValues[k]}; {@code positions} ascend from 0. Returns its index.
   */
  int add(int[] positions, int[] slotValues, int count) {
    int b = blockCount * STRIDE;
    if (b + STRIDE > blocks.length) {
      blocks = Arrays.copyOf(blocks, blocks.length * 2);
    }
    if (valueCount + count > values.length) {
      values = Arrays.copyOf(values, Math.max(values.length * 2, valueCount + count));
    }
    int[] before = new int[4];
    int kept = 0;
    for (int k = 0; k < count; k++) {
      int p = positions[k];
      if (k > 0 && slotValues[k] == slotValues[k - 1]) {
        continue;
      }
      blocks[b + (p >>> 6)] |= 1L << (p & 63);
      for (int w = (p >>> 6) + 1; w < 4; w++) {
        before[w]++;
      }
      values[valueCount + kept++] = slotValues[k];
    }
    blocks[b + 4] = valueCount | (long) before[1] << 40 | (long) before[2] << 48 | (long) before[3] << 56;
    valueCount += kept;
    return blockCount++;
  }

  long[] blocks() {
    return Arrays.copyOf(blocks, blockCount * STRIDE);
  }

  int[] values() {
    return Arrays.copyOf(values, valueCount);
  }

  /** The value of slot {@code p} (0-255) of block {@code block}. */
  static int get(long[] blocks, int[] values, int block, int p) {
    int b = block * STRIDE;
    int word = p >>> 6;
    long meta = blocks[b + 4];
    // Shift counts are taken modulo 64, so this keeps the bits at and below p within its word (all 64 for p % 64 = 63).
    long below = blocks[b + word] & ((2L << p) - 1);
    int rank = (int) ((meta >>> (32 + (word << 3))) & 0xFF) + Long.bitCount(below);
    return values[(int) meta + rank - 1];
  }
}
