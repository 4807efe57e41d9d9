package dev.forensics.hash;

import java.util.List;
import java.util.Objects;

/** A manifest read from a file: what was understood, in which format, and every line that was not. */
public record ManifestReadResult(Manifest manifest, ManifestFormat format, List<ManifestProblem> problems) {

  public ManifestReadResult {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(format, "format");
    problems = List.copyOf(problems);
  }
}
