package dev.forensics.exercise;

import dev.forensics.custody.Custodian;
import dev.forensics.custody.LedgerVerification;
import dev.forensics.custody.LedgerVerifier;
import dev.forensics.hash.AuditEntry;
import dev.forensics.hash.AuditResult;
import dev.forensics.hash.AuditStatus;
import dev.forensics.hash.HashProgress;
import dev.forensics.hash.ManifestFormat;
import dev.forensics.hash.ManifestReadResult;
import dev.forensics.hash.ManifestVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Re-verifies an exercise set written by {@link ExerciseBuilder}: re-hashes every file under the folder and
 * audits it against the set's {@code MANIFEST} with the hash module's {@link ManifestVerifier}, and
 * verifies the custody ledger's signatures and hash chain.
 */
public final class ExerciseChecker {

  private static final Set<String> NOT_LISTED = Set.of(ExerciseBuilder.MANIFEST, ExerciseBuilder.LEDGER);

  private ExerciseChecker() {}

  /**
   * Checks the set in {@code folder}.
   *
   * @throws NoSuchFileException when the folder has no {@code MANIFEST}
   * @throws dev.forensics.hash.ManifestParseException when {@code MANIFEST} cannot be read as a manifest
   */
  public static ExerciseCheck check(Path folder) throws IOException {
    return check(folder, List.of());
  }

  /**
   * Checks the set in {@code folder}, verifying the ledger with these custodians' public keys besides those
   * its init entry lists (students who extended the ledger).
   *
   * @throws NoSuchFileException when the folder has no {@code MANIFEST}
   */
  public static ExerciseCheck check(Path folder, Collection<Custodian> keys) throws IOException {
    Path root = folder.toAbsolutePath().normalize();
    Path manifest = root.resolve(ExerciseBuilder.MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      throw new NoSuchFileException(manifest.toString(), null, "not an exercise set: no " + ExerciseBuilder.MANIFEST);
    }
    ManifestReadResult read = ManifestFormat.readFile(manifest);
    AuditResult audit = ManifestVerifier.of(root, List.of(root), 1, false)
        .verify(read, ExerciseBuilder.MANIFEST, new HashProgress());
    List<AuditEntry> entries = audit.entries().stream()
        .filter(e -> !(e.status() == AuditStatus.NEW && NOT_LISTED.contains(e.path())))
        .toList();
    Optional<LedgerVerification> ledger = Optional.empty();
    Path ledgerFile = root.resolve(ExerciseBuilder.LEDGER);
    if (Files.isRegularFile(ledgerFile)) {
      ledger = Optional.of(LedgerVerifier.verify(ledgerFile, keys, Optional.empty(), e -> { }));
    }
    return new ExerciseCheck(root, entries, audit.manifestProblems(), ledger);
  }
}
