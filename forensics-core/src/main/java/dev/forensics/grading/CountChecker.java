package dev.forensics.grading;

import dev.forensics.exercise.ExpectedAnswer;
import dev.forensics.exercise.KeyQuestion;
import dev.forensics.grading.internal.SubmissionFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Count answers: a whole number, optionally followed by words ({@code 24 files}); thousands separators
 * ({@code 1,024}, {@code 1 024}, {@code 1'024}) allowed. Full points within the key's tolerance.
 */
final class CountChecker implements Checker {

  private static final Pattern NUMBER = Pattern.compile("(?:about|approx\\.?|~)?\\s*(\\d{1,3}(?:[,' ]\\d{3})+|\\d{1,18})(?:\\s+\\p{L}[\\p{L} ]*)?\\.?",
      Pattern.CASE_INSENSITIVE);

  @Override
  public QuestionResult check(KeyQuestion q, Context c) {
    ExpectedAnswer.Count e = (ExpectedAnswer.Count) q.expected();
    if (c.text().isEmpty()) {
      return Checker.blank(q, c);
    }
    String s = c.text().get().strip();
    List<Feedback> f = new ArrayList<>();
    Matcher m = NUMBER.matcher(s);
    if (s.length() > 100 || !m.matches()) {
      f.add(Feedback.of(Reason.COUNT_NOT_NUMBER, SubmissionFolder.shorten(s)));
      return Checker.zero(q, f);
    }
    long n = Long.parseLong(m.group(1).replaceAll("[,' ]", ""));
    if (Math.abs(n - e.value()) <= e.tolerance()) {
      f.add(Feedback.of(Reason.CORRECT));
      return Checker.full(q, f);
    }
    f.add(Feedback.of(Reason.COUNT_OFF, n, e.value(), e.tolerance()));
    return Checker.zero(q, f);
  }
}
