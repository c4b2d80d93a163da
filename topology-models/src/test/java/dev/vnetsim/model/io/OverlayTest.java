package dev.vnetsim.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An {@link Overlay} answers as a plain copy of its map changed the same way, on seeded random puts and removals over
 * a small key range (so that keys are put, removed and put back), with overlays made over overlays; and the map
 * under it is left as it was.
 */
class OverlayTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void answersAsAChangedCopy(long seed) {
    Random rnd = new Random(seed);
    Map<Integer, String> under = new HashMap<>();
    for (int k = 0; k < 40; k++) {
      if (rnd.nextBoolean()) {
        under.put(k, "u" + k);
      }
    }
    Map<Integer, String> snapshot = Map.copyOf(under);
    Map<Integer, String> overlay = new Overlay<>(under);
    Map<Integer, String> copy = new HashMap<>(under);
    for (int round = 0; round < 6; round++) {
      for (int i = 0; i < 50; i++) {
        int k = rnd.nextInt(50);
        switch (rnd.nextInt(3)) {
          case 0 -> assertThat(overlay.put(k, "p" + round + "-" + i)).isEqualTo(copy.put(k, "p" + round + "-" + i));
          case 1 -> assertThat(overlay.remove(k)).isEqualTo(copy.remove(k));
          default -> {
            assertThat(overlay.get(k)).isEqualTo(copy.get(k));
            assertThat(overlay.containsKey(k)).isEqualTo(copy.containsKey(k));
          }
        }
      }
      assertThat(overlay).as("seed %d round %d", seed, round).isEqualTo(copy);
      assertThat(overlay.size()).isEqualTo(copy.size());
      overlay = new Overlay<>(overlay); // the next change's copy
    }
    assertThat(under).isEqualTo(snapshot);
  }
}
