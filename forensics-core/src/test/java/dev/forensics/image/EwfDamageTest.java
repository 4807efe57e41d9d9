package dev.forensics.image;

import static dev.forensics.image.ImageFixtures.exec;
import static dev.forensics.image.ImageFixtures.randomBytes;
import static dev.forensics.image.ImageFixtures.requireTool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.image.EwfSections.Section;
import dev.forensics.image.ImageFixtures.ToolResult;
import dev.forensics.image.internal.EwfLayout;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3's damage cases on three-segment EWF images written by the real {@code ewfacquire}: a byte
 * flipped in a compressed and in an uncompressed chunk, in a table and its table2 copy, a truncated last
 * and middle segment, a deleted middle segment, the stored MD5 of the {@code hash} and {@code digest}
 * sections changed with and without a valid Adler-32. Each case checks what {@link EwfImage} and {@link
 * ImageVerifier} report (the failure and where) against what the real {@code ewfverify} (libewf
 * 20140813) says about the same damaged files, and runs under a timeout.
 *
 * <p>Deliberate differences from ewfverify, each asserted below:
 *
 * <ul>
 *   <li>a table whose header fails its Adler-32: ewfverify refuses to open the image; we use the table2
 *       copy (which EnCase writes for exactly this) and verify, with a structure note naming the table;
 *   <li>a truncated or missing segment: ewfverify hashes the rest with the lost sectors zero-filled and
 *       says FAILURE; we refuse to open the image (exit 2) with a message naming the segment file, the
 *       offset and the same lost sector range ewfverify lists, because no hash of such media can verify;
 *   <li>both table copies damaged alike: ewfverify lists the chunks the broken entry points into and, in
 *       libewf 20140813, also the first chunk of the segment; we list only the chunks that fail their
 *       checks;
 *   <li>the digest section's MD5 changed (with a valid Adler-32): ewfverify compares only the hash
 *       section's MD5 and says SUCCESS; we compare every stored hash and report the mismatch;
 *   <li>a hash or digest section failing its Adler-32: ewfverify refuses to open the image; we verify the
 *       media, show the damaged section's hashes as untrusted (verification fails) with a note naming the
 *       section and both checksums.
 * </ul>
 */
class EwfDamageTest {

  private static final Duration LIMIT = Duration.ofSeconds(30);

  /** 4784 sectors: zeros, text, random bytes; three segments of at most 1 MiB. */
  private static byte[] source;
  private static String sourceMd5;
  @TempDir static Path fixtures;
  @TempDir Path dir;

