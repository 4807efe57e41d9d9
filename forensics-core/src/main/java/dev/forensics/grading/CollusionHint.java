package dev.forensics.grading;

import java.util.List;
import java.util.Objects;

/**
 * Students who handed in the same thing: a hint for the trainer to look at, never a penalty.
 *
 * @param what the shared thing: the SHA-256 of the file, or the public key in base64
 * @param students the students, sorted (at least two)
 */
public record CollusionHint(Kind kind, String what, List<String> students) {
  /** What was shared. */
  public enum Kind {
    /** Byte-identical hash manifests. */
    IDENTICAL_MANIFEST("identical-manifest"),
    /** Byte-identical custody ledgers. */
    IDENTICAL_LEDGER("identical-ledger"),
    /** The same signing key in several students' ledgers or key files. */
    SHARED_KEY("shared-key");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    /** Lower-case id with hyphens. */
    public String id() {
      return id;
    }
  }

  public CollusionHint {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(what, "what");
    students = List.copyOf(students);
    if (students.size() < 2) {
      throw new IllegalArgumentException("a hint needs at least two students");
    }
  }
}
