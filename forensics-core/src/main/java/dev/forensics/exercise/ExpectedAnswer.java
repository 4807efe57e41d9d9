package dev.forensics.exercise;

import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A question's expected answer in the answer key, with every reference resolved to a value and the
 * grading rule stated. One record type per {@link AnswerKind}.
 */
public sealed interface ExpectedAnswer {

  /** The answer's kind. */
  AnswerKind kind();

  /** Where an expected hash comes from. */
  enum HashSource {
    ARTIFACT("artifact"),
    DISK_IMAGE("disk-image"),
    LITERAL("literal");

    private final String id;

    HashSource(String id) {
      this.id = id;
    }

    /** The name used in the answer key. */
    public String id() {
      return id;
    }
  }

  /** A digest, compared case-insensitively as hex of its algorithm. */
  record Hash(Digest value, HashSource source, Optional<String> artifact) implements ExpectedAnswer {
    public Hash {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(artifact, "artifact");
      if ((source == HashSource.ARTIFACT) != artifact.isPresent()) {
        throw new IllegalArgumentException("an artifact is named exactly when the source is artifact");
      }
    }

    /** The digest's algorithm. */
    public HashAlgorithm algorithm() {
      return value.algorithm();
    }

    @Override
    public AnswerKind kind() {
      return AnswerKind.HASH;
    }
  }

  /** A set of files, scored by F1 or per item. */
  record FileSet(List<SetItem> items, SetScoring scoring) implements ExpectedAnswer {
    public FileSet {
      items = List.copyOf(items);
      Objects.requireNonNull(scoring, "scoring");
      if (items.isEmpty()) {
        throw new IllegalArgumentException("a file set needs at least one item");
      }
    }

    @Override
    public AnswerKind kind() {
      return AnswerKind.FILE_SET;
    }
  }

  /** A number; answers within {@code value ± tolerance} earn the points. */
  record Count(long value, long tolerance) implements ExpectedAnswer {
    public Count {
      if (value < 0 || tolerance < 0) {
        throw new IllegalArgumentException("value and tolerance must be >= 0");
      }
    }

    @Override
    public AnswerKind kind() {
      return AnswerKind.COUNT;
    }
  }

  /**
   * A moment; answers within {@code value ± window} earn the points. Without {@code assumeZone} an answer
   * must state its zone; with it, an answer without zone is read in that zone.
   */
  record Timestamp(Instant value, Duration window, Optional<ZoneId> assumeZone) implements ExpectedAnswer {
    public Timestamp {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(assumeZone, "assumeZone");
      if (window.isNegative()) {
        throw new IllegalArgumentException("window must be >= 0");
      }
    }

    @Override
    public AnswerKind kind() {
      return AnswerKind.TIMESTAMP;
    }
  }

  /** Free text: one of the accepted forms, or a full match of one of the regular expressions. */
  record Text(List<String> accepted, List<String> regex, boolean caseSensitive) implements ExpectedAnswer {
    public Text {
      accepted = List.copyOf(accepted);
      regex = List.copyOf(regex);
      if (accepted.isEmpty() && regex.isEmpty()) {
        throw new IllegalArgumentException("a text answer needs accepted forms or a regex");
      }
    }

    @Override
    public AnswerKind kind() {
      return AnswerKind.TEXT;
    }
  }

  /** Files to recover: credit per submitted file whose SHA-256 equals an item's. */
  record RecoveredFiles(List<SetItem> items) implements ExpectedAnswer {
    public RecoveredFiles {
      items = List.copyOf(items);
      if (items.isEmpty()) {
        throw new IllegalArgumentException("recovered files need at least one item");
      }
      for (SetItem i : items) {
        if (i.sha256().isEmpty()) {
          throw new IllegalArgumentException("recovered file " + i.artifact() + " needs a sha256");
        }
      }
    }

    @Override
    public AnswerKind kind() {
      return AnswerKind.RECOVERED_FILES;
    }
  }

  /**
   * A custody record: the required event types in order, and (when {@code hashesMustMatch}) the evidence
   * hashes the student's record must state.
   */
  record Custody(List<String> steps, boolean hashesMustMatch, DigestSet evidenceHashes) implements ExpectedAnswer {
    public Custody {
      steps = List.copyOf(steps);
      Objects.requireNonNull(evidenceHashes, "evidenceHashes");
      new Answer.Custody(steps, hashesMustMatch);
    }

    @Override
    public AnswerKind kind() {
      return AnswerKind.CUSTODY;
    }
  }
}