  @BeforeAll
  static void acquire() throws Exception {
    requireTool("ewfacquire");
    requireTool("ewfverify");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[64 * 1024]);
    byte[] text = "Evidence item 7: the quick brown fox.\n".getBytes(StandardCharsets.US_ASCII);
    for (int written = 0; written < 128 * 1024; written += text.length) {
      out.write(text, 0, Math.min(text.length, 128 * 1024 - written));
    }
    out.writeBytes(randomBytes(2200 * 1024, 31));
    source = out.toByteArray();
    sourceMd5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(source));
    Files.write(fixtures.resolve("source.raw"), source);
    for (String[] kind : new String[][] {{"c", "fast"}, {"u", "none"}}) {
      ToolResult r = exec(fixtures, Map.of(), "ewfacquire", "-u", "-t", kind[0], "-f", "encase6", "-c", kind[1],
          "-S", "1MiB", "-d", "sha1", "source.raw");
      assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
      assertThat(fixtures.resolve(kind[0] + ".E03")).exists();
      assertThat(fixtures.resolve(kind[0] + ".E04")).doesNotExist();
    }
  }

  /** Copies set {@code name} ({@code c}: compressed, {@code u}: uncompressed) into this test's directory. */
  private Path copy(String name) throws Exception {
    for (int i = 1; i <= 3; i++) {
      Files.copy(fixtures.resolve(name + ".E0" + i), dir.resolve(name + ".E0" + i));
    }
    return dir.resolve(name + ".E01");
  }

  /** What ewfverify says about a damaged image. */
  record EwfverifyResult(int exit, String verdict, List<String> damagedRanges, String storedMd5,
      String calculatedMd5, String output) {}

  private static final Pattern RANGE = Pattern.compile("at sector\\(s\\): (\\d+) - (\\d+)");

  private EwfverifyResult ewfverify(Path e01) throws Exception {
    ToolResult r = exec(dir, Map.of(), "ewfverify", "-q", e01.getFileName().toString());
    String all = r.stdout() + r.stderr();
    List<String> ranges = new ArrayList<>();
    Matcher m = RANGE.matcher(all);
    while (m.find()) {
      ranges.add(m.group(1) + "-" + m.group(2));
    }
    Matcher verdict = Pattern.compile("ewfverify: (SUCCESS|FAILURE)").matcher(all);
    Matcher stored = Pattern.compile("MD5 hash stored in file:\\s+(\\S+)").matcher(all);
    Matcher calculated = Pattern.compile("MD5 hash calculated over data:\\s+(\\S+)").matcher(all);
    return new EwfverifyResult(r.exitCode(), verdict.find() ? verdict.group(1) : "none",
        ranges, stored.find() ? stored.group(1) : "none", calculated.find() ? calculated.group(1) : "none", all);
  }

  /** Our damaged sector ranges, adjacent chunks merged as ewfverify prints them. */
  private static List<String> ranges(ImageVerification v) {
    List<String> ranges = new ArrayList<>();
    long first = -1;
    long last = -1;
    for (DamagedChunk d : v.damaged()) {
      if (first >= 0 && d.firstSector() == last + 1) {
        last = d.lastSector();
        continue;
      }
      if (first >= 0) {
        ranges.add(first + "-" + last);
      }
      first = d.firstSector();
      last = d.lastSector();
    }
    if (first >= 0) {
      ranges.add(first + "-" + last);
    }
    return ranges;
  }

  /** Where chunk {@code index} is stored: its segment file and offset. */
  private static Object[] chunkLocation(Path e01, int index) throws Exception {
    EwfLayout layout = EwfLayout.read(e01);
    try {
      return new Object[] {layout.segments().get(layout.chunkSegment(index)), layout.chunkOffset(index),
          layout.chunkCompressed(index)};
    } finally {
      for (FileChannel ch : layout.channels()) {
        ch.close();
      }
    }
  }

  private static ImageVerification verify(Path e01) throws Exception {
    return within(() -> {
      try (EwfImage image = EwfImage.open(e01)) {
        return ImageVerifier.verify(image, List.of(), DigestSet.empty(), n -> {});
      }
    });
  }

  private static <T> T within(ThrowingSupplier<T> call) {
    return assertTimeoutPreemptively(LIMIT, call);
  }

  private static void flip(Path file, long offset) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    bytes[(int) offset] ^= 0x5a;
    Files.write(file, bytes);
  }

  private static String check(ImageVerification v, HashAlgorithm algorithm) {
    return v.checks().stream().filter(c -> c.expected().algorithm() == algorithm)
        .map(c -> c.source() + " " + c.expected().hex() + " calculated " + c.calculated().hex())
        .collect(Collectors.joining("; "));
  }

  @Test
  void byteFlippedInCompressedChunk_reportsItsSectors_likeEwfverify() throws Exception {
    Path e01 = copy("c");
    int chunk = 3; // text: compressed
    Object[] at = chunkLocation(e01, chunk);
    assertThat((boolean) at[2]).as("chunk %d is compressed", chunk).isTrue();
    flip((Path) at[0], (long) at[1] + 20);

    ImageVerification v = verify(e01);
    assertThat(v.passed()).isFalse();
    assertThat(v.damaged()).singleElement().satisfies(d -> {
      assertThat(d.chunkIndex()).isEqualTo(chunk);
      assertThat(d.reason()).contains("c.E01 at offset " + at[1]).containsAnyOf("zlib", "Adler-32");
    });
    EwfverifyResult ewf = ewfverify(e01);
    assertThat(ewf.verdict()).isEqualTo("FAILURE");
    assertThat(ranges(v)).isEqualTo(ewf.damagedRanges()).containsExactly("192-255");
  }

  @Test
  void byteFlippedInUncompressedChunk_reportsItsSectors_likeEwfverify() throws Exception {
    Path e01 = copy("u");
    int chunk = 34; // in the second segment
    Object[] at = chunkLocation(e01, chunk);
    assertThat((boolean) at[2]).isFalse();
    assertThat(((Path) at[0]).getFileName()).hasToString("u.E02");
    flip((Path) at[0], (long) at[1] + 20);

    ImageVerification v = verify(e01);
    assertThat(v.passed()).isFalse();
    assertThat(v.damaged()).singleElement().satisfies(d -> assertThat(d.reason())
        .startsWith("chunk 34 (sectors 2176-2239) in " + at[0] + " at offset " + at[1] + ": Adler-32 mismatch"));
    // the damaged chunk is hashed as zeros, so the stored MD5 does not match either
    assertThat(v.checks()).filteredOn(c -> c.expected().algorithm() == HashAlgorithm.MD5)
        .singleElement().satisfies(c -> assertThat(c.matches()).isFalse());
    EwfverifyResult ewf = ewfverify(e01);
    assertThat(ewf.verdict()).isEqualTo("FAILURE");
    assertThat(ranges(v)).isEqualTo(ewf.damagedRanges()).containsExactly("2176-2239");
  }

  @Test
  void byteFlippedInChunkChecksum_isDamageThoughTheMediaHashMatches_likeEwfverify() throws Exception {
    Path e01 = copy("u");
    Object[] at = chunkLocation(e01, 35);
    flip((Path) at[0], (long) at[1] + 32 * 1024 + 1); // the chunk's own Adler-32, after its 32 KiB

    ImageVerification v = verify(e01);
    assertThat(v.passed()).isFalse();
    EwfverifyResult ewf = ewfverify(e01);
    assertThat(ewf.verdict()).isEqualTo("FAILURE");
    assertThat(ranges(v)).isEqualTo(ewf.damagedRanges()).containsExactly("2240-2303");
  }

  @Test
  void byteFlippedInTableEntries_usesTable2Copy_verifiesWithNote_likeEwfverify() throws Exception {
    Path e01 = copy("u");
    Path e02 = dir.resolve("u.E02");
    byte[] bytes = Files.readAllBytes(e02);
    Section table = EwfSections.of(bytes).first("table");
    flip(e02, table.data() + 24 + 4 * 5 + 1);

    ImageVerification v = verify(e01);
    assertThat(v.passed()).isTrue();
    assertThat(v.damaged()).isEmpty();
    try (EwfImage image = EwfImage.open(e01)) {
      assertThat(image.structureNotes()).singleElement().asString()
          .startsWith(e02 + ": table entries at offset " + (table.data() + 24) + ": Adler-32 mismatch")
          .endsWith("its table2 copy at offset " + EwfSections.of(bytes).first("table2").offset() + " was used");
    }
    EwfverifyResult ewf = ewfverify(e01);
    assertThat(ewf.verdict()).isEqualTo("SUCCESS"); // libewf falls back to table2 silently
    assertThat(ewf.calculatedMd5()).isEqualTo(sourceMd5);
  }

  @Test
  void byteFlippedInTable2Copy_verifiesWithNote_likeEwfverify() throws Exception {
    Path e01 = copy("u");
    Path e02 = dir.resolve("u.E02");
    Section table2 = EwfSections.of(Files.readAllBytes(e02)).first("table2");
    flip(e02, table2.data() + 24 + 4 * 5 + 1);

    ImageVerification v = verify(e01);
    assertThat(v.passed()).isTrue();
    try (EwfImage image = EwfImage.open(e01)) {
      assertThat(image.structureNotes()).singleElement().asString()
          .contains("table2 entries at offset " + (table2.data() + 24)).contains("a damaged copy");
    }
    assertThat(ewfverify(e01).verdict()).isEqualTo("SUCCESS");
  }

  @Test
  void byteFlippedInTableHeader_usesTable2Copy_whereEwfverifyRefuses() throws Exception {
    Path e01 = copy("u");
    Path e02 = dir.resolve("u.E02");
    Section table = EwfSections.of(Files.readAllBytes(e02)).first("table");
    flip(e02, table.data()); // the entry count

    ImageVerification v = verify(e01);
    assertThat(v.passed()).isTrue();
    try (EwfImage image = EwfImage.open(e01)) {
      assertThat(image.structureNotes()).singleElement().asString()
          .startsWith(e02 + ": table section header at offset " + table.data() + ": Adler-32 mismatch");
    }
    EwfverifyResult ewf = ewfverify(e01);
    assertThat(ewf.exit()).isNotZero();
    assertThat(ewf.output()).contains("libewf_section_table_header_read: checksum does not match");
  }

  @Test
  void sameByteFlippedInTableAndTable2_reportsTheChunksItBreaks() throws Exception {
    Path e01 = copy("u");
    Path e02 = dir.resolve("u.E02");
    EwfSections sections = EwfSections.of(Files.readAllBytes(e02));
    flip(e02, sections.first("table").data() + 24 + 4 * 5 + 1); // entry 5 of segment 2: chunk 36
    flip(e02, sections.first("table2").data() + 24 + 4 * 5 + 1);

    ImageVerification v = verify(e01);
    assertThat(v.passed()).isFalse();
    // chunk 36 starts at the wrong place, so chunk 35 (which ends where 36 starts) is wrong too
    assertThat(ranges(v)).containsExactly("2240-2367");
    try (EwfImage image = EwfImage.open(e01)) {
      assertThat(image.structureNotes()).singleElement().asString()
          .contains("table2 copy at offset " + sections.first("table2").offset() + " fails too")
          .contains("the two copies agree");
    }
    EwfverifyResult ewf = ewfverify(e01);
    assertThat(ewf.verdict()).isEqualTo("FAILURE");
    assertThat(ewf.damagedRanges()).contains("2240-2367"); // and, in libewf 20140813, also 1984-2047
  }

  @Test
  void differentBytesFlippedInTableAndTable2_marksTheDisagreeingEntriesDamaged() throws Exception {
    Path e01 = copy("u");
    Path e02 = dir.resolve("u.E02");
    EwfSections sections = EwfSections.of(Files.readAllBytes(e02));
    flip(e02, sections.first("table").data() + 24 + 4 * 5 + 1); // chunk 36
    flip(e02, sections.first("table2").data() + 24 + 4 * 9 + 1); // chunk 40

    ImageVerification v = verify(e01);
    assertThat(v.passed()).isFalse();
    assertThat(v.damaged()).extracting(DamagedChunk::chunkIndex).contains(36L, 40L);
    assertThat(v.damaged()).filteredOn(d -> d.chunkIndex() == 40).singleElement()
        .satisfies(d -> assertThat(d.reason()).contains("table2 copy differ"));
    assertThat(ewfverify(e01).verdict()).isEqualTo("FAILURE");
  }

  @Test
  void table2CopyRewrittenWithValidChecksum_tableUsed_noteNamesTheDisagreement_whereEwfverifyIsSilent()
      throws Exception {
    Path e01 = copy("u");
    Path e02 = dir.resolve("u.E02");
    EwfSections sections = EwfSections.of(Files.readAllBytes(e02));
    int count = swapEntries(e02, sections.first("table2"), 5, 6);

    ImageVerification v = verify(e01);
    assertThat(v.passed()).isTrue();
    assertThat(v.damaged()).isEmpty();
    try (EwfImage image = EwfImage.open(e01)) {
      assertThat(image.structureNotes()).singleElement().asString().isEqualTo(e02 + ": the table at offset "
          + sections.first("table").offset() + " and its table2 copy at offset " + sections.first("table2").offset()
          + " both pass their checks but differ in 2 of their " + count + " entries (the first is entry 5): one of"
          + " them was changed after it was written; the table was used");
    }
    EwfverifyResult ewf = ewfverify(e01);
    assertThat(ewf.verdict()).isEqualTo("SUCCESS"); // libewf reads the table and never compares the copy
    assertThat(ewf.calculatedMd5()).isEqualTo(sourceMd5);
  }

  @Test
  void tableRewrittenWithValidChecksum_failsVerification_noteNamesTheDisagreement_likeEwfverifyFails()
      throws Exception {
    Path e01 = copy("u");
    Path e02 = dir.resolve("u.E02");
    EwfSections sections = EwfSections.of(Files.readAllBytes(e02));
    swapEntries(e02, sections.first("table"), 5, 6); // chunks 36 and 37 change places

    ImageVerification v = verify(e01);
    assertThat(v.passed()).isFalse();
    try (EwfImage image = EwfImage.open(e01)) {
      assertThat(image.structureNotes()).singleElement().asString()
          .contains("table2 copy at offset " + sections.first("table2").offset())
          .contains("differ in 2 of their").contains("the table was used");
    }
    assertThat(ewfverify(e01).verdict()).isEqualTo("FAILURE");
  }

  /**
   * Swaps two entries of a table section of {@code file} and stores the entries' Adler-32 again, as
   * someone rewriting it would; returns the table's entry count.
   */
  private static int swapEntries(Path file, Section table, int i, int j) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int count = b.getInt(table.data());
    int at = table.data() + 24;
    int a = b.getInt(at + 4 * i);
    b.putInt(at + 4 * i, b.getInt(at + 4 * j));
    b.putInt(at + 4 * j, a);
    EwfSections.fixAdler(bytes, at, 4 * count);
    Files.write(file, bytes);
    return count;
  }

  @Test
  void truncatedLastSegment_refusedNamingFileAndLostSectors_thoseEwfverifyLists() throws Exception {
    Path e01 = copy("u");
    Path e03 = dir.resolve("u.E03");
    byte[] bytes = Files.readAllBytes(e03);
    Files.write(e03, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    EwfverifyResult ewf = ewfverify(e01);
    assertThat(ewf.verdict()).isEqualTo("FAILURE");
    assertThat(ewf.damagedRanges()).containsExactly("3968-4783");
    within(() -> assertThatThrownBy(() -> EwfImage.open(e01))
        .isInstanceOf(ImageFormatException.class)
        .hasMessageStartingWith(e03 + ": section 'sectors' at offset 1141 has size ")
        .hasMessageEndingWith("media sectors 3968-4783 (from segment 3 on) cannot be read"));
  }

  @Test
  void truncatedMiddleSegment_refusedNamingFileAndLostSectors_thoseEwfverifyLists() throws Exception {
    Path e01 = copy("u");
    Path e02 = dir.resolve("u.E02");
    byte[] bytes = Files.readAllBytes(e02);
    Files.write(e02, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // its tables and next section are lost

    EwfverifyResult ewf = ewfverify(e01);
    assertThat(ewf.verdict()).isEqualTo("FAILURE");
    assertThat(ewf.damagedRanges()).containsExactly("1984-4783");
    within(() -> assertThatThrownBy(() -> EwfImage.open(e01))
        .isInstanceOf(ImageFormatException.class)
        .hasMessageStartingWith(e02 + ": section 'sectors' at offset 1141 has size ")
        .hasMessageEndingWith("media sectors 1984-4783 (from segment 2 on) cannot be read"));
  }

  @Test
  void deletedMiddleSegment_refusedNamingTheMissingFile() throws Exception {
    Path e01 = copy("c");
    Files.delete(dir.resolve("c.E02"));

    EwfverifyResult ewf = ewfverify(e01);
    assertThat(ewf.verdict()).isEqualTo("FAILURE");
    List<String> lost = ewf.damagedRanges();
    assertThat(lost).singleElement().asString().endsWith("-4783");
    within(() -> assertThatThrownBy(() -> EvidenceImages.open(e01))
        .isInstanceOf(ImageFormatException.class)
        .hasMessage(dir.resolve("c.E02") + ": missing segment 2 of EWF image c.E01 (segment 1 ends with a next"
            + " section); media sectors " + lost.get(0) + " (from segment 2 on) cannot be read"));
  }

  @Test
  void hashSectionMd5Changed_withValidAdler_isMismatchNamingStoredAndCalculated_likeEwfverify() throws Exception {
    Path e01 = copy("u");
    Path e03 = dir.resolve("u.E03");
    byte[] bytes = Files.readAllBytes(e03);
    Section hash = EwfSections.of(bytes).first("hash");
    bytes[hash.data()] ^= 0x01;
    EwfSections.fixAdler(bytes, hash.data(), 32);
    Files.write(e03, bytes);

    ImageVerification v = verify(e01);
    assertThat(v.passed()).isFalse();
    assertThat(v.damaged()).isEmpty();
    EwfverifyResult ewf = ewfverify(e01);
    assertThat(ewf.verdict()).isEqualTo("FAILURE");
    assertThat(ewf.calculatedMd5()).isEqualTo(sourceMd5);
    assertThat(ewf.storedMd5()).isNotEqualTo(sourceMd5);
    // the digest section still holds the right MD5: both stored values are checked and shown
    assertThat(check(v, HashAlgorithm.MD5)).isEqualTo("stored " + sourceMd5 + " calculated " + sourceMd5
        + "; stored " + ewf.storedMd5() + " calculated " + sourceMd5);
  }

  @Test
  void digestSectionMd5Changed_withValidAdler_isMismatch_whereEwfverifyChecksOnlyTheHashSection()
      throws Exception {
    Path e01 = copy("u");
    Path e03 = dir.resolve("u.E03");
    byte[] bytes = Files.readAllBytes(e03);
    Section digest = EwfSections.of(bytes).first("digest");
    bytes[digest.data()] ^= 0x01;
    EwfSections.fixAdler(bytes, digest.data(), 76);
    Files.write(e03, bytes);

    ImageVerification v = verify(e01);
    assertThat(v.passed()).isFalse();
    String forged = HexFormat.of().formatHex(Files.readAllBytes(e03), digest.data(), digest.data() + 16);
    assertThat(check(v, HashAlgorithm.MD5)).isEqualTo("stored " + forged + " calculated " + sourceMd5
        + "; stored " + sourceMd5 + " calculated " + sourceMd5);
    assertThat(ewfverify(e01).verdict()).isEqualTo("SUCCESS");
  }

  @Test
  void hashSectionMd5Changed_withoutValidAdler_isUntrustedMismatch_whereEwfverifyRefuses() throws Exception {
    assertStoredHashSectionDamageFails("hash", 32, "libewf_section_hash_read", 3);
  }

  @Test
  void digestSectionMd5Changed_withoutValidAdler_isUntrustedMismatch_whereEwfverifyRefuses() throws Exception {
    assertStoredHashSectionDamageFails("digest", 76, "libewf_section_digest_read", 3);
  }

  @Test
  void hashSectionChecksumItselfChanged_md5StillMatches_butCannotVerify() throws Exception {
    assertStoredHashSectionDamageFails("hash", 32, "libewf_section_hash_read", 33); // a byte of the Adler-32
  }

  /**
   * A stored hash whose section fails its Adler-32 cannot be trusted. ewfverify refuses to open the image;
   * we open it (the media may be intact, and other stored or logged hashes can still be checked), compare
   * the damaged section's MD5 as {@link HashCheck#STORED_DAMAGED}, which never lets the image verify, and
   * name the section, its offset and both checksums (the values libewf prints) in a structure note.
   */
  private void assertStoredHashSectionDamageFails(String type, int checked, String libewfFunction, int flipAt)
      throws Exception {
    Path e01 = copy("u");
    Path e03 = dir.resolve("u.E03");
    byte[] bytes = Files.readAllBytes(e03);
    Section section = EwfSections.of(bytes).first(type);
    bytes[section.data() + flipAt] ^= 0x01;
    Files.write(e03, bytes);
    String held = HexFormat.of().formatHex(bytes, section.data(), section.data() + 16);

    EwfverifyResult ewf = ewfverify(e01);
    assertThat(ewf.exit()).isNotZero();
    Matcher m = Pattern.compile(libewfFunction + ": checksum does not match \\(stored: 0x(\\w+) calculated: 0x(\\w+)\\)")
        .matcher(ewf.output());
    assertThat(m.find()).as(ewf.output()).isTrue();

    ImageVerification v = verify(e01);
    assertThat(v.passed()).isFalse();
    assertThat(v.damaged()).isEmpty();
    assertThat(v.checks()).filteredOn(c -> c.source().equals(HashCheck.STORED_DAMAGED))
        .extracting(c -> c.expected().algorithm().id() + " " + c.expected().hex() + " " + c.matches())
        .contains("md5 " + held + " " + held.equals(sourceMd5));
    try (EwfImage image = EwfImage.open(e01)) {
      assertThat(image.structureNotes()).singleElement().asString()
          .isEqualTo(e03 + ": " + type + " section at offset " + section.data() + ": Adler-32 mismatch, calculated: "
              + m.group(2) + " stored: " + m.group(1) + ": the hashes it stores cannot be trusted, so the image"
              + " cannot verify");
      assertThat(image.storedHashes().digests()).isNotEmpty(); // the other section's hashes
    }
  }

  @Test
  void hashSectionDescriptorDamaged_isRefusedNamingTheDescriptor() throws Exception {
    Path e01 = copy("u");
    Path e03 = dir.resolve("u.E03");
    byte[] bytes = Files.readAllBytes(e03);
    Section hash = EwfSections.of(bytes).first("hash");
    bytes[hash.offset() + 40] ^= 0x01; // padding inside the descriptor: only its Adler-32 notices
    Files.write(e03, bytes);

    within(() -> assertThatThrownBy(() -> EwfImage.open(e01))
        .isInstanceOf(ImageFormatException.class)
        .hasMessageStartingWith(e03 + ": section descriptor at offset " + hash.offset() + ": Adler-32 mismatch"));
    assertThat(ewfverify(e01).verdict()).isEqualTo("FAILURE"); // libewf stops reading there: no stored hash
  }

  @Test
  void undamagedFixture_verifies_likeEwfverify() throws Exception {
    for (String name : List.of("c", "u")) {
      Path e01 = copy(name);
      ImageVerification v = verify(e01);
      assertThat(v.passed()).as(name).isTrue();
      assertThat(v.calculated().get(HashAlgorithm.MD5).orElseThrow().hex()).isEqualTo(sourceMd5);
      try (EwfImage image = EwfImage.open(e01)) {
        assertThat(image.structureNotes()).isEmpty();
        assertThat(image.segments()).hasSize(3);
      }
      assertThat(ewfverify(e01).verdict()).isEqualTo("SUCCESS");
      try (Stream<Path> files = Files.list(dir)) {
        files.forEach(f -> f.toFile().delete());
      }
    }
  }
}
