package dev.vnetsim.simulator.policy;

import com.google.common.collect.Range;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.simulator.trace.Flow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The obviously-correct NSG evaluator, kept as the oracle for {@link CompiledNsg} and as its benchmark peer: sort the
 * rules by (default last, priority), then scan them in order over int-encoded ranges and return the first rule whose
 * protocol, addresses and (for TCP/UDP) ports all match (azure-semantics.md §1.4).
 */
public final class LinearNsgEvaluator {

  private final ResolvedNsg nsg;
  private final int[] order;
  private final long[][] src;
  private final long[][] dst;
  private final int[][] srcPorts;
  private final int[][] dstPorts;
  private final int[] protocols;

  public LinearNsgEvaluator(ResolvedNsg nsg) {
    this.nsg = nsg;
    int n = nsg.rules().size();
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      idx.add(i);
    }
    idx.sort(Comparator.comparing((Integer i) -> nsg.rules().get(i).rule().isDefault())
        .thenComparingInt(i -> nsg.rules().get(i).rule().priority()));
    order = idx.stream().mapToInt(Integer::intValue).toArray();
    src = new long[n][];
    dst = new long[n][];
    srcPorts = new int[n][];
    dstPorts = new int[n][];
    protocols = new int[n];
    for (int k = 0; k < n; k++) {
      ResolvedRule r = nsg.rules().get(order[k]);
      src[k] = (r.sourceUnknown() ? IpSet.ALL : r.source()).v4Ranges();
      dst[k] = (r.destinationUnknown() ? IpSet.ALL : r.destination()).v4Ranges();
      srcPorts[k] = ports(r.sourcePorts());
      dstPorts[k] = ports(r.destinationPorts());
      for (Protocol p : r.protocols()) {
        protocols[k] |= 1 << p.ordinal();
      }
    }
  }

  public ResolvedNsg nsg() {
    return nsg;
  }

  /** The index (in {@link ResolvedNsg#rules()}) of the first matching rule for an IPv4 packet, or -1. */
  public int matchV4(int source, int destination, int protocol, int sourcePort, int destinationPort) {
    long s = Integer.toUnsignedLong(source);
    long d = Integer.toUnsignedLong(destination);
    boolean ports = protocol == Protocol.TCP.ordinal() || protocol == Protocol.UDP.ordinal();
    for (int k = 0; k < order.length; k++) {
      if ((protocols[k] & (1 << protocol)) != 0 && in(src[k], s) && in(dst[k], d)
          && (!ports || in(srcPorts[k], sourcePort) && in(dstPorts[k], destinationPort))) {
        return order[k];
      }
    }
    return -1;
  }

  public int match(Flow f) {
    if (f.source().isV4()) {
      return matchV4(f.source().v4Bits(), f.destination().v4Bits(), f.protocol().ordinal(), f.sourcePort(),
          f.destinationPort());
    }
    for (int k = 0; k < order.length; k++) {
      ResolvedRule r = nsg.rules().get(order[k]);
      if (r.protocols().contains(f.protocol()) && (r.sourceUnknown() || r.source().contains(f.source()))
          && (r.destinationUnknown() || r.destination().contains(f.destination()))
          && (!f.protocol().hasPorts() || r.sourcePorts().contains(f.sourcePort())
              && r.destinationPorts().contains(f.destinationPort()))) {
        return order[k];
      }
    }
    return -1;
  }

  private static boolean in(long[] ranges, long v) {
    for (int i = 0; i < ranges.length; i += 2) {
      if (v >= ranges[i] && v <= ranges[i + 1]) {
        return true;
      }
    }
    return false;
  }

  private static boolean in(int[] ranges, int v) {
    for (int i = 0; i < ranges.length; i += 2) {
      if (v >= ranges[i] && v <= ranges[i + 1]) {
        return true;
      }
    }
    return false;
  }

  private static int[] ports(com.google.common.collect.ImmutableRangeSet<Integer> set) {
    List<Range<Integer>> rs = new ArrayList<>(set.asRanges());
    int[] out = new int[rs.size() * 2];
    for (int i = 0; i < rs.size(); i++) {
      out[2 * i] = rs.get(i).lowerEndpoint();
      out[2 * i + 1] = rs.get(i).upperEndpoint() - 1;
    }
    return out;
  }
}
