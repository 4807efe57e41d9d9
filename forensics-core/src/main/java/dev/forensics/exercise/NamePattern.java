package dev.forensics.exercise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A pattern for generated folder or file names. Literal text with placeholders:
 * <ul>
 *   <li>{@code {n}} the file's number (1, 2, ...), {@code {n:4}} zero-padded to 4 digits (1–9 digits);
 *   <li>{@code {word}} a word drawn from the builder's word list (lower case, {@code a-z});
 *   <li>{@code {date}} the file's modification date as {@code yyyyMMdd}, {@code {year}} {@code yyyy},
 *       {@code {month}} {@code MM}.
 * </ul>
 * {@code {{} and {@code }}} are not special: braces are not allowed outside placeholders.
 */
public final class NamePattern {

  private sealed interface Part permits Literal, Number, Word, DatePart {}

  private record Literal(String text) implements Part {}

  private record Number(int width) implements Part {}

  private record Word() implements Part {}

  private record DatePart(String format) implements Part {}

  private final String text;
  private final List<Part> parts;

  private NamePattern(String text, List<Part> parts) {
    this.text = text;
    this.parts = List.copyOf(parts);
  }

  /**
   * Parses a pattern.
   *
   * @throws IllegalArgumentException naming the unknown placeholder or stray brace
   */
  public static NamePattern parse(String text) {
    Objects.requireNonNull(text, "text");
    List<Part> parts = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf('{', i);
      int strayClose = text.indexOf('}', i);
      if (strayClose >= 0 && (open < 0 || strayClose < open)) {
        throw new IllegalArgumentException("'}' without '{' at position " + (strayClose + 1) + " of '" + text + "'");
      }
      if (open < 0) {
        parts.add(new Literal(text.substring(i)));
        break;
      }
      if (open > i) {
        parts.add(new Literal(text.substring(i, open)));
      }
      int close = text.indexOf('}', open);
      if (close < 0) {
        throw new IllegalArgumentException("'{' without '}' at position " + (open + 1) + " of '" + text + "'");
      }
      parts.add(placeholder(text.substring(open + 1, close)));
      i = close + 1;
    }
    return new NamePattern(text, parts);
  }

  private static Part placeholder(String p) {
    switch (p) {
      case "n":
        return new Number(0);
      case "word":
        return new Word();
      case "date":
        return new DatePart("date");
      case "year":
        return new DatePart("year");
      case "month":
        return new DatePart("month");
      default:
        if (p.matches("n:[1-9]")) {
          return new Number(p.charAt(2) - '0');
        }
        throw new IllegalArgumentException(
            "unknown placeholder {" + p + "} (known: {n}, {n:WIDTH}, {word}, {date}, {year}, {month})");
    }
  }

  /** The pattern as written. */
  public String text() {
    return text;
  }

  /** The literal text after the last placeholder (e.g. {@code .jpg}), or empty. */
  public String literalSuffix() {
    Part last = parts.isEmpty() ? null : parts.get(parts.size() - 1);
    return last instanceof Literal l ? l.text() : "";
  }

  /** Whether the pattern uses {@code {n}}, so that each file gets a different name. */
  public boolean numbersFiles() {
    return parts.stream().anyMatch(p -> p instanceof Number);
  }

  /**
   * The name for file number {@code n} (from 1), with the given word and modification date.
   */
  public String render(long n, String word, LocalDate date) {
    StringBuilder b = new StringBuilder();
    for (Part part : parts) {
      if (part instanceof Literal l) {
        b.append(l.text());
      } else if (part instanceof Number num) {
        String digits = Long.toString(n);
        b.append("0".repeat(Math.max(0, num.width() - digits.length()))).append(digits);
      } else if (part instanceof Word) {
        b.append(word);
      } else if (part instanceof DatePart d) {
        switch (d.format()) {
          case "date" -> b.append(String.format(Locale.ROOT, "%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth()));
          case "year" -> b.append(String.format(Locale.ROOT, "%04d", date.getYear()));
          default -> b.append(String.format(Locale.ROOT, "%02d", date.getMonthValue()));
        }
      }
    }
    return b.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NamePattern p && p.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
