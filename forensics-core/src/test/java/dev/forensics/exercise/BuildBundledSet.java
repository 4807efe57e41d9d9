package dev.forensics.exercise;

import java.nio.file.Path;
import java.util.Optional;

/** Builds a bundled scenario into a folder: {@code BuildBundledSet NAME OUT}, for tests in another JVM. */
final class BuildBundledSet {
  private BuildBundledSet() {}

  public static void main(String[] args) throws Exception {
    ExerciseBuilder.build(BundledScenarios.read(args[0]).orElseThrow(), Optional.empty(), Optional.empty(),
        Path.of(args[1]), ExerciseBuilder.Options.defaults());
  }
}
