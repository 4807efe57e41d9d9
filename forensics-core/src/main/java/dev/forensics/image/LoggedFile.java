package dev.forensics.image;

import dev.forensics.hash.DigestSet;
import java.util.Objects;

/**
 * Hashes an acquisition log records for one image file the tool wrote (Guymager's list of image files,
 * dc3dd's output pieces): the file's name as the log gives it, and the hashes of the file's bytes.
 */
public record LoggedFile(String name, DigestSet digests) {

  /** @throws IllegalArgumentException for an empty name or no digest */
  public LoggedFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(digests, "digests");
    if (name.isEmpty() || digests.isEmpty()) {
      throw new IllegalArgumentException("a logged file needs a name and at least one digest");
    }
  }
}
