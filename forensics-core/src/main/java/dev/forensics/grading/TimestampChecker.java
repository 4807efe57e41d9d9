package dev.forensics.grading;

import dev.forensics.exercise.ExpectedAnswer;
import dev.forensics.exercise.KeyQuestion;
import dev.forensics.grading.internal.SubmissionFolder;
import dev.forensics.grading.internal.TimeParser;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Timestamp answers, read by {@link TimeParser} (ISO-8601 and common forms, zone normalised to UTC);
 * full points when within the key's window of the expected moment. A time without zone is read in the
 * key's assumed zone, or refused when the key requires a zone.
 */
final class TimestampChecker implements Checker {

  @Override
  public QuestionResult check(KeyQuestion q, Context c) {
    ExpectedAnswer.Timestamp e = (ExpectedAnswer.Timestamp) q.expected();
    if (c.text().isEmpty()) {
      return Checker.blank(q, c);
    }
    String s = c.text().get();
    List<Feedback> f = new ArrayList<>();
    TimeParser.Parsed p = TimeParser.parse(s, e.assumeZone());
    if (p instanceof TimeParser.NoZone) {
      f.add(Feedback.of(Reason.TIME_NO_ZONE, SubmissionFolder.shorten(s)));
      return Checker.zero(q, f);
    }
    if (!(p instanceof TimeParser.Moment m)) {
      f.add(Feedback.of(Reason.TIME_UNPARSEABLE, SubmissionFolder.shorten(s)));
      return Checker.zero(q, f);
    }
    if (m.zoneAssumed()) {
      f.add(Feedback.of(Reason.TIME_ZONE_ASSUMED, e.assumeZone().orElseThrow().getId()));
    }
    Duration diff = Duration.between(e.value(), m.instant()).abs();
    if (diff.compareTo(e.window()) <= 0) {
      f.add(0, Feedback.of(Reason.CORRECT));
      return Checker.full(q, f);
    }
    f.add(0, Feedback.of(Reason.TIME_OUTSIDE_WINDOW, DateTimeFormatter.ISO_INSTANT.format(m.instant()),
        DateTimeFormatter.ISO_INSTANT.format(e.value()), e.window(), diff));
    return Checker.zero(q, f);
  }
}
