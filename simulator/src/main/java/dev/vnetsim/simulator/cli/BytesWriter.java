package dev.vnetsim.simulator.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A writer of UTF-8 text that also hands out its byte stream, so that {@link Json#print} can encode a large document
 * straight into it (a served what-if's JSON runs to tens of megabytes; encoding it as characters first cost a pass).
 */
final class BytesWriter extends PrintWriter {
  private final OutputStream bytes;

  BytesWriter(OutputStream bytes) {
    super(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
    this.bytes = bytes;
  }

  /** The byte stream under this writer; flush this writer before writing to it. */
  OutputStream bytes() {
    return bytes;
  }
}
