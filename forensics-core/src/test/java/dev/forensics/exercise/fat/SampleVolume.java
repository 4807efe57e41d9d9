package dev.forensics.exercise.fat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A volume with everything the writer can plant: nested directories, long and short names (upper, lower and
 * mixed case, non-ASCII, names that collide in 8.3), attributes, empty and multi-cluster files, deleted
 * files with and without long names, slack and unallocated plants.
 */
final class SampleVolume {

  static final FatTimes TIMES = new FatTimes(Instant.parse("2024-03-05T10:11:13.370Z"),
      Instant.parse("2024-03-06T12:00:01Z"), Instant.parse("2024-03-07T23:30:00Z"));
  static final byte[] SLACK = "PASSWORD=hunter2 (slack)".getBytes(StandardCharsets.US_ASCII);
  static final byte[] UNALLOCATED = "wallet seed: ladder apple (unallocated)".getBytes(StandardCharsets.US_ASCII);

  /** Live files by path, with content. */
  final Map<String, byte[]> live = new LinkedHashMap<>();
  /** Deleted files by path, with content. */
  final Map<String, byte[]> deleted = new LinkedHashMap<>();
  final FatVolume volume;

  SampleVolume(FatType type, long size, int sectorsPerCluster) {
    FatVolume.Builder b = FatVolume.builder(type, size).sectorsPerCluster(sectorsPerCluster)
        .label("Case 042").serial(0x1A2B3C4D).oemName("MSDOS5.0").zone(ZoneOffset.ofHours(2))
        .formatted(Instant.parse("2024-03-01T08:00:00Z"));
    int cluster = sectorsPerCluster * 512;
    b.directory("Documents", TIMES);
    b.directory("Documents/Old Reports", TIMES, FatAttribute.HIDDEN);
    b.directory("SYSTEM", TIMES, FatAttribute.SYSTEM);
    file(b, "README.TXT", text("read me\n"), FatAttribute.ARCHIVE);
    file(b, "notes.txt", text("lower-case 8.3 name\n"));
    file(b, "Mixed.Txt", text("mixed case needs a long name\n"), FatAttribute.READ_ONLY);
    file(b, "empty.dat", new byte[0]);
    file(b, "Documents/Quarterly Report 2024.docx", random(3 * cluster + 17, 1));
    deleted(b, "Documents/secret plan.txt", text("meet at the harbour at dawn\n"));
    file(b, "Documents/Quarterly Report 2023.docx", random(cluster, 2));
    file(b, "Documents/Old Reports/café menu – été.pdf", random(5 * cluster - 1, 3));
    deleted(b, "GONE.TXT", text("an 8.3 name: the deleted entry keeps no first letter\n"));
    deleted(b, "Documents/Old Reports/photo of the suspect's car.jpg", random(2 * cluster + 100, 4));
    file(b, "SYSTEM/a.b.c.log", text("several dots\n"), FatAttribute.HIDDEN, FatAttribute.SYSTEM);
    file(b, "SYSTEM/" + "x".repeat(190) + ".txt", text("a long long name\n"));
    b.slack("notes.txt", SLACK);
    b.unallocated(UNALLOCATED);
    this.volume = b.build();
  }

  private void file(FatVolume.Builder b, String path, byte[] content, FatAttribute... attributes) {
    b.file(path, content, TIMES, attributes);
    live.put(path, content);
  }

  private void deleted(FatVolume.Builder b, String path, byte[] content) {
    b.deletedFile(path, content, TIMES);
    deleted.put(path, content);
  }

  static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] random(int length, long seed) {
    byte[] data = new byte[length];
    new Random(seed).nextBytes(data);
    return data;
  }
}
