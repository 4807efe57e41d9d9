package dev.forensics.exercise;

import dev.forensics.hash.Digest;
import dev.forensics.hash.HashAlgorithm;
import java.util.Objects;
import java.util.Optional;

/**
 * One expected member of a set answer: the artifact it comes from, its evidence path (none for carved
 * data) and the SHA-256 of its content.
 */
public record SetItem(String artifact, Optional<String> path, Optional<Digest> sha256) {
  public SetItem {
    Ids.require(artifact);
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
    path.ifPresent(p -> Paths.requireRelativePath(p, "path"));
    if (sha256.isPresent() && sha256.get().algorithm() != HashAlgorithm.SHA256) {
      throw new IllegalArgumentException("sha256 must be a SHA-256 digest");
    }
    if (path.isEmpty() && sha256.isEmpty()) {
      throw new IllegalArgumentException("item of " + artifact + " needs a path or a sha256");
    }
  }
}
