package dev.forensics.cli;

import dev.forensics.checkpoint.NoteVerificationException;
import dev.forensics.checkpoint.SignedNote;
import dev.forensics.checkpoint.TlogConsistencyProof;
import dev.forensics.checkpoint.TlogProof;
import dev.forensics.custody.LedgerCheckpoints;
import dev.forensics.custody.LedgerProofs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code forensics custody prove}: write an inclusion or consistency proof for a ledger. */
@Command(name = "prove", mixinStandardHelpOptions = true, sortOptions = false)
final class CustodyProveCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin OutputMixin output;

  @Parameters(index = "0", paramLabel = "LEDGER", descriptionKey = "custody.ledger")
  Path ledger;

  /** What to prove: one entry, or that the ledger extends an older checkpoint. */
  static final class What {
    @Option(names = "--entry", required = true, paramLabel = "SEQ", descriptionKey = "custody.prove.entry")
    Long entry;

    @Option(names = "--since", required = true, paramLabel = "OLD", descriptionKey = "custody.prove.since")
    Path since;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  /** The checkpoint the proof leads to: a saved one, or a new one signed now. */
  static final class To {
    @Option(names = "--checkpoint", required = true, paramLabel = "FILE", descriptionKey = "custody.prove.checkpoint")
    Path checkpoint;

    @Option(names = "--key", required = true, paramLabel = "FILE", descriptionKey = "custody.prove.key")
    Path key;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  To to;

  @Option(names = "--passphrase-env", paramLabel = "VAR", descriptionKey = "custody.passphraseEnv")
  String passphraseEnv;

  @Option(names = "--keys", paramLabel = "DIR", descriptionKey = "custody.keys")
  Path keys;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", descriptionKey = "custody.prove.output")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (output.format == OutputFormat.csv) {
      throw new ParameterException(spec.commandLine(), Messages.get("custody.error.noCsv"));
    }
    CustodyProofFiles.refuseExisting(spec, out);
    var err = spec.commandLine().getErr();
    SignedNote checkpoint;
    if (to.checkpoint != null) {
      checkpoint = CustodyProofFiles.readNote(spec, to.checkpoint);
    } else {
      LedgerCheckpoints.Signed signed;
      try {
        signed = LedgerCheckpoints.sign(ledger, CustodyCommand.keysFolder(spec, keys),
            CustodyCommand.readKey(spec, to.key, passphraseEnv));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      if (signed.checkpoint().isEmpty()) {
        signed.verification().problem().ifPresent(p -> err.println(Messages.get("custody.verify.firstBad", p)));
        err.println(Messages.get("custody.checkpoint.refused", ledger));
        return ExitCodes.FAILED;
      }
      checkpoint = signed.checkpoint().get();
    }
    try {
      if (what.entry != null) {
        TlogProof p = LedgerProofs.inclusion(ledger, what.entry, checkpoint);
        CustodyProofFiles.writeNew(spec, out, p.toBytes());
        CustodyProofRenderer.inclusionWritten(p, out, output.format, spec.commandLine().getOut());
      } else {
        SignedNote older = CustodyProofFiles.readNote(spec, what.since);
        TlogConsistencyProof p = LedgerProofs.consistency(ledger, older, checkpoint);
        CustodyProofFiles.writeNew(spec, out, p.toBytes());
        CustodyProofRenderer.consistencyWritten(p, out, output.format, spec.commandLine().getOut());
      }
    } catch (NoteVerificationException e) {
      err.println(Messages.get("custody.prove.mismatch", e.getMessage()));
      return ExitCodes.FAILED;
    } catch (dev.forensics.checkpoint.NoteParseException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    return ExitCodes.OK;
  }
}
