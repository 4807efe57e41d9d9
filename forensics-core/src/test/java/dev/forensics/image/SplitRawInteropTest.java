package dev.forensics.image;

import static dev.forensics.image.ImageFixtures.randomBytes;
import static dev.forensics.image.ImageFixtures.readAll;
import static dev.forensics.image.ImageFixtures.run;
import static dev.forensics.image.ImageFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Split raw sets written by coreutils {@code split}, checked byte for byte and against {@code sha256sum}. */
class SplitRawInteropTest {

  @TempDir Path dir;

  private byte[] writeSource(int length) throws IOException {
    byte[] data = randomBytes(length, length);
    Files.write(dir.resolve("data"), data);
    return data;
  }

  private List<Path> segments(String prefix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().collect(Collectors.toList());
    }
  }

  private String sha256sumOfSource() throws IOException, InterruptedException {
    return run(dir, "sha256sum", "data").substring(0, 64);
  }

  private void assertWholeSet(byte[] data, List<Path> expectedSegments) throws Exception {
    String expectedHash = sha256sumOfSource();
    for (Path any : expectedSegments) { // first, middle and last segment all find the whole set
      try (EvidenceImage image = EvidenceImages.open(any)) {
        assertThat(image.format()).isEqualTo(ImageFormat.SPLIT_RAW);
        assertThat(image.segments()).containsExactlyElementsOf(expectedSegments);
        assertThat(image.size()).isEqualTo(data.length);
        assertThat(readAll(image)).isEqualTo(data);
        assertThat(sha256(image)).isEqualTo(expectedHash);
      }
    }
  }

  @Test
  void open_numericFromOne_readsWholeSet() throws Exception {
    byte[] data = writeSource(4_500);
    run(dir, "split", "-b", "1000", "-d", "-a", "3", "--numeric-suffixes=1", "data", "img.");
    List<Path> segments = segments("img.");
    assertThat(segments).extracting(p -> p.getFileName().toString())
        .containsExactly("img.001", "img.002", "img.003", "img.004", "img.005");
    assertWholeSet(data, segments);
  }

  @Test
  void open_numericFromZero_readsWholeSet() throws Exception {
    byte[] data = writeSource(3_000);
    run(dir, "split", "-b", "1000", "-d", "-a", "3", "data", "img.");
    List<Path> segments = segments("img.");
    assertThat(segments).extracting(p -> p.getFileName().toString())
        .containsExactly("img.000", "img.001", "img.002");
    assertWholeSet(data, segments);
  }

  @Test
  void open_twoLetterSuffixes_readsWholeSet() throws Exception {
    byte[] data = writeSource(5_001);
    run(dir, "split", "-b", "1000", "-a", "2", "data", "img.");
    List<Path> segments = segments("img.");
    assertThat(segments).extracting(p -> p.getFileName().toString())
        .containsExactly("img.aa", "img.ab", "img.ac", "img.ad", "img.ae", "img.af");
    assertWholeSet(data, segments);
  }

  @Test
  void open_threeLetterSuffixes_readsWholeSet() throws Exception {
    byte[] data = writeSource(2_999);
    run(dir, "split", "-b", "1000", "-a", "3", "data", "img.");
    List<Path> segments = segments("img.");
    assertThat(segments).extracting(p -> p.getFileName().toString())
        .containsExactly("img.aaa", "img.aab", "img.aac");
    assertWholeSet(data, segments);
  }

  @Test
  void open_rawDotRawNumbered_readsWholeSet() throws Exception {
    byte[] data = writeSource(1_000_000);
    run(dir, "split", "-b", "65536", "-d", "-a", "3", "--numeric-suffixes=1", "data", "disk.raw.");
    List<Path> segments = segments("disk.raw.");
    assertThat(segments).hasSize(16);
    assertWholeSet(data, segments);
  }

  @Test
  void open_rawFile_hashEqualsSha256sum() throws Exception {
    byte[] data = writeSource(123_457);
    Path dd = Files.copy(dir.resolve("data"), dir.resolve("disk.dd"));
    try (EvidenceImage image = EvidenceImages.open(dd)) {
      assertThat(image.format()).isEqualTo(ImageFormat.RAW);
      assertThat(image.segments()).containsExactly(dd);
      assertThat(readAll(image)).isEqualTo(data);
      assertThat(sha256(image)).isEqualTo(sha256sumOfSource());
    }
  }
}
