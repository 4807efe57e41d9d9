package dev.forensics.cli;

import dev.forensics.hash.ManifestParseException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one clear line on stderr and a documented exit code; the
 * stack trace only with {@code --stacktrace}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
    PrintWriter err = cl.getErr();
    int code = exitCode(ex);
    String message = ex instanceof UncheckedIOException u ? describe(u.getCause()) : describe(ex);
    if (code == ExitCodes.INTERNAL) {
      err.println(Messages.get("error.internal", cl.getCommandSpec().qualifiedName(), message));
    } else {
      err.println(cl.getCommandSpec().qualifiedName() + ": " + message);
    }
    if (parsed.originalArgs().contains("--stacktrace")) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  static String describe(Throwable t) {
    if (t instanceof java.nio.file.NoSuchFileException) {
      return Messages.get("error.noSuchFile", t.getMessage());
    }
    if (t instanceof java.nio.file.AccessDeniedException) {
      return Messages.get("error.accessDenied", t.getMessage());
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }

  /** The exit code for an exception. */
  static int exitCode(Throwable t) {
    Throwable c = t instanceof UncheckedIOException ? t.getCause() : t;
    if (c instanceof ManifestParseException
        || c instanceof CommandLine.ParameterException
        || c instanceof dev.forensics.image.ImageFormatException
        || c instanceof dev.forensics.image.AcquisitionLogException
        || c instanceof dev.forensics.custody.LedgerParseException
        || c instanceof dev.forensics.custody.KeyFileException) {
      return ExitCodes.USAGE;
    }
    if (c instanceof IOException) {
      return ExitCodes.UNREADABLE;
    }
    return ExitCodes.INTERNAL;
  }
}
