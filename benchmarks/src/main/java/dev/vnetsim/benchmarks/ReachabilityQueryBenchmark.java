package dev.vnetsim.benchmarks;

import dev.vnetsim.benchmarks.fixtures.ReferenceFlowEvaluator;
import dev.vnetsim.benchmarks.fixtures.SyntheticNetworks;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.simulator.engine.DataPlane;
import dev.vnetsim.simulator.engine.DataPlaneEngine;
import dev.vnetsim.simulator.engine.NicPlane;
import dev.vnetsim.simulator.trace.Flow;
import dev.vnetsim.simulator.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * One concrete query "can NIC X reach address Y on protocol/port" with the full trace built (not rendered), on a hub
 * with 10 peered spokes, 1000-rule subnet and NIC NSGs per direction and 400-route UDR tables: the engine over the
 * compiled data plane against a straightforward evaluator built from IPAddress tries and linear rule scans
 * (performance.md T5). Flows: same spoke, other spoke through the hub appliance (3 VNets), and Internet / UDR
 * destinations, from a fixed seed; the setup checks both agree on the disposition for a sample.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ReachabilityQueryBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
public class ReachabilityQueryBenchmark {

  /** Implementation under test. */
  public enum Impl {
    ENGINE,
    REFERENCE
  }

  static final int LOG2 = 22;
  static final int MASK = (1 << LOG2) - 1;

  @Param({"ENGINE", "REFERENCE"})
  Impl impl;

  @Param({"1000"})
  int rules;

  DataPlaneEngine engine;
  ReferenceFlowEvaluator reference;
  NicPlane[] nics;
  ResourceId[] nicIds;
  int[] from;
  int[] dst;
  Protocol[] protocol;
  int[] dstPort;

  /** Per-thread position in the stream. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  @Setup(Level.Trial)
  public void setup() {
    Topology t = SyntheticNetworks.hubAndSpokes(42, 10, 4, rules, 400);
    DataPlane dp = DataPlane.compile(t, SyntheticNetworks.tags(7));
    engine = new DataPlaneEngine(dp);
    reference = new ReferenceFlowEvaluator(dp);
    List<NicPlane> spokeNics = new ArrayList<>();
    dp.nics().stream().filter(n -> !n.ipForwarding()).forEach(spokeNics::add);
    nics = spokeNics.toArray(new NicPlane[0]);
    nicIds = spokeNics.stream().map(n -> n.nic().id()).toArray(ResourceId[]::new);
    List<Cidr> udrPrefixes = new ArrayList<>();
    t.routeTables().values().forEach(rt -> rt.routes().forEach(r -> {
      if (r.addressPrefix() instanceof dev.vnetsim.model.AddressMatch.Prefix p) {
        udrPrefixes.add(p.cidr());
      }
    }));
    int n = 1 << LOG2;
    from = new int[n];
    dst = new int[n];
    protocol = new Protocol[n];
    dstPort = new int[n];
    int[] outside = SyntheticNetworks.addressStream(13, LOG2, udrPrefixes);
    Random r = new Random(9);
    Protocol[] ps = {Protocol.TCP, Protocol.TCP, Protocol.UDP, Protocol.ICMP};
    for (int i = 0; i < n; i++) {
      from[i] = r.nextInt(nics.length);
      int kind = r.nextInt(3);
      dst[i] = kind == 2 ? outside[i] : nics[kind == 0 ? from[i] : r.nextInt(nics.length)].addresses()
          .firstAddress().v4Bits();
      protocol[i] = ps[r.nextInt(ps.length)];
      dstPort[i] = r.nextInt(4) == 0 ? new int[] {22, 80, 443, 1433}[r.nextInt(4)] : r.nextInt(65536);
    }
    for (int i = 0; i < 20_000; i++) {
      Trace tr = trace(i);
      var expected = reference.evaluate(nics[from[i]], dst[i], protocol[i], 40000, dstPort[i]);
      if (tr.disposition() != expected) {
        throw new IllegalStateException("engine " + tr.disposition() + " vs reference " + expected + " for flow "
            + i);
      }
    }
  }

  private Trace trace(int i) {
    NicPlane src = nics[from[i]];
    return engine.trace(nicIds[from[i]], new Flow(src.addresses().firstAddress(), IpAddress.v4(dst[i]), protocol[i],
        40000, dstPort[i]));
  }

  @Benchmark
  public Object query(Cursor c) {
    int i = c.next++ & MASK;
    if (impl == Impl.ENGINE) {
      return trace(i);
    }
    return reference.evaluate(nics[from[i]], dst[i], protocol[i], 40000, dstPort[i]);
  }
}
