package dev.forensics.hash;

import static dev.forensics.hash.Manifests.digest;
import static dev.forensics.hash.Manifests.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GnuFormatTest {

  private static final ManifestFormat F = ManifestFormat.GNU;
  private static final List<HashAlgorithm> SHA256 = List.of(HashAlgorithm.SHA256);

  @Test
  void write_knownManifest_matchesFixtureWithEscapedBackslash() {
    assertThat(Manifests.writeText(F, Manifests.known(SHA256))).isEqualTo(Manifests.resourceText("known/known.sha256"));
  }

  @Test
  void read_knownFixture_givesDigestsWithoutSizes() throws Exception {
    ManifestReadResult r = Manifests.read(F, Manifests.resource("known/known.sha256"), "known.sha256");

    assertThat(r.problems()).isEmpty();
    assertThat(r.manifest().entries()).containsExactlyElementsOf(
        Manifests.known(SHA256).entries().stream().map(Manifests::digestsOnly).collect(Collectors.toList()));
    assertThat(r.manifest().info().algorithms()).containsExactly(HashAlgorithm.SHA256);
  }

  @Test
  void write_moreThanOneAlgorithm_isRejected() {
    assertThatThrownBy(() -> F.newWriter(new ByteArrayOutputStream(), ManifestInfo.of(Manifests.MD5_SHA256)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("checksum lines hold exactly one algorithm, got 2 (md5, sha256); write one file per algorithm"
            + " or use another format");
  }

  @Test
  void write_escapesNewlineCarriageReturnAndBackslashLikeCoreutils() {
    Manifest m = new Manifest(ManifestInfo.of(List.of(HashAlgorithm.MD5)), List.of(
        ManifestEntry.of("a\nb\rc\\d", 0, DigestSet.of(digest(HashAlgorithm.MD5, new byte[0]))),
        ManifestEntry.of("*star", 0, DigestSet.of(digest(HashAlgorithm.MD5, new byte[0]))),
        ManifestEntry.of(" lead", 0, DigestSet.of(digest(HashAlgorithm.MD5, new byte[0])))));

    assertThat(Manifests.writeText(F, m)).isEqualTo(
        "d41d8cd98f00b204e9800998ecf8427e   lead\n"
            + "d41d8cd98f00b204e9800998ecf8427e  *star\n"
            + "\\d41d8cd98f00b204e9800998ecf8427e  a\\nb\\rc\\\\d\n");
  }

  @Test
  void read_malformedLines_reportsEachAndKeepsTheRest() throws Exception {
    ManifestReadResult r = Manifests.read(F, Manifests.resource("sums/error_lines.sha256"), "bad.sha256");

    assertThat(r.problems()).extracting(ManifestProblem::toString).containsExactly(
        "bad.sha256:3: expected a checksum line 'HEX  NAME' or 'HEX *NAME'",
        "bad.sha256:4: digest column: not a hex digit at position 64: 'z'",
        "bad.sha256:5: digest column: 56 hex digits fit no supported algorithm (32 md5, 40 sha1, 64 sha256, 128 sha512)",
        "bad.sha256:6: expected two spaces or ' *' between the digest and the file name",
        "bad.sha256:7: invalid escape '\\t' in file name (only \\\\, \\n and \\r are allowed)",
        "bad.sha256:8: file name ends in an unfinished escape '\\'",
        "bad.sha256:9: file name is empty",
        "bad.sha256:10: duplicate sha256 digest for 'good.txt' (first on line 1); this one is ignored");
    assertThat(r.manifest().entries()).extracting(ManifestEntry::path).containsExactly(" lead", "binary.txt", "good.txt");
  }

  @Test
  void read_digestLength_choosesAlgorithm() throws Exception {
    byte[] abc = utf8("abc");
    for (HashAlgorithm a : List.of(HashAlgorithm.MD5, HashAlgorithm.SHA1, HashAlgorithm.SHA256, HashAlgorithm.SHA512)) {
      ManifestReadResult r = Manifests.read(F, digest(a, abc).hex() + "  abc\n", "CHECKSUMS");
      assertThat(r.manifest().entries().get(0).digests().algorithms()).containsExactly(a);
    }
  }

  @Test
  void read_64HexDigits_judgedBySourceName() throws Exception {
    String line = digest(HashAlgorithm.SHA256, utf8("abc")).hex() + "  abc\n";
    assertThat(algorithmOf(line, "/evidence/SHA256SUMS")).isEqualTo(HashAlgorithm.SHA256);
    assertThat(algorithmOf(line, "/evidence/files.b3")).isEqualTo(HashAlgorithm.BLAKE3);
    assertThat(algorithmOf(line, "BLAKE3SUMS")).isEqualTo(HashAlgorithm.BLAKE3);
    assertThat(algorithmOf(line, "C:\\case\\sha3-256sums.txt")).isEqualTo(HashAlgorithm.SHA3_256);
  }

  private static HashAlgorithm algorithmOf(String text, String source) throws Exception {
    return Manifests.read(F, text, source).manifest().entries().get(0).digests().algorithms().iterator().next();
  }

  @Test
  void read_md5AndSha256LinesOfOneFile_becomeOneEntry() throws Exception {
    byte[] abc = utf8("abc");
    String text = digest(HashAlgorithm.MD5, abc).hex() + "  abc\n" + digest(HashAlgorithm.SHA256, abc).hex() + " *abc\n";
    ManifestReadResult r = Manifests.read(F, text, "sums");

    assertThat(r.manifest().entries()).containsExactly(
        ManifestEntry.of("abc", ManifestEntry.UNKNOWN_SIZE, Manifests.digests(Manifests.MD5_SHA256, abc)));
    assertThat(r.manifest().info().algorithms()).containsExactly(HashAlgorithm.MD5, HashAlgorithm.SHA256);
  }

  @Test
  void read_escapedNamesAndCrlf_unescaped() throws Exception {
    String hex = digest(HashAlgorithm.MD5, new byte[0]).hex();
    ManifestReadResult r = Manifests.read(F, "\\" + hex + "  a\\nb\\rc\\\\d\r\n" + hex + "  raw\rcr\r\n", "md5sums");

    assertThat(r.problems()).isEmpty();
    assertThat(r.manifest().entries()).extracting(ManifestEntry::path).containsExactly("a\nb\rc\\d", "raw\rcr");
  }

  @Test
  void write_entryWithoutTheDigest_isRefused() throws Exception {
    try (ManifestWriter w = F.newWriter(new ByteArrayOutputStream(), ManifestInfo.of(SHA256))) {
      assertThatThrownBy(() -> w.write(ManifestEntry.of("a", 0, DigestSet.of(digest(HashAlgorithm.MD5, new byte[0])))))
          .isInstanceOf(java.io.IOException.class)
          .hasMessage("cannot write 'a' as a checksum line: it has no sha256 digest");
    }
  }
}
