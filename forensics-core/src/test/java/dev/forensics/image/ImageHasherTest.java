package dev.forensics.image;

import static dev.forensics.image.ImageFixtures.exec;
import static dev.forensics.image.ImageFixtures.randomBytes;
import static dev.forensics.image.ImageFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.Piece;
import dev.forensics.image.ImageFixtures.ToolResult;
import dev.forensics.image.internal.EwfLayout;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The media digests of {@link ImageHasher} against independent tools: {@code md5sum}/{@code sha256sum} of
 * the source and of each segment file, dc3dd's hash log of the acquisition that wrote the split set, and
 * {@code ewfacquire}-made E01 sets (skipped without the tools, failed under {@code CI=true}).
 */
class ImageHasherTest {

  private static final List<HashAlgorithm> MD5_SHA1_SHA256 =
      List.of(HashAlgorithm.MD5, HashAlgorithm.SHA1, HashAlgorithm.SHA256);

  @TempDir Path dir;

  private static String hex(String algorithm, byte[] data, int from, int to) throws Exception {
    MessageDigest md = MessageDigest.getInstance(algorithm);
    md.update(data, from, to - from);
    return HexFormat.of().formatHex(md.digest());
  }

  private static String hex(ImageHash h, HashAlgorithm a) {
    return h.digests().get(a).orElseThrow().hex();
  }

  private List<Path> files(String prefix) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void hash_splitSetFromSplit_matchesCoreutilsOfSourceAndOfEachSegment() throws Exception {
    byte[] data = randomBytes(2_500_000, 21);
    Files.write(dir.resolve("source.raw"), data);
    run(dir, "split", "-b", "1000000", "-d", "-a", "3", "--numeric-suffixes=1", "source.raw", "usb.");
    List<Path> segments = files("usb.");
    AtomicLong progress = new AtomicLong();
    ImageHash h;
    try (EvidenceImage image = EvidenceImages.open(segments.get(1))) {
      h = ImageHasher.of(MD5_SHA1_SHA256).withSegmentHashes(true).withPieceSize(1 << 20)
          .hash(image, progress::addAndGet);
    }
    assertThat(progress.get()).as("each media byte read once").isEqualTo(data.length);
    assertThat(hex(h, HashAlgorithm.MD5)).isEqualTo(run(dir, "md5sum", "source.raw").substring(0, 32));
    assertThat(hex(h, HashAlgorithm.SHA256)).isEqualTo(run(dir, "sha256sum", "source.raw").substring(0, 64));
    assertThat(h.format()).isEqualTo(ImageFormat.SPLIT_RAW);
    assertThat(h.mediaSize()).isEqualTo(data.length);
    assertThat(h.bytesPerSector()).isEqualTo(512);
    assertThat(h.sectorSizeFromImage()).isFalse();
    assertThat(h.complete()).isTrue();
    assertThat(h.segments()).extracting(SegmentHash::file).containsExactlyElementsOf(segments);
    for (SegmentHash s : h.segments()) {
      String name = s.file().getFileName().toString();
      assertThat(s.digests().get(HashAlgorithm.MD5).orElseThrow().hex()).as(name)
          .isEqualTo(run(dir, "md5sum", name).substring(0, 32));
      assertThat(s.digests().get(HashAlgorithm.SHA1).orElseThrow().hex()).as(name)
          .isEqualTo(run(dir, "sha1sum", name).substring(0, 40));
    }
    assertThat(h.pieces()).extracting(Piece::offset).containsExactly(0L, 1L << 20, 2L << 20);
    Piece last = h.pieces().get(2);
    assertThat(last.length()).isEqualTo(data.length - (2L << 20));
    assertThat(last.digests().get(HashAlgorithm.SHA256).orElseThrow().hex())
        .isEqualTo(hex("SHA-256", data, 2 << 20, data.length));
    assertThat(h.lastSectorOf(last.offset(), last.length())).as("a partial last sector counts").isEqualTo(4882);
  }

  /**
   * dc3dd writes the split set and logs, per algorithm, the total and one hash per output file: the
   * image hash and the segment hashes must be those, from our single read.
   */
  @Test
  void hash_splitSetWrittenByDc3dd_matchesItsHashLog() throws Exception {
    byte[] data = randomBytes(2 * 1024 * 1024 + 512 * 37, 22);
    Files.write(dir.resolve("source.raw"), data);
    run(dir, "dc3dd", "if=source.raw", "hofs=disk.000", "ofsz=1M", "hash=md5", "hash=sha1", "hash=sha256",
        "hlog=hash.log");
    Dc3ddLog log = Dc3ddLog.parse(Files.readString(dir.resolve("hash.log")));
    List<Path> segments = files("disk.0");
    assertThat(segments).hasSize(3);
    ImageHash h;
    try (EvidenceImage image = EvidenceImages.open(segments.get(0))) {
      h = ImageHasher.of(MD5_SHA1_SHA256).withSegmentHashes(true).hash(image, n -> {});
    }
    for (HashAlgorithm a : MD5_SHA1_SHA256) {
      assertThat(hex(h, a)).as("total %s", a).isEqualTo(log.totals.get(a.id()));
      for (SegmentHash s : h.segments()) {
        String key = s.file().getFileName() + " " + a.id();
        assertThat(s.digests().get(a).orElseThrow().hex()).as(key).isEqualTo(log.perFile.get(key));
        assertThat(h.sectorOf(s.offset()) + " - " + h.lastSectorOf(s.offset(), s.length())).as(key)
            .isEqualTo(log.sectors.get(key));
      }
    }
  }

