package dev.vnetsim.simulator.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.io.TopologyReader;
import dev.vnetsim.model.io.change.ArmResources;
import dev.vnetsim.model.io.change.ChangeFile;
import dev.vnetsim.model.io.change.ChangeSet;
import dev.vnetsim.model.io.change.ResourceChange;
import dev.vnetsim.simulator.generate.EstateGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The differential asks a source only about the destinations its bounds let meet it ({@link Differential.Bounds},
 * {@link SiteIndex}); the flows it keeps must be exactly those of asking every pair, in the same order: on seeded
 * random NSG, route, firewall, VNet, endpoint, NIC and DNS server changes to a generated hub-and-spoke estate and to
 * the bundled example.
 */
class DifferentialBoundsTest {
  @TempDir
  static Path dir;
  static ArmResources estate;
  static ArmResources example;

  @BeforeAll
  static void load() throws IOException {
    estate = ArmResources.read(new EstateGenerator(new EstateGenerator.Settings(11, 3, 8, 5, 20)).writeTo(dir),
        false);
    example = WhatIfFixtures.example();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void boundedRequests_equalEveryPairAsked(long seed) {
    List<BiFunction<ArmResources, SplittableRandom, String>> changes = List.of(RandomChanges::patch,
        (b, r) -> RandomVnetChanges.patch(b.topology(), r), (b, r) -> RandomVnetChanges.endpointPatch(b.topology(), r),
        (b, r) -> RandomVnetChanges.nicPatch(b.topology(), r), (b, r) -> RandomVnetChanges.dnsPatch(b.topology(), r),
        (b, r) -> RandomChanges.firewallPatch(b, r, "10.0.0.4", "10.1.0.4"));
    int bounded = 0;
    for (ArmResources base : List.of(estate, example)) {
      for (int k = 0; k < changes.size(); k++) {
        if (k == changes.size() - 1 && base.topology().firewallPolicies().isEmpty()) {
          continue;
        }
        SplittableRandom rnd = new SplittableRandom(seed * 31 + k);
        String patch = changes.get(k).apply(base, rnd);
        if (patch.equals("[]")) {
          continue;
        }
        ChangeSet cs = ChangeFile.apply(base, new TopologyReader.Source("bounds-" + seed + ".json", patch));
        ImmutableMap<ResourceId, SubnetProbe> probes = Probes.planAll(List.of(cs.before(), cs.after()));
        Side before = Side.compile(cs.before(), WhatIfFixtures.tags(), probes, WhatIfFixtures.PARSER);
        Side after = Side.recompile(before, cs.after(), cs.changes().stream().map(ResourceChange::resourceId)
            .toList());
        Differential.Focus focus = Impact.of(cs, before, after).focus(before, after);
        List<String> tags = Differential.serviceTags(List.of(cs.before(), cs.after()));
        Differential.Requests fast = Differential.requests(before, after, focus, tags, Long.MAX_VALUE, 0);
        Differential.Requests every = Differential.requests(before, after, unbounded(focus), tags, Long.MAX_VALUE);
        assertThat(fast.kept()).as("seed %d, change %s", seed, patch).isEqualTo(every.kept());
        assertThat(fast.total()).isEqualTo(every.total());
        bounded += focus.bounds().isPresent() ? 1 : 0;
      }
    }
    assertThat(bounded).as("changes whose focus has bounds").isGreaterThanOrEqualTo(4);
  }

  /** The same focus without bounds: every pair is asked. */
  private static Differential.Focus unbounded(Differential.Focus f) {
    return new Differential.Focus() {
      @Override
      public Optional<Predicate<Site>> touches() {
        return f.touches();
      }

      @Override
      public Predicate<Site> carriedFrom() {
        return f.carriedFrom();
      }

      @Override
      public Predicate<Site> carriedTo() {
        return f.carriedTo();
      }

      @Override
      public boolean mayChange(Site from, Site to) {
        return f.mayChange(from, to);
      }
    };
  }
}
