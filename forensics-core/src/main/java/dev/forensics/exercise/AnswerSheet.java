package dev.forensics.exercise;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A student's filled answer sheet as read by {@link AnswerSheetReader}: who, for which exercise and
 * variant, one {@link Value} per question of the exercise (blank when not answered or unusable), and the
 * problems met while reading, in line order. Values are the text as written; the grader interprets them.
 */
public record AnswerSheet(
    Optional<String> exercise,
    Optional<String> variant,
    Optional<String> studentId,
    Optional<String> name,
    Map<String, Value> answers,
    List<Problem> problems) {

  public AnswerSheet {
    Objects.requireNonNull(exercise, "exercise");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(studentId, "studentId");
    Objects.requireNonNull(name, "name");
    answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    problems = List.copyOf(problems);
  }

  /** The answer to a question: blank if the sheet has none. */
  public Value answer(String questionId) {
    return answers.getOrDefault(questionId, new Blank());
  }

  /** The problems that concern one question. */
  public List<Problem> problems(String questionId) {
    return problems.stream().filter(p -> p.question().equals(Optional.of(questionId))).toList();
  }

  /** An answer as written. */
  public sealed interface Value {}

  /** No answer (absent, empty or unusable). */
  public record Blank() implements Value {}

  /** A single answer, as text (numbers and dates as the student wrote them). */
  public record Text(String text) implements Value {
    public Text {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A list answer; empty items are dropped. */
  public record Items(List<String> items) implements Value {
    public Items {
      items = List.copyOf(items);
    }
  }

  /**
   * Something wrong with the sheet: about one question (which then counts as blank) or the sheet as a whole.
   *
   * @param line 1-based line, 0 when unknown (JSON sheets, or the whole file)
   */
  public record Problem(Optional<String> question, int line, String message) {
    public Problem {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
      return (line > 0 ? "line " + line + ": " : "") + question.map(q -> q + ": ").orElse("") + message;
    }
  }
}
