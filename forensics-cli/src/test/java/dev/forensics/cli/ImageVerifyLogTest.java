package dev.forensics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code forensics image verify --log}: images made by the real dc3dd, dcfldd and ewfacquire verified against
 * the logs those tools wrote, and against Guymager and FTK Imager fixtures; edited logs fail (exit 1),
 * contradictory or unrecognised logs are refused (exit 2).
 */
class ImageVerifyLogTest {

  /** The core module's log fixtures: a 1 MiB medium whose byte i is i % 251 (see AcquisitionLogTest). */
  private static final Path FIXTURES = Path.of("../forensics-core/src/test/resources/image/logs");

  @TempDir Path dir;
  byte[] data;

  @BeforeEach
  void source() throws Exception {
    data = new byte[3 * (1 << 20)];
    new Random(11).nextBytes(data);
    Files.write(dir.resolve("usb.raw"), data);
  }

  private static String hex(String algorithm, byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
  }

  private String path(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void dc3dd_splitImageWithPieces_verifiesAgainstItsHlog() throws Exception {
    ExternalTool.require("dc3dd", "dc3dd");
    ExternalTool.run(dir, "dc3dd", "if=usb.raw", "hofs=usb.000", "ofsz=1M", "hash=md5", "hash=sha256",
        "hlog=usb.hlog");
    CliRun r = CliRun.run("image", "verify", "--log", path("usb.hlog"), path("usb.001"));
    assertThat(r.exit()).as(r.err() + r.out()).isZero();
    assertThat(r.out())
        .contains("Acquisition log " + path("usb.hlog") + ": written by dc3dd")
        .contains("md5 in the acquisition log " + path("usb.hlog") + ": " + hex("MD5", data) + "  (matches)")
        .contains("sha256 in the acquisition log " + path("usb.hlog") + ": " + hex("SHA-256", data) + "  (matches)")
        .endsWith("forensics image verify: SUCCESS\n");
  }

  @Test
  void dc3dd_editedHash_failsNamingTheAlgorithmAndLog() throws Exception {
    ExternalTool.require("dc3dd", "dc3dd");
    ExternalTool.run(dir, "dc3dd", "if=usb.raw", "of=usb.dd", "hash=md5", "hash=sha1", "hlog=usb.hlog");
    String md5 = hex("MD5", data);
    String edited = (md5.charAt(0) == '0' ? "1" : "0") + md5.substring(1);
    Path log = dir.resolve("usb.hlog");
    Files.writeString(log, Files.readString(log).replace(md5, edited));

    CliRun r = CliRun.run("image", "verify", "--log", log.toString(), path("usb.dd"));
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.out())
        .contains("md5 calculated over the media: " + md5)
        .contains("md5 in the acquisition log " + log + ": " + edited + "  (MISMATCH)")
        .contains("sha1 in the acquisition log " + log + ": " + hex("SHA-1", data) + "  (matches)")
        .endsWith("forensics image verify: FAILURE\n");
  }

