package dev.forensics.grading;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How the class did on one question: the average points, how many students earned all and how many
 * earned none (the skills the class missed show up as low averages).
 */
public record QuestionSummary(String question, BigDecimal max, BigDecimal average, int full, int zero, int students) {
  public QuestionSummary {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(average, "average");
  }

  /** The average as a share of the maximum, 0 to 100, to whole percent. */
  public int averagePercent() {
    return average.multiply(BigDecimal.valueOf(100)).divide(max, 0, java.math.RoundingMode.HALF_UP).intValue();
  }
}
