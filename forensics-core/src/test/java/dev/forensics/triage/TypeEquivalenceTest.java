package dev.forensics.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forensics.triage.TypeEquivalence.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeEquivalenceTest {

  private final TypeEquivalence equivalence = new TypeEquivalence();

  @ParameterizedTest(name = "{0} answered {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "image/jpeg | image/jpeg | CORRECT",
      "image/jpeg | IMAGE/JPEG | CORRECT",
      "image/bmp | image/x-ms-bmp | CORRECT",
      "audio/vnd.wave | audio/x-wav | CORRECT",
      "application/gzip | application/x-gzip | CORRECT",
      "application/vnd.sqlite3 | application/x-sqlite3 | CORRECT",
      "application/vnd.microsoft.portable-executable | application/x-msdownload; format=pe64 | CORRECT",
      "application/x-executable | application/x-pie-executable | CORRECT",
      "application/x-tar | application/x-gtar | CORRECT",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document | application/x-tika-ooxml | PARTIAL",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document | application/zip | PARTIAL",
      "application/msword | application/x-tika-msoffice | PARTIAL",
      "application/msword | application/CDFV2 | PARTIAL",
      "text/csv | text/plain | PARTIAL",
      "application/mbox | text/plain | PARTIAL",
      "application/zip | application/vnd.openxmlformats-officedocument.wordprocessingml.document | WRONG",
      "application/msword | application/vnd.ms-excel | WRONG",
      "application/x-executable | application/x-sharedlib | WRONG",
      "image/jpeg | application/octet-stream | WRONG",
      "application/octet-stream | image/jpeg | WRONG",
      "application/octet-stream | application/octet-stream | CORRECT",
      "text/plain | application/octet-stream | WRONG",
  })
  void judge(String truth, String answer, Verdict expected) {
    assertThat(equivalence.judge(truth, answer)).isEqualTo(expected);
  }
}
