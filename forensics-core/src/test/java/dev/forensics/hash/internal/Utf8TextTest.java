package dev.forensics.hash.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8TextTest {

  /** What a UTF-8 Writer makes of the same strings: the bytes Utf8Text must produce. */
  private static byte[] viaWriter(List<String> parts) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      for (String s : parts) {
        w.write(s);
      }
    }
    return out.toByteArray();
  }

  private static byte[] viaUtf8Text(List<String> parts) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Utf8Text t = new Utf8Text(out);
    for (String s : parts) {
      t.write(s);
    }
    t.flush();
    return out.toByteArray();
  }

  @Test
  void bytesEqualAWritersBytes_acrossTheBufferBoundary() throws IOException {
    String line = ",d41d8cd98f00b204e9800998ecf8427e,données/ファイル 😀.txt\n";
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < 5000; i++) { // several 64 KiB buffers' worth
      parts.add(i + line);
    }
    parts.add("x".repeat(70_000)); // larger than the buffer: written straight through
    parts.add("tail\n");
    assertThat(viaUtf8Text(parts)).isEqualTo(viaWriter(parts));
  }

  @Test
  void exactFill_thenMore() throws IOException {
    List<String> parts = List.of("a".repeat(1 << 16), "b", "c".repeat((1 << 16) - 1), "é");
    assertThat(viaUtf8Text(parts)).isEqualTo(viaWriter(parts));
  }

  @Test
  void unpairedSurrogate_becomesAQuestionMark_asWithAWriter() throws IOException {
    List<String> parts = List.of("a\uD800b\n", "\uDC00\n");
    assertThat(viaUtf8Text(parts))
        .isEqualTo(viaWriter(parts))
        .isEqualTo("a?b\n?\n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void nothingReachesTheStream_untilFlush() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Utf8Text t = new Utf8Text(out);
    t.write("abc");
    assertThat(out.size()).isZero();
    t.flush();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("abc");
  }
}
