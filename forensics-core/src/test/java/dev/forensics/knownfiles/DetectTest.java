package dev.forensics.knownfiles;

import static dev.forensics.knownfiles.Fixtures.path;
import static dev.forensics.knownfiles.Fixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetectTest {

  @ParameterizedTest
  @CsvSource({
    "sums/good.txt, CHECKSUM_LIST",
    "sums/b3.txt, CHECKSUM_LIST",
    "hashdeep/good.txt, HASHDEEP",
    "nsrl2/NSRLFile.txt, NSRL_RDS_2",
    "hashkeeper/sample.hsh, HASHKEEPER",
    "detect/bare-with-bom.txt, CHECKSUM_LIST"
  })
  void detect_fixtures(String fixture, HashSetFormat expected) throws IOException {
    assertThat(KnownFileSets.detect(path(fixture))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"sums/malformed.txt", "hashdeep/error_no_header.txt"})
  void detect_firstLineNotAnEntry_throws(String fixture) {
    assertThatThrownBy(() -> KnownFileSets.detect(path(fixture)))
        .isInstanceOf(HashSetParseException.class)
        .hasMessageContaining(":1: not a recognised hash set format");
  }

  @Test
  void detect_prose_throwsNamingTheFormats() {
    Path file = path("detect/unknown.txt");

    assertThatThrownBy(() -> KnownFileSets.detect(file))
        .isInstanceOf(HashSetParseException.class)
        .hasMessage(
            file + ":1: not a recognised hash set format (nsrl-v3, nsrl-2, hashdeep, sums, hashkeeper); line: "
                + "'Dear examiner,'");
  }

  @Test
  void detect_emptyFile_isAnEmptyChecksumList(@TempDir Path dir) throws IOException {
    Path file = Files.createFile(dir.resolve("empty.txt"));

    assertThat(KnownFileSets.detect(file)).isEqualTo(HashSetFormat.CHECKSUM_LIST);
    assertThat(KnownFileSets.load(file, HashSetKind.NOTABLE, "empty").set().isEmpty()).isTrue();
  }

  @Test
  void load_autoDetected_bomStripped() throws IOException {
    KnownFileSetLoadResult result = KnownFileSets.load(path("detect/bare-with-bom.txt"), HashSetKind.NOTABLE, "bom");

    assertThat(result.problems()).isEmpty();
    assertThat(result.set().contains(sha256("alpha"))).isTrue();
    assertThat(result.set().contains(sha256("beta"))).isTrue();
  }

  @Test
  void load_inMemoryFormat_rejected() {
    assertThatThrownBy(
            () -> KnownFileSets.load(path("sums/good.txt"), HashSetFormat.IN_MEMORY, HashSetKind.KNOWN, "x",
                LoadOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
