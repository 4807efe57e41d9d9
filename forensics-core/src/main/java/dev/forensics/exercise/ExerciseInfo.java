package dev.forensics.exercise;

import java.time.ZoneId;
import java.util.Objects;

/**
 * What an exercise is: id (used in file names and the answer key), title, scenario text for the handout,
 * course topic, seed of all generated content, the time zone the handout states times in, and the window in
 * which background files get their timestamps.
 */
public record ExerciseInfo(
    String id, String title, String description, String topic, long seed, ZoneId timeZone,
    TimeWindow timeWindow) {

  /**
   * @throws IllegalArgumentException for an id that is not 1–64 characters of {@code a-z 0-9 . _ -}
   *     starting with a letter or digit, or a blank title
   */
  public ExerciseInfo {
    Ids.require(id);
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(timeWindow, "timeWindow");
    if (title.isBlank()) {
      throw new IllegalArgumentException("must not be blank");
    }
  }
}
