package dev.forensics.exercise.fat;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A (live) subdirectory. It gets {@code .} and {@code ..} entries and at least one cluster.
 *
 * @param path path from the root
 * @param times the entry's time stamps (also used for its {@code .} and {@code ..} entries)
 * @param attributes attributes besides "directory"
 */
public record FatDirectory(String path, FatTimes times, Set<FatAttribute> attributes) implements FatNode {

  public FatDirectory {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(times, "times");
    attributes = attributes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(attributes));
  }
}
