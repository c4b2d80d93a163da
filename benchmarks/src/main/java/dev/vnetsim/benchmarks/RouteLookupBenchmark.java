package dev.vnetsim.benchmarks;

import dev.vnetsim.benchmarks.fixtures.SyntheticNetworks;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.Topology;
import dev.vnetsim.simulator.engine.DataPlane;
import dev.vnetsim.simulator.routing.EffectiveRoute;
import dev.vnetsim.simulator.routing.EffectiveRouteTable;
import dev.vnetsim.simulator.routing.RouteState;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv4.IPv4AddressAssociativeTrie;
import java.util.ArrayList;
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
 * Longest-prefix match over a subnet's effective routes (400 user routes plus system and peering routes): our flat
 * {@code Fib} against IPAddress's {@code IPv4AddressAssociativeTrie.longestPrefixMatchNode} (performance.md T2/§4), on
 * the same 2^22-address stream (half in-table hosts, half uniform), built once per trial from a fixed seed. The setup
 * checks both give the same route on a sample.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar RouteLookupBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+UseParallelGC"})
public class RouteLookupBenchmark {

  /** Implementation under test. */
  public enum Impl {
    FIB,
    IPADDRESS_TRIE
  }

  static final int LOG2 = 22;
  static final int MASK = (1 << LOG2) - 1;

  @Param({"FIB", "IPADDRESS_TRIE"})
  Impl impl;

  @Param({"400"})
  int udrs;

  int[] addresses;
  IPv4Address[] keys;
  EffectiveRouteTable table;
  IPv4AddressAssociativeTrie<Integer> trie;

  /** Per-thread position in the stream. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  @Setup(Level.Trial)
  public void setup() {
    Topology t = SyntheticNetworks.hubAndSpokes(42, 2, 1, 0, udrs);
    DataPlane dp = DataPlane.compile(t, SyntheticNetworks.tags(7));
    table = dp.subnet(SyntheticNetworks.id("virtualNetworks", "spoke1").child("subnets", "workload")).orElseThrow()
        .routes();
    List<Cidr> prefixes = new ArrayList<>();
    trie = new IPv4AddressAssociativeTrie<>();
    for (int i = 0; i < table.routes().size(); i++) {
      EffectiveRoute r = table.route(i);
      if (r.state() != RouteState.ACTIVE) {
        continue;
      }
      for (Cidr c : r.addressPrefix()) {
        if (c.network().isV4()) {
          prefixes.add(c);
          trie.put(new IPAddressString(c.toString()).getAddress().toIPv4().toPrefixBlock(), i);
        }
      }
    }
    addresses = SyntheticNetworks.addressStream(11, LOG2, prefixes);
    if (impl == Impl.IPADDRESS_TRIE) {
      keys = new IPv4Address[addresses.length];
      for (int i = 0; i < addresses.length; i++) {
        keys[i] = new IPv4Address(addresses[i]);
      }
    }
    for (int i = 0; i < 200_000; i++) {
      int a = addresses[i];
      int expected = trie.longestPrefixMatchNode(new IPv4Address(a)).getValue();
      if (table.lookupV4(a) != expected) {
        throw new IllegalStateException("FIB and trie disagree on " + new IPv4Address(a));
      }
    }
  }

  @Benchmark
  public int lookup(Cursor c) {
    int i = c.next++ & MASK;
    if (impl == Impl.FIB) {
      return table.lookupV4(addresses[i]);
    }
    return trie.longestPrefixMatchNode(keys[i]).getValue();
  }

}
