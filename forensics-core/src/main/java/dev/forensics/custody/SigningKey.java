package dev.forensics.custody;

import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** A custodian's Ed25519 private key, able to sign ledger entries. Never printed. */
public final class SigningKey {

  private final String name;
  private final Ed25519PrivateKeyParameters key;
  private final CustodianKey publicKey;

  SigningKey(String name, Ed25519PrivateKeyParameters key) {
    this.name = Custodian.checkName(name);
    this.key = Objects.requireNonNull(key, "key");
    this.publicKey = new CustodianKey(key.generatePublicKey().getEncoded());
  }

  /** The custodian who owns this key. */
  public Custodian custodian() {
    return new Custodian(name, publicKey);
  }

  /** The custodian's name. */
  public String name() {
    return name;
  }

  /** The Ed25519 signature (64 bytes) of {@code message}. */
  public byte[] sign(byte[] message) {
    Ed25519Signer s = new Ed25519Signer();
    s.init(true, key);
    s.update(message, 0, message.length);
    return s.generateSignature();
  }

  Ed25519PrivateKeyParameters parameters() {
    return key;
  }

  @Override
  public String toString() {
    return "SigningKey[" + name + ", " + publicKey + "]";
  }
}
