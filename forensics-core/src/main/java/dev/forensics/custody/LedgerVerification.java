package dev.forensics.custody;

import dev.forensics.merkle.MerkleHash;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of verifying a ledger: how many entries are intact, the head they end in, the first
 * problem (verification stops there), time-order warnings, and each item's status after the intact
 * entries.
 *
 * @param entries the number of entries before the first problem
 * @param head the last intact entry, empty when none is
 * @param tornBytes bytes after the last newline (an interrupted append), 0 normally
 * @param root the RFC 9162 Merkle root over the intact entries (leaf {@code n} is entry {@code n}'s canonical
 *     line), the root a checkpoint of that many entries carries; empty when no entry is intact
 */
public record LedgerVerification(
    String ledger,
    Optional<String> caseNumber,
    long entries,
    Optional<LedgerHead> head,
    Optional<LedgerProblem> problem,
    List<LedgerProblem> warnings,
    List<ItemStatus> items,
    long tornBytes,
    Optional<MerkleHash> root) {

  public LedgerVerification {
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(root, "root");
    warnings = List.copyOf(warnings);
    items = List.copyOf(items);
  }

  /** True when no entry was tampered with, every signature verifies and custody is continuous. */
  public boolean intact() {
    return problem.isEmpty();
  }
}
