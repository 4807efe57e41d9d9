package dev.forensics.exercise.fat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Descriptions that cannot be written are refused with an error naming the item. */
class FatVolumeValidationTest {

  private static final FatTimes T = FatTimes.at(Instant.parse("2023-06-01T09:00:00Z"));
  private static final long FLOPPY = 1_474_560;

  private static FatVolume.Builder floppy() {
    return FatVolume.builder(FatType.FAT12, FLOPPY);
  }

  private static void refused(ThrowingCallable call, String item, String message) {
    assertThatThrownBy(call).isInstanceOf(InvalidFatVolumeException.class)
        .hasMessageStartingWith(item + ": ").hasMessageContaining(message)
        .satisfies(e -> assertThat(((InvalidFatVolumeException) e).item()).isEqualTo(item));
  }

  private static void refusedOnCheck(FatVolume.Builder b, String item, String message) {
    refused(() -> FatImageWriter.check(b.build()), item, message);
  }

  @Test
  void nameTooLong() {
    String name = "n".repeat(252) + ".txt";
    refusedOnCheck(floppy().file(name, new byte[1], T), name, "256 UTF-16 units long, FAT allows 255");
  }

  @Test
  void longestNameIsAccepted() {
    FatImageWriter.check(floppy().file("n".repeat(251) + ".txt", new byte[1], T).build());
  }

  @Test
  void illegalCharacters() {
    refusedOnCheck(floppy().file("what?.txt", new byte[1], T), "what?.txt", "character '?' is not allowed");
    refusedOnCheck(floppy().file("a:b", new byte[1], T), "a:b", "character ':'");
    refusedOnCheck(floppy().file("tab\there", new byte[1], T), "tab\there", "control character U+0009 at position 3");
    refusedOnCheck(floppy().file("trailing.", new byte[1], T), "trailing.", "ends with '.'");
    refusedOnCheck(floppy().file("trailing ", new byte[1], T), "trailing ", "ends with ' '");
    refusedOnCheck(floppy().directory("d", T).file("d/..", new byte[1], T), "d/..", "'..' is reserved");
    refusedOnCheck(floppy().file("/abs.txt", new byte[1], T), "/abs.txt", "no leading or trailing '/'");
    refusedOnCheck(floppy().file("x\uD800y", new byte[1], T), "x\uD800y", "unpaired UTF-16 surrogate");
  }

  @Test
  void duplicateNames_comparedWithoutCase() {
    refusedOnCheck(floppy().directory("Docs", T).file("Docs/Report.txt", new byte[1], T)
        .deletedFile("Docs/REPORT.TXT", new byte[1], T), "Docs/REPORT.TXT", "duplicate name in \"Docs\"");
  }

  @Test
  void parentMustBeDescribedFirst() {
    refusedOnCheck(floppy().file("Docs/a.txt", new byte[1], T), "Docs/a.txt",
        "parent directory \"Docs\" was not described before it");
    refusedOnCheck(floppy().file("f", new byte[1], T).file("f/a.txt", new byte[1], T), "f/a.txt",
        "parent directory \"f\"");
  }

  @Test
  void contentTooLargeForTheVolume_namesTheFile() {
    refusedOnCheck(floppy().file("small.txt", new byte[10], T)
        .file("big.iso", FileContent.of(2_000_000, java.io.InputStream::nullInputStream), T),
        "big.iso", "volume too small for the content: needs 3907 clusters, only 2846 of 2847 are left");
  }

  @Test
  void rootDirectoryFull() {
    FatVolume.Builder b = FatVolume.builder(FatType.FAT16, 16L << 20).rootEntries(16);
    for (int i = 0; i < 8; i++) {
      b.file("Long name number " + i + ".txt", new byte[1], T);
    }
    refusedOnCheck(b, "/", "the root directory needs 24 entries (long names take several) but has room for 16");
  }

  @Test
  void geometryOutsideTheTypesClusterRange() {
    refusedOnCheck(FatVolume.builder(FatType.FAT16, FLOPPY), "volume", "gives 2823 clusters, but FAT16 needs 4085 to 65524");
    refusedOnCheck(FatVolume.builder(FatType.FAT12, 16L << 20).sectorsPerCluster(1), "volume",
        "more than FAT12's 4084");
    refusedOnCheck(FatVolume.builder(FatType.FAT32, 16L << 20), "volume", "but FAT32 needs 65525");
  }

