package dev.forensics.cli;

import dev.forensics.custody.Custodian;
import dev.forensics.custody.CustodianKeys;
import dev.forensics.custody.Ledger;
import dev.forensics.custody.SigningKey;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code forensics custody init}: open a new case ledger. */
@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false)
final class CustodyInitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LEDGER", descriptionKey = "custody.ledger")
  Path ledger;

  @Option(names = "--case", required = true, paramLabel = "CASE", descriptionKey = "custody.init.case")
  String caseNumber;

  @Option(names = "--title", paramLabel = "TEXT", descriptionKey = "custody.init.title")
  String title;

  @Option(names = "--key", required = true, paramLabel = "FILE", descriptionKey = "custody.key")
  Path key;

  @Option(names = "--passphrase-env", paramLabel = "VAR", descriptionKey = "custody.passphraseEnv")
  String passphraseEnv;

  @Option(names = "--custodian", paramLabel = "PUB", descriptionKey = "custody.init.custodian")
  List<Path> custodians = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    SigningKey k = CustodyCommand.readKey(spec, key, passphraseEnv);
    List<Custodian> listed = new ArrayList<>();
    for (Path p : custodians) {
      listed.add(CustodianKeys.readPublic(p));
    }
    Ledger l;
    try {
      l = Ledger.create(ledger, caseNumber, Optional.ofNullable(title), k, listed, Clock.systemDefaultZone());
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new ParameterException(spec.commandLine(), Messages.get("custody.error.exists", ledger));
    } catch (dev.forensics.custody.InvalidEventException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    spec.commandLine().getOut().println(Messages.get("custody.init.done", ledger, l.caseNumber(), l.head()));
    return ExitCodes.OK;
  }
}
