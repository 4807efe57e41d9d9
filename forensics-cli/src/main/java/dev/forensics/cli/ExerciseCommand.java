package dev.forensics.cli;

import dev.forensics.exercise.BundledScenarios;
import dev.forensics.exercise.Scenario;
import dev.forensics.exercise.ScenarioException;
import dev.forensics.exercise.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code forensics exercise}: build, check and list training exercise sets. */
@Command(
    name = "exercise",
    mixinStandardHelpOptions = true,
    subcommands = {ExerciseBuildCommand.class, ExerciseCheckCommand.class, ExerciseListCommand.class})
final class ExerciseCommand {

  /** Reads a scenario file, or the bundled scenario of that name when no such file exists. */
  static Scenario scenario(String arg) throws IOException, ScenarioException {
    Path p = Path.of(arg);
    if (Files.exists(p)) {
      return ScenarioReader.read(p);
    }
    Optional<Scenario> bundled = BundledScenarios.read(arg);
    if (bundled.isPresent()) {
      return bundled.get();
    }
    throw new NoSuchFileException(arg, null, Messages.get("exercise.error.noScenario"));
  }
}
