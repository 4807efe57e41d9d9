package dev.forensics.exercise.files;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A high-entropy blob that looks like an encrypted container: seeded English text encrypted with
 * AES-256-CTR (the JDK's cipher) under a key and counter block drawn from the seed. There is no header,
 * so only its entropy and size give it away. The key and IV are kept for the answer key; decrypting with
 * them gives the plaintext back.
 */
public record EncryptedContainer(GeneratedFile file, byte[] key, byte[] iv) {

  /** The cipher used. */
  public static final String CIPHER = "AES-256-CTR";

  /** @throws IllegalArgumentException when the key is not 32 bytes or the IV not 16 */
  public EncryptedContainer {
    Objects.requireNonNull(file, "file");
    if (key.length != 32 || iv.length != 16) {
      throw new IllegalArgumentException("AES-256-CTR needs a 32-byte key and a 16-byte IV");
    }
    key = key.clone();
    iv = iv.clone();
  }

  @Override
  public byte[] key() {
    return key.clone();
  }

  @Override
  public byte[] iv() {
    return iv.clone();
  }

  /**
   * Generates a container of exactly {@code size} bytes.
   *
   * @param size positive; a multiple of 512 makes it look like a disk container
   */
  public static EncryptedContainer generate(ContentSource source, String label, int size, Instant modified) {
    if (size <= 0) {
      throw new IllegalArgumentException("container size must be positive: " + size);
    }
    Draw draw = source.draw(label);
    byte[] key = draw.bytes(32);
    byte[] iv = draw.bytes(16);
    Draw text = draw.child("plaintext");
    ByteArrayOutputStream plain = new ByteArrayOutputStream(size);
    while (plain.size() < size) {
      plain.writeBytes((text.paragraph() + "\n").getBytes(StandardCharsets.US_ASCII));
    }
    byte[] content = crypt(key, iv, Arrays.copyOf(plain.toByteArray(), size));
    return new EncryptedContainer(new GeneratedFile(FileKind.ENCRYPTED_BLOB, label, content, modified), key, iv);
  }

  /** Decrypts the container with its key and IV (CTR decryption is the same operation). */
  public byte[] decrypt() {
    return crypt(key, iv, file.content());
  }

  private static byte[] crypt(byte[] key, byte[] iv, byte[] data) {
    try {
      Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
      return cipher.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/CTR/NoPadding is required by every Java platform", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncryptedContainer c && c.file.equals(file) && MessageDigest.isEqual(c.key, key)
        && MessageDigest.isEqual(c.iv, iv);
  }

  @Override
  public int hashCode() {
    return file.hashCode() * 31 + Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return "EncryptedContainer[" + file + ", " + CIPHER + "]";
  }
}
