package dev.forensics.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forensics.exercise.AnswerSheet.Blank;
import dev.forensics.exercise.AnswerSheet.Items;
import dev.forensics.exercise.AnswerSheet.Problem;
import dev.forensics.exercise.AnswerSheet.Text;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class AnswerSheetReaderTest {

  static final List<String> IDS = List.of("q1", "q2", "q3", "q4");

  static AnswerSheet read(String text) {
    return AnswerSheetReader.read(text.getBytes(StandardCharsets.UTF_8), IDS);
  }

  @Test
  void filledYaml_givesTextAndLists_asWritten() {
    AnswerSheet s = read("""
        exercise: mini
        student-id: ab12
        name: Ada Okafor
        answers:
          q1: "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855 "
          q2: 27
          q3:
            - Music/track07.mp3
            -
            - " Pictures/cat.png"
          q4: 2026-02-14 21:37:12+01:00
        """);
    assertThat(s.problems()).isEmpty();
    assertThat(s.studentId()).contains("ab12");
    assertThat(s.name()).contains("Ada Okafor");
    assertThat(s.answer("q1")).isEqualTo(new Text("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"));
    assertThat(s.answer("q2")).isEqualTo(new Text("27"));
    assertThat(s.answer("q3")).isEqualTo(new Items(List.of("Music/track07.mp3", "Pictures/cat.png")));
    assertThat(s.answer("q4")).isEqualTo(new Text("2026-02-14 21:37:12+01:00"));
  }

  @Test
  void badShapes_becomeProblemsOfTheirQuestion() {
    AnswerSheet s = read("""
        answers:
          q1: {algorithm: sha256}
          q2: [[a, b]]
          q3: fine
          q3: again
          q9: nobody asked
        extra: 1
        """);
    assertThat(s.answer("q1")).isEqualTo(new Blank());
    assertThat(s.answer("q2")).isEqualTo(new Blank());
    assertThat(s.answer("q3")).isEqualTo(new Text("fine"));
    assertThat(s.answer("q4")).isEqualTo(new Blank());
    assertThat(s.problems()).extracting(Problem::toString).containsExactly(
        "line 2: q1: must be text or a list of text; answer not read",
        "line 3: q2: list items must be text; answer not read",
        "line 5: q3: answered twice; the first answer is used",
        "line 6: answers: 'q9' is not a question of this exercise; ignored",
        "line 7: unknown field 'extra' ignored (known: exercise, variant, student-id, name, answers)");
    assertThat(s.problems("q1")).hasSize(1);
  }

  @Test
  void json_isReadToo() {
    AnswerSheet s = read("{\"student-id\": \"cd34\", \"answers\": {\"q1\": \"abc\", \"q2\": 5, \"q3\": [\"a\", \"b\"],"
        + " \"q4\": {\"x\": 1}}}");
    assertThat(s.studentId()).contains("cd34");
    assertThat(s.answer("q1")).isEqualTo(new Text("abc"));
    assertThat(s.answer("q2")).isEqualTo(new Text("5"));
    assertThat(s.answer("q3")).isEqualTo(new Items(List.of("a", "b")));
    assertThat(s.problems()).containsExactly(
        new Problem(Optional.of("q4"), 0, "must be text or a list of text; answer not read"));
  }

  @Test
  void yamlFlowMapping_isReadAsYaml() {
    AnswerSheet s = read("{answers: {q1: abc, q3: [a, b]}}");
    assertThat(s.problems()).isEmpty();
    assertThat(s.answer("q1")).isEqualTo(new Text("abc"));
    assertThat(s.answer("q3")).isEqualTo(new Items(List.of("a", "b")));
  }

  @Test
  void unreadableSheets_giveOneProblemAndBlankAnswers() {
    assertThat(read("").problems()).extracting(Problem::message).containsExactly("the file is empty");
    assertThat(read("answers: [a").problems()).extracting(Problem::message)
        .singleElement().asString().startsWith("not valid YAML: ");
    assertThat(read("- a\n- b\n").problems()).extracting(Problem::message)
        .containsExactly("must be a mapping with an answers: section");
    assertThat(read("name: x\n").problems()).extracting(Problem::message).containsExactly("no answers: section");
    assertThat(read("answers: yes\n").problems()).extracting(Problem::message)
        .containsExactly("answers: must be a mapping of question id to answer");
    assertThat(read("{\"answers\": ").problems()).extracting(Problem::message)
        .singleElement().asString().startsWith("not valid JSON: ");
    assertThat(AnswerSheetReader.read(new byte[] {(byte) 0xff, 'a'}, IDS).problems()).extracting(Problem::message)
        .containsExactly("not UTF-8 text");
    byte[] big = new byte[AnswerSheetReader.MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    AnswerSheet tooBig = AnswerSheetReader.read(big, IDS);
    assertThat(tooBig.problems()).extracting(Problem::message)
        .containsExactly("larger than 262144 bytes: not an answer sheet");
    assertThat(tooBig.answers()).hasSize(4).allSatisfy((k, v) -> assertThat(v).isEqualTo(new Blank()));
  }

  @Test
  void unsafeYaml_isRefusedWithoutThrowing() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x]\n");
    for (int i = 0; i < 12; i++) {
      String prev = i == 0 ? "a" : "l" + (i - 1);
      bomb.append("l").append(i).append(": &l").append(i).append(" [*").append(prev).append(", *").append(prev)
          .append(", *").append(prev).append("]\n");
    }
    bomb.append("answers: {q1: x}\n");
    assertThat(read(bomb.toString()).problems()).extracting(Problem::message)
        .singleElement().asString().contains("aliases");
    assertThat(read("answers:\n  q1: !!python/object/apply:os.system [ls]\n").problems()).isNotEmpty();
    AnswerSheet recursive = read("answers:\n  q1: &r [*r]\n");
    assertThat(recursive.answer("q1")).isEqualTo(new Blank());
  }

  @Property(tries = 300)
  void anyBytes_neverThrow(@ForAll byte[] bytes) {
    AnswerSheet s = AnswerSheetReader.read(bytes, IDS);
    assertThat(s.answers().keySet()).containsExactlyElementsOf(IDS);
  }

  @Property(tries = 300)
  void anyText_neverThrows(@ForAll String text) {
    AnswerSheet s = read("answers:\n  q1: " + text + "\n");
    assertThat(s.answers()).hasSize(4);
  }
}
