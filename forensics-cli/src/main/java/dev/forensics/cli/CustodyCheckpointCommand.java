package dev.forensics.cli;

import dev.forensics.checkpoint.Checkpoint;
import dev.forensics.checkpoint.NoteParseException;
import dev.forensics.checkpoint.SignedNote;
import dev.forensics.custody.LedgerCheckpoints;
import dev.forensics.custody.SigningKey;
import dev.forensics.timestamp.TimestampClient;
import dev.forensics.timestamp.TimestampVerificationException;
import dev.forensics.timestamp.TimestampVerifier;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code forensics custody checkpoint}: sign a C2SP checkpoint of a verified ledger, optionally time-stamped. */
@Command(name = "checkpoint", mixinStandardHelpOptions = true, sortOptions = false)
final class CustodyCheckpointCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin OutputMixin output;

  @Parameters(index = "0", paramLabel = "LEDGER", descriptionKey = "custody.ledger")
  Path ledger;

  @Option(names = "--key", required = true, paramLabel = "FILE", descriptionKey = "custody.checkpoint.key")
  Path key;

  @Option(names = "--passphrase-env", paramLabel = "VAR", descriptionKey = "custody.passphraseEnv")
  String passphraseEnv;

  @Option(names = "--keys", paramLabel = "DIR", descriptionKey = "custody.keys")
  Path keys;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", descriptionKey = "custody.checkpoint.output")
  Path out;

  @Option(names = "--tsa", paramLabel = "URL", descriptionKey = "custody.checkpoint.tsa")
  URI tsa;

  @Option(names = "--tsa-ca", paramLabel = "CERT", descriptionKey = "custody.checkpoint.tsaCa")
  Path tsaCa;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (output.format == OutputFormat.csv) {
      throw new ParameterException(spec.commandLine(), Messages.get("custody.error.noCsv"));
    }
    if (tsa != null && (out == null || tsaCa == null)) {
      throw new ParameterException(spec.commandLine(), Messages.get("custody.checkpoint.error.tsaNeeds"));
    }
    CustodyProofFiles.refuseExisting(spec, out);
    if (tsa != null) {
      CustodyProofFiles.refuseExisting(spec, CustodyProofFiles.tokenBeside(out));
    }
    TimestampClient client = null;
    if (tsa != null) {
      try {
        client = TimestampClient.of(tsa, Duration.ofSeconds(30),
            TimestampVerifier.of(CustodyProofFiles.readCertificates(spec, tsaCa)));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--tsa: " + e.getMessage());
      }
    }
    SigningKey k = CustodyCommand.readKey(spec, key, passphraseEnv);
    LedgerCheckpoints.Signed signed;
    try {
      signed = LedgerCheckpoints.sign(ledger, CustodyCommand.keysFolder(spec, keys), k);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    var err = spec.commandLine().getErr();
    if (signed.checkpoint().isEmpty()) {
      signed.verification().problem().ifPresent(p -> err.println(Messages.get("custody.verify.firstBad", p)));
      err.println(Messages.get("custody.checkpoint.refused", ledger));
      return ExitCodes.FAILED;
    }
    SignedNote note = signed.checkpoint().get();
    Checkpoint c;
    try {
      c = Checkpoint.parse(note.text());
    } catch (NoteParseException e) {
      throw new IllegalStateException("a checkpoint just made does not parse", e);
    }
    Optional<TimestampClient.Stamp> stamp = Optional.empty();
    if (client != null) {
      try {
        stamp = Optional.of(client.stamp(c.bodyBytes()));
      } catch (TimestampVerificationException e) {
        err.println(Messages.get("custody.checkpoint.tsaFailed", tsa, e.reason(), e.getMessage()));
        return ExitCodes.FAILED;
      }
    }
    if (out != null) {
      CustodyProofFiles.writeNew(spec, out, note.toBytes());
      if (stamp.isPresent()) {
        CustodyProofFiles.writeNew(spec, CustodyProofFiles.tokenBeside(out), stamp.get().token());
      }
    }
    CustodyProofRenderer.checkpoint(ledger, signed.verification(), c, note, k.name(),
        Optional.ofNullable(out), stamp, output.format, spec.commandLine().getOut());
    return ExitCodes.OK;
  }
}
