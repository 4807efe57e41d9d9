package dev.forensics.cli;

import java.util.Locale;

/**
 * Text made safe for HTML: for element content and for double- or single-quoted attribute values.
 *
 * <p>{@link #escape} replaces the five characters that HTML gives a meaning ({@code & < > " '}), and
 * carriage return (which a parser would turn into a line feed), by character references, and characters a document must not hold (C0 and C1 controls other than tab and
 * line breaks, noncharacters, unpaired surrogates) by U+FFFD. {@link #evidence} is for strings that come
 * from the evidence (file names, reasons that quote them): it also shows line breaks, tabs, controls and
 * invisible formatting characters (the direction controls U+202A–U+202E and U+2066–U+2069 that reorder a
 * name on screen, zero-width characters) as visible {@code \n}, {@code \t}, {@code \u202e} marks, so a
 * name can neither inject markup nor disguise itself.
 */
final class HtmlText {

  private HtmlText() {}

  /** {@code s} with {@code & < > " '} as character references and forbidden characters as U+FFFD. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isSurrogate((char) c) && c <= 0xFFFF) {
        sb.append('\uFFFD'); // an unpaired surrogate: no UTF-8 encoding exists
      } else if (c != '\t' && c != '\n' && c != '\r' && (Character.isISOControl(c) || isNoncharacter(c))) {
        sb.append('\uFFFD');
      } else {
        appendEscaped(sb, c);
      }
    }
    return sb.toString();
  }

  /**
   * {@code s} escaped as by {@link #escape}, with line breaks, tabs, controls and invisible formatting
   * characters shown as a marked escape ({@code <span class="ctl" title="U+202E">\u202e</span>}), as the
   * text output shows them.
   */
  static String evidence(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isSurrogate((char) c) && c <= 0xFFFF) {
        sb.append('\uFFFD');
      } else if (Character.isISOControl(c) || isNoncharacter(c) || isInvisibleFormat(c)) {
        String shown = switch (c) {
          case '\n' -> "\\n";
          case '\r' -> "\\r";
          case '\t' -> "\\t";
          default -> String.format(Locale.ROOT, "\\u%04x", c);
        };
        sb.append("<span class=\"ctl\" title=\"U+").append(String.format(Locale.ROOT, "%04X", c)).append("\">")
            .append(shown).append("</span>");
      } else {
        appendEscaped(sb, c);
      }
    }
    return sb.toString();
  }

  private static void appendEscaped(StringBuilder sb, int c) {
    switch (c) {
      case '&' -> sb.append("&amp;");
      case '<' -> sb.append("&lt;");
      case '>' -> sb.append("&gt;");
      case '"' -> sb.append("&quot;");
      case '\'' -> sb.append("&#39;");
      case '\r' -> sb.append("&#13;"); // a raw CR would be read back as a line feed
      default -> sb.appendCodePoint(c);
    }
  }

  /** The Unicode noncharacters: U+FDD0..U+FDEF and the last two code points of every plane. */
  private static boolean isNoncharacter(int c) {
    return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
  }

  /** Direction controls, zero-width and other format characters (general category Cf). */
  private static boolean isInvisibleFormat(int c) {
    return Character.getType(c) == Character.FORMAT;
  }
}
