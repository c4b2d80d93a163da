package dev.vnetsim.simulator.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.Topology;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Port classes cut 0–65535 at every rule boundary, so that no rule tells two ports of a class apart. */
class PortClassesTest {

  @Test
  void exampleTcpClasses_cutAtEveryRulePort() {
    Topology t = WhatIfFixtures.example().topology();
    List<PortRange> tcp = PortClasses.of(Protocol.TCP, List.of(t));
    assertThat(tcp).contains(PortRange.single(443), PortRange.single(444), PortRange.single(445),
        PortRange.single(8787), PortRange.single(18881), new PortRange(0, 79));
    assertThat(tcp.get(0).from()).isZero();
    assertThat(tcp.get(tcp.size() - 1).to()).isEqualTo(65535);
    for (int i = 1; i < tcp.size(); i++) {
      assertThat(tcp.get(i).from()).isEqualTo(tcp.get(i - 1).to() + 1);
    }
    // UDP: AllowAzureMLUdpOutbound (Udp 5831) and AllowBatchOutbound (* 443); DenyInternetOutbound (* *) cuts nothing.
    assertThat(PortClasses.of(Protocol.UDP, List.of(t))).containsExactly(new PortRange(0, 442),
        PortRange.single(443), new PortRange(444, 5830), PortRange.single(5831), new PortRange(5832, 65535));
  }

  @Test
  void noRules_oneClass_andText() {
    assertThat(PortClasses.of(Protocol.TCP, List.of(Topology.builder().build()))).containsExactly(PortRange.ALL);
    assertThat(PortClasses.text(PortRange.ALL)).isEqualTo("*");
    assertThat(PortClasses.text(new PortRange(1024, 8442))).isEqualTo("1024-8442");
    assertThat(Grouping.merge(List.of(PortRange.single(445), new PortRange(446, 500), PortRange.single(443))))
        .containsExactly(PortRange.single(443), new PortRange(445, 500));
  }

  /** {@link Grouping#merge} against a port-by-port oracle on seeded random lists: sorted runs, none touching. */
  @Test
  void merge_coversTheSamePorts_inSortedRunsThatDoNotTouch() {
    Random rnd = new Random(11);
    for (int i = 0; i < 500; i++) {
      List<PortRange> ports = new ArrayList<>();
      BitSet oracle = new BitSet();
      for (int k = rnd.nextInt(12); k > 0; k--) {
        int from = rnd.nextInt(200);
        int to = Math.min(65535, from + rnd.nextInt(rnd.nextBoolean() ? 3 : 40));
        ports.add(new PortRange(from, to));
        oracle.set(from, to + 1);
      }
      List<PortRange> merged = Grouping.merge(ports);
      BitSet got = new BitSet();
      for (int k = 0; k < merged.size(); k++) {
        got.set(merged.get(k).from(), merged.get(k).to() + 1);
        if (k > 0) {
          assertThat(merged.get(k).from()).as("run %d of %s", k, merged).isGreaterThan(merged.get(k - 1).to() + 1);
        }
      }
      assertThat(got).as("%s", ports).isEqualTo(oracle);
    }
  }
}
