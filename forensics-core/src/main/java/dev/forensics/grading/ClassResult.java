package dev.forensics.grading;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The grades of a whole class for one answer key: each student (sorted by name), the per-question
 * summary (in key order) and the collusion hints.
 */
public record ClassResult(
    String exerciseId,
    String title,
    BigDecimal totalPoints,
    BigDecimal passMark,
    List<String> questionIds,
    List<StudentResult> students,
    List<QuestionSummary> summary,
    List<CollusionHint> hints) {
  public ClassResult {
    Objects.requireNonNull(exerciseId, "exerciseId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(totalPoints, "totalPoints");
    Objects.requireNonNull(passMark, "passMark");
    questionIds = List.copyOf(questionIds);
    students = List.copyOf(students);
    summary = List.copyOf(summary);
    hints = List.copyOf(hints);
  }

  /** How many students reached the pass mark. */
  public long passed() {
    return students.stream().filter(StudentResult::passed).count();
  }
}
