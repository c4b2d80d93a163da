package dev.vnetsim.simulator.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The intents file contract (DESIGN §3 {@code check}): shapes, defaults, and one-line errors with path and value. */
class IntentsFileTest {

  private static ImmutableList<Intent> parse(String yaml) {
    return IntentsFile.parse(yaml.getBytes(StandardCharsets.UTF_8), "intents.yaml");
  }

  private static String error(String yaml) {
    try {
      parse(yaml);
    } catch (InvalidTopologyException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error for:\n" + yaml);
  }

  @Test
  void list_withDefaultsAndLines() {
    ImmutableList<Intent> intents = parse("""
        - name: a
          from: snet-training
          to: tag:Storage.EastUS
          port: 445
          expect: reachable
        - name: b
          from: internet
          to: snet-training
          protocol: UDP
          ports: [53, "1000-2000"]
          expect: Blocked
        """);
    assertThat(intents).hasSize(2);
    Intent a = intents.get(0);
    assertThat(a.protocol()).isEqualTo(Protocol.TCP);
    assertThat(a.ports()).containsExactly(PortRange.single(445));
    assertThat(a.expect()).isEqualTo(Intent.Expect.REACHABLE);
    assertThat(a.line()).isEqualTo(1);
    Intent b = intents.get(1);
    assertThat(b.protocol()).isEqualTo(Protocol.UDP);
    assertThat(b.portTexts()).containsExactly("53", "1000-2000");
    assertThat(b.expect()).isEqualTo(Intent.Expect.BLOCKED);
    assertThat(b.line()).isEqualTo(6);
  }

  @Test
  void mapWithIntentsKey_andJson() {
    assertThat(parse("version: 1\nintents:\n  - {name: x, from: a, to: b, expect: blocked}\n")).hasSize(1);
    ImmutableList<Intent> json = IntentsFile.parse(("{\"intents\":[{\"name\":\"x\",\"from\":\"a\",\"to\":\"b\","
        + "\"protocol\":\"icmp\",\"expect\":\"blocked\"}]}").getBytes(StandardCharsets.UTF_8), "i.json");
    assertThat(json.get(0).protocol()).isEqualTo(Protocol.ICMP);
    assertThat(json.get(0).ports()).isEmpty();
  }

  @Test
  void badExpect_namesFilePathAndValue() {
    assertThat(error("""
        - {name: a, from: x, to: y, expect: blocked}
        - {name: b, from: x, to: y, expect: blocked}
        - {name: c, from: x, to: y, expect: maybe}
        """)).isEqualTo("intents.yaml: $[2].expect: must be reachable or blocked, was 'maybe'");
    assertThat(error("intents:\n  - {name: a, from: x, to: y, expect: perhaps}\n"))
        .isEqualTo("intents.yaml: $.intents[0].expect: must be reachable or blocked, was 'perhaps'");
  }

  @Test
  void otherErrors_oneLineEach() {
    assertThat(error("- {from: x, to: y, expect: blocked}\n")).isEqualTo("intents.yaml: $[0].name: is required");
    assertThat(error("- {name: a, from: x, to: y}\n"))
        .isEqualTo("intents.yaml: $[0].expect: is required (reachable or blocked)");
    assertThat(error("- {name: a, from: x, to: y, protocol: gre, expect: blocked}\n"))
        .isEqualTo("intents.yaml: $[0].protocol: must be tcp, udp, icmp or any, was 'gre'");
    assertThat(error("- {name: a, from: x, to: y, port: 70000, expect: blocked}\n"))
        .startsWith("intents.yaml: $[0].port: not a valid port range");
    assertThat(error("- {name: a, from: x, to: y, ports: [22, x], expect: blocked}\n"))
        .isEqualTo("intents.yaml: $[0].ports[1]: not a valid port or port range: 'x'");
    assertThat(error("- {name: a, from: x, to: y, port: 22, ports: [23], expect: blocked}\n"))
        .isEqualTo("intents.yaml: $[0].ports: give port or ports, not both");
    assertThat(error("- {name: a, from: x, to: y, expect: blocked, frm: z}\n"))
        .startsWith("intents.yaml: $[0].frm: unknown key");
    assertThat(error("- {name: a, from: x, to: y, expect: blocked}\n- {name: a, from: x, to: y, expect: blocked}\n"))
        .isEqualTo("intents.yaml: $[1].name: duplicate intent name 'a'");
    assertThat(error("just text\n")).startsWith("intents.yaml: an intents file is a list");
    assertThat(error("[]\n")).isEqualTo("intents.yaml: must hold at least one intent");
    assertThat(error("- {name: a, from: [x], to: y, expect: blocked}\n"))
        .isEqualTo("intents.yaml: $[0].from: is required");
    assertThat(error("- {name: a\n")).startsWith("intents.yaml:");
  }

  @Test
  void bundledExampleIntents_parse() {
    ImmutableList<Intent> intents = IntentsFile.read(WhatIfFixtures.REPO.resolve(
        "examples/intents/aml-secure-training.yaml"));
    assertThat(intents).extracting(Intent::name).contains("training-to-storage-smb", "no-ssh-from-internet");
  }

  @Test
  void parsePrintedJsonLike_roundTripOfFlowText() {
    Intent i = parse("- {name: a, from: x, to: y, ports: [443, 445], expect: reachable}\n").get(0);
    assertThat(i.flowText()).isEqualTo("x -> y TCP 443,445");
    assertThatThrownBy(() -> IntentsFile.read(WhatIfFixtures.REPO.resolve("no-such.yaml")))
        .isInstanceOf(InvalidTopologyException.class).hasMessageContaining("cannot read the file");
  }
}
