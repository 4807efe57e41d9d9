package dev.forensics.grading;

import dev.forensics.exercise.ExpectedAnswer;
import dev.forensics.exercise.KeyQuestion;
import dev.forensics.exercise.SetItem;
import dev.forensics.exercise.SetScoring;
import dev.forensics.grading.internal.Score;
import dev.forensics.grading.internal.SubmissionFolder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Set-of-files answers. Each path given matches an expected item when it equals the item's evidence
 * path or ends with {@code /} and it (so {@code evidence/Documents/a.txt} matches {@code Documents/a.txt}),
 * ignoring case and with {@code \} read as {@code /}; a SHA-256 given matches an item with that hash
 * (carved data has no path). Repeated answers count once. Scored by F1 of precision and recall, or per
 * correct item less one item's share per false alarm (never below zero), as the key says; the misses and false alarms are named. When the sheet has no answer and
 * the submission holds a triage export, the files it flags (score above 0) are the answer.
 */
final class FileSetChecker implements Checker {

  /** Most names listed in one feedback line. */
  static final int MAX_NAMED = 20;

  @Override
  public QuestionResult check(KeyQuestion q, Context c) {
    ExpectedAnswer.FileSet e = (ExpectedAnswer.FileSet) q.expected();
    List<Feedback> f = new ArrayList<>();
    List<String> given = c.items();
    if (given.isEmpty()) {
      for (Submission.TriageExport t : c.submission().triage) {
        List<String> flagged = t.rows().stream().filter(Submission.TriageRow::flagged).map(Submission.TriageRow::path).toList();
        if (!flagged.isEmpty()) {
          given = flagged;
          f.add(Feedback.of(Reason.SET_FROM_TRIAGE, t.name(), flagged.size()));
          break;
        }
      }
      if (given.isEmpty()) {
        return Checker.blank(q, c);
      }
    }
    List<SetItem> items = e.items();
    boolean[] found = new boolean[items.size()];
    Set<String> seen = new LinkedHashSet<>();
    List<String> falseAlarms = new ArrayList<>();
    int answers = 0;
    for (String raw : given) {
      c.deadline().check();
      String g = normalise(raw);
      if (g.isEmpty() || !seen.add(g)) {
        continue;
      }
      answers++;
      boolean hit = false;
      for (int i = 0; i < items.size(); i++) {
        if (matches(items.get(i), g)) {
          hit = true;
          found[i] = true;
        }
      }
      if (!hit) {
        falseAlarms.add(SubmissionFolder.shorten(raw.strip()));
      }
    }
    int tp = 0;
    List<String> missed = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (found[i]) {
        tp++;
      } else {
        missed.add(items.get(i).path().orElse(items.get(i).artifact()));
      }
    }
    int fp = falseAlarms.size();
    int fn = missed.size();
    BigDecimal points = e.scoring() == SetScoring.F1
        ? Score.share(q.points(), 2L * tp, 2L * tp + fp + fn)
        : Score.share(q.points(), Math.max(0, tp - fp), items.size()); // a false alarm cancels a find
    f.add(0, Feedback.of(Reason.SET_SCORE, tp, items.size(), answers, Score.percent(tp, tp + fp), Score.percent(tp, items.size())));
    if (!missed.isEmpty()) {
      f.add(Feedback.of(Reason.SET_MISSED, list(missed)));
    }
    if (!falseAlarms.isEmpty()) {
      f.add(Feedback.of(Reason.SET_FALSE_ALARMS, list(falseAlarms)));
    }
    if (fp == 0 && fn == 0) {
      f.add(0, Feedback.of(Reason.CORRECT));
    }
    return new QuestionResult(q.id(), e.kind(), points, q.points(), f);
  }

  static String normalise(String s) {
    String t = s.strip().replace('\\', '/').toLowerCase(Locale.ROOT);
    while (t.startsWith("./")) {
      t = t.substring(2);
    }
    while (t.startsWith("/")) {
      t = t.substring(1);
    }
    return t;
  }

  private static boolean matches(SetItem item, String g) {
    if (item.path().isPresent()) {
      String p = item.path().get().toLowerCase(Locale.ROOT);
      if (g.equals(p) || g.endsWith("/" + p) || g.endsWith("!/" + p)) {
        return true;
      }
    }
    return item.sha256().map(d -> d.hex().equals(g)).orElse(false);
  }

  static String list(List<String> names) {
    if (names.size() <= MAX_NAMED) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, MAX_NAMED)) + ", … (+" + (names.size() - MAX_NAMED) + ")";
  }
}
