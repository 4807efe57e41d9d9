package dev.forensics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.Adler32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3's EWF damage cases through {@code forensics image verify}, text and JSON: the exit code (1 for a
 * damaged chunk or a hash mismatch, 2 for a structure that cannot be read, 0 for damage worked around), a
 * line naming the location, and never a stack trace. The library-level cases, compared with ewfverify,
 * are in forensics-core's {@code EwfDamageTest}.
 */
class ImageVerifyDamageTest {

  @TempDir static Path fixtures;
  @TempDir Path dir;
  private static String sourceMd5;

  /** Three segments (ewfacquire's smallest segment size is 1 MiB): 4784 sectors of zeros, text, random. */
  @BeforeAll
  static void acquire() throws Exception {
    Tools.require("ewfacquire");
    byte[] source = new byte[(64 + 128 + 2200) * 1024];
    byte[] text = "Evidence item 7: the quick brown fox.\n".getBytes(StandardCharsets.US_ASCII);
    for (int i = 64 * 1024; i < 192 * 1024; i++) {
      source[i] = text[i % text.length];
    }
    byte[] random = new byte[2200 * 1024];
    new Random(31).nextBytes(random);
    System.arraycopy(random, 0, source, 192 * 1024, random.length);
    sourceMd5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(source));
    Files.write(fixtures.resolve("source.raw"), source);
    Tools.run(fixtures, "ewfacquire", "-u", "-t", "c", "-f", "encase6", "-c", "fast", "-S", "1MiB", "-d", "sha1",
        "source.raw");
    Tools.run(fixtures, "ewfacquire", "-u", "-t", "u", "-f", "encase6", "-c", "none", "-S", "1MiB", "-d", "sha1",
        "source.raw");
    assertThat(fixtures.resolve("u.E03")).exists();
  }

  private Path copy(String name) throws Exception {
    for (int i = 1; i <= 3; i++) {
      Files.copy(fixtures.resolve(name + ".E0" + i), dir.resolve(name + ".E0" + i));
    }
    return dir.resolve(name + ".E01");
  }

  /** Runs {@code forensics image verify} in text and in JSON; both must agree on the exit code. */
  private record Both(CliRun text, CliRun json) {
    JsonNode tree() throws Exception {
      return new ObjectMapper().readTree(json.out());
    }
  }

  private static Both verify(Path e01) {
    return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      CliRun text = CliRun.run("image", "verify", e01.toString());
      CliRun json = CliRun.run("image", "verify", "--format", "json", e01.toString());
      assertThat(json.exit()).isEqualTo(text.exit());
      for (CliRun r : new CliRun[] {text, json}) {
        assertThat(r.err() + r.out()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
      }
      return new Both(text, json);
    });
  }

  /** The offset of the section descriptor of {@code type} (the section chain from the 13-byte file header). */
  private static int section(byte[] bytes, String type) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int off = 13;
    while (true) {
      String name = new String(bytes, off, 16, StandardCharsets.US_ASCII).replace("\0", "");
      if (name.equals(type)) {
        return off;
      }
      if (name.equals("done") || name.equals("next")) {
        throw new AssertionError("no " + type + " section");
      }
      off = (int) b.getLong(off + 16);
    }
  }

  /** The file offset where chunk {@code k} of a segment's table starts (the table's base plus its entry). */
  private static long chunkOffset(byte[] bytes, int k) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int table = section(bytes, "table") + 76;
    return b.getLong(table + 8) + (b.getInt(table + 24 + 4 * k) & 0x7fffffffL);
  }

  private static void flip(Path file, long offset) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    bytes[(int) offset] ^= 0x5a;
    Files.write(file, bytes);
  }

  @Test
  void byteFlippedInCompressedChunk_exit1_damagedSectorsNamed() throws Exception {
    Path e01 = copy("c");
    long at = chunkOffset(Files.readAllBytes(e01), 3);
    flip(e01, at + 20);
    Both r = verify(e01);
    assertThat(r.text().exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.text().out()).contains("DAMAGED sectors 192-255: chunk 3 (sectors 192-255) in " + e01
        + " at offset " + at + ": ").endsWith("forensics image verify: FAILURE\n");
    assertThat(r.text().err()).isEmpty();
    JsonNode damaged = r.tree().get("damaged");
    assertThat(damaged).hasSize(1);
    assertThat(damaged.get(0).get("firstSector").asLong()).isEqualTo(192);
    assertThat(damaged.get(0).get("lastSector").asLong()).isEqualTo(255);
    assertThat(r.tree().get("passed").asBoolean()).isFalse();
  }

  @Test
  void byteFlippedInUncompressedChunk_exit1_adlerMismatchNamed() throws Exception {
    Path e01 = copy("u");
    Path e02 = dir.resolve("u.E02");
    long at = chunkOffset(Files.readAllBytes(e02), 3); // chunk 34 of the image
    flip(e02, at + 20);
    Both r = verify(e01);
    assertThat(r.text().exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.text().out()).contains("DAMAGED sectors 2176-2239: chunk 34 (sectors 2176-2239) in " + e02
        + " at offset " + at + ": Adler-32 mismatch, calculated: ");
    assertThat(r.tree().get("damaged").get(0).get("reason").asText()).contains("Adler-32 mismatch");
  }

  @Test
  void byteFlippedInTable_exit0_noteNamesTheTableAndItsCopy() throws Exception {
    Path e01 = copy("u");
    Path e02 = dir.resolve("u.E02");
    int table = section(Files.readAllBytes(e02), "table");
    flip(e02, table + 76 + 24 + 4 * 5 + 1);
    Both r = verify(e01);
    assertThat(r.text().exit()).as(r.text().out()).isEqualTo(ExitCodes.OK);
    assertThat(r.text().out()).contains("NOTE damaged structure: " + e02 + ": table entries at offset "
        + (table + 100) + ": Adler-32 mismatch").contains("its table2 copy at offset").contains("SUCCESS");
    assertThat(r.tree().get("structureNotes")).hasSize(1);
    assertThat(r.tree().get("passed").asBoolean()).isTrue();
  }

  @Test
  void table2RewrittenWithValidChecksum_verifyExit0_infoAndVerifyNoteTheDisagreement() throws Exception {
    Path e01 = copy("u");
    Path e02 = dir.resolve("u.E02");
    byte[] bytes = Files.readAllBytes(e02);
    int table2 = section(bytes, "table2");
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int entries = table2 + 76 + 24;
    int count = b.getInt(table2 + 76);
    b.putInt(entries + 4 * 7, b.getInt(entries + 4 * 7) + 512); // entry 7 points half a sector further
    fixAdler(bytes, entries, 4 * count);
    Files.write(e02, bytes);
    String note = "NOTE damaged structure: " + e02 + ": the table at offset " + section(bytes, "table")
        + " and its table2 copy at offset " + table2 + " both pass their checks but differ in 1 of their " + count
        + " entries (the first is entry 7)";

    Both r = verify(e01);
    assertThat(r.text().exit()).as(r.text().out()).isEqualTo(ExitCodes.OK);
    assertThat(r.text().out()).contains(note).contains("SUCCESS");
    assertThat(r.tree().get("structureNotes")).hasSize(1);

    CliRun info = CliRun.run("image", "info", e01.toString());
    assertThat(info.exit()).isEqualTo(ExitCodes.OK);
    assertThat(info.out()).contains("Chunks: ").contains(note);
    CliRun json = CliRun.run("image", "info", "--format", "json", e01.toString());
    JsonNode notes = new ObjectMapper().readTree(json.out()).get("structureNotes");
    assertThat(notes).hasSize(1);
    assertThat(notes.get(0).asText()).contains("differ in 1 of their " + count + " entries");
  }

  @Test
  void sameByteFlippedInTableAndTable2_exit1_brokenChunksNamed() throws Exception {
    Path e01 = copy("u");
    Path e02 = dir.resolve("u.E02");
    byte[] bytes = Files.readAllBytes(e02);
    flip(e02, section(bytes, "table") + 76 + 24 + 4 * 5 + 1);
    flip(e02, section(bytes, "table2") + 76 + 24 + 4 * 5 + 1);
    Both r = verify(e01);
    assertThat(r.text().exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.text().out()).contains("DAMAGED sectors 2240-2303: ").contains("DAMAGED sectors 2304-2367: ")
        .contains("NOTE damaged structure: ").contains("fails too");
  }

  @Test
  void truncatedLastSegment_exit2_fileOffsetAndLostSectorsOnStderr() throws Exception {
    Path e01 = copy("u");
    Path e03 = dir.resolve("u.E03");
    byte[] bytes = Files.readAllBytes(e03);
    Files.write(e03, Arrays.copyOf(bytes, bytes.length / 2));
    Both r = verify(e01);
    assertThat(r.text().exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.text().out()).isEmpty();
    assertThat(r.json().out()).isEmpty();
    assertThat(r.text().err()).isEqualTo("forensics image verify: " + e03 + ": section 'sectors' at offset 1141 has size "
        + (section(bytes, "table") - 1141) // the sectors section runs up to the table
        + ", outside 76 to " + (bytes.length / 2 - 1141)
        + "; media sectors 3968-4783 (from segment 3 on) cannot be read\n");
    assertThat(r.json().err()).isEqualTo(r.text().err());
  }

  @Test
  void truncatedMiddleSegment_exit2_lostSectorsFromThatSegmentOn() throws Exception {
    Path e01 = copy("c");
    Path e02 = dir.resolve("c.E02");
    byte[] bytes = Files.readAllBytes(e02);
    Files.write(e02, Arrays.copyOf(bytes, bytes.length / 2));
    Both r = verify(e01);
    assertThat(r.text().exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.text().err()).startsWith("forensics image verify: " + e02 + ": section 'sectors' at offset ")
        .contains("(from segment 2 on) cannot be read").hasLineCount(1);
  }

  @Test
  void deletedMiddleSegment_exit2_namesTheMissingFile() throws Exception {
    Path e01 = copy("u");
    Files.delete(dir.resolve("u.E02"));
    Both r = verify(e01);
    assertThat(r.text().exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.text().err()).isEqualTo("forensics image verify: " + dir.resolve("u.E02") + ": missing segment 2 of EWF"
        + " image u.E01 (segment 1 ends with a next section); media sectors 1984-4783 (from segment 2 on) cannot be"
        + " read\n");
  }

  @Test
  void storedMd5ChangedInHashSection_withValidChecksum_exit1_storedAndCalculatedShown() throws Exception {
    Path e01 = copy("u");
    Path e03 = dir.resolve("u.E03");
    byte[] bytes = Files.readAllBytes(e03);
    int data = section(bytes, "hash") + 76;
    bytes[data] ^= 0x01;
    fixAdler(bytes, data, 32);
    Files.write(e03, bytes);
    String forged = HexFormat.of().formatHex(bytes, data, data + 16);
    Both r = verify(e01);
    assertThat(r.text().exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.text().out()).contains("md5 stored in the image: " + forged + "  (MISMATCH)")
        .contains("md5 stored in the image: " + sourceMd5 + "  (matches)") // the digest section's copy
        .contains("md5 calculated over the media: " + sourceMd5);
    assertThat(r.tree().get("checks").findValuesAsText("expected")).contains(forged, sourceMd5);
  }

  @Test
  void storedMd5ChangedInDigestSection_withValidChecksum_exit1() throws Exception {
    Path e01 = copy("u");
    Path e03 = dir.resolve("u.E03");
    byte[] bytes = Files.readAllBytes(e03);
    int data = section(bytes, "digest") + 76;
    bytes[data + 5] ^= 0x01;
    fixAdler(bytes, data, 76);
    Files.write(e03, bytes);
    Both r = verify(e01);
    assertThat(r.text().exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.text().out()).contains("(MISMATCH)").contains("md5 calculated over the media: " + sourceMd5);
  }

  @Test
  void storedMd5ChangedInHashSection_withoutValidChecksum_exit1_untrustedMismatchAndNote() throws Exception {
    Path e01 = copy("u");
    Path e03 = dir.resolve("u.E03");
    byte[] bytes = Files.readAllBytes(e03);
    int data = section(bytes, "hash") + 76;
    flip(e03, data + 3);
    String held = HexFormat.of().formatHex(Files.readAllBytes(e03), data, data + 16);
    Both r = verify(e01);
    assertThat(r.text().exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.text().out())
        .contains("NOTE damaged structure: " + e03 + ": hash section at offset " + data
            + ": Adler-32 mismatch, calculated: ")
        .contains("md5 stored in a damaged section of the image: " + held + "  (MISMATCH)")
        .contains("md5 calculated over the media: " + sourceMd5).endsWith("FAILURE\n");
    assertThat(r.tree().get("checks").findValuesAsText("source")).contains("stored-damaged");
  }

  @Test
  void hashSectionChecksumDamaged_md5Intact_exit1_untrustedMatch() throws Exception {
    Path e01 = copy("u");
    Path e03 = dir.resolve("u.E03");
    int data = section(Files.readAllBytes(e03), "hash") + 76;
    flip(e03, data + 33); // the section's own Adler-32
    Both r = verify(e01);
    assertThat(r.text().exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.text().out()).contains("md5 stored in a damaged section of the image: " + sourceMd5
        + "  (matches, but UNTRUSTED: its section fails its checksum)");
    assertThat(r.tree().get("passed").asBoolean()).isFalse();
  }

  /**
   * Seeded random damage (a flipped byte near a segment's start or end, where the structure is, or a cut)
   * through the whole command: always a documented exit code, never an internal error or a stack trace.
   */
  @Test
  void randomDamage_alwaysADocumentedExitCode() throws Exception {
    Random random = new Random(20261129);
    for (int i = 0; i < 25; i++) {
      for (Path f : Files.list(dir).toList()) {
        Files.delete(f);
      }
      Path e01 = copy(random.nextBoolean() ? "c" : "u");
      Path segment = dir.resolve(e01.getFileName().toString().replace("E01", "E0" + (1 + random.nextInt(3))));
      byte[] bytes = Files.readAllBytes(segment);
      int at = random.nextBoolean() ? random.nextInt(2048) : bytes.length - 1 - random.nextInt(1024);
      if (random.nextInt(4) == 0) {
        bytes = Arrays.copyOf(bytes, at);
      } else {
        bytes[at] ^= (byte) (1 + random.nextInt(255));
      }
      Files.write(segment, bytes);
      CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.run("image", "verify", e01.toString()));
      assertThat(r.exit()).as("%s at %d: %s%s", segment, at, r.out(), r.err())
          .isIn(ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE);
      assertThat(r.err() + r.out()).doesNotContain("internal error").doesNotContain("\tat ");
      if (r.exit() == ExitCodes.USAGE) {
        assertThat(r.err()).startsWith("forensics image verify: " + dir).hasLineCount(1);
      }
    }
  }

  private static void fixAdler(byte[] bytes, int from, int length) {
    Adler32 adler = new Adler32();
    adler.update(bytes, from, length);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(from + length, (int) adler.getValue());
  }
}
