package dev.vnetsim.benchmarks;

import dev.vnetsim.benchmarks.fixtures.Estates;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.io.TopologyReader;
import dev.vnetsim.model.io.change.ArmResources;
import dev.vnetsim.model.io.change.ChangeFile;
import dev.vnetsim.model.io.change.ChangeSet;
import dev.vnetsim.model.io.change.ResourceChange;
import dev.vnetsim.simulator.engine.DataPlane;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
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

/**
 * Updating the compiled data plane after one changed NSG rule (the first rule of the middle spoke's NSG removed; that
 * NSG is shared by the spoke's subnets) on a generated estate of {@code vnets} VNets with 10 subnets and 100-rule NSGs
 * each (hub with Azure Firewall, peered spokes, forced tunnelling, private endpoints; fixed seed): the incremental
 * {@code DataPlane.recompile} from the data plane before the change (only the planes the change touches are rebuilt)
 * against a full {@code DataPlane.compile} of the changed topology, in the same run. Both answer every query the same
 * (checked on seeded random changes by {@code RecompileTest}). Targets at 1,000 VNets: incremental ≤ 50 µs median and
 * ≥ 100× faster than the full rebuild.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar IncrementalRecompileBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
public class IncrementalRecompileBenchmark {

  /** Implementation under test. */
  public enum Update {
    FULL,
    INCREMENTAL
  }

  @Param({"FULL", "INCREMENTAL"})
  Update update;

  @Param({"1000"})
  int vnets;

  ServiceTagLookup tags;
  DataPlane before;
  Topology after;
  List<ResourceId> changed;

  @Setup(Level.Trial)
  public void setup() {
    Path dir = Estates.write(vnets, 10, 100, 42);
    try {
      ArmResources estate = ArmResources.read(List.of(dir), false);
      ResourceId nsg = estate.topology().networkSecurityGroups().keySet().stream().sorted()
          .skip(estate.topology().networkSecurityGroups().size() / 2).findFirst().orElseThrow();
      String patch = "[{\"op\":\"remove\",\"path\":\"" + nsg.value() + "/properties/securityRules/0\"}]";
      ChangeSet cs = ChangeFile.apply(estate, new TopologyReader.Source("remove-rule.json", patch));
      tags = Estates.lookup(Estates.catalog());
      before = DataPlane.compile(cs.before(), tags);
      after = cs.after();
      changed = cs.changes().stream().map(ResourceChange::resourceId).toList();
      DataPlane incremental = DataPlane.recompile(before, after, changed);
      long shared = java.util.stream.IntStream.range(0, before.subnets().size())
          .filter(i -> incremental.subnets().get(i) == before.subnets().get(i)).count();
      if (shared == before.subnets().size() || shared < before.subnets().size() / 2) {
        throw new IllegalStateException("the change should rebuild a few subnet planes, shared " + shared + " of "
            + before.subnets().size());
      }
    } finally {
      Estates.deleteRecursively(dir);
    }
  }

  @Benchmark
  public DataPlane update() {
    return update == Update.INCREMENTAL ? DataPlane.recompile(before, after, changed)
        : DataPlane.compile(after, tags);
  }
}
