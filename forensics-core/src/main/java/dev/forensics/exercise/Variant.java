package dev.forensics.exercise;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * A per-student variant of an exercise: the same skills, different secrets. A variant is either numbered
 * ({@code --variant K}, K ≥ 1) or named after a student of a roster. Its {@linkplain #seed(long) seed} is
 * derived from the scenario's seed and the variant's {@linkplain #label() label}:
 *
 * <pre>
 *   seed(v) = first 8 bytes, big-endian, two's complement, of
 *             SHA-256( UTF-8("forensics-exercise-variant/1") ‖ 0x00 ‖ scenario seed as 8 bytes big-endian
 *                      ‖ UTF-8(label) )
 *   label   = "variant:" + K   |   "student:" + student id
 * </pre>
 *
 * The exercise without a variant uses the scenario's seed unchanged. The derivation is stable across
 * versions: changing it would change every generated exercise.
 */
public sealed interface Variant {

  /** Prefix hashed before the seed, so that these seeds differ from any other use of SHA-256. */
  String DOMAIN = "forensics-exercise-variant/1";

  /** {@code variant:K} or {@code student:ID}. */
  String label();

  /** The seed of this variant's evidence. */
  default long seed(long scenarioSeed) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(DOMAIN.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(ByteBuffer.allocate(Long.BYTES).putLong(scenarioSeed).array());
      sha.update(label().getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(sha.digest()).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** Variant number K (1 and up). */
  static Variant number(int k) {
    return new Numbered(k);
  }

  /** The variant of one student. */
  static Variant student(String studentId) {
    return new Student(studentId);
  }

  /** A numbered variant. */
  record Numbered(int number) implements Variant {
    public Numbered {
      if (number < 1) {
        throw new IllegalArgumentException("variant number must be >= 1, got " + number);
      }
    }

    @Override
    public String label() {
      return "variant:" + number;
    }
  }

  /** A student's variant. */
  record Student(String studentId) implements Variant {
    /** Shape of a student id: it names the student's output folder. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Student {
      if (studentId == null || !ID.matcher(studentId).matches()) {
        throw new IllegalArgumentException(
            "student id must be 1 to 64 characters A-Z, a-z, 0-9, '.', '_' or '-', starting with a letter or digit, got '"
                + studentId + "'");
      }
    }

    @Override
    public String label() {
      return "student:" + studentId;
    }
  }
}
