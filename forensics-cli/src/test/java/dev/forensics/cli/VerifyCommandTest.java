package dev.forensics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

  @TempDir Path dir;
  Path manifest;

  private Path write(String rel, String content) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @BeforeEach
  void hashEvidence() throws IOException {
    write("ev/keep.txt", "keep");
    write("ev/edit.txt", "original");
    write("ev/move.txt", "moving");
    write("ev/drop.txt", "dropped");
    manifest = dir.resolve("ev.hashdeep");
    CliRun r = CliRun.run("hash", "-q", "-p", "4", "--root", dir.toString(), "-o", manifest.toString(), dir.resolve("ev").toString());
    assertThat(r.exit()).isZero();
  }

  @Test
  void verify_untouched_exits0() {
    CliRun r = CliRun.run("verify", "--root", dir.toString(), manifest.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("MATCHED     ev/keep.txt").contains("Summary: MATCHED 4, CHANGED 0, MOVED 0, NEW 0, MISSING 0, UNREADABLE 0");
  }

  @Test
  void verify_tampered_reportsEachChange_andExits1() throws IOException {
    write("ev/edit.txt", "origiXal");
    Files.move(dir.resolve("ev/move.txt"), dir.resolve("ev/moved.txt"));
    Files.delete(dir.resolve("ev/drop.txt"));
    write("ev/new.txt", "new");

    CliRun r = CliRun.run("verify", "-q", "--root", dir.toString(), manifest.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.out())
        .contains("MISSING     ev/drop.txt  (not found)")
        .contains("CHANGED     ev/edit.txt  (md5 ")
        .contains("differing bytes 4-7)")
        .contains("MOVED       ev/move.txt  (moved to ev/moved.txt)")
        .contains("NEW         ev/new.txt  (not in manifest)")
        .doesNotContain("ev/keep.txt");
  }

  @Test
  void verify_newFileIgnored_exits0() throws IOException {
    write("ev/new.txt", "new");
    assertThat(CliRun.run("verify", "--root", dir.toString(), manifest.toString()).exit()).isEqualTo(1);
    assertThat(CliRun.run("verify", "--ignore-new", "--root", dir.toString(), manifest.toString()).exit()).isZero();
  }

  @Test
  void verify_jsonPassed_followsIgnoreNew() throws IOException {
    write("ev/new.txt", "new");
    CliRun r = CliRun.run("verify", "-f", "json", "--ignore-new", "--root", dir.toString(), manifest.toString());
    assertThat(r.exit()).isZero();
    assertThat(new ObjectMapper().readTree(r.out()).get("passed").asBoolean()).isTrue();
  }

  @Test
  void verify_json_givesStatusPerFileAndCounts() throws IOException {
    Files.delete(dir.resolve("ev/drop.txt"));
    CliRun r = CliRun.run("verify", "-f", "json", "--root", dir.toString(), manifest.toString());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("passed").asBoolean()).isFalse();
    assertThat(json.get("counts").get("MISSING").asInt()).isEqualTo(1);
    assertThat(json.get("counts").get("MATCHED").asInt()).isEqualTo(3);
    assertThat(json.get("files").get(0).get("path").asText()).isEqualTo("ev/drop.txt");
    assertThat(json.get("files").get(0).get("status").asText()).isEqualTo("MISSING");
  }

  @Test
  void verify_malformedLine_isReportedWithLineNumber_restStillChecked() throws IOException {
    String text = Files.readString(manifest);
    Files.writeString(manifest, text + "this is not a manifest line\n");
    CliRun r = CliRun.run("verify", "--root", dir.toString(), manifest.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    int line = text.split("\n", -1).length;
    assertThat(r.out()).contains("manifest: " + manifest + ":" + line + ":").contains("MATCHED     ev/keep.txt");
  }

  @Test
  void verify_unreadableManifest_exits2() {
    CliRun r = CliRun.run("verify", dir.resolve("nope.txt").toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("nope.txt: cannot read the manifest: no such file or directory");
  }

  @Test
  void verify_garbageManifest_exits2() throws IOException {
    Path junk = write("junk.bin", "\u0001\u0002 not a manifest at all");
    CliRun r = CliRun.run("verify", junk.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).startsWith("forensics verify: ");
  }
}
