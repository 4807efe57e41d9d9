package dev.forensics.exercise;

import java.math.BigDecimal;
import java.util.Objects;

/** A question in the answer key: id, text, points (its weight) and the expected answer. */
public record KeyQuestion(String id, String text, BigDecimal points, ExpectedAnswer expected) {
  public KeyQuestion {
    Ids.require(id);
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(expected, "expected");
    points = Points.normalize(points);
    if (points.signum() <= 0) {
      throw new IllegalArgumentException("points must be > 0");
    }
  }
}
