package dev.forensics.hash;

import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one path met while hashing evidence. Every path found is reported: hashed files with
 * their entry, and every path that was not hashed with the reason, so that nothing is skipped silently.
 * When the path is the first segment of a disk image hashed as one stream, {@link #image()} says which
 * files the entry covers (the other segments get no outcome of their own).
 */
public record FileOutcome(String path, Status status, ManifestEntry entryOrNull, String detail, ImageSet imageOrNull) {

  /** The kinds of outcome. */
  public enum Status {
    /** Hashed; size and time were the same before and after the read. */
    HASHED(false),
    /** Hashed, but the file's size or modification time changed while it was read: digests unreliable. */
    CHANGED_WHILE_READING(true),
    /** A symbolic link, recorded with its target and not followed. */
    SYMLINK(false),
    /** A device, pipe or socket: skipped, never read. */
    SPECIAL(false),
    /** A link that leads back to one of its own parent directories (only when following links). */
    LOOP(true),
    /** Missing, permission denied or an I/O error: not hashed. */
    UNREADABLE(true);

    private final boolean problem;

    Status(boolean problem) {
      this.problem = problem;
    }

    /** Whether this outcome means the evidence was not hashed completely and reliably. */
    public boolean isProblem() {
      return problem;
    }
  }

  public FileOutcome {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    boolean hashed = status == Status.HASHED || status == Status.CHANGED_WHILE_READING;
    if (hashed != (entryOrNull != null)) {
      throw new IllegalArgumentException(status + " outcome " + (hashed ? "needs" : "cannot have") + " an entry");
    }
  }

  /** The outcome of a path that is not an image hashed as one stream. */
  public FileOutcome(String path, Status status, ManifestEntry entryOrNull, String detail) {
    this(path, status, entryOrNull, detail, null);
  }

  /** The image whose media this entry holds, when the path was hashed as a disk image. */
  public Optional<ImageSet> image() {
    return Optional.ofNullable(imageOrNull);
  }

  /** The manifest entry of a hashed file. */
  public Optional<ManifestEntry> entry() {
    return Optional.ofNullable(entryOrNull);
  }
}
