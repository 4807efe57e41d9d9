package dev.forensics.grading;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One student's grade: a result per question of the key (in key order), notes about the submission as a
 * whole (files refused or not recognised, sheet problems not tied to a question), the total, the maximum
 * and whether the pass mark was reached.
 *
 * @param student the submission folder's name
 */
public record StudentResult(
    String student,
    List<QuestionResult> questions,
    List<Feedback> notes,
    BigDecimal total,
    BigDecimal max,
    boolean passed,
    Fingerprints fingerprints) {

  /**
   * @throws IllegalArgumentException when the total is not the sum of the questions' points
   */
  public StudentResult {
    Objects.requireNonNull(student, "student");
    questions = List.copyOf(questions);
    notes = List.copyOf(notes);
    Objects.requireNonNull(fingerprints, "fingerprints");
    BigDecimal sum = questions.stream().map(QuestionResult::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (sum.compareTo(total) != 0) {
      throw new IllegalArgumentException("total " + total + " is not the sum " + sum);
    }
  }

  /** Builds the result, summing the points. */
  public static StudentResult of(
      String student, List<QuestionResult> questions, List<Feedback> notes, BigDecimal passMark, Fingerprints prints) {
    BigDecimal total = questions.stream().map(QuestionResult::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal max = questions.stream().map(QuestionResult::max).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new StudentResult(student, questions, notes, total, max, total.compareTo(passMark) >= 0, prints);
  }

  /**
   * What collusion hints compare across students: SHA-256 (hex) of each manifest and ledger handed in,
   * and the public keys (base64) handed in or listed in the ledger.
   */
  public record Fingerprints(List<String> manifests, List<String> ledgers, List<String> keys) {
    public Fingerprints {
      manifests = List.copyOf(manifests);
      ledgers = List.copyOf(ledgers);
      keys = List.copyOf(keys);
    }

    /** No files to compare. */
    public static Fingerprints none() {
      return new Fingerprints(List.of(), List.of(), List.of());
    }
  }
}
