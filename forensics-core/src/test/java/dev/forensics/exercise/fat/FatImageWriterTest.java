package dev.forensics.exercise.fat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The writer's own guarantees, checked on the bytes it writes: determinism, the answer key, deletion, times. */
class FatImageWriterTest {

  @TempDir Path dir;

  private static SampleVolume sample(FatType type) {
    return switch (type) {
      case FAT12 -> new SampleVolume(type, 1_474_560, 1);
      case FAT16 -> new SampleVolume(type, 16L << 20, 4);
      case FAT32 -> new SampleVolume(type, 34L << 20, 1);
    };
  }

  private static byte[] read(Path image, long offset, int length) throws IOException {
    try (FileChannel ch = FileChannel.open(image)) {
      ByteBuffer b = ByteBuffer.allocate(length);
      while (b.hasRemaining() && ch.read(b, offset + b.position()) > 0) {
        // keep reading
      }
      return b.array();
    }
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @ParameterizedTest
  @EnumSource(FatType.class)
  void write_sameDescriptionTwice_givesIdenticalBytesAndReport(FatType type) throws Exception {
    FatImageReport first = FatImageWriter.write(sample(type).volume, dir.resolve("a.img"));
    FatImageReport second = FatImageWriter.write(sample(type).volume, dir.resolve("b.img"));
    assertThat(second).isEqualTo(first);
    assertThat(sha256(dir.resolve("b.img"))).isEqualTo(sha256(dir.resolve("a.img")));
  }

  @ParameterizedTest
  @EnumSource(FatType.class)
  void report_extentsSlackAndUnallocated_pointAtThePlantedBytes(FatType type) throws Exception {
    SampleVolume s = sample(type);
    Path image = dir.resolve("v.img");
    FatImageReport report = FatImageWriter.write(s.volume, image);
    Map<String, byte[]> all = new java.util.HashMap<>(s.live);
    all.putAll(s.deleted);
    for (Map.Entry<String, byte[]> e : all.entrySet()) {
      PlantedEntry p = report.entry(e.getKey()).orElseThrow();
      assertThat(p.size()).isEqualTo(e.getValue().length);
      assertThat(p.sha256().orElseThrow().value()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(e.getValue()));
      assertThat(p.deleted()).isEqualTo(s.deleted.containsKey(e.getKey()));
      long length = p.extents().stream().mapToLong(ByteRange::length).sum();
      assertThat(length).isEqualTo(e.getValue().length);
      if (length > 0) {
        ByteRange r = p.extents().get(0);
        assertThat(read(image, r.offset(), (int) r.length())).as(e.getKey()).isEqualTo(e.getValue());
        assertThat(r.offset()).isEqualTo(report.geometry().clusterOffset(p.firstCluster()));
      }
      int cs = report.geometry().clusterSize();
      assertThat(p.clusters()).hasSize((e.getValue().length + cs - 1) / cs);
    }
    SlackPlant slack = report.slack().get(0);
    assertThat(slack.path()).isEqualTo("notes.txt");
    assertThat(read(image, slack.range().offset(), (int) slack.range().length())).isEqualTo(SampleVolume.SLACK);
    PlantedEntry notes = report.entry("notes.txt").orElseThrow();
    assertThat(slack.range().offset()).isEqualTo(notes.extents().get(0).end());
    UnallocatedRegion u = report.unallocated().get(0);
    assertThat(read(image, u.range().offset(), (int) u.range().length())).isEqualTo(SampleVolume.UNALLOCATED);
    long lastUsed = report.entries().stream().flatMap(e -> e.clusters().stream()).mapToLong(Long::longValue).max()
        .orElseThrow();
    assertThat(u.clusters().get(0)).isGreaterThan(lastUsed);
  }

  /** The FAT entry of {@code cluster} in FAT copy {@code copy}. */
  private static long fatEntry(Path image, FatGeometry g, int copy, long cluster) throws IOException {
    long base = g.fatOffset(copy);
    return switch (g.type()) {
      case FAT12 -> {
        byte[] b = read(image, base + cluster + cluster / 2, 2);
        int v = (b[0] & 0xFF) | (b[1] & 0xFF) << 8;
        yield (cluster & 1) == 0 ? v & 0xFFF : v >> 4;
      }
      case FAT16 -> ByteBuffer.wrap(read(image, base + 2 * cluster, 2)).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
      case FAT32 -> ByteBuffer.wrap(read(image, base + 4 * cluster, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0x0FFFFFFFL;
    };
  }

  @ParameterizedTest
  @EnumSource(FatType.class)
  void deletedFile_entriesMarkedE5_chainZeroed_liveChainsEndWithEndOfChain(FatType type) throws Exception {
    SampleVolume s = sample(type);
    Path image = dir.resolve("v.img");
    FatImageReport report = FatImageWriter.write(s.volume, image);
    FatGeometry g = report.geometry();
    PlantedEntry deleted = report.entry("Documents/secret plan.txt").orElseThrow();
    byte[] entry = read(image, deleted.entryOffset(), 32);
    assertThat(entry[0] & 0xFF).isEqualTo(0xE5);
    assertThat(deleted.shortName()).isEqualTo("SECRET~1.TXT");
    assertThat(new String(entry, 1, 10, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ECRET~1TXT");
    // the long-name entry before it is deleted too, and still carries its attribute byte
    byte[] lfn = read(image, deleted.entryOffset() - 32, 32);
    assertThat(lfn[0] & 0xFF).isEqualTo(0xE5);
    assertThat(lfn[11]).isEqualTo((byte) 0x0F);
    for (long c : deleted.clusters()) {
      assertThat(fatEntry(image, g, 0, c)).as("FAT entry of deleted cluster " + c).isZero();
    }
    PlantedEntry live = report.entry("Documents/Quarterly Report 2024.docx").orElseThrow();
    for (int i = 0; i < live.clusters().size(); i++) {
      long expected = i + 1 < live.clusters().size() ? live.clusters().get(i + 1) : type.endOfChain();
      for (int copy = 0; copy < 2; copy++) {
        assertThat(fatEntry(image, g, copy, live.clusters().get(i))).isEqualTo(expected);
      }
    }
    assertThat(fatEntry(image, g, 0, 0) & 0xFF).isEqualTo(g.mediaDescriptor());
    assertThat(read(image, g.fatOffset(0), (int) (g.sectorsPerFat() * 512)))
        .isEqualTo(read(image, g.fatOffset(1), (int) (g.sectorsPerFat() * 512)));
    // the 8.3-only deleted file: no long-name entry to mark, the short entry alone is 0xE5
    PlantedEntry gone = report.entry("GONE.TXT").orElseThrow();
    assertThat(read(image, gone.entryOffset(), 11)).isEqualTo(new byte[] {(byte) 0xE5, 'O', 'N', 'E', ' ', ' ', ' ', ' ', 'T', 'X', 'T'});
    assertThat(report.deleted()).extracting(PlantedEntry::path)
        .containsExactly("Documents/secret plan.txt", "GONE.TXT", "Documents/Old Reports/photo of the suspect's car.jpg");
  }

  @Test
  void shortEntry_timeFields_areLocalTimeAtTheVolumeZone() throws Exception {
    SampleVolume s = sample(FatType.FAT12);
    Path image = dir.resolve("v.img");
    PlantedEntry e = FatImageWriter.write(s.volume, image).entry("README.TXT").orElseThrow();
    ByteBuffer b = ByteBuffer.wrap(read(image, e.entryOffset(), 32)).order(ByteOrder.LITTLE_ENDIAN);
    // created 2024-03-05T10:11:13.370Z at +02:00 = 12:11:13.37 local: time 12:11:12 + tenths 137
    assertThat(b.get(13) & 0xFF).isEqualTo(137);
    assertThat(b.getShort(14) & 0xFFFF).isEqualTo(12 << 11 | 11 << 5 | 6);
    assertThat(b.getShort(16) & 0xFFFF).isEqualTo(44 << 9 | 3 << 5 | 5);
    // accessed 2024-03-07T23:30Z = 2024-03-08 01:30 local: date only
    assertThat(b.getShort(18) & 0xFFFF).isEqualTo(44 << 9 | 3 << 5 | 8);
    // modified 12:00:01Z = 14:00:01 local, rounded down to 14:00:00
    assertThat(b.getShort(22) & 0xFFFF).isEqualTo(14 << 11);
    assertThat(b.getShort(24) & 0xFFFF).isEqualTo(44 << 9 | 3 << 5 | 6);
    assertThat(b.get(11)).isEqualTo((byte) 0x20); // archive
  }

  @Test
  void fat32_hasFsInfoAndBackupBootSector() throws Exception {
    Path image = dir.resolve("v.img");
    FatImageReport report = FatImageWriter.write(sample(FatType.FAT32).volume, image);
    assertThat(read(image, 6 * 512, 512)).isEqualTo(read(image, 0, 512));
    assertThat(read(image, 7 * 512, 512)).isEqualTo(read(image, 512, 512));
    ByteBuffer info = ByteBuffer.wrap(read(image, 512, 512)).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(info.getInt(0)).isEqualTo(0x41615252);
    assertThat(info.getInt(484)).isEqualTo(0x61417272);
    assertThat(info.getInt(488) & 0xFFFFFFFFL).isEqualTo(report.freeClusters());
    assertThat(info.getInt(508)).isEqualTo(0xAA550000);
    long used = report.entries().stream().filter(e -> !e.deleted()).mapToLong(e -> e.clusters().size()).sum() + 1;
    assertThat(report.freeClusters()).isEqualTo(report.geometry().clusterCount() - used);
  }

  @Test
  void write_refusesToOverwrite() throws Exception {
    Path image = Files.writeString(dir.resolve("exists.img"), "keep me");
    assertThatThrownBy(() -> FatImageWriter.write(sample(FatType.FAT12).volume, image))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readString(image)).isEqualTo("keep me");
  }

  @Test
  void contentShorterOrLongerThanDeclared_isRefused_andThePartialImageDeleted() {
    for (int actual : new int[] {99, 101}) {
      FatVolume v = FatVolume.builder(FatType.FAT12, 1_474_560)
          .file("liar.bin", FileContent.of(100, () -> new ByteArrayInputStream(new byte[actual])),
              FatTimes.at(Instant.parse("2020-01-01T00:00:00Z")))
          .build();
      Path image = dir.resolve("liar" + actual + ".img");
      assertThatThrownBy(() -> FatImageWriter.write(v, image))
          .isInstanceOf(InvalidFatVolumeException.class)
          .hasMessageStartingWith("liar.bin: content has " + (actual < 100 ? "99 bytes, declared 100" : "more than"));
      assertThat(image).doesNotExist();
    }
  }

  @Test
  void imageIsSparseFriendly_unwrittenRegionsAreZero() throws Exception {
    Path image = dir.resolve("v.img");
    FatImageReport report = FatImageWriter.write(sample(FatType.FAT16).volume, image);
    long end = report.geometry().sizeBytes();
    byte[] tail = read(image, end - 4096, 4096);
    assertThat(tail).isEqualTo(new byte[4096]);
    assertThat(Arrays.copyOfRange(read(image, 510, 2), 0, 2)).isEqualTo(new byte[] {0x55, (byte) 0xAA});
  }
}
