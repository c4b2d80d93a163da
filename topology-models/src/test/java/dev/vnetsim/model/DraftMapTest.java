package dev.vnetsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link DraftMap} against a {@link LinkedHashMap} copy on seeded random operations (contents and order after each),
 * and {@link Topology#toBuilder()}: an untouched map is the source's own instance in the built copy, a changed one is
 * not and holds the change.
 */
class DraftMapTest {

  private static OtherResource resource(int i, int version) {
    ResourceId id = TopologyFixtures.id("Microsoft.Storage", "storageAccounts", "s" + i);
    return new OtherResource(id, "s" + i + "v" + version, "Microsoft.Storage/storageAccounts", "eastus");
  }

  @Test
  void behavesAsACopyOfItsSource() {
    int builtCount = 0;
    for (long seed = 1; seed <= 200; seed++) {
      Random r = new Random(seed);
      ImmutableMap.Builder<ResourceId, OtherResource> b = ImmutableMap.builder();
      int n = r.nextInt(20);
      for (int i = 0; i < n; i++) {
        b.put(resource(i, 0).id(), resource(i, 0));
      }
      ImmutableMap<ResourceId, OtherResource> source = b.build();
      DraftMap<OtherResource> draft = new DraftMap<>(source);
      Map<ResourceId, OtherResource> oracle = new LinkedHashMap<>(source);
      boolean changed = false;
      for (int step = 0; step < 30; step++) {
        OtherResource x = resource(r.nextInt(25), step);
        switch (r.nextInt(7)) {
          case 0 -> {
            assertThat(draft.put(x.id(), x)).isEqualTo(oracle.put(x.id(), x));
            changed = true;
          }
          case 1 -> {
            assertThat(draft.remove(x.id())).isEqualTo(oracle.remove(x.id()));
            changed = true;
          }
          case 2 -> assertThat(draft.get(x.id())).isEqualTo(oracle.get(x.id()));
          case 3 -> assertThat(draft.containsKey(x.id())).isEqualTo(oracle.containsKey(x.id()));
          case 4 -> {
            List<ResourceId> keys = new ArrayList<>();
            draft.forEach((k, v) -> keys.add(k));
            assertThat(keys).containsExactlyElementsOf(oracle.keySet());
          }
          case 5 -> {
            draft.values().removeIf(v -> v.id().equals(x.id())); // through a view
            oracle.values().removeIf(v -> v.id().equals(x.id()));
            changed = true;
          }
          default -> assertThat(draft.size()).isEqualTo(oracle.size());
        }
        assertThat(draft.unchanged()).as("seed %d step %d", seed, step).isEqualTo(changed ? null : source);
        assertThat(draft.size()).isEqualTo(oracle.size());
        ImmutableMap<ResourceId, OtherResource> built = draft.built();
        if (built != null) { // only added to (or untouched): the oracle's entries in its order
          assertThat(new ArrayList<>(built.entrySet())).containsExactlyElementsOf(oracle.entrySet());
          builtCount++;
        }
      }
      assertThat(new ArrayList<>(draft.entrySet())).as("seed %d", seed)
          .containsExactlyElementsOf(oracle.entrySet());
      assertThat(draft).isEqualTo(oracle);
      assertThat(draft.hashCode()).isEqualTo(oracle.hashCode());
    }
    assertThat(builtCount).as("maps only added to are built directly").isGreaterThan(100);
  }

  @Test
  void toBuilderSharesWhatIsNotChanged() {
    Topology.Builder b = Topology.builder();
    for (int i = 0; i < 5; i++) {
      b.otherResources.put(resource(i, 0).id(), resource(i, 0));
    }
    Topology t = b.build();
    Topology same = t.toBuilder().build();
    assertThat(same.otherResources()).isSameAs(t.otherResources());
    assertThat(same.networkInterfaces()).isSameAs(t.networkInterfaces());

    Topology.Builder c = t.toBuilder();
    assertThat(c.otherResources.get(resource(3, 0).id())).isEqualTo(resource(3, 0)); // reads the source
    c.otherResources.put(resource(3, 1).id(), resource(3, 1));
    Topology changed = c.build();
    assertThat(changed.otherResources()).isNotSameAs(t.otherResources());
    assertThat(changed.otherResources().get(resource(3, 0).id())).isEqualTo(resource(3, 1));
    assertThat(changed.otherResources().keySet()).containsExactlyElementsOf(t.otherResources().keySet());
    assertThat(t.otherResources().get(resource(3, 0).id())).isEqualTo(resource(3, 0)); // the source is untouched
    assertThat(changed.virtualNetworks()).isSameAs(t.virtualNetworks());
  }
}
