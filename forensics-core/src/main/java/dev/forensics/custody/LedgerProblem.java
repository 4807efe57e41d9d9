package dev.forensics.custody;

import java.util.Objects;

/**
 * What is wrong with a ledger, and where: the line (1-based) and the entry's sequence number when it
 * could be read ({@code -1} otherwise).
 */
public record LedgerProblem(Kind kind, long line, long seq, String message) {

  /** Kinds of problem; all but {@link #TIME_ORDER} make the ledger fail verification. */
  public enum Kind {
    /** A line that is not a JSON object of the ledger's shape. */
    MALFORMED,
    /** A line that is JSON but not in its RFC 8785 canonical form (edited by hand or by a tool). */
    NOT_CANONICAL,
    /** A sequence number out of order: an entry deleted, inserted or moved. */
    SEQUENCE,
    /** The previous-entry hash does not match: an entry before it was changed, removed or replaced. */
    CHAIN,
    /** A signature that does not verify, is missing, or is by the wrong custodian. */
    SIGNATURE,
    /** A signer whose public key is neither in the init entry nor in the keys folder. */
    UNKNOWN_SIGNER,
    /** A required field missing, an unknown field, or a field of the wrong type. */
    FIELDS,
    /** A break in custody: released by someone who does not hold it, two places at once, used after disposal. */
    CUSTODY,
    /** The last line has no newline: an append was cut short (power cut); see {@code custody repair}. */
    TORN,
    /** The ledger does not reach or does not match the remembered head (truncated or rolled back). */
    HEAD,
    /** The ledger does not extend a saved checkpoint (entries removed, or rewritten: a fork), or the checkpoint is not valid. */
    CHECKPOINT,
    /** A warning: an entry dated before the one it follows. */
    TIME_ORDER;

    /** Lower-case name with hyphens, as in JSON output. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public LedgerProblem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return "line " + line + (seq >= 0 ? " (seq " + seq + ")" : "") + ": " + kind.id() + ": " + message;
  }
}
