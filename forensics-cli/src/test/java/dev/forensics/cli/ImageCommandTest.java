package dev.forensics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCommandTest {

  @TempDir Path dir;
  byte[] data;
  Path raw;

  @BeforeEach
  void makeImage() throws Exception {
    data = new byte[(1 << 20) + 4096];
    new Random(3).nextBytes(data);
    raw = dir.resolve("usb.dd");
    Files.write(raw, data);
  }

  private String hex(String alg) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(data));
  }

  @Test
  void verify_rawWithRightExpectedHash_succeeds() throws Exception {
    CliRun r = CliRun.run("image", "verify", "--expect", "sha256:" + hex("SHA-256").toUpperCase(), raw.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("sha256 expected: " + hex("SHA-256") + "  (matches)").endsWith("forensics image verify: SUCCESS\n");
  }

  @Test
  void verify_rawWithWrongHash_fails() throws Exception {
    CliRun r = CliRun.run("image", "verify", "--expect", "md5:00000000000000000000000000000000", raw.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.out()).contains("(MISMATCH)").contains("md5 calculated over the media: " + hex("MD5")).contains("FAILURE");
  }

  @Test
  void verify_nothingToCompare_failsAndSaysSo() {
    CliRun r = CliRun.run("image", "verify", raw.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.out()).contains("no stored or expected hash to compare with");
  }

  @Test
  void verify_badExpect_isAUsageError() {
    CliRun r = CliRun.run("image", "verify", "--expect", "md5-abc", raw.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--expect md5-abc: expected ALG:HEX");
  }

  @Test
  void info_json_givesFormatAndSize() throws Exception {
    CliRun r = CliRun.run("image", "info", "-f", "json", raw.toString());
    assertThat(r.exit()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("format").asText()).isEqualTo("RAW");
    assertThat(j.get("mediaSize").isNumber()).isTrue();
    assertThat(j.get("mediaSize").asLong()).isEqualTo(data.length);
  }

  @Test
  void splitSetWithMissingSegment_isRefusedNamingIt() throws Exception {
    for (int i = 0; i < 3; i++) {
      if (i != 1) {
        Files.write(dir.resolve(String.format("set.%03d", i + 1)), new byte[1000]);
      }
    }
    CliRun r = CliRun.run("image", "info", dir.resolve("set.001").toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("set.002");
  }

  @Test
  void e01_infoShowsCaseData_andVerifySucceeds() throws Exception {
    boolean ci = "true".equals(System.getenv("CI"));
    boolean present = new ProcessBuilder("sh", "-c", "command -v ewfacquire").start().waitFor() == 0;
    if (ci) {
      assertThat(present).as("ewfacquire (ewf-tools) must be installed in CI").isTrue();
    }
    assumeTrue(present, "ewfacquire (Debian package ewf-tools) is not installed: E01 CLI test skipped");
    Process p = new ProcessBuilder("ewfacquire", "-u", "-t", "case", "-f", "encase6", "-c", "fast", "-d", "sha1",
            "-C", "K-2026-17", "-E", "EX-3", "-e", "Insp. Chai", raw.toString())
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("acquire.log").toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("acquire.log"))).isZero();
    Path e01 = dir.resolve("case.E01");

    CliRun info = CliRun.run("image", "info", e01.toString());
    assertThat(info.exit()).isZero();
    assertThat(info.out()).contains("Format: EWF").contains("Case number: K-2026-17").contains("Examiner: Insp. Chai")
        .contains("Stored hash MD5: " + hex("MD5")).contains("Stored hash SHA1: " + hex("SHA-1"));
    assertThat(info.out()).as("encase6 header2 dates are instants, shown in UTC")
        .containsPattern("Acquisition date: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d)?Z");

    CliRun verify = CliRun.run("image", "verify", "-f", "json", "-c", "sha256", e01.toString());
    assertThat(verify.exit()).as(verify.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(verify.out());
    assertThat(j.get("passed").asBoolean()).isTrue();
    assertThat(j.get("calculated").get("sha256").asText()).isEqualTo(hex("SHA-256"));
    assertThat(j.get("checks")).hasSize(2);
  }
}
