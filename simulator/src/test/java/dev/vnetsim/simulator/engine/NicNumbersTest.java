package dev.vnetsim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link NicNumbers} against a plain list on seeded random chains of {@link NicNumbers#with}: small additions (laid
 * over the map) and large ones (folded into it), with earlier links of a chain still answering as they did.
 */
class NicNumbersTest {

  private static ResourceId nic(int i) {
    return ResourceId.of("/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/networkInterfaces/n" + i);
  }

  @Test
  void answersAsAList() {
    for (long seed = 1; seed <= 100; seed++) {
      Random r = new Random(seed);
      List<ResourceId> all = new ArrayList<>();
      int next = 0;
      for (int i = r.nextInt(50); i > 0; i--) {
        all.add(nic(next++));
      }
      NicNumbers numbers = NicNumbers.of(all);
      List<NicNumbers> chain = new ArrayList<>(List.of(numbers));
      List<List<ResourceId>> lists = new ArrayList<>(List.of(List.copyOf(all)));
      for (int step = 0; step < 12; step++) {
        List<ResourceId> more = new ArrayList<>();
        for (int i = r.nextBoolean() ? r.nextInt(3) : r.nextInt(40); i > 0; i--) {
          more.add(nic(next++));
        }
        numbers = numbers.with(more);
        all.addAll(more);
        chain.add(numbers);
        lists.add(List.copyOf(all));
      }
      for (int c = 0; c < chain.size(); c++) {
        NicNumbers n = chain.get(c);
        List<ResourceId> expected = lists.get(c);
        assertThat(n.size()).isEqualTo(expected.size());
        assertThat(n.ids()).containsExactlyElementsOf(expected);
        for (int i = 0; i < next + 2; i++) {
          int at = expected.indexOf(nic(i));
          assertThat(n.get(nic(i))).as("seed %d link %d nic %d", seed, c, i).isEqualTo(at < 0 ? null : at);
        }
        List<Integer> seen = new ArrayList<>();
        n.forEach((id, i) -> {
          assertThat(expected.get(i)).isEqualTo(id);
          seen.add(i);
        });
        assertThat(seen).hasSize(expected.size());
      }
    }
  }
}
