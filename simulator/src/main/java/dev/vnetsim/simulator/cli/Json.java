package dev.vnetsim.simulator.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;

/** JSON output on stdout: two-space indented, keys in insertion order, one document per command. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  private static final DefaultPrettyPrinter PRETTY = pretty(0);

  /** Two spaces per level, {@code base} levels in (a value rendered apart from the document it is part of). */
  static DefaultPrettyPrinter pretty(int base) {
    Indenter in = new Indenter(base);
    return new DefaultPrettyPrinter().withObjectIndenter(in).withArrayIndenter(in);
  }

  /**
   * A new line and two spaces per level, as {@code DefaultIndenter("  ", "\n")} writes them, each level's text encoded
   * once: a what-if's document has millions of lines, and encoding their indentation again each time was a third of
   * its printing.
   */
  private static final class Indenter implements DefaultPrettyPrinter.Indenter {
    private static final SerializedString[] LEVELS = new SerializedString[64];
    private final int base;

    Indenter(int base) {
      this.base = base;
    }

    static {
      for (int i = 0; i < LEVELS.length; i++) {
        LEVELS[i] = new SerializedString("\n" + "  ".repeat(i));
      }
    }

    @Override
    public void writeIndentation(JsonGenerator g, int level) throws IOException {
      int at = base + level;
      if (at < LEVELS.length) {
        g.writeRaw(LEVELS[at]);
      } else {
        g.writeRaw("\n" + "  ".repeat(at));
      }
    }

    @Override
    public boolean isInline() {
      return false;
    }
  }

  private Json() {}

  static String write(Object value) {
    try {
      return MAPPER.writer(PRETTY).writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render JSON", e);
    }
  }

  /** Streams the document to {@code out} (a what-if's runs to tens of megabytes: no String of it is made). */
  static void print(PrintWriter out, Object value) {
    try {
      if (out instanceof BytesWriter b) { // encoded as written, without a pass through characters
        out.flush();
        if (!LargeList.write(b.bytes(), value, MAPPER)) {
          MAPPER.writer(PRETTY).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(b.bytes(), value);
        }
      } else {
        MAPPER.writer(PRETTY).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, value);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot render JSON", e); // a PrintWriter reports no I/O error itself
    }
    out.println();
    out.flush();
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }
}
