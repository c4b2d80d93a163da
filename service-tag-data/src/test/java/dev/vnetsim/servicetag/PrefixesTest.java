package dev.vnetsim.servicetag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpFamily;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader's direct prefix path agrees with {@link Cidr#parse}, on values and on errors. */
class PrefixesTest {
  private static final long SEED = 42;

  private static void assertSameAsCidrParse(String text) {
    Cidr expected;
    try {
      expected = Cidr.parse(text);
    } catch (InvalidTopologyException e) {
      assertThatThrownBy(() -> Prefixes.parse(text)).as(text).isInstanceOf(InvalidTopologyException.class)
          .hasMessage(e.getMessage());
      return;
    }
    assertThat(Prefixes.parse(text)).as(text).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0/0", "255.255.255.255/32", "20.42.0.240/28", "10.0.0.0/8", "1.2.3.4",
      "01.2.3.0/24", "1.2.3.0/024", "1.2.3.0/33", "1.2.3.4/24", "1.2.3/24", "1.2.3.4.5/32", "256.1.1.0/24", "1.2.3.0/",
      "::/0", "::1/128", "::/128", "2001:db8::/32", "2001:DB8::/32", "2001:db8:0:0:1::/80", "1:2:3:4:5:6:7:8/128",
      "1::8/128", "1:2:3:4:5:6:7::/128", "::2:3:4:5:6:7:8/128", "::ffff:1.2.3.0/120", "2001:db8::1/32", ":::/1",
      "1::2::3/128", "12345::/16", "2001:db8::/032", "2001:db8::/129", "1:2:3:4:5:6:7:8:9/128", "1:2:3:4:5:6:7/128",
      "2603:1030:210:1::2c0/122", "2603:1030:210:1::2c1/122", "fe80::/10", "2001:db8:/32", "2001:db8::/", "x/8", ""})
  void parse_agreesWithCidrParse(String text) {
    assertSameAsCidrParse(text);
  }

  @Test
  void parse_randomCanonicalPrefixesRoundTrip() {
    Random rnd = new Random(SEED);
    for (int i = 0; i < 20_000; i++) {
      boolean v4 = rnd.nextBoolean();
      int length = rnd.nextInt(v4 ? 33 : 129);
      IpAddress a = v4 ? IpAddress.v4(rnd.nextInt())
          : new IpAddress(IpFamily.IPV6, rnd.nextInt(4) == 0 ? 0 : rnd.nextLong(), rnd.nextInt(4) == 0 ? 0
              : rnd.nextLong() & (rnd.nextBoolean() ? 0xFFFF : -1L));
      Cidr c = Cidr.parseMasked(a + "/" + length);
      assertThat(Prefixes.parse(c.toString())).as("seed %d: %s", SEED, c).isEqualTo(c);
      assertSameAsCidrParse(a + "/" + length);
    }
  }

  @Test
  void parse_everyPrefixOfARealFileAgreesWithCidrParse() throws IOException {
    JsonNode root = new ObjectMapper().readTree(SharedData.serviceTags(SharedData.GOVERNMENT_20251020).toFile());
    int checked = 0;
    for (JsonNode value : root.get("values")) {
      for (JsonNode prefix : value.get("properties").get("addressPrefixes")) {
        assertThat(Prefixes.parse(prefix.asText())).isEqualTo(Cidr.parse(prefix.asText()));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(5670);
  }
}
