package dev.forensics.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the {@code forensics} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    StartupWarmer.start(args); // start-up work on the second core meanwhile
    StdoutWriter out = StdoutWriter.open();
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = ForensicsCli.forArgs(args, out, err).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
