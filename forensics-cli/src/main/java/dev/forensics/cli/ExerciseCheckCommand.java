package dev.forensics.cli;

import dev.forensics.exercise.ExerciseCheck;
import dev.forensics.exercise.ExerciseChecker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code forensics exercise check}: re-verify an exercise set against its MANIFEST and its ledger. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false)
final class ExerciseCheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin OutputMixin output;

  @Parameters(index = "0", paramLabel = "OUT", descriptionKey = "exercise.check.folder")
  Path folder;

  @Option(names = "--keys", paramLabel = "DIR", descriptionKey = "custody.keys")
  Path keys;

  @Override
  public Integer call() throws IOException {
    ExerciseCheck check = ExerciseChecker.check(folder, CustodyCommand.keysFolder(spec, keys));
    ExerciseRenderer.check(check, output.format, spec.commandLine().getOut());
    return check.passed() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
