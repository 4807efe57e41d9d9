package dev.forensics.custody;

import dev.forensics.custody.internal.NativeEd25519;
import java.security.MessageDigest;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** A custodian's Ed25519 public key: the 32 raw bytes of RFC 8032. Immutable. */
public record CustodianKey(byte[] raw) {

  /** Length of a raw Ed25519 public key. */
  public static final int LENGTH = 32;

  /** @throws IllegalArgumentException unless {@code raw} is 32 bytes */
  public CustodianKey {
    if (raw.length != LENGTH) {
      throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, got " + raw.length);
    }
    raw = raw.clone();
  }

  /** The key from standard base64 of its 32 raw bytes. */
  public static CustodianKey ofBase64(String b64) {
    try {
      return new CustodianKey(Base64.getDecoder().decode(b64));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a base64 Ed25519 public key: " + e.getMessage(), e);
    }
  }

  @Override
  public byte[] raw() {
    return raw.clone();
  }

  /** Standard base64 (with padding) of the 32 raw bytes, as written in the ledger. */
  public String base64() {
    return Base64.getEncoder().encodeToString(raw);
  }

  /**
   * Checks an Ed25519 signature of {@code message}.
   *
   * @throws SignatureException when the signature is not a valid signature of the message by this key
   */
  public void verify(byte[] message, byte[] signature) throws SignatureException {
    if (signature.length != 64) {
      throw new SignatureException("an Ed25519 signature is 64 bytes, got " + signature.length);
    }
    Ed25519Signer v = new Ed25519Signer();
    v.init(false, new Ed25519PublicKeyParameters(raw, 0));
    v.update(message, 0, message.length);
    if (!v.verifySignature(signature)) {
      throw new SignatureException("signature does not verify");
    }
  }

  /** The key decoded once, for checking many signatures. */
  Prepared prepare() {
    return new Prepared(org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFullExport(raw, 0), raw);
  }

  /** A decoded public key (null point: not a valid Ed25519 key). */
  static final class Prepared {
    private final org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint point;
    private final byte[] raw;

    Prepared(org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint point, byte[] raw) {
      this.point = point;
      this.raw = raw;
    }

    /**
     * Checks a signature with Bouncy Castle; with {@code libsodium}, a signature that libsodium
     * accepts is accepted without it (the same decision, faster: see {@link NativeEd25519}).
     */
    void verify(byte[] message, byte[] signature, boolean libsodium) throws SignatureException {
      if (point == null) {
        throw new SignatureException("the public key is not a valid Ed25519 key");
      }
      if (signature.length != 64) {
        throw new SignatureException("an Ed25519 signature is 64 bytes, got " + signature.length);
      }
      if (libsodium && NativeEd25519.accepts(signature, message, raw)) {
        return;
      }
      if (!org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, point, message, 0, message.length)) {
        throw new SignatureException("signature does not verify");
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CustodianKey k && MessageDigest.isEqual(k.raw, raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "Ed25519:" + base64();
  }
}
