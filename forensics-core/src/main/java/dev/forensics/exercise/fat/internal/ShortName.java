package dev.forensics.exercise.fat.internal;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * An 8.3 short name generated from a long name following Microsoft's "basis-name generation" and
 * "numeric-tail generation" rules: upper case; characters not valid in a short name (and non-ASCII ones)
 * become {@code _}; spaces and leading periods are dropped; up to 8 characters before the last period (other
 * periods dropped) and up to 3 after it; a {@code ~N} tail when the conversion lost information, the long
 * name does not fit 8.3, or the basis name is taken. A long name that is a valid 8.3 name in upper case, or
 * with an all-lower-case base and/or extension (Windows NT's case flags 0x08 and 0x10), needs no long-name
 * entries.
 *
 * @param name11 the 11-byte name field (base padded to 8, extension padded to 3)
 * @param caseFlags the NT reserved byte: 0x08 base lower case, 0x10 extension lower case
 * @param needsLongName whether long-name entries must precede the short entry
 */
public record ShortName(String name11, int caseFlags, boolean needsLongName) {

  /** The short name for {@code longName} that is not among {@code taken} (11-character name fields). */
  public static ShortName generate(String longName, Set<String> taken) {
    boolean lossy = false;
    StringBuilder mapped = new StringBuilder();
    for (int i = 0; i < longName.length(); i++) {
      char c = Character.toUpperCase(longName.charAt(i));
      if (c == ' ' || c == '.') {
        mapped.append(c);
      } else if (c < 0x80 && isShortNameChar(c)) {
        mapped.append(c);
      } else {
        if (Character.isHighSurrogate(longName.charAt(i))) {
          i++; // one '_' per character, not per UTF-16 unit
        }
        mapped.append('_');
        lossy = true;
      }
    }
    String stripped = mapped.toString().replace(" ", "");
    int lead = 0;
    while (lead < stripped.length() && stripped.charAt(lead) == '.') {
      lead++;
    }
    stripped = stripped.substring(lead);
    int lastDot = stripped.lastIndexOf('.');
    String base = (lastDot < 0 ? stripped : stripped.substring(0, lastDot)).replace(".", "");
    String ext = lastDot < 0 ? "" : stripped.substring(lastDot + 1);
    if (base.isEmpty()) {
      base = "_";
      lossy = true;
    }
    base = base.substring(0, Math.min(8, base.length()));
    ext = ext.substring(0, Math.min(3, ext.length()));

    int dot = longName.indexOf('.');
    boolean fits = !lossy && longName.indexOf(' ') < 0 && dot != 0 && dot == longName.lastIndexOf('.')
        && (dot < 0 ? longName.length() <= 8 : dot <= 8 && longName.length() - dot - 1 <= 3 && longName.length() - dot - 1 > 0);
    if (fits) {
      String origBase = dot < 0 ? longName : longName.substring(0, dot);
      String origExt = dot < 0 ? "" : longName.substring(dot + 1);
      int baseCase = letterCase(origBase);
      int extCase = letterCase(origExt);
      String basis = field(base, ext);
      if (!taken.contains(basis)) {
        if (baseCase >= 0 && extCase >= 0) {
          return new ShortName(basis, (baseCase == 1 ? 0x08 : 0) | (extCase == 1 ? 0x10 : 0), false);
        }
        return new ShortName(basis, 0, true);
      }
    }
    for (int n = 1; n <= 999_999; n++) {
      String tail = "~" + n;
      String candidate = field(base.substring(0, Math.min(base.length(), 8 - tail.length())) + tail, ext);
      if (!taken.contains(candidate)) {
        return new ShortName(candidate, 0, true);
      }
    }
    throw new IllegalStateException("no free numeric tail for " + longName);
  }

  /** The name as {@code BASE.EXT} (or {@code BASE}). */
  public String display() {
    String b = name11.substring(0, 8).stripTrailing();
    String e = name11.substring(8).stripTrailing();
    return e.isEmpty() ? b : b + "." + e;
  }

  /** The name field's bytes (ASCII). */
  public byte[] bytes() {
    return name11.getBytes(StandardCharsets.US_ASCII);
  }

  /** The checksum long-name entries carry to tie them to this short name. */
  public int checksum() {
    int sum = 0;
    for (byte b : bytes()) {
      sum = (((sum & 1) << 7) + (sum >> 1) + (b & 0xFF)) & 0xFF;
    }
    return sum;
  }

  /** Whether {@code c} (upper case ASCII) may appear in a short name. */
  public static boolean isShortNameChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "$%'-_@~`!(){}^#&".indexOf(c) >= 0;
  }

  private static String field(String base, String ext) {
    return String.format("%-8s%-3s", base, ext);
  }

  /** 0 no lower-case letters, 1 all letters lower case, -1 mixed. */
  private static int letterCase(String s) {
    boolean upper = false;
    boolean lower = false;
    for (char c : s.toCharArray()) {
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
    }
    return upper && lower ? -1 : lower ? 1 : 0;
  }
}
