package dev.vnetsim.benchmarks;

import dev.vnetsim.benchmarks.fixtures.Estates;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.io.TopologyReader;
import dev.vnetsim.simulator.engine.DataPlaneEngine;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a synthetic estate (hub and spokes, 10 subnets per VNet, 100-rule NSGs; {@code vnetsim generate}) and
 * compiling it into a data plane. The 10,000-VNet point is measured by {@link ScaleReport}, not here.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar TopologyLoad -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class TopologyLoadBenchmark {

  @Param({"100", "1000"})
  int vnets;

  Path dir;
  Topology topology;
  ServiceTagLookup tags;

  @Setup(Level.Trial)
  public void setUp() {
    dir = Estates.write(vnets, 10, 100, 42);
    tags = Estates.lookup(Estates.catalog());
    topology = TopologyReader.read(List.of(dir)).topology();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    Estates.deleteRecursively(dir);
  }

  @Benchmark
  public Topology read() {
    return TopologyReader.read(List.of(dir)).topology();
  }

  @Benchmark
  public DataPlaneEngine compile() {
    return DataPlaneEngine.compile(topology, tags);
  }
}
