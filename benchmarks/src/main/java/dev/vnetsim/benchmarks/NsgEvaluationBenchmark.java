package dev.vnetsim.benchmarks;

import dev.vnetsim.benchmarks.fixtures.SyntheticNetworks;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.Topology;
import dev.vnetsim.simulator.policy.CompiledNsg;
import dev.vnetsim.simulator.policy.LinearNsgEvaluator;
import dev.vnetsim.simulator.policy.NsgResolver;
import dev.vnetsim.simulator.policy.ResolvedNsg;
import dev.vnetsim.simulator.policy.ResolvedRule;
import dev.vnetsim.simulator.resolve.AddressResolver;
import dev.vnetsim.simulator.resolve.VirtualTags;
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
 * NSG first-match evaluation at 10/100/1000 rules (prefix lists, synthetic service tags, VirtualNetwork/Internet, port
 * lists, Azure's default rules): the compiled bit-vector classifier against the sort-and-scan evaluator over
 * int-encoded rules (performance.md T4), on the same 2^22-packet stream aimed at early, middle and late rules and the
 * defaults. The setup checks both pick the same rule on a sample.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar NsgEvaluationBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
public class NsgEvaluationBenchmark {

  /** Implementation under test. */
  public enum Impl {
    COMPILED,
    SORT_AND_SCAN
  }

  static final int LOG2 = 22;
  static final int MASK = (1 << LOG2) - 1;

  @Param({"10", "100", "1000"})
  int rules;

  @Param({"COMPILED", "SORT_AND_SCAN"})
  Impl impl;

  int[] src;
  int[] dst;
  int[] protocol;
  int[] srcPort;
  int[] dstPort;
  CompiledNsg compiled;
  LinearNsgEvaluator linear;

  /** Per-thread position in the stream. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  @Setup(Level.Trial)
  public void setup() {
    AddressResolver resolver = new AddressResolver(Topology.builder().build(), SyntheticNetworks.tags(7));
    IpSet vnet = IpSet.parse("10.0.0.0/8", "168.63.129.16/32");
    VirtualTags context = new VirtualTags(vnet, VirtualTags.PUBLIC.difference(vnet), VirtualTags.HOST_VIP);
    ResolvedNsg nsg = NsgResolver.resolve(SyntheticNetworks.nsg("bench", 3, rules, Direction.INBOUND),
        Direction.INBOUND, context, resolver);
    compiled = CompiledNsg.compile(nsg);
    linear = new LinearNsgEvaluator(nsg);
    int n = 1 << LOG2;
    src = new int[n];
    dst = new int[n];
    protocol = new int[n];
    srcPort = new int[n];
    dstPort = new int[n];
    Random r = new Random(5);
    List<ResolvedRule> list = nsg.rules();
    Protocol[] ps = {Protocol.TCP, Protocol.UDP, Protocol.ICMP};
    for (int i = 0; i < n; i++) {
      ResolvedRule rule = list.get(r.nextInt(list.size()));
      boolean aim = r.nextInt(4) != 0;
      src[i] = aim ? pick(r, rule.source()) : r.nextInt();
      dst[i] = aim ? pick(r, rule.destination()) : r.nextInt();
      Protocol p = aim && rule.protocols().size() < 5 ? rule.protocols().asList().get(0) : ps[r.nextInt(3)];
      protocol[i] = p.ordinal();
      srcPort[i] = 1024 + r.nextInt(64000);
      dstPort[i] = aim && !rule.destinationPorts().isEmpty() ? rule.destinationPorts().span().lowerEndpoint()
          : r.nextInt(65536);
    }
    for (int i = 0; i < 200_000; i++) {
      if (compiled.matchV4(src[i], dst[i], protocol[i], srcPort[i], dstPort[i])
          != linear.matchV4(src[i], dst[i], protocol[i], srcPort[i], dstPort[i])) {
        throw new IllegalStateException("compiled and sort-and-scan disagree at packet " + i);
      }
    }
  }

  private static int pick(Random r, IpSet s) {
    long[] ranges = s.v4Ranges();
    if (ranges.length == 0) {
      return r.nextInt();
    }
    int k = r.nextInt(ranges.length / 2) * 2;
    return (int) (ranges[k] + (long) (r.nextDouble() * (ranges[k + 1] - ranges[k] + 1)));
  }

  @Benchmark
  public int evaluate(Cursor c) {
    int i = c.next++ & MASK;
    if (impl == Impl.COMPILED) {
      return compiled.matchV4(src[i], dst[i], protocol[i], srcPort[i], dstPort[i]);
    }
    return linear.matchV4(src[i], dst[i], protocol[i], srcPort[i], dstPort[i]);
  }
}
