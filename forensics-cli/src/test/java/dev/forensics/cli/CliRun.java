package dev.forensics.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real command line in-process and captures exit code, stdout and stderr. */
record CliRun(int exit, String out, String err) {

  /** Runs {@code args} as {@code Main} does (only the named subcommand is built). */
  static CliRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ForensicsCli.forArgs(args, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Runs {@code args} and asserts exit code 0, naming the command and its output when it is not. */
  static CliRun ok(String... args) {
    CliRun r = run(args);
    org.assertj.core.api.Assertions.assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
    return r;
  }

  /** Runs {@code args} on the command line with every subcommand. */
  static CliRun runFull(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        ForensicsCli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
