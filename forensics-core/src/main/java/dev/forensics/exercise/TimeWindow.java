package dev.forensics.exercise;

import java.time.Instant;
import java.util.Objects;

/** A closed interval of time, {@code start <= end}, e.g. when the background files were "made". */
public record TimeWindow(Instant start, Instant end) {
  /**
   * @throws IllegalArgumentException when the end lies before the start
   */
  public TimeWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("end " + end + " lies before start " + start);
    }
  }

  /** Whether the instant lies in the window, ends included. */
  public boolean contains(Instant t) {
    return !t.isBefore(start) && !t.isAfter(end);
  }
}
