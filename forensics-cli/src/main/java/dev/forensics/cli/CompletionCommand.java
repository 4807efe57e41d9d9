package dev.forensics.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code forensics completion bash}: prints a completion script for bash (and zsh with bashcompinit). */
@Command(name = "completion", mixinStandardHelpOptions = true, sortOptions = false)
final class CompletionCommand implements Callable<Integer> {

  enum Shell {
    bash,
    zsh
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SHELL", descriptionKey = "completion.shell", defaultValue = "bash")
  Shell shell;

  @Override
  public Integer call() {
    String script = AutoComplete.bash("forensics", spec.root().commandLine());
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
