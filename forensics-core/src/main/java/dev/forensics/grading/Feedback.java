package dev.forensics.grading;

import java.util.List;
import java.util.Objects;

/**
 * One feedback line in structured form: a {@link Reason} and its arguments as text (hashes, paths,
 * numbers as they should be shown). Front ends turn it into a sentence in the student's language.
 */
public record Feedback(Reason reason, List<String> args) {
  public Feedback {
    Objects.requireNonNull(reason, "reason");
    args = List.copyOf(args);
  }

  /** Feedback with these arguments. */
  public static Feedback of(Reason reason, Object... args) {
    return new Feedback(reason, java.util.Arrays.stream(args).map(String::valueOf).toList());
  }

  @Override
  public String toString() {
    return reason.id() + args;
  }
}
