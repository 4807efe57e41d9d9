package dev.forensics.triage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The streaming scans give the same answers however the bytes are split into buffers. */
class ContentScannerProperties {

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = ContentScannerProperties.class.getResourceAsStream("/triage/real/" + name)) {
      return in.readAllBytes();
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private record Case(String type, byte[] bytes) {}

  private static List<Case> cases() throws IOException {
    byte[] zip = fixture("plain.zip");
    byte[] tail = concat("appended\u0000".getBytes(StandardCharsets.ISO_8859_1), zip);
    return List.of(
        new Case("image/jpeg", concat(fixture("photo.jpg"), tail)),
        new Case("image/png", concat(fixture("logo.png"), tail)),
        new Case("image/gif", concat(fixture("icon.gif"), tail)),
        new Case("application/pdf", concat(fixture("report.pdf"), tail)),
        new Case("application/zip", concat(zip, "junk".getBytes(StandardCharsets.US_ASCII))));
  }

  private static ContentScanner scan(Case c, List<Integer> cuts) {
    ContentScanner s = new ContentScanner(c.type(), true);
    int at = 0;
    for (int cut : cuts) {
      int n = Math.min(cut, c.bytes().length - at);
      if (n <= 0) {
        break;
      }
      s.update(c.bytes(), at, n);
      at += n;
    }
    if (at < c.bytes().length) {
      s.update(c.bytes(), at, c.bytes().length - at);
    }
    return s;
  }

  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(1, 700).list().ofMinSize(1).ofMaxSize(60);
  }

  @Property(tries = 60)
  void bufferBoundaries_changeNothing(@ForAll("cuts") List<Integer> cuts) throws IOException {
    for (Case c : cases()) {
      ContentScanner whole = scan(c, List.of(c.bytes().length));
      ContentScanner split = scan(c, cuts);
      assertThat(split.logicalEnd()).as(c.type()).isEqualTo(whole.logicalEnd()).isPositive();
      assertThat(split.embedded()).as(c.type()).isEqualTo(whole.embedded());
      assertThat(split.entropy()).isEqualTo(whole.entropy());
      assertThat(split.size()).isEqualTo(c.bytes().length);
    }
  }
}
