package dev.forensics.checkpoint;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One signature line of a signed note: {@code — <keyName> base64(keyId ‖ signature)}. Immutable; the
 * signature bytes are copied in and out. Holding a signature says nothing about whether it is valid.
 *
 * @param keyName the signer's key name
 * @param keyId the 32-bit key ID (big-endian first four bytes of the base64 payload)
 * @param signature the signature bytes after the key ID
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {

  /** U+2014 EM DASH and a space, the start of every signature line. */
  static final String PREFIX = "\u2014 ";

  /**
   * @throws IllegalArgumentException when the key name is not valid or the signature is empty
   */
  public NoteSignature {
    SignedNote.checkKeyName(keyName);
    Objects.requireNonNull(signature, "signature");
    if (signature.length == 0) {
      throw new IllegalArgumentException("empty signature");
    }
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** The key ID as 8 lower-case hex digits, as in verifier keys. */
  public String keyIdHex() {
    return String.format("%08x", keyId);
  }

  /** The line without its newline: {@code — name base64}. */
  public String line() {
    byte[] payload = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
    return PREFIX + keyName + " " + Base64.getEncoder().encodeToString(payload);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoteSignature s && s.keyName.equals(keyName) && s.keyId == keyId
        && MessageDigest.isEqual(s.signature, signature);
  }

  @Override
  public int hashCode() {
    return (keyName.hashCode() * 31 + keyId) * 31 + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return line();
  }
}
