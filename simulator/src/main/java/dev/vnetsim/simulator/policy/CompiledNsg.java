package dev.vnetsim.simulator.policy;

import com.google.common.collect.Range;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.simulator.trace.Flow;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * An NSG rule list compiled for allocation-free first-match (performance.md §6, Lakshman–Stiliadis bit vectors): rule
 * {@code i} of the evaluation order is bit {@code i}. Each dimension (source, destination, source port, destination
 * port) is a sorted array of elementary-interval starts mapped to an interned bitset of the rules matching there; the
 * protocol has one bitset per protocol. A lookup ANDs the rows and returns the lowest set bit: the first matching rule
 * (azure-semantics.md §1.4). Port rows are skipped for protocols without ports. Rules with an unresolved address term
 * are compiled with that term as "everything", so the returned rule is the first that <em>may</em> match; the caller
 * checks {@link #certainMatch} for such rules.
 */
public final class CompiledNsg {

  private final ResolvedNsg nsg;
  private final int words;
  private final long[] rows;
  private final Dim src;
  private final Dim dst;
  private final Dim srcPort;
  private final Dim dstPort;
  private final Dim6 src6;
  private final Dim6 dst6;
  private final int[] protocolRow;

  private CompiledNsg(ResolvedNsg nsg, int words, long[] rows, Dim src, Dim dst, Dim srcPort, Dim dstPort, Dim6 src6,
      Dim6 dst6, int[] protocolRow) {
    this.nsg = nsg;
    this.words = words;
    this.rows = rows;
    this.src = src;
    this.dst = dst;
    this.srcPort = srcPort;
    this.dstPort = dstPort;
    this.src6 = src6;
    this.dst6 = dst6;
    this.protocolRow = protocolRow;
  }

  public ResolvedNsg nsg() {
    return nsg;
  }

  public ResolvedRule rule(int index) {
    return nsg.rules().get(index);
  }

  /**
   * The index of the first rule that may match an IPv4 packet (addresses as unsigned ints, {@code protocol} a
   * {@link Protocol#ordinal()}), or -1 if none does. Allocation-free.
   */
  public int matchV4(int source, int destination, int protocol, int sourcePort, int destinationPort) {
    int a = src.row(source);
    int b = dst.row(destination);
    int c = protocolRow[protocol];
    if (protocol == Protocol.TCP.ordinal() || protocol == Protocol.UDP.ordinal()) {
      return first5(a, b, c, srcPort.row(sourcePort), dstPort.row(destinationPort));
    }
    return first3(a, b, c);
  }

  /** The index of the first rule that may match a packet of either family, or -1. */
  public int match(Flow f) {
    int p = f.protocol().ordinal();
    if (f.source().isV4()) {
      return matchV4(f.source().v4Bits(), f.destination().v4Bits(), p, f.sourcePort(), f.destinationPort());
    }
    int a = src6.row(f.source());
    int b = dst6.row(f.destination());
    if (f.protocol().hasPorts()) {
      return first5(a, b, protocolRow[p], srcPort.row(f.sourcePort()), dstPort.row(f.destinationPort()));
    }
    return first3(a, b, protocolRow[p]);
  }

  /** For a rule with an unresolved term: whether the packet is in the part the rule surely matches. */
  public boolean certainMatch(int ruleIndex, Flow f) {
    ResolvedRule r = rule(ruleIndex);
    return r.certain() || r.source().contains(f.source()) && r.destination().contains(f.destination());
  }

  private int first3(int a, int b, int c) {
    final long[] r = rows;
    for (int w = 0; w < words; w++) {
      long x = r[a + w] & r[b + w] & r[c + w];
      if (x != 0) {
        return (w << 6) + Long.numberOfTrailingZeros(x);
      }
    }
    return -1;
  }

  private int first5(int a, int b, int c, int d, int e) {
    final long[] r = rows;
    for (int w = 0; w < words; w++) {
      long x = r[a + w] & r[b + w] & r[c + w] & r[d + w] & r[e + w];
      if (x != 0) {
        return (w << 6) + Long.numberOfTrailingZeros(x);
      }
    }
    return -1;
  }

  public static CompiledNsg compile(ResolvedNsg nsg) {
    int n = nsg.rules().size();
    int words = Math.max(1, (n + 63) >>> 6);
    BitRows interned = new BitRows(words);
    List<long[]> srcRanges = new ArrayList<>();
    List<long[]> dstRanges = new ArrayList<>();
    List<long[]> spRanges = new ArrayList<>();
    List<long[]> dpRanges = new ArrayList<>();
    List<long[]> src6Ranges = new ArrayList<>();
    List<long[]> dst6Ranges = new ArrayList<>();
    long[][] proto = new long[Protocol.values().length][words];
    for (int i = 0; i < n; i++) {
      ResolvedRule r = nsg.rules().get(i);
      IpSet s = r.sourceUnknown() ? IpSet.ALL : r.source();
      IpSet d = r.destinationUnknown() ? IpSet.ALL : r.destination();
      srcRanges.add(s.v4Ranges());
      dstRanges.add(d.v4Ranges());
      src6Ranges.add(s.v6Ranges());
      dst6Ranges.add(d.v6Ranges());
      spRanges.add(ports(r.sourcePorts()));
      dpRanges.add(ports(r.destinationPorts()));
      for (Protocol p : r.protocols()) {
        proto[p.ordinal()][i >>> 6] |= 1L << i;
      }
    }
    int[] protocolRow = new int[proto.length];
    for (int p = 0; p < proto.length; p++) {
      protocolRow[p] = interned.intern(proto[p]);
    }
    Dim src = Dim.build(srcRanges, words, interned, 0xFFFF_FFFFL);
    Dim dst = Dim.build(dstRanges, words, interned, 0xFFFF_FFFFL);
    Dim sp = Dim.build(spRanges, words, interned, 65535);
    Dim dp = Dim.build(dpRanges, words, interned, 65535);
    Dim6 s6 = Dim6.build(src6Ranges, words, interned);
    Dim6 d6 = Dim6.build(dst6Ranges, words, interned);
    return new CompiledNsg(nsg, words, interned.toArray(), src, dst, sp, dp, s6, d6, protocolRow);
  }

  private static long[] ports(com.google.common.collect.ImmutableRangeSet<Integer> set) {
    List<Range<Integer>> rs = new ArrayList<>(set.asRanges());
    long[] out = new long[rs.size() * 2];
    for (int i = 0; i < rs.size(); i++) {
      out[2 * i] = rs.get(i).lowerEndpoint();
      out[2 * i + 1] = rs.get(i).upperEndpoint() - 1;
    }
    return out;
  }

  /**
   * One 32-bit (address) or 16-bit (port) dimension: sorted interval starts and the row offset of each interval.
   * Large address dimensions add a DIR-16 index (the first interval of each /16, so a /16 inside one interval costs
   * one load, others a short search between two neighbours); large port dimensions a direct row table per port.
   */
  private static final class Dim {
    static final int INDEX_MIN = 64;
    final int[] keys;
    final int[] rowOf;
    final int top;
    final int[] chunkFirst;
    final int[] portRow;

    Dim(int[] keys, int[] rowOf, int n, boolean ports) {
      this.keys = keys;
      this.rowOf = rowOf;
      this.top = keys.length >>> 1;
      this.chunkFirst = !ports && n > INDEX_MIN ? chunks(keys, n) : null;
      this.portRow = ports && n > INDEX_MIN ? portRows(keys, rowOf, n) : null;
    }

    private static int[] chunks(int[] keys, int n) {
      int[] first = new int[(1 << 16) + 1];
      int i = 0;
      for (int c = 0; c <= (1 << 16); c++) {
        long start = Math.min((long) c << 16, 0xFFFF_FFFFL);
        while (i + 1 < n && Integer.toUnsignedLong(keys[i + 1] ^ Integer.MIN_VALUE) <= start) {
          i++;
        }
        first[c] = i;
      }
      return first;
    }

    private static int[] portRows(int[] keys, int[] rowOf, int n) {
      int[] rows = new int[1 << 16];
      int i = 0;
      for (int p = 0; p < rows.length; p++) {
        while (i + 1 < n && (keys[i + 1] ^ Integer.MIN_VALUE) <= p) {
          i++;
        }
        rows[p] = rowOf[i];
      }
      return rows;
    }

    /** Row offset for a value: the last interval start <= value. Allocation-free. */
    int row(int value) {
      if (portRow != null) {
        return portRow[value & 0xFFFF];
      }
      final int[] k = keys;
      int key = value ^ Integer.MIN_VALUE;
      if (chunkFirst != null) {
        int c = value >>> 16;
        int lo = chunkFirst[c];
        int hi = chunkFirst[c + 1];
        while (lo < hi) {
          int mid = (lo + hi + 1) >>> 1;
          if (k[mid] <= key) {
            lo = mid;
          } else {
            hi = mid - 1;
          }
        }
        return rowOf[lo];
      }
      long lkey = key;
      int base = 0;
      for (int half = top; half > 0; half >>>= 1) {
        long d = (long) k[base + half] - lkey - 1;
        base += half & (int) (d >> 63);
      }
      return rowOf[base];
    }

    /** {@code ranges.get(i)} = flat inclusive [start, end] pairs of rule i within [0, max]. */
    static Dim build(List<long[]> ranges, int words, BitRows interned, long max) {
      TreeSet<Long> cuts = new TreeSet<>();
      cuts.add(0L);
      for (long[] r : ranges) {
        for (int j = 0; j < r.length; j += 2) {
          cuts.add(r[j]);
          if (r[j + 1] < max) {
            cuts.add(r[j + 1] + 1);
          }
        }
      }
      long[] starts = cuts.stream().mapToLong(Long::longValue).toArray();
      long[][] bits = new long[starts.length][words];
      for (int i = 0; i < ranges.size(); i++) {
        long[] r = ranges.get(i);
        for (int j = 0; j < r.length; j += 2) {
          int from = java.util.Arrays.binarySearch(starts, r[j]);
          int to = upperIndex(starts, r[j + 1]);
          for (int k = from; k <= to; k++) {
            bits[k][i >>> 6] |= 1L << i;
          }
        }
      }
      int n = starts.length <= 1 ? 1 : Integer.highestOneBit(starts.length - 1) << 1;
      int[] keys = new int[n];
      int[] rowOf = new int[n];
      for (int i = 0; i < n; i++) {
        int at = Math.min(i, starts.length - 1);
        keys[i] = i < starts.length ? (int) starts[i] ^ Integer.MIN_VALUE : Integer.MAX_VALUE;
        rowOf[i] = interned.intern(bits[at]);
      }
      return new Dim(keys, rowOf, starts.length, max < 0xFFFF_FFFFL);
    }

    private static int upperIndex(long[] starts, long end) {
      int i = java.util.Arrays.binarySearch(starts, end);
      return i >= 0 ? i : -i - 2;
    }
  }

  /** The IPv6 dimension: interval starts as (hi, lo) pairs, binary search (not on the hot path). */
  private static final class Dim6 {
    final long[] hi;
    final long[] lo;
    final int[] rowOf;

    Dim6(long[] hi, long[] lo, int[] rowOf) {
      this.hi = hi;
      this.lo = lo;
      this.rowOf = rowOf;
    }

    int row(IpAddress a) {
      int x = 0;
      int y = hi.length - 1;
      int found = 0;
      while (x <= y) {
        int mid = (x + y) >>> 1;
        int c = Long.compareUnsigned(hi[mid], a.hi());
        if (c == 0) {
          c = Long.compareUnsigned(lo[mid], a.lo());
        }
        if (c <= 0) {
          found = mid;
          x = mid + 1;
        } else {
          y = mid - 1;
        }
      }
      return rowOf[found];
    }

    /** {@code ranges.get(i)} = quads [startHi, startLo, endHi, endLo] of rule i. */
    static Dim6 build(List<long[]> ranges, int words, BitRows interned) {
      TreeSet<IpAddress> cuts = new TreeSet<>();
      cuts.add(new IpAddress(dev.vnetsim.model.IpFamily.IPV6, 0, 0));
      for (long[] r : ranges) {
        for (int j = 0; j < r.length; j += 4) {
          cuts.add(new IpAddress(dev.vnetsim.model.IpFamily.IPV6, r[j], r[j + 1]));
          if (!(r[j + 2] == -1L && r[j + 3] == -1L)) {
            cuts.add(new IpAddress(dev.vnetsim.model.IpFamily.IPV6, r[j + 2], r[j + 3]).next());
          }
        }
      }
      List<IpAddress> starts = new ArrayList<>(cuts);
      long[][] bits = new long[starts.size()][words];
      for (int i = 0; i < ranges.size(); i++) {
        long[] r = ranges.get(i);
        for (int j = 0; j < r.length; j += 4) {
          IpAddress s = new IpAddress(dev.vnetsim.model.IpFamily.IPV6, r[j], r[j + 1]);
          IpAddress e = new IpAddress(dev.vnetsim.model.IpFamily.IPV6, r[j + 2], r[j + 3]);
          int from = java.util.Collections.binarySearch(starts, s);
          for (int k = from; k < starts.size() && starts.get(k).compareTo(e) <= 0; k++) {
            bits[k][i >>> 6] |= 1L << i;
          }
        }
      }
      long[] hi = new long[starts.size()];
      long[] lo = new long[starts.size()];
      int[] rowOf = new int[starts.size()];
      for (int i = 0; i < starts.size(); i++) {
        hi[i] = starts.get(i).hi();
        lo[i] = starts.get(i).lo();
        rowOf[i] = interned.intern(bits[i]);
      }
      return new Dim6(hi, lo, rowOf);
    }
  }
}
