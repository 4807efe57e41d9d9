package dev.forensics.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CorpusTest {

  private static final String HEADER = "file,mime,category,expected_mismatch,finding,made_by\n";

  @TempDir
  Path dir;

  @Test
  void load_readsLabels_withQuotedFieldsAndSeveralFindings() throws IOException {
    write(HEADER + "a.jpg,image/jpeg,image,no,,ImageMagick\n"
        + "b.txt,application/x-executable,executable,yes,extension-mismatch;appended-data@10,\"gcc, (copy of a)\"\n");
    Corpus corpus = Corpus.load(dir);
    assertThat(corpus.labels()).hasSize(2);
    CorpusLabel b = corpus.labels().get(1);
    assertThat(b.expectedMismatch()).isTrue();
    assertThat(b.findings()).containsExactly("extension-mismatch", "appended-data@10");
    assertThat(b.appendedDataOffset()).hasValue(10);
    assertThat(b.madeBy()).isEqualTo("gcc, (copy of a)");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "a.jpg,image/jpeg,image,maybe,,x | line 2: expected_mismatch must be yes or no, got 'maybe'",
      "a.jpg,image/jpeg,picture,no,,x | line 2: a.jpg: unknown category 'picture'",
      "a.jpg,Image/JPEG,image,no,,x | line 2: a.jpg: MIME type must be lower-case type/subtype, got 'Image/JPEG'",
      "a.jpg,image/jpeg,image,no,appended-data@0,x | line 2: a.jpg: unknown finding 'appended-data@0'",
      "a.jpg,image/jpeg,image,yes,,x | line 2: a.jpg: expected_mismatch is yes but the findings lack extension-mismatch",
      "a.jpg,image/jpeg,image,no,extension-mismatch,x | line 2: a.jpg: expected_mismatch is no but the findings hold extension-mismatch",
      "a.jpg,image/jpeg,image,no | line 2: 6 fields expected, got 4",
      "../a.jpg,image/jpeg,image,no,,x | line 2: file must be a plain name inside the corpus folder: '../a.jpg'",
  })
  void load_rejectsABadRow_namingItsLine(String row, String message) throws IOException {
    write(HEADER + row + "\n");
    assertThatThrownBy(() -> Corpus.load(dir)).isInstanceOf(IOException.class)
        .hasMessage(dir.resolve(Corpus.LABELS) + " " + message);
  }

  @Test
  void load_rejectsAWrongHeader() throws IOException {
    write("name,type\n");
    assertThatThrownBy(() -> Corpus.load(dir)).isInstanceOf(IOException.class)
        .hasMessageEndingWith("line 1: header must be file,mime,category,expected_mismatch,finding,made_by");
  }

  private void write(String text) throws IOException {
    Files.writeString(dir.resolve(Corpus.LABELS), text, StandardCharsets.UTF_8);
  }
}
