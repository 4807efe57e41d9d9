package dev.forensics.exercise;

import dev.forensics.hash.DigestSet;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One built exercise set.
 *
 * @param folder the output folder, absolute
 * @param variant the variant, if any
 * @param seed the seed the evidence was generated from
 * @param evidenceFiles live evidence files (in the folder and/or on the image)
 * @param manifestEntries files listed in {@code MANIFEST}
 * @param diskImage the disk image's hashes (empty without an image)
 * @param ledgerHead the custody ledger's head, {@code SEQ:HASH}, for {@code custody verify --head}
 * @param trainingKey whether the ledger is signed with the derived training key (not a real key)
 */
public record ExerciseSet(Path folder, Optional<Variant> variant, long seed, int evidenceFiles, int manifestEntries,
    DigestSet diskImage, String ledgerHead, boolean trainingKey) {
  public ExerciseSet {
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(diskImage, "diskImage");
    Objects.requireNonNull(ledgerHead, "ledgerHead");
  }
}
