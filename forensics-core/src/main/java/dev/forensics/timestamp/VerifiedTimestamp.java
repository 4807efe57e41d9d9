package dev.forensics.timestamp;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * What a verified RFC 3161 time-stamp token attests: the data's hash existed at {@code time}, according
 * to the TSA named by {@code tsaSubject}.
 *
 * @param time the token's genTime (UTC)
 * @param serialNumber the token's serial number, unique per TSA
 * @param policy the TSA policy OID under which the token was issued
 * @param hashAlgorithm the JCA name of the message imprint's hash algorithm, e.g. {@code SHA-256}
 * @param nonce the token's nonce, or {@code null} when it has none
 * @param tsaSubject the TSA certificate's subject distinguished name (RFC 2253)
 */
public record VerifiedTimestamp(Instant time, BigInteger serialNumber, String policy, String hashAlgorithm,
    BigInteger nonce, String tsaSubject) {

  /** Validates that the required fields are present. */
  public VerifiedTimestamp {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(serialNumber, "serialNumber");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(hashAlgorithm, "hashAlgorithm");
    Objects.requireNonNull(tsaSubject, "tsaSubject");
  }
}
