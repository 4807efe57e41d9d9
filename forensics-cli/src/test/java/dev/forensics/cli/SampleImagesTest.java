package dev.forensics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The committed disk-image sample of lab 2 ({@code docs/labs/verify-an-image.md}) does what the lab
 * says: the E01 and the split raw set verify and agree with their acquisition logs, the tampered copy
 * fails at sectors 192-255.
 */
class SampleImagesTest {

  private static final Path SAMPLE =
      Path.of(System.getProperty("forensics.projectRoot", "..")).resolve("sample-evidence/case02-usb");

  /** The first hex value on a line matching {@code pattern} (group 1) in a log. */
  private static String fromLog(String log, String pattern) throws Exception {
    Matcher m = Pattern.compile(pattern, Pattern.MULTILINE).matcher(Files.readString(SAMPLE.resolve(log)));
    assertThat(m.find()).as("%s in %s", pattern, log).isTrue();
    return m.group(1);
  }

  @Test
  void e01_verifiesAndMatchesEwfacquireLog() throws Exception {
    String md5 = fromLog("e01/usb.E01.txt", "^MD5 hash calculated over data:\\s+([0-9a-f]{32})$");
    String sha1 = fromLog("e01/usb.E01.txt", "^SHA1 hash calculated over data:\\s+([0-9a-f]{40})$");
    CliRun r = CliRun.run("image", "verify", "-f", "json", SAMPLE.resolve("e01/usb.E01").toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("calculated").get("md5").asText()).isEqualTo(md5);
    assertThat(j.get("calculated").get("sha1").asText()).isEqualTo(sha1);
    assertThat(j.get("mediaSize").asLong()).isEqualTo(2L * 1024 * 1024);

    CliRun withLog = CliRun.run("image", "verify", "--log", SAMPLE.resolve("e01/usb.E01.txt").toString(),
        "-c", "sha256", SAMPLE.resolve("e01/usb.E01").toString());
    assertThat(withLog.exit()).as(withLog.out() + withLog.err()).isZero();
    assertThat(withLog.out()).contains("md5 in the acquisition log").contains("(matches)").doesNotContain("MISMATCH");
  }

  @Test
  void splitRaw_fromAnyPiece_hasTheDc3ddHashesAndTheE01sMedia() throws Exception {
    String md5 = fromLog("split-raw/usb.hashlog.txt", "^\\s+([0-9a-f]{32}) \\(md5\\)$");
    String sha256 = fromLog("split-raw/usb.hashlog.txt", "^\\s+([0-9a-f]{64}) \\(sha256\\)$");
    assertThat(md5).isEqualTo(fromLog("e01/usb.E01.txt", "^MD5 hash calculated over data:\\s+([0-9a-f]{32})$"));
    CliRun r = CliRun.run("image", "verify", "--expect", "md5:" + md5, "--expect", "sha256:" + sha256,
        SAMPLE.resolve("split-raw/usb.002").toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("SUCCESS");

    CliRun withLog = CliRun.run("image", "verify", "--log", SAMPLE.resolve("split-raw/usb.hashlog.txt").toString(),
        SAMPLE.resolve("split-raw/usb.000").toString());
    assertThat(withLog.exit()).as(withLog.out() + withLog.err()).isZero();
    assertThat(withLog.out()).contains("sha256 in the acquisition log").doesNotContain("MISMATCH");
  }

  @Test
  void tamperedE01_failsAtSectors192To255() {
    CliRun r = CliRun.run("image", "verify", SAMPLE.resolve("tampered/usb.E01").toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.out()).contains("DAMAGED sectors 192-255").contains("MISMATCH").contains("FAILURE");
  }
}
