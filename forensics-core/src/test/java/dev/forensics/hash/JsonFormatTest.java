package dev.forensics.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFormatTest {

  private static final ManifestFormat F = ManifestFormat.JSON;

  @Test
  void write_knownManifest_matchesFixture() {
    assertThat(Manifests.writeText(F, Manifests.known(Manifests.MD5_SHA256)))
        .isEqualTo(Manifests.resourceText("known/known.json"));
  }

  @Test
  void read_knownFixture_givesEverythingBack() throws Exception {
    ManifestReadResult r = Manifests.read(F, Manifests.resource("known/known.json"), "known.json");

    assertThat(r.problems()).isEmpty();
    assertThat(r.manifest()).isEqualTo(Manifests.known(Manifests.MD5_SHA256));
  }

  @Test
  void write_emptyManifest_omitsOptionalFields() {
    String text = Manifests.writeText(F, new Manifest(ManifestInfo.of(List.of(HashAlgorithm.BLAKE3)), List.of()));

    assertThat(text).isEqualTo("{\n  \"format\": \"forensics-manifest\",\n  \"version\": 1,\n"
        + "  \"algorithms\": [\n    \"blake3\"\n  ],\n  \"entries\": []\n}\n");
  }

  @Test
  void read_malformedEntries_reportsEachWithLineAndKeepsTheRest() throws Exception {
    ManifestReadResult r = Manifests.read(F, Manifests.resource("json/error_entries.json"), "bad.json");

    assertThat(r.problems()).extracting(ManifestProblem::toString).containsExactly(
        "bad.json:4: algorithms: \"crc32\" is not a supported hash algorithm (md5, sha1, sha256, sha512, sha3-256,"
            + " blake3); ignored",
        "bad.json:7: entry: \"path\" must be a string; the entry is ignored",
        "bad.json:8: size: expected a non-negative integer, found \"3\"; the entry is ignored",
        "bad.json:9: hashes.md5: md5 digest must be 32 hex digits, got 31; the entry is ignored",
        "bad.json:10: hashes: 'crc32' is not a supported hash algorithm; ignored",
        "bad.json:11: pieces[0].length: expected a non-negative integer, found nothing; the entry is ignored",
        "bad.json:12: modified: expected an ISO-8601 time with zone such as 2024-01-31T12:00:00Z, found 'yesterday';"
            + " the entry is ignored",
        "bad.json:13: expected an entry object, found \"not an object\"; the entry is ignored",
        "bad.json:14: duplicate entry for 'good.txt' (first on line 6); this one is ignored");
    assertThat(r.manifest().entries()).extracting(ManifestEntry::path).containsExactly("good.txt", "unknown-alg.txt");
    assertThat(r.manifest().info().algorithms()).containsExactly(HashAlgorithm.MD5);
  }

  @Test
  void read_notOurJson_throws() {
    assertThatThrownBy(() -> Manifests.read(F, "[]", "j"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessage("j:1: expected a JSON object with \"format\": \"forensics-manifest\"");
    assertThatThrownBy(() -> Manifests.read(F, "{\"format\": \"other\"}", "j"))
        .hasMessage("j:1: expected \"format\": \"forensics-manifest\", found 'other'");
    assertThatThrownBy(() -> Manifests.read(F, "{\"format\": \"forensics-manifest\",\n \"version\": 2}", "j"))
        .hasMessage("j:2: unsupported version 2 (this reader knows version 1)");
    assertThatThrownBy(() -> Manifests.read(F, "{\"version\": 1}", "j"))
        .hasMessage("j:1: missing \"format\": \"forensics-manifest\"");
    assertThatThrownBy(() -> Manifests.read(F, "{\"format\": \"forensics-manifest\"} {}", "j"))
        .hasMessage("j:1: unexpected content after the manifest object");
  }

  @Test
  void read_truncated_throwsNotWellFormed() {
    assertThatThrownBy(() -> Manifests.read(F, "{\"format\": \"forensics-manifest\",\n\"entries\": [\n{\"path\": \"a\"", "j"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessageStartingWith("j:3: not well-formed JSON: ");
  }
}
