package dev.forensics.exercise;

/** The short description of how to write an answer, shown on the handout and in the answer sheet. */
final class AnswerForms {
  private AnswerForms() {}

  static String describe(Answer a) {
    if (a instanceof Answer.Hash h) {
      return h.algorithm().id() + ", " + h.algorithm().hexLength() + " hex digits";
    } else if (a instanceof Answer.FileSet) {
      return "list of file paths as they appear in the evidence, one per line";
    } else if (a instanceof Answer.Count) {
      return "a whole number";
    } else if (a instanceof Answer.Timestamp t) {
      return t.assumeZone().isPresent()
          ? "date and time, e.g. 2024-05-31T14:05:00+02:00 (" + t.assumeZone().get().getId() + " if no zone is given)"
          : "date and time with its zone, e.g. 2024-05-31T14:05:00+02:00 or 2024-05-31 12:05:00 UTC";
    } else if (a instanceof Answer.Text) {
      return "text";
    } else if (a instanceof Answer.RecoveredFiles) {
      return "list of the names of the recovered files you hand in";
    } else {
      return "file name of your chain-of-custody log";
    }
  }

  /** Whether the answer is written as a YAML list. */
  static boolean isList(Answer a) {
    return a instanceof Answer.FileSet || a instanceof Answer.RecoveredFiles;
  }
}
