package dev.forensics.exercise;

import java.time.Instant;
import java.util.Optional;

/**
 * Timestamps chosen for a planted file; those left empty are drawn from the exercise's time window.
 * FAT stores modification time to 2 seconds, creation to 10 ms and access to the day; the builder rounds
 * and the answer key states what was stored.
 */
public record FileTimes(Optional<Instant> modified, Optional<Instant> accessed, Optional<Instant> created) {
  /** No chosen timestamps. */
  public static final FileTimes NONE = new FileTimes(Optional.empty(), Optional.empty(), Optional.empty());

  public FileTimes {
    java.util.Objects.requireNonNull(modified, "modified");
    java.util.Objects.requireNonNull(accessed, "accessed");
    java.util.Objects.requireNonNull(created, "created");
  }

  /** The chosen timestamp of this kind, if any. */
  public Optional<Instant> get(TimeKind kind) {
    return switch (kind) {
      case MODIFIED -> modified;
      case ACCESSED -> accessed;
      case CREATED -> created;
    };
  }

  /** Which of a file's timestamps. */
  public enum TimeKind {
    MODIFIED("modified"),
    ACCESSED("accessed"),
    CREATED("created");

    private final String id;

    TimeKind(String id) {
      this.id = id;
    }

    /** The name used in scenario files and the answer key. */
    public String id() {
      return id;
    }
  }
}
