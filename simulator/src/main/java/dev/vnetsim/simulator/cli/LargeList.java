package dev.vnetsim.simulator.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A document whose top level holds a large list (a what-if's tens of thousands of changes), printed as {@link Json}
 * prints it, with the list's elements rendered on every processor: the rest of the document is rendered with a
 * marker in the list's place, and the list, rendered in chunks two levels in, is put where the marker is. The bytes
 * are those of rendering the whole document at once.
 */
final class LargeList {
  /** Lists shorter than this are rendered with the document. */
  static final int LARGE = 4096;
  private static final int CHUNK = 1024;

  private LargeList() {}

  /** Writes {@code value} when it is a map with a large list at its top level; false (nothing written) otherwise. */
  static boolean write(OutputStream out, Object value, ObjectMapper mapper) throws IOException {
    if (!(value instanceof Map<?, ?> doc)) {
      return false;
    }
    Map.Entry<?, ?> large = null;
    for (Map.Entry<?, ?> e : doc.entrySet()) {
      if (e.getValue() instanceof List<?> l && l.size() >= LARGE) {
        large = e;
        break;
      }
    }
    if (large == null) {
      return false;
    }
    Object key = large.getKey();
    List<?> list = (List<?>) large.getValue();
    String marker = "vnetsim-large-list-" + UUID.randomUUID();
    Map<Object, Object> rest = new LinkedHashMap<>(doc);
    rest.put(key, marker);
    byte[] outer = mapper.writer(Json.pretty(0)).writeValueAsBytes(rest);
    byte[] quoted = ('"' + marker + '"').getBytes(StandardCharsets.UTF_8);
    int at = indexOf(outer, quoted);
    if (at < 0) {
      return false;
    }
    ObjectWriter inner = mapper.writer(Json.pretty(2)).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    byte[][] chunks = new byte[(list.size() + CHUNK - 1) / CHUNK][];
    IntStream.range(0, chunks.length).parallel().forEach(c -> chunks[c] = chunk(inner, list, c));
    out.write(outer, 0, at);
    out.write('[');
    for (byte[] c : chunks) {
      out.write(c);
    }
    out.write(END);
    out.write(outer, at + quoted.length, outer.length - at - quoted.length);
    return true;
  }

  private static final byte[] BETWEEN = "\n    ".getBytes(StandardCharsets.UTF_8);
  private static final byte[] END = "\n  ]".getBytes(StandardCharsets.UTF_8);

  /** Elements {@code c * CHUNK ...} as the document's array has them: each after a comma (but the first) and a line. */
  private static byte[] chunk(ObjectWriter inner, List<?> list, int c) {
    ByteArrayOutputStream b = new ByteArrayOutputStream(CHUNK * 1024);
    try {
      for (int i = c * CHUNK; i < Math.min(list.size(), (c + 1) * CHUNK); i++) {
        if (i > 0) {
          b.write(',');
        }
        b.write(BETWEEN);
        inner.writeValue(b, list.get(i));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  private static int indexOf(byte[] in, byte[] what) {
    outer:
    for (int i = 0; i + what.length <= in.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (in[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
