package dev.vnetsim.benchmarks;

import com.google.common.collect.TreeRangeMap;
import dev.vnetsim.benchmarks.fixtures.ServiceTagFixtures;
import dev.vnetsim.benchmarks.fixtures.ServiceTagFixtures.U128;
import dev.vnetsim.servicetag.ServiceTagCatalog;
import dev.vnetsim.servicetag.ServiceTagReader;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv4.IPv4AddressAssociativeTrie;
import inet.ipaddr.ipv6.IPv6Address;
import inet.ipaddr.ipv6.IPv6AddressAssociativeTrie;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Address to service tags over the real Public file ({@code ServiceTags_Public_20251020.json}: 68,933 IPv4 and
 * 24,429 IPv6 prefixes in 3,039 tags), our flat index against two peers in the same run, on the same prefixes and
 * the same seeded stream of 2^22 addresses drawn from those prefixes:
 *
 * <ul>
 *   <li>{@code OURS}: {@link ServiceTagCatalog#lookupV4(int)} / {@link ServiceTagCatalog#lookupV6(long, long)};
 *   <li>{@code IPADDRESS_TRIE}: an IPAddress associative trie of every distinct prefix whose values are the tag-set
 *       id of all tags containing that prefix, so that one {@code longestPrefixMatchNode} gives the full answer;
 *   <li>{@code GUAVA_RANGEMAP}: a Guava {@code TreeRangeMap} of the elementary intervals to tag-set ids.
 * </ul>
 *
 * All three return our tag-set id for each address, which {@code @Setup} checks on the first 2^16 addresses. One
 * invocation looks up {@value #BATCH} consecutive addresses of the stream; scores are per address. Peers get
 * pre-built key objects, so they are measured on lookups, not on parsing. {@link #loadPublic} measures reading and
 * indexing the whole file.
 *
 * <p>Run from the repository root (the data folder defaults to {@code ../shared/data}; override with
 * {@code -Dvnetsim.shared.data=DIR}):
 *
 * <pre>
 * mvn -B -q -DskipTests install
 * java -jar benchmarks/target/benchmarks.jar ServiceTagLookup -prof gc
 * java -jar benchmarks/target/benchmarks.jar ServiceTagLookup -f 1 -wi 2 -i 3 -w 2s -r 2s -prof gc   # quick
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC", "-XX:+AlwaysPreTouch"})
public class ServiceTagLookupBenchmark {
  static final int STREAM_BITS = 22;
  static final int STREAM_SIZE = 1 << STREAM_BITS;
  static final int BATCH = 1024;
  static final long SEED = 0x5EED_7A65L;
  private static final int CHECKED = 1 << 16;

  public enum Variant { OURS, IPADDRESS_TRIE, GUAVA_RANGEMAP }

  /** Position in the address stream; each thread walks it in batches. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    int advance() {
      int from = next;
      next = (from + BATCH) & (STREAM_SIZE - 1);
      return from;
    }
  }

  @State(Scope.Benchmark)
  public static class V4 {
    @Param
    Variant variant;

    ServiceTagCatalog catalog;
    int[] stream;
    IPv4Address[] trieKeys;
    IPv4AddressAssociativeTrie<Integer> trie;
    Long[] rangeKeys;
    TreeRangeMap<Long, Integer> rangeMap;
    final int[] out = new int[BATCH];

    @Setup(Level.Trial)
    public void setUp() {
      catalog = ServiceTagFixtures.load(ServiceTagFixtures.PUBLIC_FILE);
      stream = ServiceTagFixtures.v4Stream(catalog, STREAM_SIZE, SEED);
      switch (variant) {
        case OURS -> { }
        case IPADDRESS_TRIE -> {
          trie = ServiceTagFixtures.v4Trie(catalog);
          trieKeys = ServiceTagFixtures.v4Keys(stream);
        }
        case GUAVA_RANGEMAP -> {
          rangeMap = ServiceTagFixtures.v4RangeMap(catalog);
          rangeKeys = ServiceTagFixtures.v4RangeKeys(stream);
        }
      }
      for (int from = 0; from < CHECKED; from += BATCH) {
        int[] got = lookup(from);
        for (int i = 0; i < BATCH; i++) {
          int expected = catalog.lookupV4(stream[from + i]);
          if (got[i] != expected) {
            throw new IllegalStateException(variant + " answers set " + got[i] + " " + catalog.tagSet(got[i])
                + " for " + new IPv4Address(stream[from + i])
                + ", expected " + expected + " " + catalog.tagSet(expected));
          }
        }
      }
    }

    int[] lookup(int from) {
      return switch (variant) {
        case OURS -> ours(from);
        case IPADDRESS_TRIE -> trie(from);
        case GUAVA_RANGEMAP -> rangeMap(from);
      };
    }

    private int[] ours(int from) {
      ServiceTagCatalog c = catalog;
      int[] s = stream;
      int[] o = out;
      for (int i = 0; i < BATCH; i++) {
        o[i] = c.lookupV4(s[from + i]);
      }
      return o;
    }

    private int[] trie(int from) {
      IPv4AddressAssociativeTrie<Integer> t = trie;
      IPv4Address[] k = trieKeys;
      int[] o = out;
      for (int i = 0; i < BATCH; i++) {
        var node = t.longestPrefixMatchNode(k[from + i]);
        o[i] = node == null ? 0 : node.getValue();
      }
      return o;
    }

    private int[] rangeMap(int from) {
      TreeRangeMap<Long, Integer> m = rangeMap;
      Long[] k = rangeKeys;
      int[] o = out;
      for (int i = 0; i < BATCH; i++) {
        Integer id = m.get(k[from + i]);
        o[i] = id == null ? 0 : id;
      }
      return o;
    }
  }

  @State(Scope.Benchmark)
  public static class V6 {
    @Param
    Variant variant;

    ServiceTagCatalog catalog;
    long[] stream;
    IPv6Address[] trieKeys;
    IPv6AddressAssociativeTrie<Integer> trie;
    U128[] rangeKeys;
    TreeRangeMap<U128, Integer> rangeMap;
    final int[] out = new int[BATCH];

    @Setup(Level.Trial)
    public void setUp() {
      catalog = ServiceTagFixtures.load(ServiceTagFixtures.PUBLIC_FILE);
      stream = ServiceTagFixtures.v6Stream(catalog, STREAM_SIZE, SEED);
      switch (variant) {
        case OURS -> { }
        case IPADDRESS_TRIE -> {
          trie = ServiceTagFixtures.v6Trie(catalog);
          trieKeys = ServiceTagFixtures.v6Keys(stream);
        }
        case GUAVA_RANGEMAP -> {
          rangeMap = ServiceTagFixtures.v6RangeMap(catalog);
          rangeKeys = ServiceTagFixtures.v6RangeKeys(stream);
        }
      }
      for (int from = 0; from < CHECKED; from += BATCH) {
        int[] got = lookup(from);
        for (int i = 0; i < BATCH; i++) {
          int a = from + i;
          int expected = catalog.lookupV6(stream[2 * a], stream[2 * a + 1]);
          if (got[i] != expected) {
            throw new IllegalStateException(variant + " answers set " + catalog.tagSet(got[i]) + " for "
                + new IPv6Address(stream[2 * a], stream[2 * a + 1]) + ", expected " + catalog.tagSet(expected));
          }
        }
      }
    }

    int[] lookup(int from) {
      return switch (variant) {
        case OURS -> ours(from);
        case IPADDRESS_TRIE -> trie(from);
        case GUAVA_RANGEMAP -> rangeMap(from);
      };
    }

    private int[] ours(int from) {
      ServiceTagCatalog c = catalog;
      long[] s = stream;
      int[] o = out;
      for (int i = 0; i < BATCH; i++) {
        int a = 2 * (from + i);
        o[i] = c.lookupV6(s[a], s[a + 1]);
      }
      return o;
    }

    private int[] trie(int from) {
      IPv6AddressAssociativeTrie<Integer> t = trie;
      IPv6Address[] k = trieKeys;
      int[] o = out;
      for (int i = 0; i < BATCH; i++) {
        var node = t.longestPrefixMatchNode(k[from + i]);
        o[i] = node == null ? 0 : node.getValue();
      }
      return o;
    }

    private int[] rangeMap(int from) {
      TreeRangeMap<U128, Integer> m = rangeMap;
      U128[] k = rangeKeys;
      int[] o = out;
      for (int i = 0; i < BATCH; i++) {
        Integer id = m.get(k[from + i]);
        o[i] = id == null ? 0 : id;
      }
      return o;
    }
  }

  @State(Scope.Benchmark)
  public static class PublicFile {
    Path file;

    @Setup(Level.Trial)
    public void setUp() {
      file = ServiceTagFixtures.serviceTagFile(ServiceTagFixtures.PUBLIC_FILE);
    }
  }

  /** IPv4 address to tag-set id; score per address. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int[] lookupV4(V4 data, Cursor cursor) {
    return data.lookup(cursor.advance());
  }

  /** IPv6 address to tag-set id; score per address. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int[] lookupV6(V6 data, Cursor cursor) {
    return data.lookup(cursor.advance());
  }

  /** Reading the 4 MB Public file and building every index, from the file on disk. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 5)
  @Measurement(iterations = 10)
  public ServiceTagCatalog loadPublic(PublicFile data) {
    return ServiceTagReader.read(data.file);
  }
}
