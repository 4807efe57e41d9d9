package dev.forensics.cli;

import picocli.CommandLine.Option;

/** The shared {@code --format text|json|csv} option of report-printing commands. */
final class OutputMixin {

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      descriptionKey = "output.format",
      defaultValue = "text")
  OutputFormat format;
}
