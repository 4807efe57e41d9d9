package dev.forensics.cli;

import dev.forensics.custody.LedgerVerification;
import dev.forensics.custody.LedgerVerifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code forensics custody status}: who holds each item now, where, and its last re-hash. */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false)
final class CustodyStatusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin OutputMixin output;

  @Parameters(index = "0", paramLabel = "LEDGER", descriptionKey = "custody.ledger")
  Path ledger;

  @Option(names = "--keys", paramLabel = "DIR", descriptionKey = "custody.keys")
  Path keys;

  @Override
  public Integer call() throws IOException {
    LedgerVerification v = LedgerVerifier.verify(ledger, CustodyCommand.keysFolder(spec, keys), Optional.empty(), e -> {});
    CustodyRenderer.status(v, output.format, spec.commandLine().getOut());
    return v.intact() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
