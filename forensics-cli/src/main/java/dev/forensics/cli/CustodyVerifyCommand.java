package dev.forensics.cli;

import dev.forensics.custody.LedgerHead;
import dev.forensics.custody.LedgerVerification;
import dev.forensics.custody.LedgerCheckpoints;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code forensics custody verify}: check a ledger's chain, signatures and custody continuity. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false)
final class CustodyVerifyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin OutputMixin output;

  @Parameters(index = "0", paramLabel = "LEDGER", descriptionKey = "custody.ledger")
  Path ledger;

  @Option(names = "--keys", paramLabel = "DIR", descriptionKey = "custody.keys")
  Path keys;

  @Option(names = "--head", paramLabel = "SEQ:HASH", descriptionKey = "custody.verify.head")
  String head;

  @Option(names = "--checkpoint", paramLabel = "FILE", descriptionKey = "custody.verify.checkpoint")
  Path checkpoint;

  @Override
  public Integer call() throws IOException {
    Optional<LedgerHead> h;
    try {
      h = head == null ? Optional.empty() : Optional.of(LedgerHead.parse(head));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--head: " + e.getMessage());
    }
    if (output.format == OutputFormat.csv) {
      throw new ParameterException(spec.commandLine(), Messages.get("custody.error.noCsv"));
    }
    Optional<dev.forensics.checkpoint.SignedNote> c =
        checkpoint == null ? Optional.empty() : Optional.of(CustodyProofFiles.readNote(spec, checkpoint));
    LedgerVerification v = LedgerCheckpoints.verify(ledger, CustodyCommand.keysFolder(spec, keys), h, c);
    CustodyRenderer.verification(v, output.format, spec.commandLine().getOut());
    return v.intact() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
