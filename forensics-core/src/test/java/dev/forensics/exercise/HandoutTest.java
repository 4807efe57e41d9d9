package dev.forensics.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forensics.hash.Digest;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandoutTest {

  /** Every answer value of a key, in the forms a leak could take. */
  static List<String> answerValues(AnswerKey key) {
    List<String> values = new ArrayList<>();
    for (KeyQuestion q : key.questions()) {
      ExpectedAnswer e = q.expected();
      if (e instanceof ExpectedAnswer.Hash h) {
        values.add(h.value().hex());
      } else if (e instanceof ExpectedAnswer.FileSet s) {
        s.items().forEach(i -> { i.path().ifPresent(values::add); i.sha256().map(Digest::hex).ifPresent(values::add); });
      } else if (e instanceof ExpectedAnswer.RecoveredFiles r) {
        r.items().forEach(i -> { i.path().ifPresent(values::add); i.sha256().map(Digest::hex).ifPresent(values::add); });
      } else if (e instanceof ExpectedAnswer.Timestamp t) {
        values.add(DateTimeFormatter.ISO_INSTANT.format(t.value()));
        values.add(t.value().atZone(ZoneId.of("Europe/Vienna")).toLocalDateTime().toString());
        values.add(t.value().atZone(ZoneId.of("UTC")).toLocalDateTime().toString());
      } else if (e instanceof ExpectedAnswer.Text t) {
        values.addAll(t.accepted());
        values.addAll(t.regex());
      } else if (e instanceof ExpectedAnswer.Custody c) {
        c.evidenceHashes().digests().forEach(d -> values.add(d.hex()));
      }
    }
    for (PlantedArtifact a : key.artifacts()) {
      values.addAll(a.paths());
      a.secret().ifPresent(values::add);
      a.hashes().digests().forEach(d -> values.add(d.hex()));
    }
    return values;
  }

  @Test
  void handoutAndSheet_containNoAnswer() throws Exception {
    Scenario s = ExampleScenarioTest.read();
    for (Optional<Variant> v : List.of(Optional.<Variant>empty(), Optional.of(Variant.number(4)))) {
      AnswerKey key = AnswerKey.resolve(s, v, ExampleFacts.of(s));
      String handout = Handout.markdown(s, v, Optional.of("Ada Okafor")).toLowerCase(Locale.ROOT);
      String sheet = Handout.answerSheet(s, v).toLowerCase(Locale.ROOT);
      List<String> values = answerValues(key);
      assertThat(values).hasSizeGreaterThan(40);
      for (String value : values) {
        assertThat(handout).as("handout leaks %s", value).doesNotContain(value.toLowerCase(Locale.ROOT));
        assertThat(sheet).as("answer sheet leaks %s", value).doesNotContain(value.toLowerCase(Locale.ROOT));
      }
    }
  }

  @Test
  void handout_hasTitleScenarioEvidenceAndEveryQuestionWithPoints() throws Exception {
    Scenario s = ExampleScenarioTest.read();
    String h = Handout.markdown(s, Optional.of(Variant.student("ab12")), Optional.of("Ada Okafor"));
    assertThat(h).startsWith("# The courier's USB stick\n\nExercise `usb-stick-2026` · File-system analysis and file"
        + " triage · student:ab12\n\nStudent: Ada Okafor\n\n## Scenario\n\nPolice stopped a courier");
    assertThat(h).contains("- the folder `evidence/`\n- the disk image `usb-stick.img` (FAT16, 32 MiB, volume label"
        + " COURIER)\n- the notable hash set `notable-hashes.txt` (hashdeep format)\n");
    assertThat(h).contains("Total 36 points; you pass with 24.");
    assertThat(h).contains("### 1. 2 points · `q1-image-hash`\n\nWhat is the SHA-256 hash of the disk image you were"
        + " given? Check it against the seizure record.\n\n*Answer:* sha256, 64 hex digits.\n");
    assertThat(h).contains("### 12. 1 point · `q12-chat-time`");
    for (Question q : s.questions()) {
      assertThat(h).contains(q.text().strip());
    }
    assertThat(Handout.markdown(s, Optional.empty(), Optional.empty()))
        .isEqualTo(Handout.markdown(ExampleScenarioTest.read(), Optional.empty(), Optional.empty()));
  }

  @Test
  void answerSheet_golden_andReadsBackBlank() throws Exception {
    Scenario s = ScenarioReader.read(
        java.nio.file.Path.of(HandoutTest.class.getResource("/exercise/minimal.yaml").toURI()));
    String sheet = Handout.answerSheet(s, Optional.of(Variant.number(2)));
    assertThat(sheet).isEqualTo("""
        # Answer sheet: Minimal
        # Write each answer after its question id, in quotes: q1: "my answer".
        # Lists: one item per line, indented, starting with "- ". Do not change the ids.
        exercise: mini
        variant: "variant:2"
        student-id: ""
        name: ""
        answers:
          q1: ""  # 2 points: sha256, 64 hex digits
          q2: ""  # 1 point: a whole number
        """);
    AnswerSheet read = AnswerSheetReader.read(sheet.getBytes(StandardCharsets.UTF_8), List.of("q1", "q2"));
    assertThat(read.problems()).isEmpty();
    assertThat(read.exercise()).contains("mini");
    assertThat(read.variant()).contains("variant:2");
    assertThat(read.studentId()).isEmpty();
    assertThat(read.answers()).containsExactly(
        java.util.Map.entry("q1", new AnswerSheet.Blank()), java.util.Map.entry("q2", new AnswerSheet.Blank()));
  }

  @Test
  void exampleSheet_isValidYamlWithEveryQuestion() throws Exception {
    Scenario s = ExampleScenarioTest.read();
    List<String> ids = s.questions().stream().map(Question::id).toList();
    AnswerSheet read = AnswerSheetReader.read(Handout.answerSheet(s, Optional.empty()).getBytes(StandardCharsets.UTF_8), ids);
    assertThat(read.problems()).isEmpty();
    assertThat(read.answers().keySet()).containsExactlyElementsOf(ids);
    assertThat(Handout.answerSheet(s, Optional.empty())).contains("  q3-mismatch: []  # 4 points: list of file paths");
  }
}
