package dev.forensics.custody;

import dev.forensics.checkpoint.Checkpoint;
import dev.forensics.checkpoint.NoteParseException;
import dev.forensics.checkpoint.NoteVerificationException;
import dev.forensics.checkpoint.NoteVerificationException.Reason;
import dev.forensics.checkpoint.NoteVerifier;
import dev.forensics.checkpoint.SignedNote;
import dev.forensics.checkpoint.TlogConsistencyProof;
import dev.forensics.checkpoint.TlogProof;
import dev.forensics.checkpoint.VerifierKey;
import dev.forensics.custody.internal.LineReader;
import dev.forensics.merkle.MerkleHash;
import dev.forensics.merkle.MerkleTree;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Offline proofs about a custody ledger, checked with only the proof file, a checkpoint and a custodian's
 * public key: that an entry is in the ledger a signed checkpoint describes (a c2sp.org/tlog-proof file whose
 * {@code extra} line carries the entry's line), and that a newer checkpoint extends an older one (a
 * consistency-proof file). Making a proof reads the ledger's lines once, keeping 32 bytes of Merkle hash per
 * entry (about 64 bytes with the inner nodes); it checks that the ledger still has the checkpoint's root.
 */
public final class LedgerProofs {

  private LedgerProofs() {}

  /**
   * The inclusion proof of entry {@code seq} in the ledger as {@code checkpoint} describes it; the entry's
   * line travels in the proof's {@code extra} line.
   *
   * @throws NoteParseException when the checkpoint's text is not a checkpoint
   * @throws NoteVerificationException when the entry is not below the checkpoint's size, or the ledger does
   *     not have the checkpoint's size and root (it was cut or rewritten since, or is another ledger)
   * @throws LedgerParseException when line {@code seq} is not a ledger entry with that sequence number
   */
  public static TlogProof inclusion(Path ledger, long seq, SignedNote checkpoint)
      throws IOException, NoteVerificationException {
    Checkpoint c = Checkpoint.parse(checkpoint.text());
    if (seq < 0 || seq >= c.size()) {
      throw new NoteVerificationException(Reason.SIZE_MISMATCH, "entry " + seq + " is not in the checkpoint of "
          + c.size() + " entries (0.." + (c.size() - 1) + ")");
    }
    Lines lines = readLines(ledger, c.size(), seq);
    checkRoot(ledger, lines.tree, c);
    try {
      LedgerEntry e = LedgerEntry.parse(lines.line);
      if (e.seq() != seq) {
        throw new LedgerParseException(ledger + ": line " + (seq + 1) + " has seq " + e.seq() + ", expected " + seq);
      }
    } catch (LedgerEntry.EntryException e) {
      throw new LedgerParseException(ledger + ": line " + (seq + 1) + ": not a ledger entry: " + e.getMessage());
    }
    var proof = lines.tree.inclusionProof(seq, c.size());
    return new TlogProof(lines.line, seq, proof.hashes(), checkpoint);
  }

  /**
   * The consistency proof that {@code newer} extends {@code older}, both checkpoints of {@code ledger}.
   *
   * @throws NoteParseException when a checkpoint's text is not a checkpoint
   * @throws NoteVerificationException when the origins differ, {@code older} is empty or larger than
   *     {@code newer}, or the ledger does not have both checkpoints' roots
   */
  public static TlogConsistencyProof consistency(Path ledger, SignedNote older, SignedNote newer)
      throws IOException, NoteVerificationException {
    Checkpoint o = Checkpoint.parse(older.text());
    Checkpoint n = Checkpoint.parse(newer.text());
    if (!o.origin().equals(n.origin())) {
      throw new NoteVerificationException(Reason.ORIGIN_MISMATCH, "the older checkpoint is for \"" + o.origin()
          + "\", the newer one for \"" + n.origin() + "\"");
    }
    if (o.size() == 0 || o.size() > n.size()) {
      throw new NoteVerificationException(Reason.SIZE_MISMATCH, "the older checkpoint has " + o.size()
          + " entries and the newer " + n.size() + ": a consistency proof needs 0 < older <= newer");
    }
    Lines lines = readLines(ledger, n.size(), -1);
    checkRoot(ledger, lines.tree, o);
    checkRoot(ledger, lines.tree, n);
    return TlogConsistencyProof.of(lines.tree.consistencyProof(o.size(), n.size()), newer);
  }

  /** What a proof file proved. */
  public enum Kind {
    /** A bare checkpoint: its signature and origin. */
    CHECKPOINT,
    /** An entry is in the ledger the checkpoint describes. */
    INCLUSION,
    /** The checkpoint extends an older, trusted one. */
    CONSISTENCY
  }

  /**
   * A verified proof file.
   *
   * @param checkpoint the verified checkpoint (the newer one for a consistency proof)
   * @param entry the proven entry (inclusion proofs)
   * @param older the trusted older checkpoint (consistency proofs)
   */
  public record Verified(Kind kind, Checkpoint checkpoint, Optional<LedgerEntry> entry, Optional<Checkpoint> older) {
    public Verified {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(checkpoint, "checkpoint");
      Objects.requireNonNull(entry, "entry");
      Objects.requireNonNull(older, "older");
    }
  }

