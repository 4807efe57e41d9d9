package dev.forensics.cli;

import dev.forensics.checkpoint.NoteParseException;
import dev.forensics.checkpoint.NoteVerificationException;
import dev.forensics.checkpoint.SignedNote;
import dev.forensics.custody.CustodianKey;
import dev.forensics.custody.CustodianKeys;
import dev.forensics.custody.LedgerProofs;
import dev.forensics.timestamp.TimestampVerificationException;
import dev.forensics.timestamp.TimestampVerifier;
import dev.forensics.timestamp.VerifiedTimestamp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code forensics custody verify-proof}: check a proof file or a checkpoint offline, with a custodian's public key. */
@Command(name = "verify-proof", mixinStandardHelpOptions = true, sortOptions = false)
final class CustodyVerifyProofCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin OutputMixin output;

  @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "custody.verifyProof.file")
  Path file;

  @Option(names = "--key", required = true, paramLabel = "PUB", descriptionKey = "custody.verifyProof.key")
  List<Path> keys = new ArrayList<>();

  @Option(names = "--case", paramLabel = "CASE", descriptionKey = "custody.verifyProof.case")
  String caseNumber;

  @Option(names = "--checkpoint", paramLabel = "OLD", descriptionKey = "custody.verifyProof.checkpoint")
  Path older;

  @Option(names = "--timestamp", paramLabel = "TST", descriptionKey = "custody.verifyProof.timestamp")
  Path timestamp;

  @Option(names = "--tsa-ca", paramLabel = "CERT", descriptionKey = "custody.checkpoint.tsaCa")
  Path tsaCa;

  @Override
  public Integer call() throws IOException {
    if (output.format == OutputFormat.csv) {
      throw new ParameterException(spec.commandLine(), Messages.get("custody.error.noCsv"));
    }
    if ((timestamp == null) != (tsaCa == null)) {
      throw new ParameterException(spec.commandLine(), Messages.get("custody.verifyProof.error.timestampNeeds"));
    }
    List<CustodianKey> trusted = new ArrayList<>();
    for (Path p : keys) {
      trusted.add(CustodianKeys.readPublic(p).key());
    }
    Optional<SignedNote> old = older == null ? Optional.empty() : Optional.of(CustodyProofFiles.readNote(spec, older));
    TimestampVerifier tsv = tsaCa == null ? null : TimestampVerifier.of(CustodyProofFiles.readCertificates(spec, tsaCa));
    byte[] bytes = Files.readAllBytes(file);
    byte[] token = timestamp == null ? null : Files.readAllBytes(timestamp);
    var out = spec.commandLine().getOut();
    LedgerProofs.Verified v;
    try {
      v = LedgerProofs.verify(bytes, trusted, Optional.ofNullable(caseNumber), old);
    } catch (NoteParseException e) {
      throw new ParameterException(spec.commandLine(), Messages.get("custody.proof.error.malformed", file, e.getMessage()));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    } catch (NoteVerificationException e) {
      CustodyProofRenderer.failed(file, e.reason().name(), e.getMessage(), output.format, out);
      return ExitCodes.FAILED;
    }
    Optional<VerifiedTimestamp> ts = Optional.empty();
    if (tsv != null) {
      try {
        ts = Optional.of(tsv.verify(token, v.checkpoint().bodyBytes(), null));
      } catch (TimestampVerificationException e) {
        CustodyProofRenderer.failed(file, "TIMESTAMP_" + e.reason().name(), e.getMessage(), output.format, out);
        return ExitCodes.FAILED;
      }
    }
    CustodyProofRenderer.verified(file, v, ts, output.format, out);
    return ExitCodes.OK;
  }
}
