package dev.forensics.triage;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Any detector given as a function from a file to its MIME type: the slot for our own detector. */
final class FunctionOracle implements TypeOracle {

  private final String name;
  private final Function<Path, String> detector;

  FunctionOracle(String name, Function<Path, String> detector) {
    this.name = Objects.requireNonNull(name, "name");
    this.detector = Objects.requireNonNull(detector, "detector");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> detect(List<Path> files) {
    return files.stream().map(f -> Objects.requireNonNull(detector.apply(f), () -> name + " gave null for " + f))
        .toList();
  }
}
