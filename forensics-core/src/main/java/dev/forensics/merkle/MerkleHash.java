package dev.forensics.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A 32-byte SHA-256 value in an RFC 9162 Merkle tree: a leaf hash, an interior node hash or a tree root.
 * Immutable; the bytes are copied in and out. The static factories compute the RFC 9162 §2.1.1 hashes:
 * leaf {@code SHA-256(0x00 ‖ data)}, node {@code SHA-256(0x01 ‖ left ‖ right)}, empty tree
 * {@code SHA-256("")}.
 */
public record MerkleHash(byte[] bytes) {

  /** Length of every hash in bytes. */
  public static final int LENGTH = 32;

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;
  private static final MerkleHash EMPTY = new MerkleHash(sha256().digest());

  /**
   * @throws IllegalArgumentException when the value is not exactly 32 bytes
   */
  public MerkleHash {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a Merkle hash must be " + LENGTH + " bytes, got " + bytes.length);
    }
    bytes = bytes.clone();
  }

  /** The root of the empty tree, {@code SHA-256("")}. */
  public static MerkleHash emptyTree() {
    return EMPTY;
  }

  /** The leaf hash of an entry: {@code SHA-256(0x00 ‖ data)}. */
  public static MerkleHash ofLeaf(byte[] data) {
    Objects.requireNonNull(data, "data");
    MessageDigest md = sha256();
    md.update(LEAF_PREFIX);
    md.update(data);
    return new MerkleHash(md.digest());
  }

  /** The interior node hash {@code SHA-256(0x01 ‖ left ‖ right)}. */
  public static MerkleHash ofChildren(MerkleHash left, MerkleHash right) {
    return new MerkleHash(nodeHash(left.bytes, right.bytes));
  }

  /**
   * Decodes a standard (RFC 4648 §4, padded) base64 hash.
   *
   * @throws IllegalArgumentException when the text is not base64 of 32 bytes
   */
  public static MerkleHash ofBase64(String base64) {
    return new MerkleHash(Base64.getDecoder().decode(base64));
  }

  /**
   * Parses a 64-digit hexadecimal hash, upper or lower case.
   *
   * @throws IllegalArgumentException when the text is not hex of 32 bytes
   */
  public static MerkleHash ofHex(String hex) {
    return new MerkleHash(HexFormat.of().parseHex(hex));
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The hash in standard padded base64, as in C2SP checkpoints and tlog-proof files. */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The hash in lower-case hexadecimal. */
  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  /** The internal array, not copied: for this package's hashing loops only. */
  byte[] raw() {
    return bytes;
  }

  static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest md = sha256();
    md.update(NODE_PREFIX);
    md.update(left);
    md.update(right);
    return md.digest();
  }

  static byte[] nodeHash(byte[] buf, int leftOffset, byte[] buf2, int rightOffset) {
    MessageDigest md = sha256();
    md.update(NODE_PREFIX);
    md.update(buf, leftOffset, LENGTH);
    md.update(buf2, rightOffset, LENGTH);
    return md.digest();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MerkleHash h && MessageDigest.isEqual(h.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
