package dev.vnetsim.simulator.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Box algebra of flow spaces (DESIGN §1). */
class FlowSpaceTest {

  static FlowSpace space(String dst, Protocol p, String ports) {
    return FlowSpace.union(FlowBox.of(IpSet.parse("10.0.0.4"), IpSet.parse(dst), FlowBox.expand(p), Ports.ALL,
        Ports.of(List.of(PortRange.parse(ports)))));
  }

  @Test
  void protocolsWithoutPorts_ignorePorts() {
    FlowSpace s = space("10.0.0.0/8", Protocol.ANY, "443");
    assertThat(s.boxes()).hasSize(2);
    assertThat(s.contains(Flow.of("10.0.0.4", "10.1.1.1", Protocol.ICMP, 0, 0))).isTrue();
    assertThat(s.contains(Flow.of("10.0.0.4", "10.1.1.1", Protocol.TCP, 1, 80))).isFalse();
    assertThat(s.contains(Flow.of("10.0.0.4", "10.1.1.1", Protocol.UDP, 1, 443))).isTrue();
  }

  @Test
  void minusAndUnion_roundTrip() {
    FlowSpace a = space("10.0.0.0/8", Protocol.ANY, "0-1000");
    FlowSpace b = space("10.1.0.0/16", Protocol.TCP, "443");
    FlowSpace rest = a.minus(b);
    assertThat(rest.intersect(b).isEmpty()).isTrue();
    FlowSpace back = rest.union(b);
    assertThat(back.minus(a).isEmpty() && a.minus(back).isEmpty()).isTrue();
    assertThat(rest.contains(Flow.of("10.0.0.4", "10.1.0.9", Protocol.TCP, 5, 443))).isFalse();
    assertThat(rest.contains(Flow.of("10.0.0.4", "10.1.0.9", Protocol.UDP, 5, 443))).isTrue();
    assertThat(FlowSpace.of(Flow.of("10.0.0.4", "10.1.0.9", Protocol.TCP, 5, 443)).isPoint()).isTrue();
    assertThat(a.isPoint()).isFalse();
  }
}