  /** The totals and the {@code output results} lines of a dc3dd {@code hlog=} file. */
  record Dc3ddLog(Map<String, String> totals, Map<String, String> perFile, Map<String, String> sectors) {
    private static final Pattern TOTAL = Pattern.compile("^   (?:\\[ok\\] )?([0-9a-f]+) \\(([a-z0-9]+)\\)$");
    private static final Pattern FILE =
        Pattern.compile("^      \\[ok\\] ([0-9a-f]+), sectors (\\d+ - \\d+), `(.+)'$");

    static Dc3ddLog parse(String text) {
      Map<String, String> totals = new HashMap<>();
      Map<String, String> perFile = new HashMap<>();
      Map<String, String> sectors = new HashMap<>();
      String algorithm = null;
      for (String line : text.split("\n")) {
        Matcher t = TOTAL.matcher(line);
        Matcher f = FILE.matcher(line);
        if (t.matches()) {
          algorithm = t.group(2);
          totals.put(algorithm, t.group(1));
        } else if (f.matches()) {
          perFile.put(f.group(3) + " " + algorithm, f.group(1));
          sectors.put(f.group(3) + " " + algorithm, f.group(2));
        }
      }
      assertThat(perFile).as("dc3dd log lines per file:\n%s", text).isNotEmpty();
      return new Dc3ddLog(totals, perFile, sectors);
    }
  }

  @Test
  void hash_rawImage_isOneSegment_andEmptyMediaHasNoPieces() throws Exception {
    byte[] data = randomBytes(5000, 23);
    Path raw = dir.resolve("disk.dd");
    Files.write(raw, data);
    try (EvidenceImage image = EvidenceImages.open(raw)) {
      ImageHash h = ImageHasher.of(List.of(HashAlgorithm.SHA256)).withSegmentHashes(true).withPieceSize(4096)
          .hash(image, n -> {});
      assertThat(h.segments()).singleElement().satisfies(s -> {
        assertThat(s.length()).isEqualTo(5000);
        assertThat(s.digests()).isEqualTo(h.digests());
      });
      assertThat(h.pieces()).extracting(Piece::length).containsExactly(4096L, 904L);
    }
    Path empty = dir.resolve("empty.dd");
    Files.write(empty, new byte[0]);
    try (EvidenceImage image = EvidenceImages.open(empty)) {
      ImageHash h = ImageHasher.of(List.of(HashAlgorithm.MD5)).withSegmentHashes(true).withPieceSize(4096)
          .hash(image, n -> {});
      assertThat(hex(h, HashAlgorithm.MD5)).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
      assertThat(h.pieces()).isEmpty();
      assertThat(h.segments()).singleElement().satisfies(s -> assertThat(s.length()).isZero());
    }
  }

  @Test
  void hash_e01FromEwfacquire_isTheMediaHash_notTheSegmentFiles() throws Exception {
    byte[] data = randomBytes(3 * 1024 * 1024 + 512 * 3, 24);
    Files.write(dir.resolve("source.raw"), data);
    acquire("fast");
    List<Path> segments = files("img.E");
    assertThat(segments).hasSizeGreaterThan(1);
    ImageHash h;
    try (EvidenceImage image = EvidenceImages.open(segments.get(0))) {
      h = ImageHasher.of(MD5_SHA1_SHA256).withPieceSize(1 << 20).hash(image, n -> {});
      assertThatThrownBy(() -> ImageHasher.of(MD5_SHA1_SHA256).withSegmentHashes(true).hash(image, n -> {}))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("split raw");
    }
    assertThat(hex(h, HashAlgorithm.MD5)).isEqualTo(run(dir, "md5sum", "source.raw").substring(0, 32));
    assertThat(hex(h, HashAlgorithm.SHA1)).isEqualTo(run(dir, "sha1sum", "source.raw").substring(0, 40));
    assertThat(hex(h, HashAlgorithm.MD5)).isNotEqualTo(run(dir, "md5sum", "img.E01").substring(0, 32));
    assertThat(h.sectorSizeFromImage()).isTrue();
    assertThat(h.segmentFiles()).containsExactlyElementsOf(segments);
    assertThat(h.pieces()).hasSize(4);
    assertThat(h.pieces().get(3).digests().get(HashAlgorithm.SHA256).orElseThrow().hex())
        .isEqualTo(hex("SHA-256", data, 3 << 20, data.length));
    assertThat(h.complete()).isTrue();
  }

