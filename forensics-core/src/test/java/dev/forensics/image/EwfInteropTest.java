package dev.forensics.image;

import static dev.forensics.image.ImageFixtures.exec;
import static dev.forensics.image.ImageFixtures.randomBytes;
import static dev.forensics.image.ImageFixtures.readAll;
import static dev.forensics.image.ImageFixtures.requireTool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forensics.hash.Digest;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.image.ImageFixtures.ToolResult;
import dev.forensics.image.internal.EwfLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * EWF images written by the real {@code ewfacquire} (Debian package {@code ewf-tools}), read back and
 * compared with the source, {@code md5sum}/{@code sha1sum}, {@code ewfinfo} and {@code ewfverify}.
 * Skipped when ewf-tools is not installed, failed instead under {@code CI=true}.
 */
class EwfInteropTest {

  /** ewfacquire's smallest segment size: forces several segments for a few MiB of media. */
  private static final String SEGMENT_SIZE = "1MiB";

  @TempDir Path dir;

  private byte[] source;

  @BeforeEach
  void requireEwfTools() {
    requireTool("ewfacquire");
    requireTool("ewfverify");
    requireTool("ewfinfo");
  }

  /** Zeros, text and random bytes: compressible and incompressible chunks, 6336 sectors of 512 bytes. */
  private static byte[] mixedMedia() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[512 * 1024]);
    byte[] text = "Evidence item 7: the quick brown fox jumps over the lazy dog.\n".getBytes(StandardCharsets.US_ASCII);
    for (int written = 0; written < 1024 * 1024; written += text.length) {
      out.write(text, 0, Math.min(text.length, 1024 * 1024 - written));
    }
    out.writeBytes(randomBytes(1280 * 1024, 17));
    out.writeBytes(new byte[256 * 1024]);
    out.writeBytes(randomBytes(96 * 1024 + 512 * 5, 18)); // a last chunk of 37 sectors
    return out.toByteArray();
  }

  /** Acquires {@code source} with ewfacquire; returns the segment files in order. */
  private List<Path> acquire(String format, String compression) throws Exception {
    source = mixedMedia();
    Files.write(dir.resolve("source.raw"), source);
    ToolResult r = exec(dir, Map.of(), "ewfacquire", "-u", "-t", "img", "-f", format, "-c", compression,
        "-S", SEGMENT_SIZE, "-d", "sha1", "-C", "case 42", "-E", "item 7", "-e", "J. Examiner",
        "-D", "USB stick from desk", "-N", "seized under warrant 12", "source.raw");
    assertThat(r.exitCode()).as("ewfacquire: %s%s", r.stdout(), r.stderr()).isZero();
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("img.")).sorted().collect(Collectors.toList());
    }
  }

  private String tool(String... command) throws Exception {
    ToolResult r = exec(dir, Map.of(), command);
    assertThat(r.exitCode()).as("%s: %s%s", command[0], r.stdout(), r.stderr()).isZero();
    return r.stdout();
  }

  /** The {@code Key: value} lines ewfinfo prints, keys without the colon. */
  private static Map<String, String> ewfinfo(String output) {
    Map<String, String> values = new HashMap<>();
    for (String line : output.split("\n")) {
      int colon = line.indexOf(':');
      if (line.startsWith("\t") && colon > 0) {
        values.putIfAbsent(line.substring(1, colon).trim(), line.substring(colon + 1).trim());
      }
    }
    return values;
  }

  private static String hex(String algorithm, byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
  }

  /**
   * ewfinfo's date ({@code Sat Nov 28 15:07:07 2026}) with single spaces and no leading zero in the day;
   * for EWF-X it shows the xheader's date, the same instant with a " UTC" suffix (the tests run in UTC).
   */
  private static String normalizeDate(String date) {
    return date.trim().replaceAll("\\s+", " ").replaceAll(" 0(\\d) ", " $1 ").replaceFirst(" UTC$", "");
  }

  private static String ctime(LocalDateTime time) {
    return time.format(DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.US));
  }

  @ParameterizedTest(name = "{0} compression {1}")
  @CsvSource({
    "encase6, none",
    "encase6, fast",
    "encase6, best",
    "encase5, fast",
    "encase2, best",
    "ftk, none",
    "ftk, fast",
    "encase7, empty-block",
    "linen6, fast",
    "ewf, fast",
    "smart, best",
    "ewfx, fast",
  })
  void open_ewfacquireImage_matchesSourceToolsAndMetadata(String format, String compression) throws Exception {
    List<Path> segments = acquire(format, compression);
    assertThat(segments).as("segments of %s", format).hasSizeGreaterThan(1);
    String md5sum = tool("md5sum", "source.raw").substring(0, 32);
    String sha1sum = tool("sha1sum", "source.raw").substring(0, 40);
    Map<String, String> info = ewfinfo(tool("ewfinfo", segments.get(0).getFileName().toString()));
    String verify = tool("ewfverify", "-q", segments.get(0).getFileName().toString());
    assertThat(verify).contains("ewfverify: SUCCESS");

    for (Path any : List.of(segments.get(0), segments.get(segments.size() - 1))) {
      try (EvidenceImage opened = EvidenceImages.open(any)) {
        assertThat(opened).isInstanceOf(EwfImage.class);
        EwfImage image = (EwfImage) opened;
        assertThat(image.format()).isEqualTo(ImageFormat.EWF);
        assertThat(image.segments()).containsExactlyElementsOf(segments);
        assertThat(image.size()).isEqualTo(source.length);
        byte[] media = readAll(image);
        assertThat(media).isEqualTo(source);
        assertThat(hex("MD5", media)).isEqualTo(md5sum);

        assertThat(image.storedHashes().get(HashAlgorithm.MD5)).contains(Digest.ofHex(HashAlgorithm.MD5, md5sum));
        assertThat(info.get("MD5")).isEqualTo(md5sum);
        if (info.containsKey("SHA1")) {
          assertThat(info.get("SHA1")).isEqualTo(sha1sum);
          assertThat(image.storedHashes().get(HashAlgorithm.SHA1))
              .contains(Digest.ofHex(HashAlgorithm.SHA1, sha1sum));
        } else {
          assertThat(image.storedHashes().algorithms()).containsExactly(HashAlgorithm.MD5);
        }

        EwfGeometry geometry = image.geometry();
        assertThat(geometry.bytesPerSector()).hasToString(info.get("Bytes per sector"));
        assertThat(geometry.sectorsPerChunk()).hasToString(info.get("Sectors per chunk"));
        assertThat(geometry.sectorCount()).hasToString(info.get("Number of sectors"));
        assertThat(geometry.chunkCount()).isEqualTo((source.length / 512 + 63) / 64);
        assertThat(image.chunkCount()).isEqualTo(geometry.chunkCount());

        EwfMetadata m = image.metadata();
        assertThat(m.caseNumber()).contains(info.get("Case number")).contains("case 42");
        assertThat(m.evidenceNumber()).contains(info.get("Evidence number")).contains("item 7");
        assertThat(m.examiner()).contains(info.get("Examiner name")).contains("J. Examiner");
        assertThat(m.description()).contains(info.get("Description")).contains("USB stick from desk");
        assertThat(m.notes()).contains(info.get("Notes")).contains("seized under warrant 12");
        // the ewf and smart formats store no software version or OS: then ewfinfo prints none either
        assertThat(m.operatingSystem()).isEqualTo(Optional.ofNullable(info.get("Operating system used")));
        assertThat(m.softwareVersion()).isEqualTo(Optional.ofNullable(info.get("Software version used")));
        assertThat(m.acquisitionTime(ZoneOffset.UTC).map(EwfInteropTest::ctime))
            .contains(normalizeDate(info.get("Acquisition date")));
        assertThat(m.systemTime(ZoneOffset.UTC).map(EwfInteropTest::ctime))
            .contains(normalizeDate(info.get("System date")));
      }
    }
  }

  @Test
  void forEachChunk_undamagedImage_streamsWholeMediaWithoutErrors() throws Exception {
    List<Path> segments = acquire("encase6", "fast");
    try (EwfImage image = EwfImage.open(segments.get(1))) {
      ByteArrayOutputStream media = new ByteArrayOutputStream();
      List<Long> offsets = new ArrayList<>();
      List<CorruptChunkException> damaged = image.forEachChunk((index, offset, data) -> {
        offsets.add(offset);
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        media.writeBytes(bytes);
      });
      assertThat(damaged).isEmpty();
      assertThat(offsets).hasSize((int) image.chunkCount()).startsWith(0L, 32768L);
      assertThat(media.toByteArray()).isEqualTo(source);
      for (int bufferSize : new int[] {1000, 32768, 1 << 20}) {
        try (EwfImage.MediaStream stream = image.openMediaStream()) {
          assertThat(readStream(stream, bufferSize)).as("media stream, %d-byte reads", bufferSize).isEqualTo(source);
          assertThat(stream.damaged()).isEmpty();
        }
      }
    }
  }

  /** Reads a channel to its end through a heap buffer of {@code bufferSize} bytes. */
  private static byte[] readStream(java.nio.channels.ReadableByteChannel channel, int bufferSize) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer buffer = ByteBuffer.allocate(bufferSize);
    while (channel.read(buffer.clear()) >= 0) {
      out.write(buffer.array(), 0, buffer.position());
    }
    return out.toByteArray();
  }

  /**
   * A source whose size is not a multiple of 512: ewfacquire stores every byte and hashes them all, but
   * records only whole sectors; libewf then reads a shorter media and ewfverify fails. The trailing bytes
   * are part of the acquired media: the image reads the whole source and its stored hashes verify.
   */
  @ParameterizedTest(name = "compression {0}")
  @CsvSource({"none", "fast"})
  void partialLastSector_isPartOfTheMedia_andStoredHashesVerify(String compression) throws Exception {
    byte[] data = java.util.Arrays.copyOf(mixedMedia(), 3 * 1024 * 1024 + 300);
    Files.write(dir.resolve("odd.raw"), data);
    ToolResult r = exec(dir, Map.of(), "ewfacquire", "-u", "-t", "odd", "-f", "encase6", "-c", compression,
        "-d", "sha1", "odd.raw");
    assertThat(r.exitCode()).as("ewfacquire: %s%s", r.stdout(), r.stderr()).isZero();
    assertThat(r.stdout()).contains("MD5 hash calculated over data:\t\t" + hex("MD5", data));
    try (EwfImage image = EwfImage.open(dir.resolve("odd.E01"))) {
      assertThat(image.geometry().sectorCount()).isEqualTo(data.length / 512);
      assertThat(image.size()).isEqualTo(data.length);
      assertThat(readAll(image)).isEqualTo(data);
      ImageVerification v = ImageVerifier.verify(image, List.of(), dev.forensics.hash.DigestSet.empty(), n -> {});
      assertThat(v.damaged()).isEmpty();
      assertThat(v.passed()).as("%s", v.checks()).isTrue();
    }
  }

  /** The index of a chunk inside the text area (compressible) and one inside the random area. */
  private static final int TEXT_CHUNK = (512 * 1024 + 100_000) / 32768;
  private static final int RANDOM_CHUNK = (1536 * 1024 + 200_000) / 32768;

  @ParameterizedTest(name = "{0} chunk in {1} compression {2}")
  @CsvSource({
    "compressed, encase6, fast",
    "uncompressed, encase6, none",
    "compressed, encase5, best",
    "uncompressed, ftk, fast",
  })
  void read_damagedChunk_throwsWithSectorRangeWhileOthersRead(String kind, String format, String compression)
      throws Exception {
    List<Path> segments = acquire(format, compression);
    Path copyDir = Files.createDirectory(dir.resolve("copy"));
    for (Path s : segments) {
      Files.copy(s, copyDir.resolve(s.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
    }
    int chunk = kind.equals("compressed") ? TEXT_CHUNK : RANDOM_CHUNK;
    Path segment;
    long offset;
    int stored;
    EwfLayout layout = EwfLayout.read(copyDir.resolve(segments.get(0).getFileName()));
    try {
      assertThat(layout.chunkCompressed(chunk)).as("chunk %d compressed", chunk).isEqualTo(kind.equals("compressed"));
      segment = layout.segments().get(layout.chunkSegment(chunk));
      offset = layout.chunkOffset(chunk);
      stored = layout.chunkStoredSize(chunk);
    } finally {
      for (var ch : layout.channels()) {
        ch.close();
      }
    }
    byte[] bytes = Files.readAllBytes(segment);
    bytes[(int) (offset + stored / 2)] ^= 0x5a;
    Files.write(segment, bytes);

    long firstSector = chunk * 64L;
    long lastSector = firstSector + 63;
    try (EwfImage image = EwfImage.open(copyDir.resolve(segments.get(0).getFileName()))) {
      ByteBuffer buffer = ByteBuffer.allocate(32768);
      assertThatThrownBy(() -> image.read(buffer.clear(), chunk * 32768L + 1000))
          .isInstanceOfSatisfying(CorruptChunkException.class, e -> {
            assertThat(e.chunkIndex()).isEqualTo(chunk);
            assertThat(e.firstSector()).isEqualTo(firstSector);
            assertThat(e.lastSector()).isEqualTo(lastSector);
            assertThat(e.segment()).isEqualTo(segment);
            assertThat(e.fileOffset()).isEqualTo(offset);
            assertThat(e.getMessage()).startsWith("chunk " + chunk + " (sectors " + firstSector + "-" + lastSector
                + ") in " + segment + " at offset " + offset + ": ");
            if (kind.equals("uncompressed")) {
              assertThat(e.getMessage()).contains("Adler-32 mismatch, calculated: ");
            }
          });
      for (int neighbour : new int[] {chunk - 1, chunk + 1}) {
        assertThat(image.read(buffer.clear(), neighbour * 32768L)).isEqualTo(32768);
        assertThat(buffer.array()).isEqualTo(Arrays.copyOfRange(source, neighbour * 32768, (neighbour + 1) * 32768));
      }
      ByteArrayOutputStream media = new ByteArrayOutputStream();
      List<CorruptChunkException> damaged = image.forEachChunk((index, at, data) -> {
        byte[] b = new byte[data.remaining()];
        data.get(b);
        media.writeBytes(b);
      });
      assertThat(damaged).singleElement().satisfies(e -> {
        assertThat(e.firstSector()).isEqualTo(firstSector);
        assertThat(e.lastSector()).isEqualTo(lastSector);
      });
      byte[] expected = source.clone();
      Arrays.fill(expected, chunk * 32768, (chunk + 1) * 32768, (byte) 0);
      assertThat(media.toByteArray()).isEqualTo(expected);
      for (int bufferSize : new int[] {5000, 1 << 20}) {
        try (EwfImage.MediaStream stream = image.openMediaStream()) {
          assertThat(readStream(stream, bufferSize)).isEqualTo(expected);
          assertThat(stream.damaged()).singleElement()
              .satisfies(e -> assertThat(e.firstSector()).isEqualTo(firstSector));
        }
      }
    }

    ToolResult verify = exec(copyDir, Map.of(), "ewfverify", "-q", segments.get(0).getFileName().toString());
    assertThat(verify.exitCode()).isNotZero();
    assertThat(verify.stdout()).contains("ewfverify: FAILURE").contains(firstSector + " - " + lastSector);
  }
}
