package dev.forensics.hash;

import static dev.forensics.hash.Manifests.digests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFormatTest {

  private static final ManifestFormat F = ManifestFormat.CSV;

  @Test
  void write_knownManifest_matchesFixture() {
    assertThat(Manifests.writeText(F, Manifests.known(Manifests.MD5_SHA256)))
        .isEqualTo(Manifests.resourceText("known/known.csv"));
  }

  @Test
  void read_knownFixture_givesEntriesTimesAndPieces() throws Exception {
    Manifest known = Manifests.known(Manifests.MD5_SHA256);
    ManifestReadResult r = Manifests.read(F, Manifests.resource("known/known.csv"), "known.csv");

    assertThat(r.problems()).isEmpty();
    assertThat(r.manifest().entries()).isEqualTo(known.entries());
    assertThat(r.manifest().info()).isEqualTo(ManifestInfo.of(Manifests.MD5_SHA256).withPieceSize(4));
  }

  @Test
  void write_namesNeedingQuotes_useRfc4180QuotingAndRoundTrip() throws Exception {
    List<String> names = List.of("a,b", "q\"uote", "new\nline", "cr\rlf\r\n", " lead", "trail ", "=1+1", "#x", "\uD83D\uDE00");
    List<ManifestEntry> entries = names.stream()
        .map(n -> new ManifestEntry(n, ManifestEntry.UNKNOWN_SIZE, null, digests(Manifests.MD5_SHA256, new byte[0]), List.of()))
        .toList();
    Manifest m = new Manifest(ManifestInfo.of(Manifests.MD5_SHA256), entries);

    String text = Manifests.writeText(F, m);

    assertThat(text).contains("\"q\"\"uote\",,,").contains("\"new\nline\",,,").contains("\"a,b\",,,");
    ManifestReadResult r = Manifests.read(F, text.getBytes(StandardCharsets.UTF_8), "q.csv");
    assertThat(r.problems()).isEmpty();
    assertThat(r.manifest().entries()).isEqualTo(m.entries());
  }

  @Test
  void read_malformedRows_reportsEachWithLineAndKeepsTheRest() throws Exception {
    ManifestReadResult r = Manifests.read(F, Manifests.resource("csv/error_rows.csv"), "bad.csv");

    assertThat(r.problems()).extracting(ManifestProblem::toString).containsExactly(
        "bad.csv:5: expected 7 columns (path,size,modified,md5,sha256,piece_offset,piece_length), found 2",
        "bad.csv:6: column 'size': expected a non-negative integer, found 'three'",
        "bad.csv:7: column 'modified': expected an ISO-8601 time with zone such as 2024-01-31T12:00:00Z,"
            + " found 'yesterday'",
        "bad.csv:8: column 'md5': md5 digest must be 32 hex digits, got 31",
        "bad.csv:9: piece row for 'orphan.txt' does not follow a row of that file; ignored",
        "bad.csv:10: column 'path' is empty",
        "bad.csv:11: duplicate entry for 'good.txt' (first on line 2); this one is ignored",
        "bad.csv:13: column 'piece_offset': expected a non-negative integer, found 'x'");
    assertThat(r.manifest().entries()).containsExactly(
        ManifestEntry.of("good.txt", 3, digests(Manifests.MD5_SHA256, "abc".getBytes(StandardCharsets.UTF_8))),
        new ManifestEntry("multi\nline, \"quoted\".txt", 3, Instant.parse("2024-01-31T12:00:00Z"),
            digests(Manifests.MD5_SHA256, "abc".getBytes(StandardCharsets.UTF_8)), List.of()),
        ManifestEntry.of("piece-bad.txt", 3, digests(List.of(HashAlgorithm.MD5), "abc".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void read_badHeaders_throwWithLineOne() {
    assertThatThrownBy(() -> Manifests.read(F, "name,size\n", "c"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessage("c:1: expected a CSV header starting 'path,size', found 'name,size'");
    assertThatThrownBy(() -> Manifests.read(F, "path,size,md5,MD5\n", "c"))
        .hasMessage("c:1: column 'MD5' appears twice in the CSV header");
    assertThatThrownBy(() -> Manifests.read(F, "path,size,md5,piece_offset\n", "c"))
        .hasMessage("c:1: the CSV header needs both piece_offset and piece_length, or neither");
    assertThatThrownBy(() -> Manifests.read(F, "path,size,modified\n", "c"))
        .hasMessage("c:1: no supported hash algorithm column in the CSV header 'path,size,modified'"
            + " (supported: md5, sha1, sha256, sha512, sha3-256, blake3)");
    assertThatThrownBy(() -> Manifests.read(F, "", "c"))
        .hasMessage("c:1: expected a CSV header starting 'path,size', found an empty file");
  }

  @Test
  void read_unknownColumnAndBom_columnIgnoredBomSkipped() throws Exception {
    ManifestReadResult r = Manifests.read(F, "\uFEFFpath,size,crc32,md5\nabc,3,352441c2,900150983cd24fb0d6963f7d28e17f72\n", "c");

    assertThat(r.problems()).extracting(ManifestProblem::toString).containsExactly(
        "c:1: column 'crc32' is neither modified, piece_offset, piece_length nor a supported hash algorithm"
            + " (md5, sha1, sha256, sha512, sha3-256, blake3); its values are ignored");
    assertThat(r.manifest().entries())
        .containsExactly(ManifestEntry.of("abc", 3, digests(List.of(HashAlgorithm.MD5), "abc".getBytes(StandardCharsets.UTF_8))));
  }
}
