package dev.forensics.grading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forensics.exercise.AnswerKey;
import dev.forensics.hash.HashAlgorithm;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever a sheet says, every question scores within [0, its points] and the total is their sum. */
class GradingProperties {

  private static Path base;
  private static final AnswerKey KEY = GradingFixture.key();
  private static int n;

  @BeforeContainer
  static void makeBase() throws IOException {
    base = Files.createTempDirectory("grading-props");
  }

  @AfterContainer
  static void removeBase() throws IOException {
    try (Stream<Path> w = Files.walk(base)) {
      w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Provide
  Arbitrary<String> answer() {
    String right = GradingFixture.hex(GradingFixture.content("ransom-note"), HashAlgorithm.SHA256);
    Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40)
        .map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    Arbitrary<String> list = Arbitraries.of("Music/track07.mp3", ".config/.wallet", "x/y", "Pictures/cat.png", "../etc", "")
        .list().ofMaxSize(6).map(l -> "[" + String.join(", ", l.stream().map(s -> "\"" + s + "\"").toList()) + "]");
    return Arbitraries.oneOf(text, list,
        Arbitraries.of("\"" + right + "\"", "\"27\"", "\"28\"", "\"2026-02-14T20:37:12Z\"", "\"Danube Logistics\"",
            "\"custody.jsonl\"", "null", "{a: b}", "\"" + right.toUpperCase() + "\""));
  }

  @Property(tries = 40)
  void scores_stayWithinTheirPoints_andTotalIsTheSum(
      @ForAll("answer") String a1, @ForAll("answer") String a2, @ForAll("answer") String a3,
      @ForAll("answer") String a4, @ForAll("answer") String a5, @ForAll("answer") String a6) throws IOException {
    List<String> given = List.of(a1, a2, a3, a4, a5, a6);
    Map<String, String> answers = new LinkedHashMap<>();
    for (int i = 0; i < KEY.questions().size(); i++) {
      answers.put(KEY.questions().get(i).id(), given.get(i % given.size()));
    }
    Path s = Files.createDirectories(base.resolve("s" + (n++)));
    Files.writeString(s.resolve("answer-sheet.yaml"), GradingFixture.sheet(answers));
    Files.createDirectories(s.resolve("recovered"));
    Files.writeString(s.resolve("recovered/a.html"), GradingFixture.content(a1.length() % 2 == 0 ? "deleted-chat" : "x"));
    StudentResult r = Grader.grade(KEY, s, GradingOptions.defaults());
    BigDecimal sum = BigDecimal.ZERO;
    assertThat(r.questions()).hasSize(KEY.questions().size());
    for (QuestionResult q : r.questions()) {
      assertThat(q.points()).isBetween(BigDecimal.ZERO, q.max());
      assertThat(q.max()).isEqualByComparingTo(KEY.question(q.question()).orElseThrow().points());
      assertThat(q.feedback()).isNotEmpty();
      sum = sum.add(q.points());
    }
    assertThat(r.total()).isEqualByComparingTo(sum);
    assertThat(r.max()).isEqualByComparingTo(KEY.totalPoints());
    assertThat(r.passed()).isEqualTo(r.total().compareTo(KEY.passMark()) >= 0);
  }
}
