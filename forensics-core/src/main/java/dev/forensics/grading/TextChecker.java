package dev.forensics.grading;

import dev.forensics.exercise.ExpectedAnswer;
import dev.forensics.exercise.KeyQuestion;
import dev.forensics.grading.internal.SubmissionFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Text answers: equal to an accepted form after trimming and collapsing white space (ignoring case unless
 * the key is case-sensitive), or a whole match of one of the key's regular expressions (matched under
 * the submission's deadline, so a runaway expression cannot stall grading).
 */
final class TextChecker implements Checker {

  @Override
  public QuestionResult check(KeyQuestion q, Context c) {
    ExpectedAnswer.Text e = (ExpectedAnswer.Text) q.expected();
    if (c.text().isEmpty()) {
      return Checker.blank(q, c);
    }
    String given = collapse(c.text().get());
    List<Feedback> f = new ArrayList<>();
    for (String a : e.accepted()) {
      String x = collapse(a);
      if (e.caseSensitive() ? x.equals(given) : x.toLowerCase(Locale.ROOT).equals(given.toLowerCase(Locale.ROOT))) {
        f.add(Feedback.of(Reason.CORRECT));
        return Checker.full(q, f);
      }
    }
    for (String r : e.regex()) {
      Pattern p;
      try {
        p = e.caseSensitive() ? Pattern.compile(r) : Pattern.compile(r, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      } catch (PatternSyntaxException x) {
        continue;
      }
      if (p.matcher(c.deadline().guard(given)).matches()) {
        f.add(Feedback.of(Reason.CORRECT));
        return Checker.full(q, f);
      }
    }
    f.add(Feedback.of(Reason.TEXT_WRONG, SubmissionFolder.shorten(given)));
    return Checker.zero(q, f);
  }

  private static String collapse(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }
}
