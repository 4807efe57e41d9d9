package dev.forensics.hash;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The outcome of checking files against a manifest: a verdict per file, in path order, and counts. */
public record AuditResult(List<AuditEntry> entries, List<ManifestProblem> manifestProblems) {

  public AuditResult {
    entries = List.copyOf(entries);
    manifestProblems = List.copyOf(manifestProblems);
  }

  /** Number of entries per status (every status present, zero where none). */
  public Map<AuditStatus, Long> counts() {
    EnumMap<AuditStatus, Long> m = new EnumMap<>(AuditStatus.class);
    for (AuditStatus s : AuditStatus.values()) {
      m.put(s, 0L);
    }
    for (AuditEntry e : entries) {
      m.merge(e.status(), 1L, Long::sum);
    }
    return Collections.unmodifiableMap(m);
  }

  /** Number of entries with this status. */
  public long count(AuditStatus status) {
    return entries.stream().filter(e -> e.status() == status).count();
  }

  /**
   * Whether the evidence verified: every manifest entry matched, nothing unreadable, no malformed
   * manifest line, and no new file unless new files are ignored.
   */
  public boolean passed(boolean ignoreNew) {
    for (AuditEntry e : entries) {
      if (e.status() != AuditStatus.MATCHED && !(ignoreNew && e.status() == AuditStatus.NEW)) {
        return false;
      }
    }
    return manifestProblems.isEmpty();
  }
}
