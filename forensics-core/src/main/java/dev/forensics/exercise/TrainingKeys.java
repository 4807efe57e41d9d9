package dev.forensics.exercise;

import dev.forensics.custody.CustodianKeys;
import dev.forensics.custody.SigningKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;

/**
 * The trainer's <em>training</em> key: an Ed25519 key whose 32-byte private seed is
 * {@code SHA-256(UTF-8("forensics-exercise-trainer-key/1") ‖ 0x00 ‖ seed as 8 bytes big-endian)}, where
 * seed is the variant's evidence seed. Anyone who has the scenario can derive it, so it proves nothing
 * outside a classroom; it exists so that the ledger of a set is byte-identical on every rebuild.
 */
final class TrainingKeys {

  static final String DOMAIN = "forensics-exercise-trainer-key/1";

  /** The file the key passes through while the ledger is made (removed right after). */
  static final String TEMPORARY = ".training-key.tmp";

  private TrainingKeys() {}

  /** The training key for an evidence seed. */
  static SigningKey trainer(long seed, OutputFolder out) throws IOException, BuildException {
    byte[] secret = secret(seed);
    PrivateKeyInfo info = PrivateKeyInfoFactory.createPrivateKeyInfo(new Ed25519PrivateKeyParameters(secret, 0));
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(info.getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    // the custody package reads keys from files only: pass it through a file inside the output folder
    Path tmp = out.resolve(TEMPORARY);
    Files.writeString(tmp, pem, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
    try {
      return CustodianKeys.readPrivate(tmp, ExerciseBuilder.TRAINER, () -> null);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static byte[] secret(long seed) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(DOMAIN.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
