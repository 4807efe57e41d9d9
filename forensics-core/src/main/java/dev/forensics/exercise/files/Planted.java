package dev.forensics.exercise.files;

import java.util.Objects;

/** A file with an artifact planted in it, and where that artifact lies. */
public record Planted(GeneratedFile file, Plant plant) {

  public Planted {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(plant, "plant");
  }
}
