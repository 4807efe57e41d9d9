package dev.forensics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashCommandTest {

  @TempDir Path dir;

  private Path write(String rel, String content) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void hash_gnuFormat_printsSha256sumLines() throws IOException {
    write("ev/b.txt", "b");
    write("ev/a.txt", "abc");
    CliRun r = CliRun.run("hash", "-q", "-c", "sha256", "-f", "gnu", "--root", dir.toString(), dir.resolve("ev").toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  ev/a.txt\n"
                + "3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d  ev/b.txt\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void hash_defaultFormat_isHashdeepWithMd5Sha1Sha256() throws IOException {
    write("ev/a.txt", "abc");
    CliRun r = CliRun.run("hash", "-q", "--root", dir.toString(), dir.resolve("ev").toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("%%%% HASHDEEP-1.0\n%%%% size,md5,sha1,sha256,filename\n");
    assertThat(r.out())
        .contains(
            "3,900150983cd24fb0d6963f7d28e17f72,a9993e364706816aba3e25717850c26c9cd0d89d,"
                + "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad,ev/a.txt\n");
  }

  @Test
  void hash_missingInput_exits3_andNamesIt() throws IOException {
    write("ev/a.txt", "abc");
    CliRun r = CliRun.run("hash", "-f", "gnu", "-c", "md5", "--root", dir.toString(), dir.resolve("ev").toString(), dir.resolve("gone.dd").toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(r.out()).contains("ev/a.txt");
    assertThat(r.err()).contains("error: gone.dd: no such file or directory").contains("1 unreadable");
  }

  @Test
  void hash_gnuWithTwoAlgorithms_isAUsageError() {
    CliRun r = CliRun.run("hash", "-f", "gnu", "-c", "md5,sha1", dir.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("the gnu format holds one algorithm per file");
  }

  @Test
  void hash_unknownAlgorithm_isAUsageErrorNamingTheKnownOnes() {
    CliRun r = CliRun.run("hash", "-c", "crc32", dir.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("unknown hash algorithm 'crc32' (known: md5, sha1, sha256, sha512, sha3-256, blake3)");
  }

  @Test
  void hash_outputFile_isWrittenAtomically_notHashedItself_andNotOverwritten() throws IOException {
    write("ev/a.txt", "abc");
    Path out = dir.resolve("ev/manifest.txt");
    CliRun r = CliRun.run("hash", "-q", "-f", "gnu", "-c", "md5", "--root", dir.toString(), "-o", out.toString(), dir.resolve("ev").toString());
    assertThat(r.exit()).isZero();
    assertThat(Files.readString(out)).isEqualTo("900150983cd24fb0d6963f7d28e17f72  ev/a.txt\n");
    try (var s = Files.list(dir.resolve("ev"))) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.txt", "manifest.txt");
    }
    CliRun again = CliRun.run("hash", "-f", "gnu", "-c", "md5", "-o", out.toString(), dir.resolve("ev").toString());
    assertThat(again.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(again.err()).contains("output file exists (use --force to overwrite)");
  }

  @Test
  void hash_pieceSizeWithGnu_isAUsageError() {
    CliRun r = CliRun.run("hash", "-f", "gnu", "-c", "md5", "-p", "1M", dir.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("cannot hold piece hashes");
  }

  @Test
  void hash_badPieceSize_isAUsageError() {
    CliRun r = CliRun.run("hash", "-p", "lots", dir.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("not a size: 'lots' (examples: 4096, 512K, 1M, 2G)");
  }

  @Test
  void hash_knownAndNotableSets_markFiles_andHideKnown() throws IOException {
    write("ev/os-file.dll", "abc");
    write("ev/bad.jpg", "b");
    write("ev/mine.txt", "unique");
    Path known = write("sets/nsrl-like.txt", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  kernel32.dll\n");
    Path notable = write("sets/bad.sha256", "3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d  contraband.jpg\n");

    CliRun r = CliRun.run("hash", "-f", "gnu", "-c", "sha256", "--root", dir.toString(),
        "--known", known.toString(), "--notable", notable.toString(), "--hide-known", dir.resolve("ev").toString());

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("ev/bad.jpg").contains("ev/mine.txt").doesNotContain("os-file.dll");
    assertThat(r.err())
        .contains("NOTABLE: ev/bad.jpg (in " + notable + ", matched on sha256)")
        .contains("1 notable files, 1 known files (left out of the manifest)");
  }

  @Test
  void hash_hideKnownWithoutSets_isAUsageError() {
    CliRun r = CliRun.run("hash", "--hide-known", dir.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void hash_nameHashdeepCannotHold_isAnErrorLine_restStillWritten() throws IOException {
    write("ev/line\nbreak.txt", "x");
    write("ev/ok.txt", "y");
    CliRun r = CliRun.run("hash", "-q", "--root", dir.toString(), dir.resolve("ev").toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.out()).contains("ev/ok.txt").doesNotContain("break.txt");
    assertThat(r.err()).contains("error: ev/line\\nbreak.txt: not in the manifest: ");

    CliRun json = CliRun.run("hash", "-q", "-f", "json", "--root", dir.toString(), dir.resolve("ev").toString());
    assertThat(json.exit()).isZero();
    assertThat(json.out()).contains("\"ev/line\\nbreak.txt\"");
  }

  @Test
  void hash_outputToADevice_writesInPlace_neverReplacesIt() throws IOException {
    Path devNull = Path.of("/dev/null");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "needs /dev/null");
    write("ev/a.txt", "abc");
    CliRun r = CliRun.run("hash", "-q", "-o", "/dev/null", dir.resolve("ev").toString());
    assertThat(r.exit()).isZero();
    assertThat(Files.isRegularFile(devNull)).as("/dev/null must stay a device").isFalse();
  }

  @Test
  void hash_outputThroughASymlink_replacesTheTarget_keepsTheLink() throws IOException {
    write("ev/a.txt", "abc");
    Path target = write("out/real.txt", "old");
    Path link = dir.resolve("out/link.txt");
    Files.createSymbolicLink(link, target);
    CliRun r = CliRun.run("hash", "-q", "-f", "gnu", "-c", "md5", "--force", "--root", dir.toString(), "-o", link.toString(), dir.resolve("ev").toString());
    assertThat(r.exit()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(target)).isEqualTo("900150983cd24fb0d6963f7d28e17f72  ev/a.txt\n");
  }

  @Test
  void hash_outputIsAFolder_isRefused() throws IOException {
    write("ev/a.txt", "abc");
    CliRun r = CliRun.run("hash", "-o", dir.toString(), dir.resolve("ev").toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("the output is a folder: name a file");
  }
}