  /** Like ewfverify: the damaged chunk is named by its sectors, hashed as zeros, and hashing goes on. */
  @Test
  void hash_e01WithDamagedChunk_hashesItAsZeros_andReportsItsSectors() throws Exception {
    byte[] data = randomBytes(2 * 1024 * 1024, 25);
    Path e01 = damagedE01(data, 13);
    int chunk = 13;
    ImageHash h;
    try (EvidenceImage image = EvidenceImages.open(e01)) {
      h = ImageHasher.of(List.of(HashAlgorithm.SHA256)).withPieceSize(1 << 20).hash(image, n -> {});
    }
    assertThat(h.complete()).isFalse();
    assertThat(h.damaged()).singleElement().satisfies(d -> {
      assertThat(d.chunkIndex()).isEqualTo(chunk);
      assertThat(d.firstSector()).isEqualTo(chunk * 64L);
      assertThat(d.lastSector()).isEqualTo(chunk * 64L + 63);
      assertThat(d.reason()).contains("Adler-32");
    });
    byte[] zeroed = data.clone();
    Arrays.fill(zeroed, chunk * 32768, (chunk + 1) * 32768, (byte) 0);
    assertThat(hex(h, HashAlgorithm.SHA256)).isEqualTo(hex("SHA-256", zeroed, 0, zeroed.length));
    try (EvidenceImage source = EvidenceImages.openRaw(dir.resolve("source.raw"))) {
      ImageHash intact = ImageHasher.of(List.of(HashAlgorithm.SHA256)).withPieceSize(1 << 20).hash(source, n -> {});
      assertThat(h.pieces().get(0).digests()).as("the piece holding the damaged chunk").isNotEqualTo(intact.pieces().get(0).digests());
      assertThat(h.pieces().get(1).digests()).as("the piece without it").isEqualTo(intact.pieces().get(1).digests());
    }
  }

  /** Reads of any size: each damaged chunk (a full one, the short last one) is zeros and recorded once. */
  @Test
  void mediaStream_oddSizedReads_giveTheMediaWithTheDamagedChunksZeroed() throws Exception {
    byte[] data = randomBytes(1024 * 1024 + 512 * 9, 26); // chunk 32 is short: 9 sectors
    int last = data.length / 32768;
    Path e01 = damagedE01(data, 5, last);
    byte[] expected = data.clone();
    Arrays.fill(expected, 5 * 32768, 6 * 32768, (byte) 0);
    Arrays.fill(expected, last * 32768, data.length, (byte) 0);
    try (EwfImage image = EwfImage.open(e01);
        EwfImage.MediaStream channel = image.openMediaStream()) {
      ByteBuffer all = ByteBuffer.allocate(data.length);
      ByteBuffer buffer = ByteBuffer.allocate(10_007); // several reads per chunk
      while (channel.read(buffer.clear()) >= 0) {
        all.put(buffer.flip());
      }
      assertThat(all.position()).isEqualTo(data.length);
      assertThat(all.array()).isEqualTo(expected);
      assertThat(channel.damaged()).extracting(CorruptChunkException::chunkIndex).containsExactly(5L, (long) last);
      assertThat(channel.damaged().get(1).lastSector()).isEqualTo(data.length / 512 - 1);
    }
  }

  /** Acquires {@code data} uncompressed with ewfacquire and flips a bit in each chunk given. */
  private Path damagedE01(byte[] data, int... chunks) throws Exception {
    Files.write(dir.resolve("source.raw"), data);
    acquire("none");
    Path e01 = dir.resolve("img.E01");
    EwfLayout layout = EwfLayout.read(e01);
    try {
      for (int chunk : chunks) {
        Path segment = layout.segments().get(layout.chunkSegment(chunk));
        byte[] bytes = Files.readAllBytes(segment);
        bytes[(int) layout.chunkOffset(chunk) + 7] ^= 0x20;
        Files.write(segment, bytes);
      }
    } finally {
      for (var ch : layout.channels()) {
        ch.close();
      }
    }
    return e01;
  }

  private void acquire(String compression) throws Exception {
    ToolResult r = exec(dir, Map.of(), "ewfacquire", "-u", "-t", "img", "-f", "encase6", "-c", compression,
        "-S", "1MiB", "-d", "sha1", "source.raw");
    assertThat(r.exitCode()).as("ewfacquire: %s%s", r.stdout(), r.stderr()).isZero();
  }
}
