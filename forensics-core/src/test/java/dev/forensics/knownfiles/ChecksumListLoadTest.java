package dev.forensics.knownfiles;

import static dev.forensics.knownfiles.Fixtures.digests;
import static dev.forensics.knownfiles.Fixtures.md5;
import static dev.forensics.knownfiles.Fixtures.path;
import static dev.forensics.knownfiles.Fixtures.sha1;
import static dev.forensics.knownfiles.Fixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumListLoadTest {

  @Test
  void load_gnuBsdAndBareLines_allEntriesWithNames() throws IOException {
    KnownFileSetLoadResult result =
        KnownFileSets.loadChecksumList(path("sums/good.txt"), HashSetKind.NOTABLE, "tools");

    assertThat(result.problems()).isEmpty();
    assertThat(result.entriesRead()).isEqualTo(9);
    KnownFileSet set = result.set();
    assertThat(set.name()).isEqualTo("tools");
    assertThat(set.kind()).isEqualTo(HashSetKind.NOTABLE);
    assertThat(set.format()).isEqualTo(HashSetFormat.CHECKSUM_LIST);
    assertThat(set.algorithms())
        .containsExactly(HashAlgorithm.MD5, HashAlgorithm.SHA1, HashAlgorithm.SHA256);
    assertThat(set.size()).isEqualTo(8); // alpha twice
    assertThat(nameOf(set, sha256("alpha"))).contains("alpha.txt"); // the first name wins
    assertThat(nameOf(set, sha256("beta"))).contains("bin/beta.exe");
    assertThat(nameOf(set, sha256("gamma"))).contains("dir\\with\nnewline");
    assertThat(nameOf(set, sha256("delta"))).contains("tagged (1).txt");
    assertThat(nameOf(set, md5("epsilon"))).contains("old.doc");
    assertThat(nameOf(set, sha1("zeta"))).contains("zeta.txt");
    assertThat(nameOf(set, sha256("eta"))).isEmpty();
    assertThat(set.contains(sha256("eta"))).isTrue();
    assertThat(nameOf(set, sha256("theta"))).contains("md5-r style name");
    assertThat(set.contains(sha256("iota"))).isFalse();
  }

  @Test
  void load_namesDropped_matchesCarryNoName() throws IOException {
    KnownFileSetLoadResult result =
        KnownFileSets.load(
            path("sums/good.txt"),
            HashSetFormat.CHECKSUM_LIST,
            HashSetKind.NOTABLE,
            "tools",
            LoadOptions.defaults().withNames(LoadOptions.NameRetention.DROP));

    assertThat(result.problems()).isEmpty();
    assertThat(result.set().size()).isEqualTo(8);
    assertThat(result.set().match(DigestSet.of(sha256("alpha"))))
        .hasValueSatisfying(m -> assertThat(m.fileName()).isEmpty());
  }

  @Test
  void load_crlfLineEnds_namesWithoutCarriageReturn() throws IOException {
    KnownFileSet set =
        KnownFileSets.loadChecksumList(path("sums/crlf.txt"), HashSetKind.KNOWN, "crlf").set();

    assertThat(nameOf(set, sha256("beta"))).contains("beta.txt");
  }

  @Test
  void load_malformedLines_reportsEachWithLineAndKeepsGoing() throws IOException {
    Path file = path("sums/malformed.txt");
    KnownFileSetLoadResult result = KnownFileSets.loadChecksumList(file, HashSetKind.NOTABLE, "bad");

    assertThat(result.problems())
        .extracting(HashSetProblem::line, HashSetProblem::message)
        .containsExactly(
            tuple(1L, ChecksumListReader.UNRECOGNISED),
            tuple(
                2L, "digest of 3 hex digits matches no supported algorithm (32 md5, 40 sha1, 64 sha256, 128 sha512)"),
            tuple(3L, "not a hex digit at position 10 of sha256 digest: 'g'"),
            tuple(4L, "unsupported algorithm tag 'BLAKE2b'"),
            tuple(5L, "sha256 digest must be 64 hex digits, got 40"),
            tuple(6L, "invalid escape '\\q' in the file name"),
            tuple(7L, "unfinished escape '\\' at the end of the file name"),
            tuple(8L, "missing file name after the digest"),
            tuple(9L, "not a hex digit at position 5 of sha1 digest: 'z'"));
    assertThat(result.problems().get(0).toString())
        .isEqualTo(file + ":1: " + ChecksumListReader.UNRECOGNISED);
    assertThat(result.entriesRead()).isEqualTo(1);
    assertThat(result.set().contains(sha256("epsilon"))).isTrue();
  }

  @Test
  void load_b3sumList_with64DigitsAsBlake3() throws IOException {
    KnownFileSet set =
        KnownFileSets.load(
                path("sums/b3.txt"),
                HashSetFormat.CHECKSUM_LIST,
                HashSetKind.KNOWN,
                "b3",
                LoadOptions.defaults().withDigest64(HashAlgorithm.BLAKE3))
            .set();

    assertThat(set.algorithms()).containsExactly(HashAlgorithm.BLAKE3);
    Digest empty =
        Digest.ofHex(HashAlgorithm.BLAKE3, "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262");
    assertThat(set.contains(empty)).isTrue();
    assertThat(set.contains(new Digest(HashAlgorithm.BLAKE3, sha256("alpha").value()))).isTrue();
    assertThat(set.contains(sha256("alpha"))).isFalse();
  }

  @Test
  void load_tooManyProblems_listsTheFirstThousandAndCountsTheRest(@TempDir Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 1005; i++) {
      lines.add("junk " + i);
    }
    Path file = Files.write(dir.resolve("junk.txt"), lines);

    List<HashSetProblem> problems =
        KnownFileSets.loadChecksumList(file, HashSetKind.KNOWN, "junk").problems();

    assertThat(problems).hasSize(1001);
    assertThat(problems.get(999).line()).isEqualTo(1000);
    assertThat(problems.get(1000)).isEqualTo(new HashSetProblem(file.toString(), 0, "5 more problems not listed"));
  }

  @Test
  void load_outputOfCoreutilsSha256sum_namesRoundTrip(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(onPath("sha256sum"), "coreutils sha256sum not installed");
    Files.writeString(dir.resolve("plain.txt"), "alpha");
    Files.writeString(dir.resolve("back\\slash.txt"), "beta");
    Files.writeString(dir.resolve("new\nline.txt"), "gamma");
    Files.writeString(dir.resolve("comma, space.txt"), "delta");
    Path list = dir.resolve("SHA256SUMS");
    Process p =
        new ProcessBuilder("sha256sum", "plain.txt", "back\\slash.txt", "new\nline.txt", "comma, space.txt")
            .directory(dir.toFile())
            .redirectOutput(list.toFile())
            .start();
    assertThat(p.waitFor()).isZero();
    Path tagged = dir.resolve("SHA256SUMS.tag");
    Process q =
        new ProcessBuilder("sha256sum", "--tag", "back\\slash.txt", "new\nline.txt")
            .directory(dir.toFile())
            .redirectOutput(tagged.toFile())
            .start();
    assertThat(q.waitFor()).isZero();

    KnownFileSetLoadResult result = KnownFileSets.load(list, HashSetKind.KNOWN, "coreutils");
    KnownFileSetLoadResult taggedResult = KnownFileSets.load(tagged, HashSetKind.KNOWN, "coreutils-tag");

    assertThat(result.problems()).isEmpty();
    assertThat(nameOf(result.set(), sha256("alpha"))).contains("plain.txt");
    assertThat(nameOf(result.set(), sha256("beta"))).contains("back\\slash.txt");
    assertThat(nameOf(result.set(), sha256("gamma"))).contains("new\nline.txt");
    assertThat(nameOf(result.set(), sha256("delta"))).contains("comma, space.txt");
    assertThat(taggedResult.problems()).isEmpty();
    assertThat(nameOf(taggedResult.set(), sha256("beta"))).contains("back\\slash.txt");
    assertThat(nameOf(taggedResult.set(), sha256("gamma"))).contains("new\nline.txt");
  }

  static Optional<String> nameOf(KnownFileSet set, Digest digest) {
    return set.match(DigestSet.of(digest)).orElseThrow(() -> new AssertionError(digest + " not in set")).fileName();
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void match_fileWithMoreAlgorithms_matchesOnTheSetsOnly() throws IOException {
    KnownFileSet set = KnownFileSets.loadChecksumList(path("sums/good.txt"), HashSetKind.NOTABLE, "t").set();

    assertThat(set.match(digests("alpha", HashAlgorithm.MD5, HashAlgorithm.SHA256)))
        .hasValueSatisfying(m -> assertThat(m.algorithm()).isEqualTo(HashAlgorithm.SHA256));
  }
}
