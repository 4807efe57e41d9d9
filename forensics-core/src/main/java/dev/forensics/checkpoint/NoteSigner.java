package dev.forensics.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Signs note texts with an Ed25519 key (signature type 0x01 of c2sp.org/signed-note). Holds the private
 * key: never log it. {@link #encodePrivateKey()} gives Go's {@code PRIVATE+KEY+name+hash+base64(0x01 ‖
 * seed)} form for storage, {@link #parse(String)} reads it back.
 */
public final class NoteSigner {

  private static final String PRIVATE_PREFIX = "PRIVATE+KEY+";

  private final String name;
  private final byte[] seed;
  private final Ed25519PrivateKeyParameters key;
  private final VerifierKey verifierKey;

  private NoteSigner(String name, byte[] seed) {
    SignedNote.checkKeyName(name);
    this.name = name;
    this.seed = seed.clone();
    this.key = new Ed25519PrivateKeyParameters(this.seed, 0);
    this.verifierKey = new VerifierKey(name, key.generatePublicKey().getEncoded());
  }

  /** A signer with a new random key. */
  public static NoteSigner generate(String name, SecureRandom random) {
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    try {
      return new NoteSigner(name, seed);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /**
   * A signer from a 32-byte RFC 8032 private key (seed).
   *
   * @throws IllegalArgumentException when the seed is not 32 bytes or the name is not a valid key name
   */
  public static NoteSigner fromSeed(String name, byte[] seed) {
    Objects.requireNonNull(seed, "seed");
    if (seed.length != 32) {
      throw new IllegalArgumentException("an Ed25519 private key must be 32 bytes, got " + seed.length);
    }
    return new NoteSigner(name, seed);
  }

  /**
   * Parses {@code PRIVATE+KEY+name+hash+base64(0x01 ‖ seed)} (Go's note signer key); the hash must match.
   *
   * @throws NoteParseException when the text is not such a key (the message does not contain the key)
   */
  public static NoteSigner parse(String text) throws NoteParseException {
    Objects.requireNonNull(text, "text");
    if (!text.startsWith(PRIVATE_PREFIX)) {
      throw new NoteParseException(0, "a signer key starts with " + PRIVATE_PREFIX);
    }
    String[] parts = VerifierKey.splitKey(text.substring(PRIVATE_PREFIX.length()));
    if (parts == null || !parts[1].matches("[0-9a-f]{8}")) {
      throw new NoteParseException(0, "a signer key has the form PRIVATE+KEY+name+hash+base64key");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new NoteParseException(0, "signer key is not valid base64");
    }
    try {
      if (key.length != 33 || key[0] != VerifierKey.ED25519
          || !Base64.getEncoder().encodeToString(key).equals(parts[2])) {
        throw new NoteParseException(0, "signer key must be canonical base64 of 0x01 and a 32-byte Ed25519 key");
      }
      NoteSigner s;
      try {
        s = new NoteSigner(parts[0], Arrays.copyOfRange(key, 1, 33));
      } catch (IllegalArgumentException e) {
        throw new NoteParseException(0, e.getMessage());
      }
      if (!s.verifierKey.keyIdHex().equals(parts[1])) {
        throw new NoteParseException(0, "signer key hash " + parts[1] + " does not match the name and key");
      }
      return s;
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** The key name. */
  public String name() {
    return name;
  }

  /** The public key for verifiers. */
  public VerifierKey verifierKey() {
    return verifierKey;
  }

  /** Go's {@code PRIVATE+KEY+name+hash+base64(0x01 ‖ seed)} form. Secret: store it like a password. */
  public String encodePrivateKey() {
    byte[] typed = new byte[33];
    typed[0] = VerifierKey.ED25519;
    System.arraycopy(seed, 0, typed, 1, 32);
    try {
      return PRIVATE_PREFIX + name + "+" + verifierKey.keyIdHex() + "+" + Base64.getEncoder().encodeToString(typed);
    } finally {
      Arrays.fill(typed, (byte) 0);
    }
  }

  /**
   * The signature line for {@code text} (which must be valid note text: non-empty, ending in a newline,
   * no control characters but newline).
   */
  public NoteSignature sign(String text) {
    SignedNote.checkText(text);
    byte[] msg = text.getBytes(StandardCharsets.UTF_8);
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, key);
    signer.update(msg, 0, msg.length);
    return new NoteSignature(name, verifierKey.keyId(), signer.generateSignature());
  }

  /** A signed note of {@code text} with this signer's signature as its only signature line. */
  public SignedNote signNote(String text) {
    return new SignedNote(text, java.util.List.of(sign(text)));
  }

  @Override
  public String toString() {
    return "NoteSigner[" + verifierKey.encode() + "]";
  }
}
