package dev.forensics.knownfiles;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one file, keeping the first {@link #LIMIT} and counting the rest. */
final class ProblemLog {

  /** Problems kept per file. */
  static final int LIMIT = 1000;

  private final String source;
  private final List<HashSetProblem> problems = new ArrayList<>();
  private long count;

  ProblemLog(String source) {
    this.source = source;
  }

  void add(long line, String message) {
    count++;
    if (problems.size() < LIMIT) {
      problems.add(new HashSetProblem(source, line, message));
    }
  }

  List<HashSetProblem> toList() {
    List<HashSetProblem> all = new ArrayList<>(problems);
    if (count > LIMIT) {
      all.add(new HashSetProblem(source, 0, (count - LIMIT) + " more problems not listed"));
    }
    return all;
  }
}
