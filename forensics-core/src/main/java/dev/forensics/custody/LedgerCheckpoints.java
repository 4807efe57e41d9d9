package dev.forensics.custody;

import dev.forensics.checkpoint.Checkpoint;
import dev.forensics.checkpoint.NoteParseException;
import dev.forensics.checkpoint.NoteSigner;
import dev.forensics.checkpoint.NoteVerificationException;
import dev.forensics.checkpoint.NoteVerifier;
import dev.forensics.checkpoint.SignedNote;
import dev.forensics.checkpoint.VerifierKey;
import dev.forensics.merkle.MerkleHash;
import dev.forensics.merkle.MerkleTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Signed C2SP checkpoints of a custody ledger: the RFC 9162 Merkle root over its entries (leaf {@code n}
 * is the line of entry {@code n} without its newline), signed by a custodian of the case; and
 * verification of a ledger against a checkpoint saved earlier, which finds entries removed since
 * (truncation, rollback) and a ledger rewritten since (a fork) even when every signature in it is valid.
 *
 * <p>A ledger's checkpoint origin is {@code forensics.custody/} followed by the case number, in which
 * every character other than ASCII letters, digits, {@code .}, {@code _}, {@code -} and {@code ~} is
 * written as {@code %XX} for each of its UTF-8 bytes; the note's key name is the origin (as C2SP
 * suggests), so one custodian key gives a different note key ID for every case.
 */
public final class LedgerCheckpoints {

  /** What every custody checkpoint origin starts with. */
  public static final String ORIGIN_PREFIX = "forensics.custody/";

  private LedgerCheckpoints() {}

