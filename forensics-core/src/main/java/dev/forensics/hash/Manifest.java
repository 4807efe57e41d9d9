package dev.forensics.hash;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A list of files with their digests, in deterministic path order, and what the manifest says of itself. */
public record Manifest(ManifestInfo info, List<ManifestEntry> entries) {

  public Manifest {
    Objects.requireNonNull(info, "info");
    List<ManifestEntry> sorted = new ArrayList<>(entries);
    sorted.sort(ManifestEntry.PATH_ORDER);
    entries = List.copyOf(sorted);
  }
}
