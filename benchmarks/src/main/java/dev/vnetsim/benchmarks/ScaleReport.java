package dev.vnetsim.benchmarks;

import dev.vnetsim.benchmarks.fixtures.Estates;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.io.TopologyReader;
import dev.vnetsim.simulator.engine.DataPlaneEngine;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Load + compile time and retained heap for growing estates (10 subnets per VNet, 100-rule NSGs), one JVM per size
 * so that sizes do not share a heap: run it once per size.
 *
 * <pre>
 * for n in 100 1000 10000; do
 *   java -Xmx8g -cp benchmarks/target/benchmarks.jar dev.vnetsim.benchmarks.ScaleReport $n
 * done
 * </pre>
 *
 * Prints one Markdown row: VNets, subnets, read s, compile s, total s, retained heap MB (after a full GC, with
 * the topology and the compiled data plane alive), then, because the machine may be shared and wall time noisy, the
 * main thread's CPU seconds for read and for compile and the GC pause seconds over both.
 */
public final class ScaleReport {
  private ScaleReport() {}

  public static void main(String[] args) {
    int vnets = Integer.parseInt(args[0]);
    Path dir = Estates.write(vnets, 10, 100, 42);
    try {
      ServiceTagLookup tags = Estates.lookup(Estates.catalog());
      long heapBefore = retainedHeap();
      long gc0 = gcMillis();
      long c0 = cpu();
      long t0 = System.nanoTime();
      Topology topology = TopologyReader.read(List.of(dir)).topology();
      long c1 = cpu();
      long t1 = System.nanoTime();
      DataPlaneEngine engine = DataPlaneEngine.compile(topology, tags);
      long c2 = cpu();
      long t2 = System.nanoTime();
      long gc = gcMillis() - gc0;
      long heap = retainedHeap() - heapBefore;
      System.out.printf(Locale.ROOT, "| %,d | %,d | %.1f | %.1f | %.1f | %,d | %.1f | %.1f | %.1f |%n", vnets,
          topology.subnets().size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9, heap >> 20, (c1 - c0) / 1e9,
          (c2 - c1) / 1e9, gc / 1e3);
      if (engine.dataPlane() == null) {
        throw new AssertionError();
      }
    } finally {
      Estates.deleteRecursively(dir);
    }
  }

  private static long cpu() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static long gcMillis() {
    long t = 0;
    for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
      t += Math.max(0, b.getCollectionTime());
    }
    return t;
  }

  private static long retainedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