  /**
   * Verifies a proof file (inclusion or consistency) or a bare signed checkpoint, offline.
   *
   * @param file the file's bytes; its kind is told by its first line
   * @param keys the public keys of custodians trusted to sign checkpoints
   * @param caseNumber the case the checkpoint must be for; when empty, any custody origin is accepted (the
   *     result names it: check it is the case you meant)
   * @param trustedOlder for a consistency proof, the older checkpoint the reader already trusts (it is
   *     verified with the same keys)
   * @throws NoteParseException when the file or a checkpoint is malformed, or an inclusion proof carries
   *     no ledger entry
   * @throws NoteVerificationException naming the reason: unknown key, bad signature, origin, size or root
   *     mismatch, bad proof
   * @throws IllegalArgumentException when a consistency proof is given without {@code trustedOlder}
   */
  public static Verified verify(byte[] file, Collection<CustodianKey> keys, Optional<String> caseNumber,
      Optional<SignedNote> trustedOlder) throws NoteParseException, NoteVerificationException {
    Objects.requireNonNull(file, "file");
    if (startsWith(file, TlogProof.MAGIC)) {
      TlogProof p = TlogProof.parse(file);
      String origin = origin(p.checkpoint(), caseNumber);
      byte[] line = p.extra();
      if (line == null) {
        throw new NoteParseException(2, "a custody inclusion proof carries the entry's line in an \"extra\" line");
      }
      Checkpoint c = p.verify(MerkleHash.ofLeaf(line), origin, verifier(origin, keys));
      LedgerEntry e;
      try {
        e = LedgerEntry.parse(line);
      } catch (LedgerEntry.EntryException x) {
        throw new NoteParseException(2, "the proven line is not a ledger entry: " + x.getMessage());
      }
      if (e.seq() != p.index()) {
        throw new NoteVerificationException(Reason.BAD_PROOF, "the proven entry has seq " + e.seq()
            + " but is at index " + p.index() + " of the ledger");
      }
      return new Verified(Kind.INCLUSION, c, Optional.of(e), Optional.empty());
    }
    if (startsWith(file, TlogConsistencyProof.MAGIC)) {
      TlogConsistencyProof p = TlogConsistencyProof.parse(file);
      SignedNote oldNote = trustedOlder.orElseThrow(() -> new IllegalArgumentException(
          "a consistency proof is checked against the older checkpoint you trust: give it"));
      String origin = origin(p.checkpoint(), caseNumber);
      NoteVerifier v = verifier(origin, keys);
      Checkpoint old = Checkpoint.open(oldNote.toBytes(), origin, v);
      Checkpoint c = p.verify(old, v);
      return new Verified(Kind.CONSISTENCY, c, Optional.empty(), Optional.of(old));
    }
    SignedNote note = SignedNote.parse(file);
    String origin = origin(note, caseNumber);
    return new Verified(Kind.CHECKPOINT, Checkpoint.open(file, origin, verifier(origin, keys)),
        Optional.empty(), Optional.empty());
  }

  /** The origin to expect: the case's, or else the note's own when it is a custody origin. */
  private static String origin(SignedNote note, Optional<String> caseNumber)
      throws NoteParseException, NoteVerificationException {
    if (caseNumber.isPresent()) {
      return LedgerCheckpoints.origin(caseNumber.get());
    }
    String origin = Checkpoint.parse(note.text()).origin();
    if (!origin.startsWith(LedgerCheckpoints.ORIGIN_PREFIX)) {
      throw new NoteVerificationException(Reason.ORIGIN_MISMATCH, "checkpoint origin \"" + origin
          + "\" is not a custody ledger's (" + LedgerCheckpoints.ORIGIN_PREFIX + "CASE)");
    }
    return origin;
  }

  private static NoteVerifier verifier(String origin, Collection<CustodianKey> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no public key to check the checkpoint's signature with");
    }
    List<VerifierKey> trusted = new ArrayList<>();
    for (CustodianKey k : keys) {
      trusted.add(LedgerCheckpoints.verifierKey(origin, k));
    }
    return NoteVerifier.of(trusted);
  }

  private static boolean startsWith(byte[] file, String magic) {
    byte[] m = (magic + "\n").getBytes(StandardCharsets.UTF_8);
    if (file.length < m.length) {
      return false;
    }
    for (int i = 0; i < m.length; i++) {
      if (file[i] != m[i]) {
        return false;
      }
    }
    return true;
  }

  private static void checkRoot(Path ledger, MerkleTree tree, Checkpoint c) throws NoteVerificationException {
    if (tree.size() < c.size()) {
      throw new NoteVerificationException(Reason.SIZE_MISMATCH, ledger + " has " + tree.size()
          + " entries but the checkpoint has " + c.size() + ": entries were removed since (truncated or rolled back)");
    }
    MerkleHash root = tree.root(c.size());
    if (!root.equals(c.root())) {
      throw new NoteVerificationException(Reason.ROOT_MISMATCH, "the first " + c.size() + " entries of " + ledger
          + " have Merkle root " + root.base64() + " but the checkpoint has " + c.root().base64()
          + ": the ledger was rewritten since the checkpoint (a fork), or it is another ledger");
    }
  }

  /** The Merkle tree of the first {@code count} complete lines, and the line at {@code keep} (or null). */
  private record Lines(MerkleTree tree, byte[] line) {}

  private static Lines readLines(Path ledger, long count, long keep) throws IOException {
    MerkleTree tree = MerkleTree.create();
    byte[] kept = null;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(ledger), 1 << 16)) {
      LineReader r = new LineReader(in, 0);
      byte[] line;
      while (tree.size() < count && (line = r.next()) != null) {
        if (tree.size() == keep) {
          kept = line;
        }
        tree.append(line);
      }
    }
    return new Lines(tree, kept);
  }
}
