package dev.forensics.knownfiles;

import static dev.forensics.knownfiles.ChecksumListLoadTest.nameOf;
import static dev.forensics.knownfiles.Fixtures.md5;
import static dev.forensics.knownfiles.Fixtures.path;
import static dev.forensics.knownfiles.Fixtures.sha1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** NSRL RDS 2.x {@code NSRLFile.txt} and HashKeeper {@code .hsh}. */
class CsvLoadTest {

  @Test
  void loadNsrl2_goodRows_sha1AndMd5WithoutNames() throws IOException {
    KnownFileSetLoadResult result = KnownFileSets.loadNsrl2(path("nsrl2/NSRLFile.txt"), HashSetKind.KNOWN, "NSRL 2.x");

    KnownFileSet set = result.set();
    assertThat(set.format()).isEqualTo(HashSetFormat.NSRL_RDS_2);
    assertThat(set.algorithms()).containsExactly(HashAlgorithm.MD5, HashAlgorithm.SHA1);
    assertThat(result.entriesRead()).isEqualTo(3);
    assertThat(set.size()).isEqualTo(2);
    assertThat(set.contains(sha1("beta"))).isTrue();
    assertThat(set.contains(md5("beta"))).isTrue();
    assertThat(nameOf(set, sha1("alpha"))).isEmpty();
    assertThat(set.match(DigestSet.of(md5("alpha"), sha1("alpha"))))
        .hasValueSatisfying(m -> assertThat(m.algorithm()).isEqualTo(HashAlgorithm.SHA1));
  }

  @Test
  void loadNsrl2_malformedRows_reportedWithLines() throws IOException {
    KnownFileSetLoadResult result = KnownFileSets.loadNsrl2(path("nsrl2/NSRLFile.txt"), HashSetKind.KNOWN, "n");

    assertThat(result.problems())
        .extracting(HashSetProblem::line, HashSetProblem::message)
        .containsExactly(
            tuple(4L, "expected 8 fields, got 4"),
            tuple(5L, "sha1 digest must be 40 hex digits, got 39"),
            tuple(6L, "not a hex digit at position 1 of md5 digest: 'X'"));
  }

  @Test
  void loadNsrl2_wrongHeader_throws() {
    Path file = path("nsrl2/error_header.txt");

    assertThatThrownBy(() -> KnownFileSets.loadNsrl2(file, HashSetKind.KNOWN, "n"))
        .isInstanceOf(HashSetParseException.class)
        .hasMessage(
            file + ":1: NSRL RDS 2.x header must begin \"SHA-1\",\"MD5\",\"CRC32\",\"FileName\", got "
                + "\"MD5\",\"SHA-1\",\"CRC32\",\"FileName\",\"FileSize\",\"ProductCode\"...");
  }

  @Test
  void loadNsrl2_unclosedQuote_throwsAtTheRow() {
    Path file = path("nsrl2/error_quote.txt");

    assertThatThrownBy(() -> KnownFileSets.loadNsrl2(file, HashSetKind.KNOWN, "n"))
        .isInstanceOf(HashSetParseException.class)
        .hasMessageStartingWith(file + ":3: malformed CSV: ");
  }

  @Test
  void loadHashKeeper_md5WithFileNames() throws IOException {
    Path file = path("hashkeeper/sample.hsh");
    KnownFileSetLoadResult result = KnownFileSets.loadHashKeeper(file, HashSetKind.KNOWN, "hk");

    assertThat(result.set().format()).isEqualTo(HashSetFormat.HASHKEEPER);
    assertThat(result.set().algorithms()).containsExactly(HashAlgorithm.MD5);
    assertThat(nameOf(result.set(), md5("alpha"))).contains("NTDETECT.COM");
    assertThat(nameOf(result.set(), md5("beta"))).contains("ntldr");
    assertThat(result.problems())
        .containsExactly(new HashSetProblem(file.toString(), 4, "md5 digest must be 32 hex digits, got 30"));
  }
}
