package dev.forensics.exercise;

import java.math.BigDecimal;
import java.util.Objects;

/** A question of the handout: id (the key in answer sheets), text, points and expected answer. */
public record Question(String id, String text, BigDecimal points, Answer answer) {
  /**
   * @throws IllegalArgumentException for a bad id, blank text or points not above 0
   */
  public Question {
    Ids.require(id);
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(answer, "answer");
    if (text.isBlank()) {
      throw new IllegalArgumentException("must not be blank");
    }
    if (points.signum() <= 0) {
      throw new IllegalArgumentException("must be > 0");
    }
  }
}
