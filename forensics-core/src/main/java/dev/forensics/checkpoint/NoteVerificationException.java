package dev.forensics.checkpoint;

import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * A well-formed signed note, checkpoint or proof that does not verify. {@link #reason()} says why; the
 * message gives the details (expected and found values).
 */
public class NoteVerificationException extends GeneralSecurityException {

  private static final long serialVersionUID = 1L;

  /** Why verification failed. */
  public enum Reason {
    /** No signature on the note comes from a trusted key (name and key ID). */
    UNKNOWN_KEY,
    /** A signature from a trusted key does not verify over the note text. */
    BAD_SIGNATURE,
    /** The checkpoint's origin is not the expected one. */
    ORIGIN_MISMATCH,
    /** A tree size differs from the expected one. */
    SIZE_MISMATCH,
    /** A root hash differs from the one the proof leads to. */
    ROOT_MISMATCH,
    /** The Merkle proof itself is invalid for the sizes it claims. */
    BAD_PROOF
  }

  private final Reason reason;

  /** An exception for {@code reason} with details in {@code message}. */
  public NoteVerificationException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** An exception for {@code reason} with details in {@code message} and the underlying cause. */
  public NoteVerificationException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why verification failed. */
  public Reason reason() {
    return reason;
  }
}
