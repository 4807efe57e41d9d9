package dev.forensics.hash;

import java.util.Objects;
import java.util.Optional;

/**
 * The verdict for one file: its status, the path the manifest lists (absent for {@link AuditStatus#NEW}),
 * the path found on disk (absent for {@link AuditStatus#MISSING}), and a detail a student can read
 * (which digests differ, which pieces, where the content went).
 */
public record AuditEntry(
    AuditStatus status, String expectedPathOrNull, String actualPathOrNull, String detail) {

  public AuditEntry {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    if (expectedPathOrNull == null && actualPathOrNull == null) {
      throw new IllegalArgumentException("an audit entry needs a path");
    }
  }

  /** The path to list the entry under: the manifest's path, or the new file's path. */
  public String path() {
    return expectedPathOrNull != null ? expectedPathOrNull : actualPathOrNull;
  }

  public Optional<String> expectedPath() {
    return Optional.ofNullable(expectedPathOrNull);
  }

  public Optional<String> actualPath() {
    return Optional.ofNullable(actualPathOrNull);
  }
}
