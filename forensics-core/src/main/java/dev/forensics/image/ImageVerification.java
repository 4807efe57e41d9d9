package dev.forensics.image;

import dev.forensics.hash.DigestSet;
import java.util.List;
import java.util.Objects;

/**
 * The result of verifying an image: the hashes calculated over its media in one read, every comparison
 * with a stored or expected hash, and the damaged chunks met on the way.
 */
public record ImageVerification(
    long mediaSize, DigestSet calculated, List<HashCheck> checks, List<DamagedChunk> damaged) {

  public ImageVerification {
    Objects.requireNonNull(calculated, "calculated");
    checks = List.copyOf(checks);
    damaged = List.copyOf(damaged);
  }

  /**
   * Whether the image verified: at least one hash was compared, every comparison matched and was against
   * a trustworthy hash (none from a damaged section, {@link HashCheck#passes()}), and no chunk was damaged
   * (like ewfverify's SUCCESS).
   */
  public boolean passed() {
    return !checks.isEmpty() && checks.stream().allMatch(HashCheck::passes) && damaged.isEmpty();
  }
}
