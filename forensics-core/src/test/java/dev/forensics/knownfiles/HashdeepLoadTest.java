package dev.forensics.knownfiles;

import static dev.forensics.knownfiles.ChecksumListLoadTest.nameOf;
import static dev.forensics.knownfiles.Fixtures.digests;
import static dev.forensics.knownfiles.Fixtures.md5;
import static dev.forensics.knownfiles.Fixtures.path;
import static dev.forensics.knownfiles.Fixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HashdeepLoadTest {

  @Test
  void load_goodFile_entriesWithBothAlgorithmsAndCommaNames() throws IOException {
    KnownFileSetLoadResult result =
        KnownFileSets.loadHashdeep(path("hashdeep/good.txt"), HashSetKind.KNOWN, "baseline");

    assertThat(result.problems()).isEmpty();
    assertThat(result.entriesRead()).isEqualTo(2);
    KnownFileSet set = result.set();
    assertThat(set.format()).isEqualTo(HashSetFormat.HASHDEEP);
    assertThat(set.algorithms()).containsExactly(HashAlgorithm.MD5, HashAlgorithm.SHA256);
    assertThat(nameOf(set, sha256("alpha"))).contains("/evidence/alpha.txt");
    assertThat(nameOf(set, md5("beta"))).contains("/evidence/a, b, and c.txt");
  }

  @Test
  void match_md5AgreesButSha256Differs_noMatch() throws IOException {
    KnownFileSet set = KnownFileSets.loadHashdeep(path("hashdeep/good.txt"), HashSetKind.KNOWN, "b").set();

    // the file's md5 is alpha's, its sha256 is not: compared on sha256 only
    DigestSet file = DigestSet.of(md5("alpha"), sha256("not alpha"));

    assertThat(set.match(file)).isEmpty();
    assertThat(set.match(DigestSet.of(md5("alpha"))))
        .hasValueSatisfying(m -> assertThat(m.algorithm()).isEqualTo(HashAlgorithm.MD5));
    assertThat(set.match(digests("alpha", HashAlgorithm.MD5, HashAlgorithm.SHA256)))
        .hasValueSatisfying(m -> assertThat(m.algorithm()).isEqualTo(HashAlgorithm.SHA256));
  }

  @Test
  void load_malformedLines_reportedWithLineNumbers() throws IOException {
    KnownFileSetLoadResult result =
        KnownFileSets.loadHashdeep(path("hashdeep/malformed.txt"), HashSetKind.KNOWN, "bad");

    assertThat(result.problems())
        .extracting(HashSetProblem::line, HashSetProblem::message)
        .containsExactly(
            tuple(3L, "expected 4 comma-separated fields (size,md5,sha256,filename), got 3"),
            tuple(4L, "file size is not a number: 'x5'"),
            tuple(5L, "md5 digest must be 32 hex digits, got 31"),
            tuple(6L, "not a hex digit at position 3 of sha256 digest: 'q'"));
    assertThat(result.entriesRead()).isEqualTo(1);
    assertThat(nameOf(result.set(), sha256("beta"))).contains("good.txt");
  }

  @Test
  void load_unsupportedColumn_ignoredWithAProblem() throws IOException {
    KnownFileSetLoadResult result =
        KnownFileSets.loadHashdeep(path("hashdeep/tiger.txt"), HashSetKind.KNOWN, "tiger");

    assertThat(result.problems())
        .extracting(HashSetProblem::line, HashSetProblem::message)
        .containsExactly(tuple(2L, "column 'tiger' is not a supported algorithm; its values are ignored"));
    assertThat(result.set().algorithms()).containsExactly(HashAlgorithm.MD5);
    assertThat(nameOf(result.set(), md5("alpha"))).contains("alpha.txt");
  }

  @Test
  void load_missingHeader_throwsWithLine() {
    Path file = path("hashdeep/error_no_header.txt");

    assertThatThrownBy(() -> KnownFileSets.loadHashdeep(file, HashSetKind.KNOWN, "x"))
        .isInstanceOf(HashSetParseException.class)
        .hasMessage(file + ":1: missing hashdeep header: expected '%%%% HASHDEEP-1.0', got '%%%% size,md5,filename'")
        .satisfies(e -> assertThat(((HashSetParseException) e).line()).isEqualTo(1));
  }

  @Test
  void load_entryBeforeColumnLine_throws() {
    Path file = path("hashdeep/error_no_columns.txt");

    assertThatThrownBy(() -> KnownFileSets.loadHashdeep(file, HashSetKind.KNOWN, "x"))
        .isInstanceOf(HashSetParseException.class)
        .hasMessage(file + ":2: entry before the column line (such as '%%%% size,md5,sha256,filename')");
  }

  @Test
  void load_noSupportedColumn_throws() {
    Path file = path("hashdeep/error_no_supported_column.txt");

    assertThatThrownBy(() -> KnownFileSets.loadHashdeep(file, HashSetKind.KNOWN, "x"))
        .isInstanceOf(HashSetParseException.class)
        .hasMessage(
            file + ":2: no supported hash column in '%%%% size,tiger,whirlpool,filename' (supported: "
                + HashAlgorithm.knownNames() + ")");
  }
}
