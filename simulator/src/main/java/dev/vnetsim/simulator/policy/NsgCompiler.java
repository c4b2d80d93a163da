package dev.vnetsim.simulator.policy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Range;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.simulator.trace.FlowBox;
import dev.vnetsim.simulator.trace.FlowSpace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles resolved NSGs into {@link CompiledNsg}s, sharing work across the NSGs of one compile (a data plane keeps
 * one compiler; it is not thread-safe, the results are immutable):
 * <ul>
 *   <li>NSGs whose rules have equal match fields (addresses as resolved, protocols, ports) share one
 *       {@link NsgTables}: the cache is keyed on the resolved inputs, not on NSG ids;</li>
 *   <li>address sets of {@value #LARGE} or more ranges (service tags, in practice) are partitioned once per distinct
 *       group of such sets ({@link Partition}) and shared. An NSG then stores only its small sets' intervals and a
 *       table from (small-set class, large-set class) to rule row when that saves memory ({@link Encoded#of}: two
 *       lookups per address instead of one); otherwise one merged interval list, as {@link #standalone} always
 *       does;</li>
 *   <li>{@link #share} makes equal rule values (sets of addresses, protocols, ports; rule names) one instance across
 *       NSGs.</li>
 * </ul>
 */
public final class NsgCompiler {
  static final int LARGE = 32;

  private record Fields(IpSet source, IpSet destination, ImmutableSet<Protocol> protocols,
      ImmutableRangeSet<Integer> sourcePorts, ImmutableRangeSet<Integer> destinationPorts) {}

  /** Large sets of one family, partitioned once. */
  private record Shared(Map<IpSet, Integer> index, Partition partition, IntervalMap map4, IntervalMap6 map6) {}

  private final Map<Object, Object> canonical = new HashMap<>();
  private final Map<List<Fields>, NsgTables> tables = new HashMap<>();
  private final Map<Set<IpSet>, Shared> shared4;
  private final Map<Set<IpSet>, Shared> shared6;
  private final boolean product;
  /** Whether equal rule fields share one table (a full compile: thousands of NSGs; a recompile builds a few). */
  private final boolean shareTables;
  private int compiled;

  /** A compiler for the NSGs of one data plane: large sets shared, product encoding where it saves memory. */
  public NsgCompiler() {
    this(true);
  }

  private NsgCompiler(boolean product) {
    this(product, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), true);
  }

  private NsgCompiler(boolean product, Map<Set<IpSet>, Shared> shared4, Map<Set<IpSet>, Shared> shared6,
      boolean shareTables) {
    this.product = product;
    this.shareTables = shareTables;
    this.shared4 = shared4;
    this.shared6 = shared6;
  }

  /**
   * A compiler for a recompile after a local change: it shares this compiler's tag partitions (they depend only on
   * the tag sets, and are safe to share between threads) and nothing else; the few NSGs it compiles get tables of
   * their own.
   */
  public NsgCompiler successor() {
    return new NsgCompiler(product, shared4, shared6, false);
  }

  /** A compiler for one NSG on its own: nothing to share, so every dimension is one merged interval list. */
  static NsgCompiler standalone() {
    return new NsgCompiler(false);
  }

  public CompiledNsg compile(ResolvedNsg nsg) {
    List<Fields> key = new ArrayList<>(nsg.rules().size());
    for (ResolvedRule r : nsg.rules()) {
      key.add(new Fields(r.sourceUnknown() ? IpSet.ALL : r.source(), r.destinationUnknown() ? IpSet.ALL
          : r.destination(), r.protocols(), r.sourcePorts(), r.destinationPorts()));
    }
    compiled++;
    if (!shareTables) {
      return new CompiledNsg(nsg, build(key));
    }
    NsgTables t = tables.get(key);
    if (t == null) {
      t = build(key);
      tables.put(key, t);
    }
    return new CompiledNsg(nsg, t);
  }

  /**
   * An equal NSG whose rules hold the same instances of equal values (address, protocol and port sets, names) as the
   * rules of every NSG shared before: an estate resolves the same tags, ports and prefixes in thousands of rules.
   */
  public ResolvedNsg share(ResolvedNsg nsg) {
    ImmutableList.Builder<ResolvedRule> rules = ImmutableList.builderWithExpectedSize(nsg.rules().size());
    for (ResolvedRule r : nsg.rules()) {
      IpSet source = canonical(r.source());
      IpSet destination = canonical(r.destination());
      ImmutableSet<Protocol> protocols = canonical(r.protocols());
      ImmutableRangeSet<Integer> sourcePorts = canonical(r.sourcePorts());
      ImmutableRangeSet<Integer> destinationPorts = canonical(r.destinationPorts());
      rules.add(new ResolvedRule(r.nsg(), r.rule(), source, r.sourceUnknown(), destination, r.destinationUnknown(),
          protocols, sourcePorts, destinationPorts, r.unknown(), canonical(r.qualifiedName()), r.usesInternetTag(),
          r.usesVirtualNetworkTag(), canonical(FlowSpace.union(FlowBox.of(source, destination, protocols, sourcePorts,
              destinationPorts)))));
    }
    return new ResolvedNsg(nsg.nsg(), nsg.direction(), rules.build());
  }

  @SuppressWarnings("unchecked")
  private <T> T canonical(T value) {
    return (T) canonical.computeIfAbsent(value, v -> v);
  }

  @Override
  public String toString() {
    return "NsgCompiler[" + compiled + " compiled, " + tables.size() + " distinct tables, " + shared4.size() + " + "
        + shared6.size() + " shared tag partitions]";
  }

  private NsgTables build(List<Fields> fields) {
    int n = fields.size();
    int words = Math.max(1, (n + 63) >>> 6);
    BitRows rows = BitRows.rules(words);
    long[][] proto = new long[Protocol.values().length][words];
    List<IpSet> src = new ArrayList<>(n);
    List<IpSet> dst = new ArrayList<>(n);
    List<ImmutableRangeSet<Integer>> sp = new ArrayList<>(n);
    List<ImmutableRangeSet<Integer>> dp = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Fields f = fields.get(i);
      for (Protocol p : f.protocols()) {
        proto[p.ordinal()][i >>> 6] |= 1L << i;
      }
      src.add(f.source());
      dst.add(f.destination());
      sp.add(f.sourcePorts());
      dp.add(f.destinationPorts());
    }
    int[] protocolRow = new int[proto.length];
    for (int p = 0; p < proto.length; p++) {
      protocolRow[p] = rows.intern(proto[p]);
    }
    IntervalMap srcPort = ports(sp, words, rows);
    IntervalMap dstPort = ports(dp, words, rows);
    IntervalMap s4 = address4(src, words, rows);
    IntervalMap d4 = address4(dst, words, rows);
    IntervalMap6 s6 = address6(src, words, rows);
    IntervalMap6 d6 = address6(dst, words, rows);
    return new NsgTables(words, rows.toArray(), s4, d4, srcPort, dstPort, s6, d6, protocolRow);
  }

  /** Distinct values in rule order, each with the bitset of the rules holding it. */
  private static <T> LinkedHashMap<T, long[]> group(List<T> perRule, int words) {
    LinkedHashMap<T, long[]> out = new LinkedHashMap<>();
    for (int i = 0; i < perRule.size(); i++) {
      out.computeIfAbsent(perRule.get(i), k -> new long[words])[i >>> 6] |= 1L << i;
    }
    return out;
  }

  private static IntervalMap ports(List<ImmutableRangeSet<Integer>> perRule, int words, BitRows rows) {
    List<long[]> ranges = new ArrayList<>();
    List<long[]> bits = new ArrayList<>();
    group(perRule, words).forEach((set, b) -> {
      List<Range<Integer>> rs = new ArrayList<>(set.asRanges());
      long[] r = new long[rs.size() * 2];
      for (int i = 0; i < rs.size(); i++) {
        r[2 * i] = rs.get(i).lowerEndpoint();
        r[2 * i + 1] = rs.get(i).upperEndpoint() - 1;
      }
      ranges.add(r);
      bits.add(b);
    });
    Partition p = Partition.of32(ranges, 65535);
    Encoded e = Encoded.flat(p, classRows(p, bits, words), rows);
    return new IntervalMap(e.lo, e.values, e.n, 16);
  }

  private IntervalMap address4(List<IpSet> perRule, int words, BitRows rows) {
    List<long[]> small = new ArrayList<>();
    List<long[]> smallBits = new ArrayList<>();
    Map<IpSet, long[]> large = new LinkedHashMap<>();
    group(perRule, words).forEach((set, b) -> {
      if (set.v4RangeCount() >= LARGE) {
        large.put(set, b);
      } else {
        small.add(set.v4Ranges());
        smallBits.add(b);
      }
    });
    Partition pl = Partition.of32(small, 0xFFFF_FFFFL);
    long[][] e = classRows(pl, smallBits, words);
    if (large.isEmpty()) {
      Encoded f = Encoded.flat(pl, e, rows);
      return new IntervalMap(f.lo, f.values, f.n, 32);
    }
    Shared s = shared4.computeIfAbsent(Set.copyOf(large.keySet()), k -> {
      List<IpSet> order = new ArrayList<>(k);
      List<long[]> ranges = new ArrayList<>();
      order.forEach(x -> ranges.add(x.v4Ranges()));
      Partition p = Partition.of32(ranges, 0xFFFF_FFFFL);
      return new Shared(indexOf(order), p, new IntervalMap(p.lo, p.cls, p.n, 32), null);
    });
    long[][] g = classRows(s.partition(), bitsInOrder(s.index(), large), words);
    Encoded x = Encoded.of(pl, e, s.partition(), g, rows, words, product);
    return new IntervalMap(x.lo, x.values, x.n, 32, x.table == null ? null : s.map4(), x.table);
  }

  private IntervalMap6 address6(List<IpSet> perRule, int words, BitRows rows) {
    List<long[]> small = new ArrayList<>();
    List<long[]> smallBits = new ArrayList<>();
    Map<IpSet, long[]> large = new LinkedHashMap<>();
    group(perRule, words).forEach((set, b) -> {
      if (set.v6RangeCount() >= LARGE) {
        large.put(set, b);
      } else {
        small.add(set.v6Ranges());
        smallBits.add(b);
      }
    });
    Partition pl = Partition.of128(small);
    long[][] e = classRows(pl, smallBits, words);
    if (large.isEmpty()) {
      Encoded f = Encoded.flat(pl, e, rows);
      return new IntervalMap6(f.hi, f.lo, f.values, f.n);
    }
    Shared s = shared6.computeIfAbsent(Set.copyOf(large.keySet()), k -> {
      List<IpSet> order = new ArrayList<>(k);
      List<long[]> ranges = new ArrayList<>();
      order.forEach(x -> ranges.add(x.v6Ranges()));
      Partition p = Partition.of128(ranges);
      return new Shared(indexOf(order), p, null, new IntervalMap6(p.hi, p.lo, p.cls, p.n));
    });
    long[][] g = classRows(s.partition(), bitsInOrder(s.index(), large), words);
    Encoded x = Encoded.of(pl, e, s.partition(), g, rows, words, product);
    return new IntervalMap6(x.hi, x.lo, x.values, x.n, x.table == null ? null : s.map6(), x.table);
  }

  private static Map<IpSet, Integer> indexOf(List<IpSet> order) {
    Map<IpSet, Integer> index = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      index.put(order.get(i), i);
    }
    return index;
  }

  private static List<long[]> bitsInOrder(Map<IpSet, Integer> index, Map<IpSet, long[]> large) {
    long[][] out = new long[index.size()][];
    large.forEach((set, b) -> out[index.get(set)] = b);
    return List.of(out);
  }

  /** For each class of a partition, the rules whose set is in the class ({@code bits.get(j)}: rules of set j). */
  private static long[][] classRows(Partition p, List<long[]> bits, int words) {
    long[][] out = new long[p.classCount][words];
    for (int c = 0; c < p.classCount; c++) {
      for (int j : p.setsOf(c)) {
        long[] b = bits.get(j);
        for (int w = 0; w < words; w++) {
          out[c][w] |= b[w];
        }
      }
    }
    return out;
  }
}
