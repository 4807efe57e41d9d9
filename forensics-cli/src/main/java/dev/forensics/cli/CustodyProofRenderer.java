package dev.forensics.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.forensics.checkpoint.Checkpoint;
import dev.forensics.checkpoint.NoteParseException;
import dev.forensics.checkpoint.SignedNote;
import dev.forensics.checkpoint.TlogConsistencyProof;
import dev.forensics.checkpoint.TlogProof;
import dev.forensics.custody.LedgerEntry;
import dev.forensics.custody.LedgerProofs;
import dev.forensics.custody.LedgerVerification;
import dev.forensics.timestamp.TimestampClient;
import dev.forensics.timestamp.VerifiedTimestamp;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** Text and JSON output of the custody checkpoint and proof commands. */
final class CustodyProofRenderer {

  private CustodyProofRenderer() {}

  static void checkpoint(Path ledger, LedgerVerification v, Checkpoint c, SignedNote note, String signer,
      Optional<Path> file, Optional<TimestampClient.Stamp> stamp, OutputFormat format, PrintWriter out)
      throws IOException {
    if (format == OutputFormat.json) {
      JsonGenerator g = json(out);
      g.writeStartObject();
      g.writeStringField("ledger", ledger.toString());
      g.writeStringField("case", v.caseNumber().orElse(null));
      checkpointFields(g, c);
      g.writeStringField("signer", signer);
      g.writeStringField("file", file.map(Path::toString).orElse(null));
      if (file.isEmpty()) {
        g.writeStringField("note", note.encode());
      }
      g.writeFieldName("timestamp");
      if (stamp.isPresent()) {
        timestamp(g, stamp.get().timestamp());
        g.writeStringField("tokenFile", CustodyProofFiles.tokenBeside(file.orElseThrow()).toString());
        g.writeEndObject();
      } else {
        g.writeNull();
      }
      g.writeEndObject();
      g.flush();
      out.println();
      return;
    }
    if (file.isEmpty()) {
      out.print(note.encode());
      return;
    }
    out.println(Messages.get("custody.checkpoint.done", c.size(), v.caseNumber().orElse("?"), file.get()));
    out.println(Messages.get("custody.checkpoint.root", c.origin(), c.root().base64(), signer));
    stamp.ifPresent(s -> out.println(Messages.get("custody.checkpoint.timestamp", s.timestamp().time(),
        s.timestamp().tsaSubject(), CustodyProofFiles.tokenBeside(file.get()))));
  }

  static void inclusionWritten(TlogProof p, Path file, OutputFormat format, PrintWriter out) throws IOException {
    Checkpoint c = parse(p.checkpoint());
    if (format == OutputFormat.json) {
      proofJson("inclusion", "entry", p.index(), c, p.hashes().size(), file, out);
      return;
    }
    out.println(Messages.get("custody.prove.inclusion", p.index(), c.size(), p.hashes().size(), file));
  }

  static void consistencyWritten(TlogConsistencyProof p, Path file, OutputFormat format, PrintWriter out)
      throws IOException {
    Checkpoint c = parse(p.checkpoint());
    if (format == OutputFormat.json) {
      proofJson("consistency", "oldSize", p.oldSize(), c, p.hashes().size(), file, out);
      return;
    }
    out.println(Messages.get("custody.prove.consistency", p.oldSize(), c.size(), p.hashes().size(), file));
  }

  /** The JSON line of a written proof: its kind, what it proves ({@code field}), the checkpoint, its size. */
  private static void proofJson(String kind, String field, long value, Checkpoint c, int hashes, Path file,
      PrintWriter out) throws IOException {
    JsonGenerator g = json(out);
    g.writeStartObject();
    g.writeStringField("kind", kind);
    g.writeNumberField(field, value);
    checkpointFields(g, c);
    g.writeNumberField("proofHashes", hashes);
    g.writeStringField("file", file.toString());
    g.writeEndObject();
    g.flush();
    out.println();
  }