  @Test
  void clusterCountBoundaries_areExact() {
    // FAT16: 1 reserved + 32 root + 2 × 16 FAT sectors + 4085 clusters; one sector less leaves 4084
    assertThat(FatImageWriter.check(FatVolume.builder(FatType.FAT16, 4150 * 512L).sectorsPerCluster(1).build())
        .clusterCount()).isEqualTo(4085);
    refusedOnCheck(FatVolume.builder(FatType.FAT16, 4149 * 512L).sectorsPerCluster(1), "volume", "gives 4084 clusters");
    // FAT12: 1 + 32 + 2 × 12 + 4084
    assertThat(FatImageWriter.check(FatVolume.builder(FatType.FAT12, 4141 * 512L).sectorsPerCluster(1)
        .rootEntries(512).build()).clusterCount()).isEqualTo(4084);
    refusedOnCheck(FatVolume.builder(FatType.FAT12, 4142 * 512L).sectorsPerCluster(1).rootEntries(512), "volume",
        "gives 4085 clusters");
    // FAT32: 32 reserved + 2 × 512 FAT sectors + 65525
    assertThat(FatImageWriter.check(FatVolume.builder(FatType.FAT32, 66581 * 512L).sectorsPerCluster(1).build())
        .clusterCount()).isEqualTo(65525);
    refusedOnCheck(FatVolume.builder(FatType.FAT32, 66580 * 512L).sectorsPerCluster(1), "volume", "gives 65524 clusters");
  }

  @Test
  void timeOutsideFatsRange() {
    refusedOnCheck(floppy().file("old.txt", new byte[1], FatTimes.at(Instant.parse("1979-12-31T23:00:00Z"))),
        "old.txt", "created time 1979-12-31T23:00 (local, Z) is outside FAT's range");
    refusedOnCheck(floppy().file("future.txt", new byte[1], FatTimes.at(Instant.parse("2108-01-01T00:00:00Z"))),
        "future.txt", "outside FAT's range");
  }

  @Test
  void slackThatDoesNotFit() {
    refusedOnCheck(floppy().file("a.txt", new byte[500], T).slack("a.txt", new byte[13]), "a.txt",
        "slack of 13 bytes does not fit: only 12 bytes");
    refusedOnCheck(floppy().file("e.txt", new byte[0], T).slack("e.txt", new byte[1]), "e.txt",
        "an empty file has no cluster");
    refused(() -> floppy().slack("nothing.txt", new byte[1]), "nothing.txt", "slack for a file that was not added");
  }

  @Test
  void unallocatedPlantsMustUseFreeClusters() {
    refusedOnCheck(floppy().file("a.txt", new byte[1024], T).unallocated(3, new byte[1]), "unallocated plant 1",
        "cluster 3 is used by a file or directory (live or deleted); free clusters start at 4");
    refusedOnCheck(floppy().deletedFile("d.txt", new byte[1024], T).unallocated(2, new byte[1]), "unallocated plant 1",
        "cluster 2 is used");
    refusedOnCheck(floppy().unallocated(100, new byte[1024]).unallocated(101, new byte[1]), "unallocated plant 2",
        "cluster 101 is also used by unallocated plant 1");
    refusedOnCheck(floppy().unallocated(2848, new byte[1024]), "unallocated plant 1",
        "clusters 2848..2849 are outside the data area 2..2848");
  }

  @Test
  void volumeFieldsAreChecked() {
    refused(() -> floppy().label("TWELVE CHARS").build(), "volume label", "longer than 11 characters");
    refused(() -> floppy().label("a*b").build(), "volume label", "character '*' is not allowed");
    refused(() -> floppy().oemName("TOO LONG!").build(), "OEM name", "up to 8 printable ASCII");
    refused(() -> FatVolume.builder(FatType.FAT12, 1000).build(), "volume", "multiple of 512");
    refused(() -> floppy().sectorsPerCluster(3).build(), "volume", "sectors per cluster must be 1, 2, 4");
    refused(() -> FatVolume.builder(FatType.FAT32, 34L << 20).rootEntries(512).build(), "volume",
        "FAT32 has no fixed root directory");
  }

  @Test
  void builder_refusesASecondBuild() {
    FatVolume.Builder b = floppy();
    b.build();
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void label_isStoredInUpperCase() {
    assertThat(floppy().label("Case 1").build().label()).isEqualTo("CASE 1");
  }
}
