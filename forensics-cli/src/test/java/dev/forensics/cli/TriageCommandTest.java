package dev.forensics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriageCommandTest {

  @TempDir Path dir;
  private Path zip;
  private Path text;

  @BeforeEach
  void evidence() throws IOException {
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(dir.resolve("contract.docx")))) {
      z.putNextEntry(new ZipEntry("notes.txt"));
      z.write("not a Word file".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    zip = dir.resolve("contract.docx");
    text = Files.writeString(dir.resolve("notes.txt"), "meeting at the harbour\n");
    byte[] random = new byte[8192];
    new Random(1).nextBytes(random);
    Files.write(dir.resolve("holiday.jpg"), random);
  }

  @Test
  void text_listsTopFindingsWithReasons_thenCountsByCategory() {
    CliRun r = CliRun.run("triage", "--root", dir.toString(), dir.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains(
        "   40  contract.docx  application/zip (archive, magic)",
        "       - the extension '.docx' does not fit the content, which is application/zip (expected: .zip, .zipx)",
        "   80  holiday.jpg    application/octet-stream (encrypted, none)",
        "Files by category: archive 1, text 1, encrypted 1",
        "3 files examined, 2 with findings, 0 unreadable, 0 skipped (links, devices)");
    assertThat(r.out()).doesNotContain("notes.txt");
    assertThat(CliRun.run("triage", "--all", "--root", dir.toString(), dir.toString()).out()).contains("notes.txt");
  }

  @Test
  void json_hasOneRecordPerFile_inPathOrder() throws IOException {
    CliRun r = CliRun.run("triage", "-f", "json", "--md5", "--root", dir.toString(), dir.toString());
    assertThat(r.exit()).isZero();
    JsonNode files = new ObjectMapper().readTree(r.out()).get("files");
    assertThat(files).hasSize(3);
    JsonNode c = files.get(0);
    assertThat(c.get("path").asText()).isEqualTo("contract.docx");
    assertThat(c.get("mediaType").asText()).isEqualTo("application/zip");
    assertThat(c.get("extensionMismatch").asBoolean()).isTrue();
    assertThat(c.get("sha256").asText()).hasSize(64);
    assertThat(c.get("md5").asText()).hasSize(32);
    assertThat(c.get("findings").get(0).get("kind").asText()).isEqualTo("extension-mismatch");
    assertThat(c.get("score").asInt()).isEqualTo(40);
    assertThat(files.get(2).get("category").asText()).isEqualTo("text");
    java.util.List<String> fields = new java.util.ArrayList<>();
    c.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("path", "status", "size", "modified", "accessed", "created", "sha256", "md5",
        "mediaType", "category", "decidedBy", "evidence", "extension", "extensionMismatch", "entropy", "known",
        "knownSets", "findings", "score");
  }

  @Test
  void csv_andAnUnreadableInput_exit3_andTheRestIsReported() {
    CliRun r = CliRun.run("triage", "-f", "csv", "--root", dir.toString(), dir.toString(), dir.resolve("gone.bin").toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(r.err()).contains("error: gone.bin: no such file or directory");
    String[] lines = r.out().split("\n");
    assertThat(lines[0]).isEqualTo("path,status,error,size,modified,accessed,created,sha256,media_type,category,"
        + "decided_by,extension,extension_mismatch,entropy,known,known_sets,score,findings");
    assertThat(lines).hasSize(5);
    assertThat(lines[2]).startsWith("gone.bin,unreadable,\"no such file or directory\"");
  }

  @Test
  void notableSet_putsItsFileFirst_knownSetSinks() throws IOException {
    String sha = HashCommandTest_sha256(text);
    Path bad = Files.writeString(dir.resolve("..").resolve("bad.sha256").normalize(), sha + "  notes.txt\n");
    CliRun r = CliRun.run("triage", "-q", "--notable", bad.toString(), "--root", dir.toString(), dir.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("  100  notes.txt").contains("listed in the notable hash set");
    assertThat(r.out().indexOf("notes.txt")).isLessThan(r.out().indexOf("contract.docx"));
  }

  private static String HashCommandTest_sha256(Path p) throws IOException {
    try {
      return java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void usageErrors_exit2() {
    assertThat(CliRun.run("triage", "--entropy-threshold", "9", dir.toString()).exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.run("triage", "--min-encrypted-size", "0", dir.toString()).exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.run("triage").exit()).isEqualTo(ExitCodes.USAGE);
    CliRun help = CliRun.run("triage", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("Examples:", "forensics triage evidence/case01", "Exit codes:");
  }

  @Test
  void recurseArchives_listsMembers_asOuterBangPath() throws IOException {
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(dir.resolve("box.zip")))) {
      z.putNextEntry(new ZipEntry("inside/holiday.jpg"));
      byte[] random = new byte[8192];
      new Random(2).nextBytes(random);
      z.write(random);
      z.closeEntry();
    }
    CliRun r = CliRun.run("triage", "--recurse-archives", "--root", dir.toString(), dir.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("box.zip!/inside/holiday.jpg");
    assertThat(CliRun.run("triage", "--root", dir.toString(), dir.toString()).out()).doesNotContain("box.zip!/");
    assertThat(CliRun.run("triage", "--recurse-archives", "--archive-depth", "0", dir.toString()).exit())
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void typesOnly_detectsTypesAndNameFindings_withoutDigestsOrEntropy() throws IOException {
    CliRun r = CliRun.run("triage", "--types-only", "-f", "json", "--root", dir.toString(), dir.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode files = new ObjectMapper().readTree(r.out()).get("files");
    assertThat(files).hasSize(3);
    JsonNode docx = files.get(0);
    assertThat(docx.get("mediaType").asText()).isEqualTo("application/zip");
    assertThat(docx.get("findings").get(0).get("kind").asText()).isEqualTo("extension-mismatch");
    assertThat(docx.get("sha256").asText()).isEmpty();
    assertThat(docx.get("entropy").isNull()).isTrue();
    // random bytes named .jpg: still a mismatch (no JPEG signature), but no entropy, so no encryption finding
    JsonNode jpg = files.get(1);
    assertThat(jpg.get("mediaType").asText()).isEqualTo("application/octet-stream");
    assertThat(jpg.get("findings").findValuesAsText("kind")).containsExactly("extension-mismatch");
    assertThat(CliRun.run("triage", "--types-only", "--md5", dir.toString()).exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.run("triage", "--types-only", "--recurse-archives", dir.toString()).exit())
        .isEqualTo(ExitCodes.USAGE);
  }
}
