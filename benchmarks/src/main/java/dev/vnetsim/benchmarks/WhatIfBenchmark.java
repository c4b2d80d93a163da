package dev.vnetsim.benchmarks;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.benchmarks.fixtures.Estates;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.io.TopologyReader;
import dev.vnetsim.model.io.change.ArmResources;
import dev.vnetsim.model.io.change.ChangeFile;
import dev.vnetsim.model.io.change.ChangeSet;
import dev.vnetsim.servicetag.ServiceTagCatalog;
import dev.vnetsim.simulator.whatif.RequirementFlows;
import dev.vnetsim.simulator.whatif.WhatIf;
import dev.vnetsim.simulator.whatif.WhatIfReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code whatif} after one changed NSG rule (the first rule of the middle spoke's NSG removed) on a generated estate
 * (hub with Azure Firewall, peered spokes, shared NSGs, forced tunnelling; fixed seed): the full differential
 * (both sides compiled in full, every flow simulated on both) against the incremental one (the after data plane
 * recompiled from the before one, after traces reused where the change cannot reach them:
 * {@code dev.vnetsim.simulator.whatif.Impact}). Requirement rows are left out (aml-check's own cost). The data plane
 * update alone, at 1,000 VNets, is {@link IncrementalRecompileBenchmark}.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar WhatIfBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
public class WhatIfBenchmark {

  /** Implementation under test. */
  public enum Mode {
    FULL,
    INCREMENTAL
  }

  @Param({"FULL", "INCREMENTAL"})
  Mode mode;

  @Param({"3", "6"})
  int vnets;

  Path dir;
  ChangeSet changes;
  WhatIf.Options options;

  @Setup(Level.Trial)
  public void setup() {
    dir = Estates.write(vnets, 3, 20, 42);
    ArmResources before = ArmResources.read(List.of(dir), false);
    ResourceId nsg = before.topology().networkSecurityGroups().keySet().stream().sorted()
        .skip(before.topology().networkSecurityGroups().size() / 2).findFirst().orElseThrow();
    String patch = "[{\"op\":\"remove\",\"path\":\"" + nsg.value() + "/properties/securityRules/0\"}]";
    changes = ChangeFile.apply(before, new TopologyReader.Source("remove-rule.json", patch));
    ServiceTagCatalog catalog = Estates.catalog();
    options = new WhatIf.Options(Estates.lookup(catalog), (text, t, tags) -> {
      throw new IllegalArgumentException("no intents here: " + text);
    }, ImmutableList.of(), RequirementFlows.none(), "estate", "remove-rule.json", mode == Mode.INCREMENTAL);
    WhatIfReport full = WhatIf.analyse(changes, options.withIncremental(false));
    WhatIfReport incremental = WhatIf.analyse(changes, options.withIncremental(true));
    if (!full.changes().equals(incremental.changes())) {
      throw new IllegalStateException("incremental and full what-if disagree");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    Estates.deleteRecursively(dir);
  }

  @Benchmark
  public WhatIfReport whatif() {
    return WhatIf.analyse(changes, options);
  }
}
