package dev.forensics.timestamp;

import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * An RFC 3161 time-stamp token that does not verify. {@link #reason()} says why; the message gives the
 * details (expected and found values).
 */
public class TimestampVerificationException extends GeneralSecurityException {

  private static final long serialVersionUID = 1L;

  /** Why verification failed. */
  public enum Reason {
    /** The bytes are not a CMS SignedData time-stamp token (or reply). */
    MALFORMED,
    /** The TSA refused the request or answered over HTTP with an error. */
    REJECTED,
    /** The token's message imprint is not the hash of the data. */
    IMPRINT_MISMATCH,
    /** The token's nonce is not the one sent. */
    NONCE_MISMATCH,
    /** The token carries no certificate matching its signer. */
    NO_CERTIFICATE,
    /** The TSA certificate lacks a critical extended key usage of exactly id-kp-timeStamping. */
    NOT_A_TSA_CERTIFICATE,
    /** The CMS signature or the signing-certificate attribute does not verify. */
    BAD_SIGNATURE,
    /** The TSA certificate does not chain to a trust anchor (PKIX), or was not valid at the time stamped. */
    UNTRUSTED_CERTIFICATE
  }

  private final Reason reason;

  /** An exception for {@code reason} with details in {@code message}. */
  public TimestampVerificationException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** An exception for {@code reason} with details in {@code message} and the underlying cause. */
  public TimestampVerificationException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why verification failed. */
  public Reason reason() {
    return reason;
  }
}
