package dev.vnetsim.simulator.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.Topology;
import dev.vnetsim.model.compute.AmlCompute;
import dev.vnetsim.model.io.TopologyReader;
import dev.vnetsim.model.io.change.ArmResources;
import dev.vnetsim.model.io.change.ChangeFile;
import dev.vnetsim.model.io.change.ChangeSet;
import dev.vnetsim.servicetag.FqdnCatalog;
import dev.vnetsim.simulator.aml.AmlCheck;
import dev.vnetsim.simulator.aml.ComputeReport;
import dev.vnetsim.simulator.aml.ComputeTarget;
import dev.vnetsim.simulator.engine.DataPlaneEngine;
import dev.vnetsim.simulator.engine.IncrementalCompiler;
import dev.vnetsim.simulator.generate.EstateGenerator;
import dev.vnetsim.simulator.requirements.RequirementPack;
import dev.vnetsim.simulator.requirements.RequirementPacks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compute probes' data planes that {@link IncrementalCompiler#derived} recompiles from one another (one probe
 * taken out, the next put in, the topologies never compared) answer every requirement row as planes compiled from
 * scratch: every compute of a generated estate and of the bundled example, before and after a seeded random change,
 * checked in turn through one compiler, as a what-if checks them.
 */
class ComputeProbePlanesTest {
  @TempDir
  static Path dir;
  static ArmResources estate;
  static ArmResources example;

  @BeforeAll
  static void load() throws IOException {
    estate = ArmResources.read(new EstateGenerator(new EstateGenerator.Settings(30, 2, 8, 7, 10)).writeTo(dir), false);
    example = WhatIfFixtures.example();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void derivedPlanes_answerAsCompiledOnes(long seed) {
    RequirementPack pack = RequirementPacks.bundled();
    AmlCheck scratch = new AmlCheck(WhatIfFixtures.catalog(), FqdnCatalog.bundled(),
        t -> DataPlaneEngine.compile(t, WhatIfFixtures.tags()));
    for (ArmResources base : List.of(example, estate)) {
      ChangeSet cs = ChangeFile.apply(base, new TopologyReader.Source("random-" + seed + ".json",
          RandomChanges.patch(base, new SplittableRandom(seed))));
      IncrementalCompiler compiler = new IncrementalCompiler(WhatIfFixtures.tags());
      AmlCheck derived = new AmlCheck(WhatIfFixtures.catalog(), FqdnCatalog.bundled(), compiler);
      int checked = 0;
      for (Topology t : List.of(cs.before(), cs.after(), cs.before())) {
        for (ComputeTarget c : targets(t)) {
          Optional<ComputeReport> expected = scratch.check(t, c, pack, false);
          assertThat(derived.check(t, c, pack, false)).as("seed %d, %s", seed, c.name()).isEqualTo(expected);
          checked += expected.isPresent() ? 1 : 0;
        }
      }
      assertThat(checked).as("computes checked").isGreaterThanOrEqualTo(6);
    }
  }

  private static List<ComputeTarget> targets(Topology t) {
    List<ComputeTarget> out = new ArrayList<>();
    for (AmlCompute c : t.amlComputes().values()) {
      c.subnet().ifPresent(s -> out.add(ComputeTarget.of(c, t.subnet(s).flatMap(t::virtualNetworkOf)
          .map(v -> v.location()).orElse(""))));
    }
    return out;
  }
}
