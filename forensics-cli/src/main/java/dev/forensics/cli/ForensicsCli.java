package dev.forensics.cli;

import java.io.PrintWriter;
import java.util.List;
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
    sortOptions = false)
public final class ForensicsCli {

  /** The subcommands, in the order the help lists them. */
  private static final List<Class<?>> SUBCOMMANDS = List.of(
      HashCommand.class,
      VerifyCommand.class,
      ImageCommand.class,
      CustodyCommand.class,
      TriageCommand.class,
      ExerciseCommand.class,
      GradeCommand.class,
      CommandLine.HelpCommand.class,
      CompletionCommand.class);

  @Option(names = "--stacktrace", descriptionKey = "stacktrace", scope = ScopeType.INHERIT)
  boolean stacktrace;

  /** A command line with every subcommand, writing to {@code out} and {@code err}, with exit codes and one-line errors. */
  public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
    return newCommandLine(out, err, SUBCOMMANDS);
  }

  /**
   * A command line for running {@code args}: when they start with the name of a subcommand other than
   * {@code help} and {@code completion} (which need them all), only that subcommand is built, and for
   * {@code --version} alone none. Building the model of every command (reflection over each class,
   * resource bundle look-ups) is most of the start-up time of a short run.
   */
  public static CommandLine forArgs(String[] args, PrintWriter out, PrintWriter err) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      return newCommandLine(out, err, List.of()); // the version needs no subcommand
    }
    Class<?> c = args.length > 0 ? subcommand(args[0]) : null;
    return c != null ? newCommandLine(out, err, List.of(c)) : newCommandLine(out, err);
  }

  /** The class of the subcommand named {@code name}, or null (also for {@code help} and {@code completion}). */
  static Class<?> subcommand(String name) {
    for (Class<?> c : SUBCOMMANDS) {
      Command command = c.getAnnotation(Command.class);
      if (command.name().equals(name) && c != CommandLine.HelpCommand.class && c != CompletionCommand.class) {
        return c;
      }
    }
    return null;
  }

  private static CommandLine newCommandLine(PrintWriter out, PrintWriter err, List<Class<?>> subcommands) {
    CommandLine cl = new CommandLine(new ForensicsCli());
    for (Class<?> c : subcommands) {
      cl.addSubcommand(c);
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setExitCodeExceptionMapper(ErrorHandler::exitCode);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }
}
