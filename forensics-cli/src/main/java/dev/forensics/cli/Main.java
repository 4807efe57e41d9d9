package dev.forensics.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the {@code forensics} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(
        ForensicsCli.forArgs(
                args,
                new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true))
            .execute(args));
  }
}
