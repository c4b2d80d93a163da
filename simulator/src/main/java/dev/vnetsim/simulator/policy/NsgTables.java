package dev.vnetsim.simulator.policy;

/**
 * The match part of a compiled NSG (performance.md §1.3, §6: Lakshman–Stiliadis bit vectors), immutable and shared by
 * every {@link CompiledNsg} whose rules have equal match fields ({@link NsgCompiler}). Rule {@code i} of the
 * evaluation order is bit {@code i}; each dimension maps a packet field to the offset of an interned row (the rules
 * matching there) in {@code rows}: IPv4 source and destination, source and destination port ({@link IntervalMap}),
 * IPv6 source and destination ({@link IntervalMap6}), and the protocol (one row per {@code Protocol} ordinal). Rows
 * of 8 to 64 words are stored sparse ({@link BitRows}).
 */
record NsgTables(int words, long[] rows, IntervalMap src, IntervalMap dst, IntervalMap srcPort, IntervalMap dstPort,
    IntervalMap6 src6, IntervalMap6 dst6, int[] protocolRow) {

  /** Approximate bytes owned by these tables (shared service-tag maps not counted). */
  long bytes() {
    return 8L * rows.length + src.bytes() + dst.bytes() + srcPort.bytes() + dstPort.bytes() + src6.bytes()
        + dst6.bytes() + 4L * protocolRow.length;
  }
}
