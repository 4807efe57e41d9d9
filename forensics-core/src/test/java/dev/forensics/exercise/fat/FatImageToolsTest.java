package dev.forensics.exercise.fat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Images written for each FAT type, checked with independent tools: dosfstools {@code fsck.fat}, Sleuth Kit
 * ({@code fsstat}, {@code fls}, {@code icat}, {@code istat}, {@code blkls}) and mtools ({@code mcopy}).
 */
class FatImageToolsTest {

  /** Sleuth Kit's virtual entries (anything under $OrphanFiles is listed and would fail the test). */
  static final Set<String> VIRTUAL = Set.of("$MBR", "$FAT1", "$FAT2", "$OrphanFiles");
  private static final Pattern FLS_LINE = Pattern.compile("^(\\S)/(\\S) (\\* )?(\\d+):\\t(.*)$");

  @TempDir Path dir;

  static Stream<Arguments> volumes() {
    return Stream.of(
        Arguments.of(FatType.FAT12, 1_474_560L, 1),
        Arguments.of(FatType.FAT16, 16L << 20, 4),
        Arguments.of(FatType.FAT32, 34L << 20, 1));
  }

  private record Written(SampleVolume sample, FatImageReport report, Path image) {}

  private Written write(FatType type, long size, int spc) throws IOException {
    SampleVolume sample = new SampleVolume(type, size, spc);
    Path image = dir.resolve(type.name().toLowerCase() + ".img");
    return new Written(sample, FatImageWriter.write(sample.volume, image), image);
  }

  /** What fls lists: path → inode, deleted paths separately (virtual $ entries and the label left out). */
  private record Listing(Map<String, String> inodes, Set<String> deleted, Set<String> directories) {}

  private Listing fls(Path image, String... options) throws Exception {
    String fls = FatTools.require("fls", "sleuthkit");
    String[] command = Stream.concat(Stream.of(fls), Stream.concat(Stream.of(options), Stream.of(image.toString())))
        .toArray(String[]::new);
    FatTools.Result r = FatTools.run(dir, command);
    assertThat(r.exitCode()).as(r.describe()).isZero();
    Map<String, String> inodes = new HashMap<>();
    Set<String> deleted = new LinkedHashSet<>();
    Set<String> directories = new HashSet<>();
    for (String line : r.out().split("\n")) {
      Matcher m = FLS_LINE.matcher(line);
      if (!m.matches() || VIRTUAL.contains(m.group(5)) || m.group(5).endsWith("(Volume Label Entry)")) {
        continue;
      }
      String path = m.group(5);
      inodes.put(path, m.group(4));
      if (m.group(3) != null) {
        deleted.add(path);
      }
      if (m.group(1).equals("d")) {
        directories.add(path);
      }
    }
    return new Listing(inodes, deleted, directories);
  }

  /** The name Sleuth Kit shows for a deleted file: without a long name, its first letter is lost ('_'). */
  static String deletedName(FatImageReport report, String path) {
    PlantedEntry e = report.entry(path).orElseThrow();
    int slash = path.lastIndexOf('/');
    String name = path.substring(slash + 1);
    boolean shortOnly = e.shortName().equals(name.toUpperCase(java.util.Locale.ROOT))
        && !dev.forensics.exercise.fat.internal.ShortName.generate(name, Set.of()).needsLongName();
    return shortOnly ? path.substring(0, slash + 1) + "_" + name.substring(1) : path;
  }

  private static String deletedName(Written w, String path) {
    return deletedName(w.report(), path);
  }

