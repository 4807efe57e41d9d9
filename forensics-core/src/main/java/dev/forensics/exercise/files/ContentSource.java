package dev.forensics.exercise.files;

import dev.forensics.exercise.files.internal.Vocabulary;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The seeded source of all content in a generated evidence set. Each file draws from its own stream,
 * named by a stable label, so adding or removing one file leaves every other file's bytes unchanged; the
 * same seed and label always give the same stream, on every machine.
 *
 * <p>Algorithm (version 1): the stream key is {@code K = HMAC-SHA256(key = seed as 8 bytes big-endian,
 * message = "forensics/exercise/v1/" ‖ UTF-8(label))}; the stream is the concatenation of blocks
 * {@code HMAC-SHA256(K, i as 8 bytes big-endian)} for {@code i = 0, 1, 2, …}. A part of a file
 * ({@link Draw#child}) has its own stream keyed {@code HMAC-SHA256(K, "child/" ‖ UTF-8(part))}. Nothing
 * else (no clock, no host, no {@code java.util.Random}) feeds the content.
 */
public final class ContentSource {

  private static final String DOMAIN = "forensics/exercise/v1/";

  private final long seed;
  private final Vocabulary vocabulary;

  private ContentSource(long seed, Vocabulary vocabulary) {
    this.seed = seed;
    this.vocabulary = vocabulary;
  }

  /** The source for a scenario's seed, with the bundled English word and name lists. */
  public static ContentSource of(long seed) {
    return new ContentSource(seed, Vocabulary.bundled());
  }

  /** The scenario seed. */
  public long seed() {
    return seed;
  }

  /**
   * The stream for one file or artifact.
   *
   * @param label a stable name for what is drawn (for example the file's path in the scenario); not
   *     empty, well-formed Unicode (no unpaired surrogate, which UTF-8 could not tell apart)
   */
  public Draw draw(String label) {
    Objects.requireNonNull(label, "label");
    if (label.isEmpty()) {
      throw new IllegalArgumentException("label must not be empty");
    }
    if (!StandardCharsets.UTF_8.newEncoder().canEncode(label)) {
      throw new IllegalArgumentException("label is not well-formed Unicode (unpaired surrogate): " + label);
    }
    return new Draw(label, streamKey(seed, label), vocabulary);
  }

  static byte[] streamKey(long seed, String label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(ByteBuffer.allocate(Long.BYTES).putLong(seed).array(), "HmacSHA256"));
      return mac.doFinal((DOMAIN + label).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "ContentSource[seed=" + seed + "]";
  }
}
