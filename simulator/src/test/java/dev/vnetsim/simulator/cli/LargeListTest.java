package dev.vnetsim.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link LargeList}: a document with a large top-level list prints the very bytes of rendering it whole (seeded random
 * documents: nested maps and lists, escaped and non-ASCII text, numbers, nulls, empty lists and maps); a document
 * without one is left to the caller.
 */
class LargeListTest {
  private static final String[] TEXT = {"a", "tcp", "quote \" and \\ backslash", "tab\there", "é ü 中", "",
      "line\nbreak", "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg"};

  @Test
  void printsTheBytesOfTheWholeDocument() throws Exception {
    for (long seed = 1; seed <= 6; seed++) {
      SplittableRandom rnd = new SplittableRandom(seed);
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("before", value(rnd, 2));
      List<Object> changes = new ArrayList<>();
      int n = LargeList.LARGE + rnd.nextInt(3000);
      for (int i = 0; i < n; i++) {
        changes.add(rnd.nextInt(50) == 0 ? value(rnd, 1) : map(rnd, 3));
      }
      doc.put("changes", changes);
      doc.put("summary", map(rnd, 2));
      ByteArrayOutputStream whole = new ByteArrayOutputStream();
      Json.mapper().writer(Json.pretty(0)).writeValue(whole, doc);
      ByteArrayOutputStream parts = new ByteArrayOutputStream();
      assertThat(LargeList.write(parts, doc, Json.mapper())).isTrue();
      assertThat(parts.toString(StandardCharsets.UTF_8)).as("seed %d", seed)
          .isEqualTo(whole.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void smallListsAndOtherValues_areLeftToTheCaller() throws Exception {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("changes", new ArrayList<>(List.of(1, 2, 3)));
    assertThat(LargeList.write(new ByteArrayOutputStream(), doc, Json.mapper())).isFalse();
    assertThat(LargeList.write(new ByteArrayOutputStream(), List.of(1), Json.mapper())).isFalse();
  }

  private static Object value(SplittableRandom rnd, int depth) {
    return switch (depth <= 0 ? rnd.nextInt(4) : rnd.nextInt(6)) {
      case 0 -> TEXT[rnd.nextInt(TEXT.length)];
      case 1 -> rnd.nextInt(100_000) - 50;
      case 2 -> rnd.nextBoolean() ? null : rnd.nextBoolean();
      case 3 -> rnd.nextDouble();
      case 4 -> map(rnd, depth - 1);
      default -> {
        List<Object> l = new ArrayList<>();
        for (int i = 0, n = rnd.nextInt(4); i < n; i++) {
          l.add(value(rnd, depth - 1));
        }
        yield l;
      }
    };
  }

  private static Map<String, Object> map(SplittableRandom rnd, int depth) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0, n = rnd.nextInt(5); i < n; i++) {
      m.put(TEXT[rnd.nextInt(TEXT.length)] + i, value(rnd, depth - 1));
    }
    return m;
  }
}
