package dev.vnetsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link AddedMaps}: a large source with resources added gives the source's entries then the additions, in order, and
 * the very same map for the same source and equal additions; other additions, or an equal but other source, give
 * another map.
 */
class AddedMapsTest {

  private static OtherResource resource(int i, int version) {
    ResourceId id = TopologyFixtures.id("Microsoft.Storage", "storageAccounts", "s" + i);
    return new OtherResource(id, "s" + i + "v" + version, "Microsoft.Storage/storageAccounts", "eastus");
  }

  private static ImmutableMap<ResourceId, OtherResource> source(int n) {
    ImmutableMap.Builder<ResourceId, OtherResource> b = ImmutableMap.builder();
    for (int i = 0; i < n; i++) {
      b.put(resource(i, 0).id(), resource(i, 0));
    }
    return b.build();
  }

  private static Map<ResourceId, OtherResource> added(Random r, int from) {
    Map<ResourceId, OtherResource> out = new LinkedHashMap<>();
    for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
      OtherResource x = resource(from + r.nextInt(10), r.nextInt(2));
      out.put(x.id(), x);
    }
    return out;
  }

  @Test
  void givesTheSourceThenTheAdditions_andTheSameMapForTheSameOnes() {
    for (int n : new int[] {3, AddedMaps.LARGE - 1, AddedMaps.LARGE, 3 * AddedMaps.LARGE}) {
      ImmutableMap<ResourceId, OtherResource> source = source(n);
      Random r = new Random(n);
      for (int round = 0; round < 40; round++) {
        Map<ResourceId, OtherResource> added = added(r, n);
        ImmutableMap<ResourceId, OtherResource> built = AddedMaps.of(source, added);
        Map<ResourceId, OtherResource> oracle = new LinkedHashMap<>(source);
        oracle.putAll(added);
        assertThat(new ArrayList<>(built.entrySet())).containsExactlyElementsOf(oracle.entrySet());

        Map<ResourceId, OtherResource> again = new LinkedHashMap<>();
        added.forEach((k, v) -> again.put(k, new OtherResource(v.id(), v.name(), v.type(), v.location())));
        boolean large = n >= AddedMaps.LARGE;
        assertThat(AddedMaps.of(source, again) == built).as("n %d round %d", n, round).isEqualTo(large);
        assertThat(AddedMaps.of(source(n), added)).isNotSameAs(built).isEqualTo(built); // another source
      }
      Map<ResourceId, OtherResource> one = Map.of(resource(n, 0).id(), resource(n, 0));
      Map<ResourceId, OtherResource> other = Map.of(resource(n, 1).id(), resource(n, 1)); // same id, other value
      assertThat(AddedMaps.of(source, other).get(resource(n, 0).id())).isEqualTo(resource(n, 1));
      assertThat(AddedMaps.of(source, one).get(resource(n, 0).id())).isEqualTo(resource(n, 0));
    }
  }
}
