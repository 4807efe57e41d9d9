package dev.forensics.cli;

import dev.forensics.custody.SigningKey;
import dev.forensics.exercise.BuildException;
import dev.forensics.exercise.ExerciseBuilder;
import dev.forensics.exercise.ExerciseSet;
import dev.forensics.exercise.Roster;
import dev.forensics.exercise.RosterException;
import dev.forensics.exercise.Scenario;
import dev.forensics.exercise.ScenarioException;
import dev.forensics.exercise.Variant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code forensics exercise build}: make an exercise set (or one per student) from a scenario. */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false)
final class ExerciseBuildCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", descriptionKey = "exercise.build.scenario")
  String scenario;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", descriptionKey = "exercise.build.output")
  Path output;

  @Option(names = "--seed", paramLabel = "N", descriptionKey = "exercise.build.seed")
  Long seed;

  @ArgGroup(exclusive = true)
  Who who;

  static final class Who {
    @Option(names = "--variant", paramLabel = "K", descriptionKey = "exercise.build.variant")
    Integer variant;

    @Option(names = "--roster", paramLabel = "FILE", descriptionKey = "exercise.build.roster")
    Path roster;
  }

  @Option(names = "--force", descriptionKey = "exercise.build.force")
  boolean force;

  @Option(names = "--key", paramLabel = "FILE", descriptionKey = "exercise.build.key")
  Path key;

  @Option(names = "--passphrase-env", paramLabel = "VAR", descriptionKey = "custody.passphraseEnv")
  String passphraseEnv;

  @Override
  public Integer call() throws IOException {
    if (who != null && who.variant != null && who.variant < 1) {
      throw new ParameterException(spec.commandLine(), Messages.get("exercise.error.variant", who.variant));
    }
    Optional<SigningKey> trainer = key == null ? Optional.empty() : Optional.of(CustodyCommand.readKey(spec, key, passphraseEnv));
    ExerciseBuilder.Options options = new ExerciseBuilder.Options(force, trainer);
    List<ExerciseSet> sets;
    try {
      Scenario s = ExerciseCommand.scenario(scenario);
      if (seed != null) {
        s = s.withSeed(seed);
      }
      if (who != null && who.roster != null) {
        sets = ExerciseBuilder.buildRoster(s, Roster.read(who.roster), output, options);
      } else {
        Optional<Variant> v = who == null || who.variant == null ? Optional.empty() : Optional.of(Variant.number(who.variant));
        sets = List.of(ExerciseBuilder.build(s, v, Optional.empty(), output, options));
      }
    } catch (ScenarioException | RosterException | BuildException e) {
      spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    ExerciseRenderer.built(sets, spec.commandLine().getOut());
    return ExitCodes.OK;
  }
}
