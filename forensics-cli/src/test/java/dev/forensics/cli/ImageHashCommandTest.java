package dev.forensics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code forensics image hash} against the tools examiners know: coreutils over the source, dc3dd's hash
 * log of the acquisition that wrote the split set, dcfldd's hashwindow log, and ewfacquire's E01 sets.
 */
class ImageHashCommandTest {

  @TempDir Path dir;

  private byte[] source(int length, long seed) throws Exception {
    byte[] data = new byte[length];
    new Random(seed).nextBytes(data);
    Files.write(dir.resolve("source.raw"), data);
    return data;
  }

  private String md5sum(String file) throws Exception {
    return Tools.run(dir, "md5sum", file).substring(0, 32);
  }

  @Test
  void text_splitSet_givesMediaHashesAndEachSegmentFilesOwnHash() throws Exception {
    source(2_500_000, 1);
    Tools.run(dir, "split", "-b", "1000000", "-d", "-a", "3", "--numeric-suffixes=1", "source.raw", "usb.");
    CliRun r = CliRun.run("image", "hash", "--segments", dir.resolve("usb.003").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("usb.001 (split raw, 3 files)")
        .contains("Media size:  2500000 bytes = 4882 sectors + 416 bytes (512-byte sectors, assumed, as dc3dd does for files)")
        .containsPattern("(?m)^md5 +" + md5sum("source.raw") + "$")
        .containsPattern("(?m)^usb\\.002 +1953-3906 +md5 +" + md5sum("usb.002") + "$")
        .containsPattern("(?m)^usb\\.003 +3906-4882 +md5 +" + md5sum("usb.003") + "$");
    assertThat(r.err()).isEmpty();
  }

  /**
   * dc3dd wrote the set ({@code ofsz=1M}) and logged, per algorithm, the total, the hash of each 1 MiB of
   * input and of each output file. Our log of the same set, with {@code -p 1M --segments}, has exactly
   * those hash lines (without dc3dd's {@code [ok]} checks of output against input).
   */
  @Test
  void dc3dd_format_hasTheHashLinesOfDc3ddsOwnLog() throws Exception {
    source(2 * 1024 * 1024 + 512 * 100, 2);
    Tools.run(dir, "dc3dd", "if=source.raw", "hofs=disk.000", "ofsz=1M", "hash=md5", "hash=sha1", "hash=sha256",
        "hlog=dc3dd.log");
    String theirs = Files.readString(dir.resolve("dc3dd.log"));
    CliRun r = CliRun.run("image", "hash", "--segments", "-p", "1M", "-f", "dc3dd", dir.resolve("disk.001").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    String ours = r.out();

    assertThat(hashLines(block(ours, "input results for files `")))
        .isEqualTo(hashLines(block(theirs, "input results for file `")));
    assertThat(hashLines(block(ours, "segment results for files `")))
        .isEqualTo(hashLines(block(theirs, "output results for files `")).stream()
            .map(l -> l.replace("[ok] ", "")).collect(Collectors.toList()));
    assertThat(ours).contains("   4196 sectors in\n").contains("sector size: 512 bytes (assumed)\n")
        .containsPattern("(?m)^forensics \\S+ image hash started at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\+0000$")
        .contains("command line: forensics image hash --segments -p 1M -f dc3dd ");
  }

  /** The lines of the block that starts with a line beginning {@code heading}, up to the blank line. */
  private static List<String> block(String log, String heading) {
    List<String> lines = Arrays.asList(log.split("\n", -1));
    int start = 0;
    while (start < lines.size() && !lines.get(start).startsWith(heading)) {
      start++;
    }
    assertThat(start).as("'%s' in:\n%s", heading, log).isLessThan(lines.size());
    int end = start;
    while (end < lines.size() && !lines.get(end).isEmpty()) {
      end++;
    }
    return lines.subList(start + 1, end);
  }

  private static List<String> hashLines(List<String> block) {
    List<String> hashes = block.stream().filter(l -> l.matches("\\s+(\\[ok\\] )?[0-9a-f]{32,}.*"))
        .collect(Collectors.toList());
    assertThat(hashes).isNotEmpty();
    return hashes;
  }

  @Test
  void dcfldd_format_isByteForByteDcflddsHashwindowLog() throws Exception {
    source(3_000_000, 3);
    Tools.run(dir, "split", "-b", "1000000", "-d", "-a", "3", "source.raw", "img.");
    Tools.run(dir, "dcfldd", "if=source.raw", "of=/dev/null", "hash=md5,sha1,sha256", "hashwindow=1M",
        "hashlog=dcfldd.log");
    CliRun r = CliRun.run("image", "hash", "-p", "1M", "-f", "dcfldd", dir.resolve("img.000").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(Files.readString(dir.resolve("dcfldd.log")));

    CliRun segments = CliRun.run("image", "hash", "--segments", "-f", "dcfldd", dir.resolve("img.000").toString());
    assertThat(segments.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(segments.err()).contains("the dcfldd format has no segment hashes");
  }

  @Test
  void json_e01_hashesTheMedia_andSegmentHashesAreRefused() throws Exception {
    source(3 * 1024 * 1024, 4);
    Tools.run(dir, "ewfacquire", "-u", "-t", "case", "-f", "encase6", "-c", "fast", "-S", "1MiB", "source.raw");
    Path e01 = dir.resolve("case.E01");
    CliRun r = CliRun.run("image", "hash", "-f", "json", "-c", "md5,sha256", "-p", "2M", e01.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("format").asText()).isEqualTo("EWF");
    assertThat(j.get("hashes").get("md5").asText()).isEqualTo(md5sum("source.raw")).isNotEqualTo(md5sum("case.E01"));
    assertThat(j.get("mediaSize").asLong()).isEqualTo(3 * 1024 * 1024);
    assertThat(j.get("sectorSizeFromImage").asBoolean()).isTrue();
    assertThat(j.get("segmentFiles").size()).isGreaterThan(1);
    assertThat(j.get("pieces")).hasSize(2);
    assertThat(j.get("pieces").get(1).get("firstSector").asLong()).isEqualTo(4096);
    assertThat(j.get("pieces").get(1).get("lastSector").asLong()).isEqualTo(6143);
    assertThat(j.get("segments")).isEmpty();
    assertThat(j.get("damaged")).isEmpty();
    assertThat(j.get("complete").asBoolean()).isTrue();

    CliRun segments = CliRun.run("image", "hash", "--segments", e01.toString());
    assertThat(segments.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(segments.err()).contains("--segments is for split raw sets").contains("forensics hash --no-image");
  }

  @Test
  void e01WithDamagedChunk_listsItsSectors_andExitsOne() throws Exception {
    source(1024 * 1024, 5);
    Tools.run(dir, "ewfacquire", "-u", "-t", "case", "-f", "encase6", "-c", "none", "source.raw");
    Path e01 = dir.resolve("case.E01");
    byte[] bytes = Files.readAllBytes(e01);
    bytes[bytes.length / 2] ^= 0x40; // inside the chunk data, which fills most of the file
    Files.write(e01, bytes);
    CliRun r = CliRun.run("image", "hash", "-c", "md5", e01.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.out()).containsPattern("DAMAGED sectors \\d+-\\d+: chunk \\d+ ");
    assertThat(r.err()).contains("1 damaged chunk was hashed as zeros: these are not the hashes of the acquired media");
  }

  @Test
  void output_writesTheLogToAFile_andKeepsAnExistingOne() throws Exception {
    source(10_000, 6);
    Path log = dir.resolve("hash.log");
    CliRun first = CliRun.run("image", "hash", "-c", "md5", "-f", "dcfldd", "-o", log.toString(),
        dir.resolve("source.raw").toString());
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).isEmpty();
    assertThat(Files.readString(log)).isEqualTo("\nTotal (md5): " + md5sum("source.raw") + "\n");

    CliRun again = CliRun.run("image", "hash", "-o", log.toString(), dir.resolve("source.raw").toString());
    assertThat(again.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(again.err()).contains("output file exists");
  }

  @Test
  void help_hasExamplesAndExitCodes() {
    CliRun r = CliRun.run("image", "hash", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("forensics image hash --segments -f dc3dd").contains("Exit codes:")
        .contains("damaged E01 chunks were hashed as zeros");
  }
}
