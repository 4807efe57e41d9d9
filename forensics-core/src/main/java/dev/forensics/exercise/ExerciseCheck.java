package dev.forensics.exercise;

import dev.forensics.custody.LedgerVerification;
import dev.forensics.hash.AuditEntry;
import dev.forensics.hash.AuditStatus;
import dev.forensics.hash.ManifestProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of re-verifying an exercise set: every file against {@code MANIFEST} (new files included,
 * except {@code MANIFEST} itself and the custody ledger, which students may extend), the problems found in
 * the manifest, and the verification of the custody ledger if the set has one.
 */
public record ExerciseCheck(Path folder, List<AuditEntry> entries, List<ManifestProblem> manifestProblems,
    Optional<LedgerVerification> ledger) {

  public ExerciseCheck {
    Objects.requireNonNull(folder, "folder");
    entries = List.copyOf(entries);
    manifestProblems = List.copyOf(manifestProblems);
    Objects.requireNonNull(ledger, "ledger");
  }

  /** Entries of one status. */
  public long count(AuditStatus status) {
    return entries.stream().filter(e -> e.status() == status).count();
  }

  /** The entries that are not {@link AuditStatus#MATCHED}. */
  public List<AuditEntry> problems() {
    return entries.stream().filter(e -> e.status() != AuditStatus.MATCHED).toList();
  }

  /** True when every file matched, nothing is new, the manifest is well-formed and the ledger intact. */
  public boolean passed() {
    return problems().isEmpty() && manifestProblems.isEmpty() && ledger.map(LedgerVerification::intact).orElse(true);
  }
}
