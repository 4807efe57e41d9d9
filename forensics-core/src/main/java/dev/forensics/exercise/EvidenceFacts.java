package dev.forensics.exercise;

import dev.forensics.hash.DigestSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the builder knows after generating an exercise's evidence, from which the answer key is resolved:
 * the planted artifacts, how many evidence files have content of each type, and the disk image's hashes.
 */
public record EvidenceFacts(List<PlantedArtifact> artifacts, Map<FileType, Long> filesByType, DigestSet diskImage) {
  public EvidenceFacts {
    artifacts = List.copyOf(artifacts);
    filesByType = Map.copyOf(filesByType);
    filesByType.values().forEach(n -> {
      if (n < 0) {
        throw new IllegalArgumentException("file counts must be >= 0");
      }
    });
    Objects.requireNonNull(diskImage, "diskImage");
  }

  /** The planted artifact with this id, if any. */
  public Optional<PlantedArtifact> artifact(String id) {
    return artifacts.stream().filter(a -> a.id().equals(id)).findFirst();
  }
}
