package dev.forensics.image;

import static dev.forensics.image.ImageFixtures.exec;
import static dev.forensics.image.ImageFixtures.randomBytes;
import static dev.forensics.image.ImageFixtures.readAll;
import static dev.forensics.image.ImageFixtures.requireTool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forensics.image.internal.EwfSegmentNames;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segment naming, metadata dates, and damaged EWF structures (missing segment, table, truncation). */
class EwfStructureTest {

  @TempDir Path dir;

  private byte[] source;

  @Test
  void segmentNames_pastE99_continueWithLetters() throws Exception {
    EwfSegmentNames names = EwfSegmentNames.of(Path.of("/cases/disk.E01"), 1);
    assertThat(names.segment(1)).isEqualTo(Path.of("/cases/disk.E01"));
    assertThat(names.segment(99)).isEqualTo(Path.of("/cases/disk.E99"));
    assertThat(names.segment(100)).isEqualTo(Path.of("/cases/disk.EAA"));
    assertThat(names.segment(101)).isEqualTo(Path.of("/cases/disk.EAB"));
    assertThat(names.segment(100 + 26 * 26 - 1)).isEqualTo(Path.of("/cases/disk.EZZ"));
    assertThat(names.segment(100 + 26 * 26)).isEqualTo(Path.of("/cases/disk.FAA"));
    assertThat(names.maxSegment()).isEqualTo(99 + 22 * 26 * 26); // up to .ZZZ
  }

  @Test
  void segmentNames_fromLaterOrLowerCaseSegment_findFirst() throws Exception {
    assertThat(EwfSegmentNames.of(Path.of("/c/disk.EAB"), 101).segment(1)).isEqualTo(Path.of("/c/disk.E01"));
    assertThat(EwfSegmentNames.of(Path.of("/c/disk.FAA"), 776).segment(2)).isEqualTo(Path.of("/c/disk.E02"));
    assertThat(EwfSegmentNames.of(Path.of("/c/disk.e07"), 7).segment(100)).isEqualTo(Path.of("/c/disk.eaa"));
    assertThat(EwfSegmentNames.of(Path.of("/c/disk.s03"), 3).segment(1)).isEqualTo(Path.of("/c/disk.s01"));
  }

  @Test
  void segmentNames_numberNotMatchingName_isFormatError() {
    assertThatThrownBy(() -> EwfSegmentNames.of(Path.of("/c/disk.E01"), 2))
        .isInstanceOf(ImageFormatException.class)
        .hasMessage("/c/disk.E01: EWF segment 2 must be named NAME.E02 (or .e.., .s..) to find the other segments"
            + " of its set");
  }

  @Test
  void metadata_header2EpochAndHeaderLocalDates_becomeLocalTimes() {
    EwfMetadata m2 = EwfMetadata.of(Map.of("m", "1795878427", "u", "", "c", "case 1"));
    assertThat(m2.acquisitionTime(ZoneOffset.UTC)).contains(LocalDateTime.of(2026, 11, 28, 15, 7, 7));
    assertThat(m2.acquisitionTime(ZoneOffset.ofHours(2))).contains(LocalDateTime.of(2026, 11, 28, 17, 7, 7));
    assertThat(m2.systemDate()).isEmpty();
    assertThat(m2.caseNumber()).contains("case 1");
    EwfMetadata m1 = EwfMetadata.of(Map.of("m", "2002 3 4 10 19 59", "u", "not a date"));
    assertThat(m1.acquisitionTime(ZoneOffset.ofHours(5))).contains(LocalDateTime.of(2002, 3, 4, 10, 19, 59));
    assertThat(m1.systemTime(ZoneOffset.UTC)).isEmpty();
    assertThat(m2.acquisitionInstant()).contains(java.time.Instant.parse("2026-11-28T15:07:07Z"));
    assertThat(m1.acquisitionInstant()).as("a header date has no zone").isEmpty();
    assertThat(EwfMetadata.empty().examiner()).isEmpty();
  }

  private List<Path> acquire(String format) throws Exception {
    requireTool("ewfacquire");
    source = new byte[3 * 1024 * 1024];
    System.arraycopy(randomBytes(1024 * 1024, 5), 0, source, 1024 * 1024, 1024 * 1024);
    Files.write(dir.resolve("source.raw"), source);
    var r = exec(dir, Map.of(), "ewfacquire", "-u", "-t", "img", "-f", format, "-c", "none", "-S", "1MiB",
        "source.raw");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("img.")).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void open_missingMiddleSegment_namesIt() throws Exception {
    List<Path> segments = acquire("encase6");
    assertThat(segments).hasSizeGreaterThan(2);
    Files.delete(segments.get(1));
    assertThatThrownBy(() -> EvidenceImages.open(segments.get(0)))
        .isInstanceOf(ImageFormatException.class)
        .hasMessage(segments.get(1) + ": missing segment 2 of EWF image img.E01 (segment 1 ends with a next section);"
            + " media sectors 1984-6143 (from segment 2 on) cannot be read");
  }

  @Test
  void open_truncatedLastSegment_isFormatError() throws Exception {
    List<Path> segments = acquire("encase6");
    Path last = segments.get(segments.size() - 1);
    byte[] bytes = Files.readAllBytes(last);
    Files.write(last, Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> EvidenceImages.open(segments.get(0)))
        .isInstanceOf(ImageFormatException.class)
        .hasMessageStartingWith(last + ": section ");
  }

  @Test
  void open_damagedTable_readsItsTable2Mirror() throws Exception {
    List<Path> segments = acquire("encase6");
    Path first = segments.get(0);
    byte[] bytes = Files.readAllBytes(first);
    int table = indexOf(bytes, "table\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    bytes[table + 76 + 24 + 2] ^= 1; // an entry of the first table; its checksum no longer matches
    Files.write(first, bytes);
    try (EvidenceImage image = EvidenceImages.open(first)) {
      assertThat(readAll(image)).isEqualTo(source);
    }
  }

  @Test
  void read_fromManyThreads_matchesSource() throws Exception {
    List<Path> segments = acquire("encase6");
    try (EvidenceImage image = EvidenceImages.open(segments.get(0))) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          long seed = t;
          results.add(pool.submit(() -> {
            java.util.Random random = new java.util.Random(seed);
            for (int i = 0; i < 300; i++) {
              int position = random.nextInt(source.length);
              int length = 1 + random.nextInt(70_000);
              ByteBuffer buffer = ByteBuffer.allocate(length);
              int n = image.read(buffer, position);
              if (n != Math.min(length, source.length - position)
                  || !Arrays.equals(buffer.array(), 0, n, source, position, position + n)) {
                return false;
              }
            }
            return true;
          }));
        }
        for (Future<Boolean> f : results) {
          assertThat(f.get()).isTrue();
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void read_afterClose_throwsClosedChannel() throws Exception {
    List<Path> segments = acquire("encase6");
    EvidenceImage image = EvidenceImages.open(segments.get(0));
    image.close();
    assertThatThrownBy(() -> image.read(ByteBuffer.allocate(10), 0))
        .isInstanceOf(java.nio.channels.ClosedChannelException.class);
    assertThat(Optional.of(image.format())).contains(ImageFormat.EWF);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
