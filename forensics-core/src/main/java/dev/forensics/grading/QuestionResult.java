package dev.forensics.grading;

import dev.forensics.exercise.AnswerKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The grade of one question: the points earned (0 to {@code max}), the question's points in the key, and
 * the feedback explaining them, most important first.
 */
public record QuestionResult(String question, AnswerKind kind, BigDecimal points, BigDecimal max, List<Feedback> feedback) {
  /**
   * @throws IllegalArgumentException when the points lie outside [0, max]
   */
  public QuestionResult {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(max, "max");
    feedback = List.copyOf(feedback);
    if (points.signum() < 0 || points.compareTo(max) > 0) {
      throw new IllegalArgumentException(question + ": points " + points + " outside [0, " + max + "]");
    }
  }

  /** Whether the question earned all its points. */
  public boolean full() {
    return points.compareTo(max) == 0;
  }
}
