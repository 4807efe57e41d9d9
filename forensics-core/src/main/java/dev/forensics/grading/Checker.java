package dev.forensics.grading;

import dev.forensics.exercise.AnswerKey;
import dev.forensics.exercise.AnswerSheet;
import dev.forensics.exercise.KeyQuestion;
import dev.forensics.grading.internal.Deadline;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Grades one kind of question against a submission. */
interface Checker {

  /** Grades the question; never throws for bad content. */
  QuestionResult check(KeyQuestion q, Context c);

  /** What a checker sees: the key, the submission, the answer written on the sheet, the deadline. */
  record Context(AnswerKey key, Submission submission, AnswerSheet.Value answer, Deadline deadline) {

    /** The sheet's problems with this question, as feedback. */
    List<Feedback> sheetProblems(KeyQuestion q) {
      List<Feedback> out = new ArrayList<>();
      submission.sheet.ifPresent(s -> s.problems(q.id())
          .forEach(p -> out.add(Feedback.of(Reason.SHEET_PROBLEM, p.line(), p.message()))));
      return out;
    }

    /** The answer as one text, if it is one (a one-item list counts). */
    java.util.Optional<String> text() {
      if (answer instanceof AnswerSheet.Text t) {
        return java.util.Optional.of(t.text());
      }
      if (answer instanceof AnswerSheet.Items i && i.items().size() == 1) {
        return java.util.Optional.of(i.items().get(0));
      }
      return java.util.Optional.empty();
    }

    /** The answer as a list (a single text counts as one item; blank as none). */
    List<String> items() {
      if (answer instanceof AnswerSheet.Items i) {
        return i.items();
      }
      if (answer instanceof AnswerSheet.Text t) {
        return List.of(t.text());
      }
      return List.of();
    }
  }

  /** A result with no points. */
  static QuestionResult zero(KeyQuestion q, List<Feedback> feedback) {
    return new QuestionResult(q.id(), q.expected().kind(), BigDecimal.ZERO, q.points(), feedback);
  }

  /** A result with all points. */
  static QuestionResult full(KeyQuestion q, List<Feedback> feedback) {
    return new QuestionResult(q.id(), q.expected().kind(), q.points(), q.points(), feedback);
  }

  /** The result for a blank answer: zero, with the sheet's problems with it if any. */
  static QuestionResult blank(KeyQuestion q, Context c) {
    List<Feedback> f = new ArrayList<>();
    f.add(Feedback.of(Reason.BLANK));
    f.addAll(c.sheetProblems(q));
    return zero(q, f);
  }
}
