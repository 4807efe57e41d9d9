package dev.forensics.grading;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a class is graded.
 *
 * @param timeLimit most time spent on one submission; items still ungraded then score zero
 * @param threads submissions graded at once
 * @param skip folders of the submissions folder that are not submissions (e.g. the output folder)
 */
public record GradingOptions(Duration timeLimit, int threads, List<Path> skip) {
  public GradingOptions {
    Objects.requireNonNull(timeLimit, "timeLimit");
    if (timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("time limit must be positive");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1");
    }
    skip = List.copyOf(skip);
  }

  /** 30 s per submission, one thread per processor, nothing skipped. */
  public static GradingOptions defaults() {
    return new GradingOptions(Duration.ofSeconds(30), Runtime.getRuntime().availableProcessors(), List.of());
  }

  /** These options with another time limit. */
  public GradingOptions withTimeLimit(Duration d) {
    return new GradingOptions(d, threads, skip);
  }

  /** These options with another number of threads. */
  public GradingOptions withThreads(int n) {
    return new GradingOptions(timeLimit, n, skip);
  }

  /** These options skipping these folders too. */
  public GradingOptions skipping(Path... folders) {
    List<Path> s = new java.util.ArrayList<>(skip);
    s.addAll(List.of(folders));
    return new GradingOptions(timeLimit, threads, s);
  }
}