  @ParameterizedTest
  @MethodSource("volumes")
  void fsckFat_findsNoErrors(FatType type, long size, int spc) throws Exception {
    String fsck = FatTools.require("fsck.fat", "dosfstools");
    Written w = write(type, size, spc);
    FatTools.Result r = FatTools.run(dir, fsck, "-n", "-v", w.image().toString());
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.out()).as(r.describe())
        .contains(type.bits() + " bit entries")
        .contains(w.report().geometry().clusterCount() + " data clusters")
        .contains(String.format("%s: %d files", w.image(), w.sample.live.size() + 3 + 1)); // + directories + label entry;
  }

  @ParameterizedTest
  @MethodSource("volumes")
  void fsstat_reportsTypeLabelSerialAndGeometry(FatType type, long size, int spc) throws Exception {
    String fsstat = FatTools.require("fsstat", "sleuthkit");
    Written w = write(type, size, spc);
    FatGeometry g = w.report().geometry();
    FatTools.Result r = FatTools.run(dir, fsstat, w.image().toString());
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.out()).as(r.describe())
        .contains("File System Type: " + type.name())
        .contains("OEM Name: MSDOS5.0")
        .contains("Volume ID: 0x1a2b3c4d")
        .contains("Volume Label (Boot Sector): CASE 042")
        .contains("Volume Label (Root Directory): CASE 042")
        .contains("File System Type Label: " + type.name())
        .contains("Total Range: 0 - " + (g.totalSectors() - 1))
        .contains("Sector Size: 512")
        .contains("Cluster Size: " + spc * 512)
        .contains("Total Cluster Range: 2 - " + (g.clusterCount() + 1))
        .contains("* FAT 0: " + g.reservedSectors() + " - " + (g.reservedSectors() + g.sectorsPerFat() - 1));
    assertThat(g.sizeBytes()).isEqualTo(size);
    assertThat(Files.size(w.image())).isEqualTo(size);
  }

  @ParameterizedTest
  @MethodSource("volumes")
  void fls_listsEveryEntryWithItsLongName_andExactlyTheDeletedFiles(FatType type, long size, int spc)
      throws Exception {
    Written w = write(type, size, spc);
    Set<String> expected = new HashSet<>(w.sample().live.keySet());
    w.report().entries().stream().filter(PlantedEntry::directory).forEach(e -> expected.add(e.path()));
    Set<String> expectedDeleted = new HashSet<>();
    for (String path : w.sample().deleted.keySet()) {
      expectedDeleted.add(deletedName(w, path));
    }
    expected.addAll(expectedDeleted);

    Listing all = fls(w.image(), "-r", "-p");
    assertThat(all.inodes().keySet()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(all.directories()).containsExactlyInAnyOrder("Documents", "Documents/Old Reports", "SYSTEM");
    Listing deletedOnly = fls(w.image(), "-r", "-d", "-p");
    assertThat(deletedOnly.inodes().keySet()).containsExactlyInAnyOrderElementsOf(expectedDeleted);
    assertThat(deletedOnly.deleted()).containsExactlyInAnyOrderElementsOf(expectedDeleted);
  }

  @ParameterizedTest
  @MethodSource("volumes")
  void icat_recoversLiveAndDeletedFilesExactly(FatType type, long size, int spc) throws Exception {
    String icat = FatTools.require("icat", "sleuthkit");
    Written w = write(type, size, spc);
    Listing all = fls(w.image(), "-r", "-p");
    Map<String, byte[]> expected = new HashMap<>(w.sample().live);
    w.sample().deleted.forEach((path, content) -> expected.put(deletedName(w, path), content));
    for (Map.Entry<String, byte[]> e : expected.entrySet()) {
      String inode = all.inodes().get(e.getKey());
      assertThat(inode).as("inode of " + e.getKey()).isNotNull();
      FatTools.Result r = FatTools.run(dir, icat, w.image().toString(), inode);
      assertThat(r.exitCode()).as(r.describe()).isZero();
      assertThat(r.stdout()).as("icat of " + e.getKey()).isEqualTo(e.getValue());
    }
  }

  @ParameterizedTest
  @MethodSource("volumes")
  void istat_showsTimesMappedThroughTheVolumeZone(FatType type, long size, int spc) throws Exception {
    String istat = FatTools.require("istat", "sleuthkit");
    Written w = write(type, size, spc);
    String inode = fls(w.image(), "-r", "-p").inodes().get("Documents/Quarterly Report 2024.docx");
    FatTools.Result r = FatTools.run(dir, istat, w.image().toString(), inode);
    assertThat(r.exitCode()).as(r.describe()).isZero();
    // instants at +02:00: modified 12:00:01Z → 14:00:00 (2 s), created 10:11:13.37Z → 12:11:13, accessed date only
    assertThat(r.out()).as(r.describe())
        .contains("Written:\t2024-03-06 14:00:00 (UTC)")
        .contains("Created:\t2024-03-05 12:11:13 (UTC)")
        .contains("Accessed:\t2024-03-08 00:00:00 (UTC)")
        .contains("Size: " + w.sample().live.get("Documents/Quarterly Report 2024.docx").length);
  }

  @ParameterizedTest
  @MethodSource("volumes")
  void blkls_findsSlackAndUnallocatedPlants(FatType type, long size, int spc) throws Exception {
    String blkls = FatTools.require("blkls", "sleuthkit");
    Written w = write(type, size, spc);
    FatTools.Result slack = FatTools.run(dir, blkls, "-s", w.image().toString());
    assertThat(slack.exitCode()).as(slack.describe()).isZero();
    assertThat(indexOf(slack.stdout(), SampleVolume.SLACK)).as("slack plant in blkls -s").isNotNegative();
    FatTools.Result unallocated = FatTools.run(dir, blkls, w.image().toString());
    assertThat(unallocated.exitCode()).as(unallocated.describe()).isZero();
    assertThat(indexOf(unallocated.stdout(), SampleVolume.UNALLOCATED)).as("unallocated plant").isNotNegative();
    for (byte[] deleted : w.sample().deleted.values()) {
      assertThat(indexOf(unallocated.stdout(), deleted)).as("deleted data is unallocated").isNotNegative();
    }
    for (byte[] live : w.sample().live.values()) {
      if (live.length > 0) {
        assertThat(indexOf(unallocated.stdout(), live)).as("live data is allocated").isNegative();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("volumes")
  void mcopy_readsLongNamesContentAndTimes(FatType type, long size, int spc) throws Exception {
    String mcopy = FatTools.require("mcopy", "mtools");
    Written w = write(type, size, spc);
    Path out = Files.createDirectory(dir.resolve("copied"));
    FatTools.Result r = FatTools.run(dir, mcopy, "-s", "-n", "-m", "-i", w.image().toString(), "::*", out + "/");
    assertThat(r.exitCode()).as(r.describe()).isZero();
    Set<String> copied = new HashSet<>();
    try (Stream<Path> files = Files.walk(out)) {
      files.filter(Files::isRegularFile).forEach(p -> copied.add(out.relativize(p).toString()));
    }
    assertThat(copied).containsExactlyInAnyOrderElementsOf(w.sample().live.keySet());
    for (Map.Entry<String, byte[]> e : w.sample().live.entrySet()) {
      Path p = out.resolve(e.getKey());
      assertThat(Files.readAllBytes(p)).as(e.getKey()).isEqualTo(e.getValue());
      // mtools reads FAT local time as the host's (TZ=UTC): 12:00:01Z at +02:00 is 14:00:00 local
      assertThat(Files.getLastModifiedTime(p)).isEqualTo(FileTime.from(Instant.parse("2024-03-06T14:00:00Z")));
    }
  }

  @ParameterizedTest
  @MethodSource("volumes")
  void splitRaw_concatenatesToTheSingleImage(FatType type, long size, int spc) throws Exception {
    Written w = write(type, size, spc);
    SampleVolume again = new SampleVolume(type, size, spc);
    FatImageReport split = FatImageWriter.writeSplit(again.volume, dir.resolve("split.raw"), 1 << 20);
    assertThat(split).isEqualTo(w.report());
    byte[] whole = Files.readAllBytes(w.image());
    long segments = (size + (1 << 20) - 1) >> 20;
    int at = 0;
    for (int i = 1; i <= segments; i++) {
      byte[] part = Files.readAllBytes(dir.resolve(String.format("split.raw.%03d", i)));
      assertThat(part.length).isEqualTo((int) Math.min(1 << 20, size - at));
      for (int k = 0; k < part.length; k++) {
        if (part[k] != whole[at + k]) {
          throw new AssertionError("segment " + i + " differs at " + k);
        }
      }
      at += part.length;
    }
    assertThat(at).isEqualTo(whole.length);
    assertThat(Files.exists(dir.resolve(String.format("split.raw.%03d", segments + 1)))).isFalse();
  }

  static Stream<Arguments> boundaries() {
    return Stream.of(
        Arguments.of(FatType.FAT12, 4141 * 512L, 512, 4084L),
        Arguments.of(FatType.FAT16, 4150 * 512L, 0, 4085L),
        Arguments.of(FatType.FAT32, 66581 * 512L, 0, 65525L));
  }

  @ParameterizedTest
  @MethodSource("boundaries")
  void clusterCountAtTheTypesLimit_isReadAsThatType(FatType type, long size, int rootEntries, long clusters)
      throws Exception {
    String fsck = FatTools.require("fsck.fat", "dosfstools");
    String fsstat = FatTools.require("fsstat", "sleuthkit");
    FatVolume volume = FatVolume.builder(type, size).sectorsPerCluster(1).rootEntries(rootEntries).label("EDGE")
        .file("edge.txt", SampleVolume.text("at the limit\n"), SampleVolume.TIMES).build();
    Path image = dir.resolve("edge.img");
    assertThat(FatImageWriter.write(volume, image).geometry().clusterCount()).isEqualTo(clusters);
    FatTools.Result r = FatTools.run(dir, fsck, "-n", "-v", image.toString());
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.out()).as(r.describe()).contains(type.bits() + " bit entries").contains(clusters + " data clusters");
    FatTools.Result s = FatTools.run(dir, fsstat, image.toString());
    assertThat(s.out()).as(s.describe()).contains("File System Type: " + type.name())
        .contains("Total Cluster Range: 2 - " + (clusters + 1));
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (haystack[i + k] != needle[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
