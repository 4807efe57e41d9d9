package dev.forensics.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root {@code forensics} command: lists the subcommands and wires exit codes and error handling. */
@Command(
    name = "forensics",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    resourceBundle = Messages.BUNDLE,
    sortOptions = false,
    subcommands = {
      HashCommand.class,
      VerifyCommand.class,
      ImageCommand.class,
      CustodyCommand.class,
      TriageCommand.class,
      ExerciseCommand.class,
      GradeCommand.class,
      CommandLine.HelpCommand.class,
      CompletionCommand.class
    })
public final class ForensicsCli {

  @Option(names = "--stacktrace", descriptionKey = "stacktrace", scope = ScopeType.INHERIT)
  boolean stacktrace;

  /** A command line writing to {@code out} and {@code err}, with exit codes and one-line errors. */
  public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new ForensicsCli());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setExitCodeExceptionMapper(ErrorHandler::exitCode);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }
}
