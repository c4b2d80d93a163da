package dev.vnetsim.simulator.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import com.google.common.collect.TreeRangeSet;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Ports#intersection} and {@link Ports#difference} give Guava's answers (the same ranges, so the same values)
 * on seeded random port sets: closed-open ranges as the engine makes them, often touching or sharing ends, and now and
 * then a closed range (Guava's way is taken for those).
 */
class PortsTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void intersectionAndDifference_matchGuava(long seed) {
    Random rnd = new Random(seed);
    for (int i = 0; i < 2_000; i++) {
      ImmutableRangeSet<Integer> a = random(rnd);
      ImmutableRangeSet<Integer> b = random(rnd);
      assertThat(Ports.intersection(a, b)).as("seed %d: %s ∩ %s", seed, a, b).isEqualTo(a.intersection(b));
      assertThat(Ports.intersection(a, b).asRanges()).as("seed %d: %s ∩ %s", seed, a, b)
          .containsExactlyElementsOf(a.intersection(b).asRanges());
      assertThat(Ports.difference(a, b)).as("seed %d: %s \\ %s", seed, a, b).isEqualTo(a.difference(b));
      assertThat(Ports.difference(a, b).asRanges()).as("seed %d: %s \\ %s", seed, a, b)
          .containsExactlyElementsOf(a.difference(b).asRanges());
    }
  }

  /** Up to six ranges with ends from a small pool (so that they meet, touch and nest), or all ports, or none. */
  private static ImmutableRangeSet<Integer> random(Random rnd) {
    int kind = rnd.nextInt(10);
    if (kind == 0) {
      return Ports.ALL;
    }
    if (kind == 1) {
      return Ports.NONE;
    }
    int[] ends = {0, 1, 22, 23, 80, 443, 444, 1000, 2000, 8080, 65535, 65536};
    TreeRangeSet<Integer> s = TreeRangeSet.create();
    for (int n = 1 + rnd.nextInt(6); n > 0; n--) {
      int x = ends[rnd.nextInt(ends.length)];
      int y = ends[rnd.nextInt(ends.length)];
      if (x == y) {
        continue;
      }
      s.add(kind == 2 && x < y ? Range.closed(Math.min(x, y), Math.max(x, y) - 1)
          : Range.closedOpen(Math.min(x, y), Math.max(x, y)));
    }
    return ImmutableRangeSet.copyOf(s);
  }
}
