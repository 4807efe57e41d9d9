package dev.forensics.triage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ContentScannerTest {

  @Test
  void histogram_countsEveryByteOnce_whateverTheBufferLengthAndOffset() {
    Random random = new Random(5);
    for (int length : new int[] {0, 1, 2, 3, 4, 5, 7, 8, 9, 255, 1000, 65_537}) {
      byte[] data = new byte[length + 3];
      random.nextBytes(data);
      for (int i = 0; i < data.length; i += 7) {
        data[i] = 'A'; // runs and repeats, not only uniform bytes
      }
      long[] counts = new long[256];
      for (int i = 3; i < data.length; i++) {
        counts[data[i] & 0xff]++;
      }
      ContentScanner scanner = new ContentScanner("application/octet-stream", false);
      scanner.update(data, 3, length);
      assertThat(scanner.size()).isEqualTo(length);
      assertThat(scanner.entropy()).as("length " + length).isEqualTo(ContentScanner.entropy(counts, length));
    }
  }

  @Test
  void signaturesInsideData_areFoundAtTheirOffsets() {
    byte[] data = new byte[10_000];
    byte[] zip = {'P', 'K', 3, 4, 0x14, 0};
    System.arraycopy(zip, 0, data, 4321, zip.length);
    byte[] pdf = "%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    System.arraycopy(pdf, 0, data, 9000, pdf.length);
    ContentScanner scanner = new ContentScanner("image/jpeg", true);
    scanner.update(data, 0, 5000);
    scanner.update(data, 5000, 5000);
    assertThat(scanner.embedded()).containsExactly(new ContentScanner.Embedded(4321, "ZIP archive"),
        new ContentScanner.Embedded(9000, "PDF document"));
  }
}
