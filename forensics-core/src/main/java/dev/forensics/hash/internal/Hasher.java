package dev.forensics.hash.internal;

import dev.forensics.hash.HashAlgorithm;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.digests.Blake3Digest;

/**
 * One incremental digest computation: feed bytes with {@link #update}, then call {@link #finish} once.
 * JDK providers do MD5, SHA-1, SHA-2 and SHA3-256; Bouncy Castle does BLAKE3.
 */
public abstract class Hasher {

  private Hasher() {}

  /** A fresh hasher for the algorithm. */
  public static Hasher of(HashAlgorithm algorithm) {
    switch (algorithm) {
      case MD5:
        return new Jdk("MD5");
      case SHA1:
        return new Jdk("SHA-1");
      case SHA256:
        return new Jdk("SHA-256");
      case SHA512:
        return new Jdk("SHA-512");
      case SHA3_256:
        return new Jdk("SHA3-256");
      case BLAKE3:
        return new Blake3();
      default:
        throw new IllegalArgumentException("no hasher for " + algorithm);
    }
  }

  /** Adds {@code len} bytes of {@code buf} from {@code off}. */
  public abstract void update(byte[] buf, int off, int len);

  /** Completes the digest and resets the hasher for another use. */
  public abstract byte[] finish();

  /** One never-updated instance per JDK algorithm: cloning it skips the provider lookup per file. */
  private static final java.util.Map<String, MessageDigest> PROTOTYPES = new java.util.concurrent.ConcurrentHashMap<>();

  private static final class Jdk extends Hasher {
    private final MessageDigest md;

    Jdk(String name) {
      MessageDigest prototype = PROTOTYPES.computeIfAbsent(name, Jdk::create);
      MessageDigest copy;
      try {
        copy = (MessageDigest) prototype.clone();
      } catch (CloneNotSupportedException e) {
        copy = create(name);
      }
      md = copy;
    }

    private static MessageDigest create(String name) {
      try {
        return MessageDigest.getInstance(name);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JDK lacks " + name, e);
      }
    }

    @Override
    public void update(byte[] buf, int off, int len) {
      md.update(buf, off, len);
    }

    @Override
    public byte[] finish() {
      return md.digest();
    }
  }

  private static final class Blake3 extends Hasher {
    private final Blake3Digest d = new Blake3Digest(256);

    @Override
    public void update(byte[] buf, int off, int len) {
      d.update(buf, off, len);
    }

    @Override
    public byte[] finish() {
      byte[] out = new byte[32];
      d.doFinal(out, 0);
      return out;
    }
  }
}
