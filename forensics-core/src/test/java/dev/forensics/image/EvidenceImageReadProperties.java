package dev.forensics.image;

import static dev.forensics.image.ImageFixtures.letterSuffixes;
import static dev.forensics.image.ImageFixtures.numericSuffixes;
import static dev.forensics.image.ImageFixtures.readAll;
import static dev.forensics.image.ImageFixtures.splitByHand;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Any split of any data, read at any offset and length, gives the source bytes. */
class EvidenceImageReadProperties {

  /** An offset and a length, both possibly past the end of the media. */
  record Read(int offset, int length) {}

  @Provide
  Arbitrary<Read> reads() {
    return Combinators.combine(Arbitraries.integers().between(0, 6_000), Arbitraries.integers().between(0, 3_000))
        .as(Read::new);
  }

  @Property(tries = 200)
  void randomReads_matchSource(
      @ForAll @Size(min = 1, max = 5_000) byte[] data,
      @ForAll @IntRange(min = 1, max = 1_200) int segmentSize,
      @ForAll boolean letters,
      @ForAll @Size(max = 20) List<@From("reads") Read> reads)
      throws IOException {
    Path dir = Files.createTempDirectory("image-props");
    try {
      int count = (data.length + segmentSize - 1) / segmentSize;
      List<String> suffixes = letters ? letterSuffixes(3, false, count) : numericSuffixes(1, 3, count);
      List<Path> segments = splitByHand(dir, "img.", suffixes, data, segmentSize);
      try (EvidenceImage image = EvidenceImages.open(segments.get(count / 2))) {
        assertThat(image.segments()).containsExactlyElementsOf(segments);
        assertThat(image.size()).isEqualTo(data.length);
        assertThat(readAll(image)).isEqualTo(data);
        for (Read read : reads) {
          ByteBuffer buffer = ByteBuffer.allocate(read.length());
          int n = image.read(buffer, read.offset());
          int expected = read.length() == 0 ? 0 : read.offset() >= data.length ? -1
              : Math.min(read.length(), data.length - read.offset());
          assertThat(n).as("read %s", read).isEqualTo(expected);
          if (n > 0) {
            assertThat(Arrays.copyOf(buffer.array(), n))
                .isEqualTo(Arrays.copyOfRange(data, read.offset(), read.offset() + n));
          }
        }
      }
    } finally {
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
