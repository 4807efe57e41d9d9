package dev.forensics.exercise.files;

import dev.forensics.exercise.files.internal.Vocabulary;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One deterministic stream of random choices for one labelled file (see {@link ContentSource} for the
 * algorithm). Not thread-safe: a draw belongs to the generator that uses it.
 */
public final class Draw {

  private final String label;
  private final Mac mac;
  private final Vocabulary vocabulary;
  private final byte[] block = new byte[32];
  private int used = block.length;
  private long counter;

  Draw(String label, byte[] key, Vocabulary vocabulary) {
    this.label = label;
    this.vocabulary = vocabulary;
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  /** The label this stream was drawn for. */
  public String label() {
    return label;
  }

  /**
   * A separate stream for a part of this file (for example an archive member), independent of how much
   * of this stream has been used.
   */
  public Draw child(String part) {
    Objects.requireNonNull(part, "part");
    mac.reset();
    byte[] key = mac.doFinal(("child/" + part).getBytes(StandardCharsets.UTF_8));
    return new Draw(label + "/" + part, key, vocabulary);
  }

  /** The next {@code n} bytes of the stream. */
  public byte[] bytes(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("byte count must not be negative: " + n);
    }
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      if (used == block.length) {
        refill();
      }
      out[i] = block[used++];
    }
    return out;
  }

  private void refill() {
    mac.reset();
    byte[] next = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter++).array());
    System.arraycopy(next, 0, block, 0, block.length);
    used = 0;
  }

  /** A uniformly distributed long. */
  public long nextLong() {
    return ByteBuffer.wrap(bytes(Long.BYTES)).getLong();
  }

  /** A uniformly distributed int in {@code [0, bound)} (rejection sampling, no modulo bias). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    long limit = (1L << 32) - ((1L << 32) % bound);
    while (true) {
      long v = ByteBuffer.wrap(bytes(Integer.BYTES)).getInt() & 0xFFFF_FFFFL;
      if (v < limit) {
        return (int) (v % bound);
      }
    }
  }

  /** A uniformly distributed int in {@code [from, to]} (both included). */
  public int between(int from, int to) {
    if (to < from) {
      throw new IllegalArgumentException("empty range " + from + ".." + to);
    }
    return from + nextInt(to - from + 1);
  }

  /** A double in {@code [0, 1)} with 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** True with probability one half. */
  public boolean nextBoolean() {
    return nextInt(2) == 1;
  }

  /** One element of a non-empty list. */
  public <T> T pick(List<T> choices) {
    if (choices.isEmpty()) {
      throw new IllegalArgumentException("nothing to pick from");
    }
    return choices.get(nextInt(choices.size()));
  }

  /** One word from the bundled English word list, lower case. */
  public String word() {
    return pick(vocabulary.words());
  }

  /** A sentence of 5 to 14 words, capitalised, ending with a full stop. */
  public String sentence() {
    int n = between(5, 14);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String w = word();
      if (i == 0) {
        w = w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
      } else {
        sb.append(' ');
      }
      sb.append(w);
    }
    return sb.append('.').toString();
  }

  /** A paragraph of 2 to 6 sentences. */
  public String paragraph() {
    int n = between(2, 6);
    List<String> sentences = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      sentences.add(sentence());
    }
    return String.join(" ", sentences);
  }

  /** A title of 2 to 5 capitalised words. */
  public String title() {
    int n = between(2, 5);
    List<String> words = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String w = word();
      words.add(w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1));
    }
    return String.join(" ", words);
  }

  /** A person from the bundled name lists, with an address in a reserved example domain (RFC 2606). */
  public Person person() {
    String given = pick(vocabulary.givenNames());
    String family = pick(vocabulary.surnames());
    String domain = pick(List.of("example.com", "example.org", "example.net"));
    String local = (given + "." + family).toLowerCase(Locale.ROOT);
    return new Person(given, family, local + "@" + domain);
  }

  @Override
  public String toString() {
    return "Draw[" + label + "]";
  }
}