  @Test
  void dcfldd_json_labelsTheChecksLog() throws Exception {
    ExternalTool.require("dcfldd", "dcfldd");
    ExternalTool.run(dir, "dcfldd", "if=usb.raw", "of=usb.dd", "hash=md5,sha256", "hashwindow=1M",
        "hashlog=usb.hashlog");
    CliRun r = CliRun.run("image", "verify", "-f", "json", "--log", path("usb.hashlog"), path("usb.dd"));
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("passed").asBoolean()).isTrue();
    assertThat(j.get("log").get("tool").asText()).isEqualTo("dcfldd");
    assertThat(j.get("log").get("file").asText()).isEqualTo(path("usb.hashlog"));
    assertThat(j.get("log").get("hashes").get("sha256").asText()).isEqualTo(hex("SHA-256", data));
    assertThat(j.get("checks")).hasSize(2).allSatisfy(c -> {
      assertThat(c.get("source").asText()).isEqualTo("log");
      assertThat(c.get("matches").asBoolean()).isTrue();
    });
  }

  @Test
  void ewfacquireVerifyAndInfoOutput_verifyTheE01AndTheSource() throws Exception {
    ExternalTool.require("ewfacquire", "ewf-tools");
    Files.writeString(dir.resolve("acquire.txt"), ExternalTool.run(dir, "ewfacquire", "-u", "-t", "usb", "-f",
        "encase6", "-c", "fast", "-d", "sha256", "-S", "1MiB", "usb.raw"));
    Files.writeString(dir.resolve("verify.txt"), ExternalTool.run(dir, "ewfverify", "-d", "sha1", "usb.E01"));
    Files.writeString(dir.resolve("info.txt"), ExternalTool.run(dir, "ewfinfo", "usb.E01"));

    CliRun acquire = CliRun.run("image", "verify", "-f", "json", "--log", path("acquire.txt"), path("usb.E01"));
    assertThat(acquire.exit()).as(acquire.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(acquire.out());
    assertThat(j.get("log").get("tool").asText()).isEqualTo("ewfacquire");
    assertThat(j.get("checks").findValuesAsText("source")).containsExactly("stored", "log", "log");
    assertThat(j.get("checks").findValuesAsText("algorithm")).containsExactly("md5", "md5", "sha256");

    CliRun verified = CliRun.run("image", "verify", "--log", path("verify.txt"), path("usb.raw"));
    assertThat(verified.exit()).as(verified.err() + verified.out()).isZero();
    assertThat(verified.out())
        .contains("md5 in the acquisition log " + path("verify.txt") + ": " + hex("MD5", data) + "  (matches)")
        .contains("sha1 in the acquisition log " + path("verify.txt") + ": " + hex("SHA-1", data) + "  (matches)");

    CliRun info = CliRun.run("image", "verify", "--log", path("info.txt"), path("usb.raw"));
    assertThat(info.exit()).as(info.err() + info.out()).isZero();
    assertThat(info.out()).contains("written by ewfinfo")
        .contains("md5 in the acquisition log " + path("info.txt") + ": " + hex("MD5", data) + "  (matches)");
  }

  @Test
  void ewfverifyOutput_storedAndCalculatedDisagree_isRefused() throws Exception {
    ExternalTool.require("ewfacquire", "ewf-tools");
    ExternalTool.run(dir, "ewfacquire", "-u", "-t", "usb", "-f", "encase6", "-c", "fast", "usb.raw");
    String output = ExternalTool.run(dir, "ewfverify", "usb.E01");
    String md5 = hex("MD5", data);
    String other = (md5.charAt(0) == '0' ? "1" : "0") + md5.substring(1);
    String edited = output.replaceFirst("(MD5 hash calculated over data:\\s+)" + md5, "$1" + other);
    assertThat(edited).isNotEqualTo(output);
    Files.writeString(dir.resolve("verify.txt"), edited);

    CliRun r = CliRun.run("image", "verify", "--log", path("verify.txt"), path("usb.E01"));
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("forensics image verify: " + path("verify.txt") + ":")
        .contains(": two different md5 hashes of the whole media: 'MD5 hash stored in file' on line ")
        .contains("the log does not say which one the media has");
  }

  @Test
  void guymagerSplitDdAndFtkImagerFixtures_verifyTheMedium() throws Exception {
    byte[] medium = new byte[1 << 20];
    for (int i = 0; i < medium.length; i++) {
      medium[i] = (byte) (i % 251);
    }
    Files.write(dir.resolve("usb.000"), Arrays.copyOfRange(medium, 0, medium.length / 2));
    Files.write(dir.resolve("usb.001"), Arrays.copyOfRange(medium, medium.length / 2, medium.length));
    Path guymager = FIXTURES.resolve("guymager_dd_split.info");
    CliRun g = CliRun.run("image", "verify", "--log", guymager.toString(), path("usb.000"));
    assertThat(g.exit()).as(g.err() + g.out()).isZero();
    assertThat(g.out()).contains("written by Guymager").contains("(matches)").doesNotContain("MISMATCH");
    assertThat(g.out().lines().filter(l -> l.contains("in the acquisition log"))).hasSize(3);

    Path ftk = FIXTURES.resolve("ftk_imager.txt");
    CliRun f = CliRun.run("image", "verify", "--log", ftk.toString(), path("usb.001"));
    assertThat(f.exit()).as(f.err() + f.out()).isZero();
    assertThat(f.out()).contains("written by FTK Imager").contains("sha1 in the acquisition log " + ftk + ": ");
  }

  @Test
  void contradictoryOrUnrecognisedLogs_areUsageErrorsBeforeTheImageIsRead() throws Exception {
    Path conflict = FIXTURES.resolve("error_guymager_verified_image_differs.info");
    CliRun r = CliRun.run("image", "verify", "--log", conflict.toString(), path("usb.raw"));
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).isEqualTo("forensics image verify: " + conflict + ":50: two different md5 hashes of the "
        + "whole media: 'MD5 hash' on line 48 is 8f293a2f6c19b345152f7a49bb4c643c, 'MD5 hash verified image' on "
        + "line 50 is 0f293a2f6c19b345152f7a49bb4c643c; the log does not say which one the media has\n");

    Files.writeString(dir.resolve("SHA256SUMS"), hex("SHA-256", data) + "  usb.raw\n");
    CliRun sums = CliRun.run("image", "verify", "--log", path("SHA256SUMS"), path("usb.raw"));
    assertThat(sums.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(sums.err()).contains(path("SHA256SUMS") + ":1: not an acquisition log this program reads");

    CliRun missing = CliRun.run("image", "verify", "--log", path("nope.info"), path("usb.raw"));
    assertThat(missing.exit()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(missing.err()).contains("no such file or directory: " + path("nope.info"));
  }

  @Test
  void help_documentsLogWithAnExample() {
    CliRun r = CliRun.run("image", "verify", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("--log=FILE").contains("forensics image verify --log usb.info usb.E01")
        .contains("Guymager");
  }
}
