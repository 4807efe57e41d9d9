package dev.forensics.exercise.files;

import java.nio.file.Path;
import java.time.Instant;

/** Writes one file of every kind into a folder; run in a separate JVM by {@link DeterminismAcrossJvmsTest}. */
public final class GenerateAll {

  private GenerateAll() {}

  public static void main(String[] args) throws Exception {
    long seed = Long.parseLong(args[0]);
    Path dir = Path.of(args[1]);
    for (FileKind kind : FileKind.values()) {
      FileGenerators.generate(ContentSource.of(seed), kind, "all." + kind.extension(),
          Instant.parse("2026-03-14T09:26:53Z")).writeTo(dir.resolve("all." + kind.extension()));
    }
  }
}
