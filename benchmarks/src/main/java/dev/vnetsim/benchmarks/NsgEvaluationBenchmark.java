package dev.vnetsim.benchmarks;

import com.google.common.collect.Range;
import dev.vnetsim.benchmarks.fixtures.SyntheticNetworks;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.Topology;
import dev.vnetsim.simulator.policy.CompiledNsg;
import dev.vnetsim.simulator.policy.LinearNsgEvaluator;
import dev.vnetsim.simulator.policy.NsgCompiler;
import dev.vnetsim.simulator.policy.NsgResolver;
import dev.vnetsim.simulator.policy.ResolvedNsg;
import dev.vnetsim.simulator.policy.ResolvedRule;
import dev.vnetsim.simulator.resolve.AddressResolver;
import dev.vnetsim.simulator.resolve.VirtualTags;
import java.util.List;
import java.util.Locale;
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
 * NSG first-match evaluation at 10/100/1000 custom rules of real shapes (service tags, VirtualNetwork, prefix lists,
 * port lists; {@link SyntheticNetworks#classifierNsg}) plus Azure's default rules: the compiled bit-vector classifier
 * against the sort-and-scan evaluator over int-encoded rules (performance.md T4: rules sorted by priority once, then a
 * linear scan with per-rule range checks), on the same 2^22-packet stream for all; the compiled classifier both as
 * {@link CompiledNsg#compile} builds it and as a data plane does ({@code COMPILED_SHARED}). Two streams:
 * <ul>
 *   <li>{@code SPREAD}: each field drawn on its own, half the time uniformly over its whole space and half the time
 *       from a random rule's values (an address inside a random rule's set, a port inside a random rule's ports):
 *       packets over the whole space, most of them decided by the default rules;</li>
 *   <li>{@code AIMED}: each packet aimed at one random rule (each field inside that rule's values, else uniform one
 *       time in four), so that early, middle and late rules are hit.</li>
 * </ul>
 * Setup prints where the packets' first matches land and checks that both evaluators agree on a sample.
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
    /** {@link CompiledNsg#compile}: one interval list per dimension. */
    COMPILED,
    /** As compiled in a data plane ({@link NsgCompiler}): service-tag partitions apart, product tables. */
    COMPILED_SHARED,
    SORT_AND_SCAN
  }

  /** How packets are drawn (see the class comment). */
  public enum Stream {
    SPREAD,
    AIMED
  }

  static final int LOG2 = 22;
  static final int MASK = (1 << LOG2) - 1;

  @Param({"10", "100", "1000"})
  int rules;

  @Param({"COMPILED", "COMPILED_SHARED", "SORT_AND_SCAN"})
  Impl impl;

  @Param({"SPREAD", "AIMED"})
  Stream stream;

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
    ResolvedNsg nsg = NsgResolver.resolve(SyntheticNetworks.classifierNsg("bench", 3, rules, Direction.INBOUND),
        Direction.INBOUND, context, resolver);
    compiled = impl == Impl.COMPILED_SHARED ? new NsgCompiler().compile(nsg) : CompiledNsg.compile(nsg);
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
      boolean aimed = stream == Stream.AIMED;
      ResolvedRule target = list.get(r.nextInt(list.size()));
      src[i] = uniform(r, aimed) ? r.nextInt() : pick(r, (aimed ? target : any(r, list)).source());
      dst[i] = uniform(r, aimed) ? r.nextInt() : pick(r, (aimed ? target : any(r, list)).destination());
      protocol[i] = aimed && target.protocols().size() < 3 ? target.protocols().asList().get(0).ordinal()
          : ps[r.nextInt(3)].ordinal();
      srcPort[i] = 1024 + r.nextInt(64512);
      dstPort[i] = uniform(r, aimed) ? r.nextInt(65536) : pickPort(r, aimed ? target : any(r, list));
    }
    report(list);
  }

  private static boolean uniform(Random r, boolean aimed) {
    return aimed ? r.nextInt(4) == 0 : r.nextBoolean();
  }

  private static ResolvedRule any(Random r, List<ResolvedRule> list) {
    return list.get(r.nextInt(list.size()));
  }

  /** Checks both evaluators on a sample and prints where first matches land. */
  private void report(List<ResolvedRule> list) {
    int[] where = new int[5]; // first, second, third, last quarter of the custom rules; default rules
    int custom = (int) list.stream().filter(x -> !x.rule().isDefault()).count();
    int sample = 200_000;
    for (int i = 0; i < sample; i++) {
      int c = compiled.matchV4(src[i], dst[i], protocol[i], srcPort[i], dstPort[i]);
      if (c != linear.matchV4(src[i], dst[i], protocol[i], srcPort[i], dstPort[i])) {
        throw new IllegalStateException("compiled and sort-and-scan disagree at packet " + i);
      }
      where[c < 0 || c >= custom ? 4 : 4 * c / Math.max(1, custom)]++;
    }
    System.out.printf(Locale.ROOT, "%n%d rules, %s: first match in custom-rule quarters %.1f%% %.1f%% %.1f%% %.1f%%,"
        + " default rules %.1f%%; compiled tables %d KB%n", rules, stream, 100.0 * where[0] / sample,
        100.0 * where[1] / sample, 100.0 * where[2] / sample, 100.0 * where[3] / sample, 100.0 * where[4] / sample,
        compiled.tableBytes() >> 10);
  }

  private static int pickPort(Random r, ResolvedRule rule) {
    List<Range<Integer>> ranges = rule.destinationPorts().asRanges().asList();
    Range<Integer> x = ranges.get(r.nextInt(ranges.size()));
    return x.lowerEndpoint() + r.nextInt(x.upperEndpoint() - x.lowerEndpoint());
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
    if (impl != Impl.SORT_AND_SCAN) {
      return compiled.matchV4(src[i], dst[i], protocol[i], srcPort[i], dstPort[i]);
    }
    return linear.matchV4(src[i], dst[i], protocol[i], srcPort[i], dstPort[i]);
  }
}
