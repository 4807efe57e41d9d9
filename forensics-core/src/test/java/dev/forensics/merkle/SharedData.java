package dev.forensics.merkle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the project's shared reference data ({@code shared/} beside the repository) for tests. */
final class SharedData {

  private SharedData() {}

  /** {@code shared/<relative>} in the working directory or one of its parents, if it exists. */
  static Optional<Path> find(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve(relative);
      if (Files.isDirectory(candidate) || Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
