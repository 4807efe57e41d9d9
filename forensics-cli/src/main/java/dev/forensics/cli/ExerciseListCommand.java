package dev.forensics.cli;

import dev.forensics.exercise.BundledScenarios;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code forensics exercise list}: the scenarios that ship with the toolkit. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false)
final class ExerciseListCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin OutputMixin output;

  @Override
  public Integer call() throws IOException {
    ExerciseRenderer.list(BundledScenarios.list(), output.format, spec.commandLine().getOut());
    return ExitCodes.OK;
  }
}
