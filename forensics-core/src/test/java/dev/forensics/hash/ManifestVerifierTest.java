package dev.forensics.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestVerifierTest {

  @TempDir Path dir;

  @Test
  void normalize_removesDotSegmentsAndParentPairs() {
    assertThat(ManifestVerifier.normalize("./a/./b")).isEqualTo("a/b");
    assertThat(ManifestVerifier.normalize("a//b/../c")).isEqualTo("a/c");
    assertThat(ManifestVerifier.normalize("../x/y")).isEqualTo("../x/y");
    assertThat(ManifestVerifier.normalize("/cases/./01/../02/f")).isEqualTo("/cases/02/f");
    assertThat(ManifestVerifier.normalize("/../f")).isEqualTo("/f");
    assertThat(ManifestVerifier.normalize("./")).isEqualTo(".");
  }

  @Test
  void verify_sha256sumStyleDotSlashPaths_match() throws IOException {
    Files.createDirectories(dir.resolve("ev/sub"));
    Files.writeString(dir.resolve("ev/a.txt"), "abc", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("ev/sub/b.txt"), "b", StandardCharsets.UTF_8);
    String sums =
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  ./ev/a.txt\n"
            + "3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d  ./ev/sub/../sub/b.txt\n";
    Path manifest = dir.resolve("SHA256SUMS");
    Files.writeString(manifest, sums, StandardCharsets.UTF_8);

    AuditResult r = ManifestVerifier.of(dir, List.of(), 2, false).verify(ManifestFormat.readFile(manifest), manifest.toString(), new HashProgress());

    assertThat(r.entries()).extracting(e -> e.status() + " " + e.path())
        .containsExactly("MATCHED ev/a.txt", "MATCHED ev/sub/b.txt");
    assertThat(r.passed(false)).isTrue();
  }

  @Test
  void normalized_twoPathsForOneFile_keepTheFirst_andReportTheSecond() {
    DigestSet d = MultiHasher.of(HashAlgorithm.MD5).hash(new byte[0]).digests();
    Manifest m = new Manifest(ManifestInfo.of(List.of(HashAlgorithm.MD5)), List.of(ManifestEntry.of("./a", 0, d), ManifestEntry.of("a", 0, d)));
    List<ManifestProblem> problems = new ArrayList<>();
    Manifest n = ManifestVerifier.normalized(m, problems, "m.md5");
    assertThat(n.entries()).extracting(ManifestEntry::path).containsExactly("a");
    assertThat(problems).extracting(ManifestProblem::toString).containsExactly("m.md5: 'a' names the same file as an earlier entry: ignored");
  }
}
