package dev.forensics.triage;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One thing triage noticed about a file, with what fills its reason.
 *
 * @param kind what was noticed
 * @param args the values of the reason pattern ({@link FindingKind#pattern()}), as text
 * @param offset where in the file it is, -1 when it is not about a place in the file
 * @param length how many bytes from {@code offset}, -1 when not about a place
 */
public record Finding(FindingKind kind, List<String> args, long offset, long length) {

  public Finding {
    Objects.requireNonNull(kind, "kind");
    args = List.copyOf(args);
    if (offset < -1 || length < -1 || (offset < 0) != (length < 0)) {
      throw new IllegalArgumentException("offset and length must both be >= 0 or both -1: " + offset + ", " + length);
    }
  }

  /** A finding about the file as a whole. */
  public static Finding of(FindingKind kind, Object... args) {
    return at(kind, -1, -1, args);
  }

  /** A finding about the bytes at {@code offset}. */
  public static Finding at(FindingKind kind, long offset, long length, Object... args) {
    return new Finding(kind, java.util.Arrays.stream(args).map(String::valueOf).toList(), offset, length);
  }

  /** The reason in English. */
  public String reason() {
    return new MessageFormat(kind.pattern(), Locale.ROOT).format(args.toArray());
  }
}
