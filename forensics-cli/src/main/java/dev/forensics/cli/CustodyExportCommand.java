package dev.forensics.cli;

import dev.forensics.custody.CaseExport;
import dev.forensics.custody.CustodyReport;
import dev.forensics.custody.CustodyViolationException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code forensics custody export}: the ledger as CASE/UCO JSON-LD, a printable HTML report, or CSV. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false)
final class CustodyExportCommand implements Callable<Integer> {

  /** What {@code export} writes. */
  enum ExportFormat {
    /** CASE/UCO 1.4 JSON-LD. */
    CASE,
    /** A self-contained, printable HTML custody report. */
    HTML,
    /** RFC 4180 CSV, one row per event. */
    CSV
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LEDGER", descriptionKey = "custody.ledger")
  Path ledger;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", descriptionKey = "custody.export.format", defaultValue = "html")
  ExportFormat format;

  /** The file to write; none or {@code -}: standard output. */
  @Option(names = {"-o", "--output"}, paramLabel = "FILE", descriptionKey = "custody.export.output")
  Path output;

  @Option(names = "--force", descriptionKey = "custody.export.force")
  boolean force;

  @Option(names = "--keys", paramLabel = "DIR", descriptionKey = "custody.keys")
  Path keys;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (output != null && Files.exists(output) && Files.exists(ledger) && Files.isSameFile(output, ledger)) {
      throw new ParameterException(spec.commandLine(), Messages.get("custody.export.error.outputIsLedger", output));
    }
    CustodyReport report = CustodyReport.read(ledger, CustodyCommand.keysFolder(spec, keys));
    if (!report.intact() && format == ExportFormat.CASE) {
      err.println(spec.qualifiedName() + ": " + Messages.get("custody.export.notIntactCase",
          report.verification().problem().map(Object::toString).orElse("")));
      err.flush();
      return ExitCodes.FAILED;
    }
    try (HashCommand.OutputTarget target = HashCommand.OutputTarget.open(output, force, spec.commandLine())) {
      switch (format) {
        case CASE -> {
          try {
            CaseExport.write(report, target.stream());
          } catch (CustodyViolationException e) {
            throw new IllegalStateException("checked above", e);
          }
        }
        case HTML, CSV -> {
          Writer w = new OutputStreamWriter(target.stream(), StandardCharsets.UTF_8);
          if (format == ExportFormat.HTML) {
            CustodyReportHtml.write(report, w);
          } else {
            CustodyReportCsv.write(report, w);
          }
          w.flush();
        }
      }
      target.commit();
    }
    if (output != null && !output.toString().equals("-")) {
      spec.commandLine().getOut().println(Messages.get("custody.export.written", output,
          format.name().toLowerCase(java.util.Locale.ROOT), report.verification().entries()));
    }
    if (!report.intact()) {
      err.println(spec.qualifiedName() + ": " + Messages.get("custody.export.notIntact",
          report.verification().problem().map(Object::toString).orElse("")));
      err.flush();
      return ExitCodes.FAILED;
    }
    return ExitCodes.OK;
  }
}
