package dev.forensics.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A trusted Ed25519 note-signing public key: key name, key ID and the raw 32-byte public key. Its text
 * form, as used by Go's {@code golang.org/x/mod/sumdb/note} and C2SP logs, is
 * {@code <name>+<8 hex digits of key ID>+base64(0x01 ‖ public key)}. Immutable.
 *
 * @param name the key name (no spaces, no '+')
 * @param publicKey the raw 32-byte Ed25519 public key (RFC 8032 encoding)
 */
public record VerifierKey(String name, byte[] publicKey) {

  /** Signature type byte of Ed25519 note signatures. */
  public static final byte ED25519 = 0x01;

  /**
   * @throws IllegalArgumentException when the name is not a valid key name or the key is not 32 bytes
   */
  public VerifierKey {
    SignedNote.checkKeyName(name);
    Objects.requireNonNull(publicKey, "publicKey");
    if (publicKey.length != 32) {
      throw new IllegalArgumentException("an Ed25519 public key must be 32 bytes, got " + publicKey.length);
    }
    publicKey = publicKey.clone();
  }

  /**
   * Parses {@code name+hash+base64(0x01 ‖ key)}; the hash must be the key ID the name and key imply.
   *
   * @throws NoteParseException when the text is not such a key
   */
  public static VerifierKey parse(String text) throws NoteParseException {
    Objects.requireNonNull(text, "text");
    String[] parts = splitKey(text);
    if (parts == null) {
      throw new NoteParseException(0, "a verifier key has the form name+hash+base64key, got \"" + text + "\"");
    }
    if (!parts[1].matches("[0-9a-f]{8}")) {
      throw new NoteParseException(0, "verifier key hash must be 8 lower-case hex digits, got \"" + parts[1] + "\"");
    }
    byte[] key = SignedNote.decodeBase64(parts[2], 0, "verifier key");
    if (key.length != 33 || key[0] != ED25519) {
      throw new NoteParseException(0, "verifier key must be 0x01 (Ed25519) and a 32-byte key, got "
          + key.length + " bytes" + (key.length > 0 ? String.format(" of type 0x%02x", key[0]) : ""));
    }
    VerifierKey v;
    try {
      v = new VerifierKey(parts[0], Arrays.copyOfRange(key, 1, 33));
    } catch (IllegalArgumentException e) {
      throw new NoteParseException(0, e.getMessage());
    }
    if (!v.keyIdHex().equals(parts[1])) {
      throw new NoteParseException(0, "verifier key hash " + parts[1] + " does not match the name and key (calculated "
          + v.keyIdHex() + ")");
    }
    return v;
  }

  /** Splits {@code name+hash+rest} at the first two '+' (base64 may itself contain '+'); null if absent. */
  static String[] splitKey(String text) {
    int a = text.indexOf('+');
    int b = a < 0 ? -1 : text.indexOf('+', a + 1);
    if (b < 0) {
      return null;
    }
    return new String[] {text.substring(0, a), text.substring(a + 1, b), text.substring(b + 1)};
  }

  /** The key ID: the first four bytes, big-endian, of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key). */
  public int keyId() {
    return keyId(name, publicKey);
  }

  /** The key ID as 8 lower-case hex digits. */
  public String keyIdHex() {
    return String.format("%08x", keyId());
  }

  /** The text form {@code name+hash+base64(0x01 ‖ key)}. */
  public String encode() {
    byte[] typed = new byte[33];
    typed[0] = ED25519;
    System.arraycopy(publicKey, 0, typed, 1, 32);
    return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(typed);
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  static int keyId(String name, byte[] publicKey) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(name.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0x0A);
      md.update(ED25519);
      md.update(publicKey);
      return ByteBuffer.wrap(md.digest()).getInt();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VerifierKey k && k.name.equals(name) && Arrays.equals(k.publicKey, publicKey);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(publicKey);
  }

  @Override
  public String toString() {
    return encode();
  }
}