  static void verified(Path file, LedgerProofs.Verified v, Optional<VerifiedTimestamp> ts, OutputFormat format,
      PrintWriter out) throws IOException {
    Checkpoint c = v.checkpoint();
    if (format == OutputFormat.json) {
      JsonGenerator g = json(out);
      g.writeStartObject();
      g.writeStringField("file", file.toString());
      g.writeBooleanField("verified", true);
      g.writeStringField("kind", v.kind().name().toLowerCase(java.util.Locale.ROOT));
      checkpointFields(g, c);
      if (v.entry().isPresent()) {
        LedgerEntry e = v.entry().get();
        g.writeObjectFieldStart("entry");
        g.writeNumberField("seq", e.seq());
        g.writeStringField("type", e.type().id());
        g.writeStringField("item", e.item().orElse(null));
        g.writeStringField("actor", e.actor());
        g.writeStringField("time", e.time().toString());
        g.writeStringField("hash", e.hashHex());
        g.writeEndObject();
      }
      if (v.older().isPresent()) {
        g.writeObjectFieldStart("older");
        g.writeNumberField("size", v.older().get().size());
        g.writeStringField("root", v.older().get().root().base64());
        g.writeEndObject();
      }
      g.writeFieldName("timestamp");
      if (ts.isPresent()) {
        timestamp(g, ts.get());
        g.writeEndObject();
      } else {
        g.writeNull();
      }
      g.writeEndObject();
      g.flush();
      out.println();
      return;
    }
    out.println(Messages.get("custody.verifyProof.checkpointLine", c.origin(), c.size(), c.root().base64()));
    v.entry().ifPresent(e -> out.println(Messages.get("custody.verifyProof.entry", e.seq(), e.type().id(),
        e.item().orElse("-"), e.actor(), e.time().toString())));
    v.older().ifPresent(o -> out.println(Messages.get("custody.verifyProof.older", o.size(), o.root().base64())));
    ts.ifPresent(t -> out.println(Messages.get("custody.verifyProof.timestampLine", t.time(), t.tsaSubject())));
    out.println(Messages.get("custody.verifyProof.ok." + v.kind().name().toLowerCase(java.util.Locale.ROOT)));
  }

  static void failed(Path file, String reason, String message, OutputFormat format, PrintWriter out)
      throws IOException {
    if (format == OutputFormat.json) {
      JsonGenerator g = json(out);
      g.writeStartObject();
      g.writeStringField("file", file.toString());
      g.writeBooleanField("verified", false);
      g.writeStringField("reason", reason.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      g.writeStringField("message", message);
      g.writeEndObject();
      g.flush();
      out.println();
      return;
    }
    out.println(Messages.get("custody.verifyProof.failed", reason.toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
        message));
  }

  private static void checkpointFields(JsonGenerator g, Checkpoint c) throws IOException {
    g.writeStringField("origin", c.origin());
    g.writeNumberField("size", c.size());
    g.writeStringField("root", c.root().base64());
  }

  /** Opens the object; the caller may add fields and closes it. */
  private static void timestamp(JsonGenerator g, VerifiedTimestamp t) throws IOException {
    g.writeStartObject();
    g.writeStringField("time", t.time().toString());
    g.writeStringField("tsa", t.tsaSubject());
    g.writeStringField("serial", t.serialNumber().toString());
    g.writeStringField("policy", t.policy());
    g.writeStringField("hashAlgorithm", t.hashAlgorithm());
  }

  private static Checkpoint parse(SignedNote note) {
    try {
      return Checkpoint.parse(note.text());
    } catch (NoteParseException e) {
      throw new IllegalStateException("a proof's checkpoint was parsed before", e);
    }
  }

  private static JsonGenerator json(PrintWriter out) throws IOException {
    JsonGenerator g = new JsonFactory().createGenerator(out);
    g.useDefaultPrettyPrinter();
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return g;
  }
}
