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
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
      .withObjectIndenter(Indenter.INSTANCE)
      .withArrayIndenter(Indenter.INSTANCE);

  /**
   * A new line and two spaces per level, as {@code DefaultIndenter("  ", "\n")} writes them, each level's text encoded
   * once: a what-if's document has millions of lines, and encoding their indentation again each time was a third of
   * its printing.
   */
  private static final class Indenter implements DefaultPrettyPrinter.Indenter {
    static final Indenter INSTANCE = new Indenter();
    private static final SerializedString[] LEVELS = new SerializedString[64];

    static {
      for (int i = 0; i < LEVELS.length; i++) {
        LEVELS[i] = new SerializedString("\n" + "  ".repeat(i));
      }
    }

    @Override
    public void writeIndentation(JsonGenerator g, int level) throws IOException {
      if (level < LEVELS.length) {
        g.writeRaw(LEVELS[level]);
      } else {
        g.writeRaw("\n" + "  ".repeat(level));
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
        MAPPER.writer(PRETTY).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(b.bytes(), value);
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
