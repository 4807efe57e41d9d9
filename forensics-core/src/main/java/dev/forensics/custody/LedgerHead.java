package dev.forensics.custody;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The last entry of a ledger: its sequence number and SHA-256 entry hash, remembered elsewhere (a case
 * file, an e-mail) to detect later truncation or rollback. Written {@code SEQ:HEX}.
 */
public record LedgerHead(long seq, byte[] hash) {

  public LedgerHead {
    if (seq < 0) {
      throw new IllegalArgumentException("negative sequence number " + seq);
    }
    if (hash.length != 32) {
      throw new IllegalArgumentException("an entry hash is 32 bytes (SHA-256), got " + hash.length);
    }
    hash = hash.clone();
  }

  /** Parses {@code SEQ:HEX}. */
  public static LedgerHead parse(String s) {
    int colon = s.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("expected SEQ:HASH, got '" + s + "'");
    }
    try {
      long seq = Long.parseLong(s.substring(0, colon));
      String hex = s.substring(colon + 1);
      if (hex.length() != 64) {
        throw new IllegalArgumentException("the hash must be 64 hex digits");
      }
      return new LedgerHead(seq, HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("expected SEQ:HASH (64 hex digits), got '" + s + "': " + e.getMessage(), e);
    }
  }

  @Override
  public byte[] hash() {
    return hash.clone();
  }

  /** The hash in lower-case hex. */
  public String hex() {
    return HexFormat.of().formatHex(hash);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LedgerHead h && h.seq == seq && MessageDigest.isEqual(h.hash, hash);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(seq) * 31 + Arrays.hashCode(hash);
  }

  @Override
  public String toString() {
    return seq + ":" + hex();
  }
}