  /** The checkpoint origin of the ledger of {@code caseNumber}. */
  public static String origin(String caseNumber) {
    Objects.requireNonNull(caseNumber, "caseNumber");
    if (caseNumber.isBlank()) {
      throw new IllegalArgumentException("the case number is empty");
    }
    StringBuilder sb = new StringBuilder(ORIGIN_PREFIX);
    for (byte b : caseNumber.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '-' || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return sb.toString();
  }

  /** The note verifier key of {@code custodian} for checkpoints of {@code origin}. */
  public static VerifierKey verifierKey(String origin, CustodianKey custodian) {
    return new VerifierKey(origin, custodian.raw());
  }

  /**
   * The outcome of {@link #sign}: the ledger's verification and, when it was intact, the checkpoint of all
   * its entries.
   */
  public record Signed(LedgerVerification verification, Optional<SignedNote> checkpoint) {
    public Signed {
      Objects.requireNonNull(verification, "verification");
      Objects.requireNonNull(checkpoint, "checkpoint");
    }
  }

  /**
   * Verifies {@code ledger} in full and, when it is intact, signs a checkpoint of all its entries with
   * {@code key}. A ledger that is not intact gets no checkpoint.
   *
   * @param keys public keys of custodians besides those in the init entry (a keys folder)
   * @param key the signing custodian's key: a custodian of the ledger
   * @throws IllegalArgumentException when {@code key} is not the key of a custodian of the ledger
   * @throws LedgerParseException when the file is not a ledger
   */
  public static Signed sign(Path ledger, Collection<Custodian> keys, SigningKey key) throws IOException {
    Objects.requireNonNull(key, "key");
    Read read = read(ledger, keys, Optional.empty());
    LedgerVerification v = read.verification;
    if (!v.intact()) {
      return new Signed(v, Optional.empty());
    }
    CustodianKey pub = key.custodian().key();
    if (!read.custodians.containsValue(pub)) {
      throw new IllegalArgumentException("the key of " + key.name() + " is not the key of a custodian of "
          + ledger + " (custodians: " + String.join(", ", read.custodians.keySet()) + ")");
    }
    String origin = origin(v.caseNumber().orElseThrow());
    Checkpoint c = Checkpoint.of(origin, read.tree.size(), read.tree.root());
    byte[] seed = key.parameters().getEncoded();
    try {
      return new Signed(v, Optional.of(c.sign(NoteSigner.fromSeed(origin, seed))));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /**
   * Verifies {@code ledger} in full (as {@link LedgerVerifier#verify}) and then against a checkpoint saved
   * earlier: it must be signed by a custodian of the ledger (init entry or {@code keys}) for this case's
   * origin, the ledger must have at least its number of entries, and its first entries must have the
   * checkpoint's root. A failure is a problem of kind {@link LedgerProblem.Kind#CHECKPOINT}.
   *
   * @param head a head remembered earlier, as for {@link LedgerVerifier#verify}
   * @param checkpoint the saved checkpoint, or empty to verify the ledger alone
   * @throws LedgerParseException when the file is not a ledger
   */
  public static LedgerVerification verify(
      Path ledger, Collection<Custodian> keys, Optional<LedgerHead> head, Optional<SignedNote> checkpoint)
      throws IOException {
    if (checkpoint.isEmpty()) {
      return LedgerVerifier.verify(ledger, keys, head, e -> {});
    }
    Read read = read(ledger, keys, head);
    LedgerVerification v = read.verification;
    if (!v.intact()) {
      return v;
    }
    return checkAgainst(v, read, checkpoint.get())
        .map(p -> new LedgerVerification(v.ledger(), v.caseNumber(), v.entries(), v.head(), Optional.of(p),
            v.warnings(), v.items(), v.tornBytes(), v.root()))
        .orElse(v);
  }

  private static Optional<LedgerProblem> checkAgainst(LedgerVerification v, Read read, SignedNote note) {
    long n = read.tree.size();
    String origin = origin(v.caseNumber().orElseThrow());
    Checkpoint c;
    try {
      List<VerifierKey> trusted = new ArrayList<>();
      for (CustodianKey k : new java.util.LinkedHashSet<>(read.custodians.values())) {
        trusted.add(verifierKey(origin, k));
      }
      c = Checkpoint.parse(note.text());
      if (!c.origin().equals(origin)) {
        return Optional.of(problem(n + 1, -1, "the checkpoint is for \"" + c.origin()
            + "\" but this ledger is case " + v.caseNumber().orElseThrow() + " (\"" + origin + "\")"));
      }
      Checkpoint.open(note.toBytes(), origin, NoteVerifier.of(trusted));
    } catch (NoteParseException e) {
      return Optional.of(problem(n + 1, -1, "the checkpoint is not readable: " + e.getMessage()));
    } catch (NoteVerificationException e) {
      return Optional.of(problem(n + 1, -1, "the checkpoint is not signed by a custodian of this ledger: "
          + e.getMessage()));
    }
    if (c.size() > n) {
      return Optional.of(problem(n + 1, c.size() - 1, "the ledger has " + n + " entries but the checkpoint has "
          + c.size() + ": entries were removed since the checkpoint (truncated or rolled back)"));
    }
    MerkleHash have = read.tree.root(c.size());
    if (!have.equals(c.root())) {
      return Optional.of(problem(c.size(), -1, "the first " + c.size() + " entries have Merkle root "
          + have.base64() + " but the checkpoint has " + c.root().base64()
          + ": the ledger was rewritten since the checkpoint (a fork)"));
    }
    return Optional.empty();
  }

  private static LedgerProblem problem(long line, long seq, String message) {
    return new LedgerProblem(LedgerProblem.Kind.CHECKPOINT, line, seq, message);
  }

  /** A verified ledger with its Merkle tree and its custodians by name (init entry and keys folder). */
  private record Read(LedgerVerification verification, MerkleTree tree, Map<String, CustodianKey> custodians) {}

  private static Read read(Path ledger, Collection<Custodian> keys, Optional<LedgerHead> head) throws IOException {
    Map<String, CustodianKey> custodians = new LinkedHashMap<>();
    LedgerVerifier.WithTree read = LedgerVerifier.verifyWithTree(ledger, keys, head, e -> {
      if (e.seq() == 0) {
        for (Custodian c : e.custodians()) {
          custodians.put(c.name(), c.key());
        }
      }
    });
    for (Custodian c : keys) {
      custodians.putIfAbsent(c.name(), c.key());
    }
    return new Read(read.verification(), read.tree(), custodians);
  }
}
