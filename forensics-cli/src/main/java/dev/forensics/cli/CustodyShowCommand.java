package dev.forensics.cli;

import dev.forensics.custody.LedgerEntry;
import dev.forensics.custody.LedgerVerification;
import dev.forensics.custody.LedgerVerifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code forensics custody show}: each item's timeline. */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false)
final class CustodyShowCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin OutputMixin output;

  @Parameters(index = "0", paramLabel = "LEDGER", descriptionKey = "custody.ledger")
  Path ledger;

  @Option(names = {"-i", "--item"}, paramLabel = "EXHIBIT", descriptionKey = "custody.show.item")
  String item;

  @Option(names = "--keys", paramLabel = "DIR", descriptionKey = "custody.keys")
  Path keys;

  @Override
  public Integer call() throws IOException {
    if (output.format == OutputFormat.csv) {
      throw new ParameterException(spec.commandLine(), Messages.get("custody.error.noCsv"));
    }
    Map<String, List<LedgerEntry>> timelines = new TreeMap<>();
    List<LedgerEntry> caseNotes = new ArrayList<>();
    LedgerVerification v = LedgerVerifier.verify(ledger, CustodyCommand.keysFolder(spec, keys), Optional.empty(), e -> {
      if (e.item().isPresent()) {
        if (item == null || item.equals(e.item().get())) {
          timelines.computeIfAbsent(e.item().get(), k -> new ArrayList<>()).add(e);
        }
      } else if (item == null && e.seq() > 0) {
        caseNotes.add(e);
      }
    });
    if (item != null && timelines.isEmpty()) {
      throw new ParameterException(spec.commandLine(), Messages.get("custody.error.unknownItem", item));
    }
    CustodyRenderer.timelines(v, timelines, caseNotes, output.format, spec.commandLine().getOut());
    return v.intact() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
