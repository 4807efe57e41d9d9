package dev.forensics.hash;

import static dev.forensics.hash.Manifests.digest;
import static dev.forensics.hash.Manifests.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BsdFormatTest {

  private static final ManifestFormat F = ManifestFormat.BSD;

  @Test
  void write_knownManifest_matchesFixture() {
    assertThat(Manifests.writeText(F, Manifests.known(Manifests.MD5_SHA256)))
        .isEqualTo(Manifests.resourceText("known/known.bsd"));
  }

  @Test
  void read_knownFixture_groupsLinesOfOneName() throws Exception {
    ManifestReadResult r = Manifests.read(F, Manifests.resource("known/known.bsd"), "known.bsd");

    assertThat(r.problems()).isEmpty();
    assertThat(r.manifest().entries()).containsExactlyElementsOf(Manifests.known(Manifests.MD5_SHA256).entries()
        .stream().map(Manifests::digestsOnly).collect(Collectors.toList()));
    assertThat(r.manifest().info().algorithms()).containsExactly(HashAlgorithm.MD5, HashAlgorithm.SHA256);
  }

  @Test
  void read_malformedLines_reportsEachAndKeepsTheRest() throws Exception {
    ManifestReadResult r = Manifests.read(F, Manifests.resource("sums/error_lines.bsd"), "bad.bsd");

    assertThat(r.problems()).extracting(ManifestProblem::toString).containsExactly(
        "bad.bsd:3: unsupported algorithm tag 'BLAKE2b-256' (supported: MD5, SHA1, SHA256, SHA512, SHA3-256, BLAKE3)",
        "bad.bsd:4: digest column: sha256 digest must be 64 hex digits, got 63",
        "bad.bsd:5: expected a tagged checksum line 'TAG (NAME) = HEX'",
        "bad.bsd:6: invalid escape '\\q' in file name (only \\\\, \\n and \\r are allowed)",
        "bad.bsd:7: duplicate sha256 digest for 'good.txt' (first on line 1); this one is ignored");
    assertThat(r.manifest().entries()).extracting(ManifestEntry::path).containsExactly("good.txt", "paren) = x");
    assertThat(r.manifest().entries().get(0).digests().algorithms())
        .containsExactly(HashAlgorithm.MD5, HashAlgorithm.SHA256);
  }

  @Test
  void read_b3sumAndCksumTags_includingSha3AndEscapes() throws Exception {
    byte[] abc = utf8("abc");
    String text = "BLAKE3 (abc) = " + digest(HashAlgorithm.BLAKE3, abc).hex() + "\n"
        + "SHA3-256 (abc) = " + digest(HashAlgorithm.SHA3_256, abc).hex() + "\n"
        + "\\SHA512 (new\\nline) = " + digest(HashAlgorithm.SHA512, abc).hex() + "\n";
    ManifestReadResult r = Manifests.read(F, text, "tags");

    assertThat(r.problems()).isEmpty();
    assertThat(r.manifest().entries()).containsExactly(
        ManifestEntry.of("abc", ManifestEntry.UNKNOWN_SIZE,
            DigestSet.of(digest(HashAlgorithm.BLAKE3, abc), digest(HashAlgorithm.SHA3_256, abc))),
        ManifestEntry.of("new\nline", ManifestEntry.UNKNOWN_SIZE, DigestSet.of(digest(HashAlgorithm.SHA512, abc))));
  }

  @Test
  void write_missingDigest_omitsItsLineOnly() {
    Manifest m = new Manifest(ManifestInfo.of(Manifests.MD5_SHA256), List.of(
        ManifestEntry.of("a", 0, DigestSet.of(digest(HashAlgorithm.SHA256, new byte[0])))));

    assertThat(Manifests.writeText(F, m))
        .isEqualTo("SHA256 (a) = e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n");
  }
}
