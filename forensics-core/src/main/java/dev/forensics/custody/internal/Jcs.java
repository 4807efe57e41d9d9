package dev.forensics.custody.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 JSON Canonicalization Scheme over a Jackson tree, restricted to integer numbers.
 *
 * <p>Object members are sorted by their names compared as sequences of UTF-16 code units ({@link
 * String#compareTo} is exactly that order); no whitespace; strings are written as UTF-8 with only
 * {@code "}, {@code \} and the control characters U+0000..U+001F escaped ({@code \b \t \n \f \r} in
 * short form, the others as {@code \}{@code u00xx} with lower-case hex). Numbers: only integers whose
 * magnitude is at most 2^53 (where ECMAScript's serialization is the plain decimal) are accepted; any
 * other number, and any string holding an unpaired surrogate, is refused.
 */
public final class Jcs {

  /** The largest integer an IEEE-754 double holds exactly. */
  public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private Jcs() {}

  /** The canonical UTF-8 bytes of {@code node}. */
  public static byte[] canonicalize(JsonNode node) {
    StringBuilder sb = new StringBuilder(256);
    write(node, sb);
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The canonical bytes of an object, and of the same object without its member {@code omit}, from
   * one serialization: {@code [full, without]}.
   */
  public static byte[][] canonicalizePair(JsonNode object, String omit) {
    if (!object.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
    object.fields().forEachRemaining(members::add);
    members.sort(Map.Entry.comparingByKey());
    StringBuilder sb = new StringBuilder(1024);
    sb.append('{');
    int from = -1;
    int to = -1;
    for (int i = 0; i < members.size(); i++) {
      Map.Entry<String, JsonNode> m = members.get(i);
      boolean skip = m.getKey().equals(omit);
      if (skip) {
        from = sb.length();
      }
      if (i > 0) {
        sb.append(',');
      }
      string(m.getKey(), sb);
      sb.append(':');
      write(m.getValue(), sb);
      if (skip) {
        to = sb.length();
      }
    }
    sb.append('}');
    byte[] full = utf8(sb, 0, sb.length());
    if (from < 0) {
      return new byte[][] {full, full};
    }
    if (from == 1 && to < sb.length() - 1) {
      to++; // the first member: drop the comma after it
    }
    // the bytes before and after the omitted member; both sides are whole characters
    int head = utf8Length(sb, 0, from);
    int cut = utf8Length(sb, from, to);
    byte[] without = new byte[full.length - cut];
    System.arraycopy(full, 0, without, 0, head);
    System.arraycopy(full, head + cut, without, head, full.length - head - cut);
    return new byte[][] {full, without};
  }

  private static byte[] utf8(CharSequence s, int from, int to) {
    return s.subSequence(from, to).toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The length in UTF-8 of {@code s[from, to)}, which holds no unpaired surrogate (checked when written). */
  private static int utf8Length(CharSequence s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  private static void write(JsonNode n, StringBuilder sb) {
    switch (n.getNodeType()) {
      case OBJECT:
        {
          List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
          Iterator<Map.Entry<String, JsonNode>> it = n.fields();
          while (it.hasNext()) {
            members.add(it.next());
          }
          members.sort(Map.Entry.comparingByKey());
          sb.append('{');
          boolean first = true;
          for (Map.Entry<String, JsonNode> m : members) {
            if (!first) {
              sb.append(',');
            }
            first = false;
            string(m.getKey(), sb);
            sb.append(':');
            write(m.getValue(), sb);
          }
          sb.append('}');
          return;
        }
      case ARRAY:
        {
          sb.append('[');
          for (int i = 0; i < n.size(); i++) {
            if (i > 0) {
              sb.append(',');
            }
            write(n.get(i), sb);
          }
          sb.append(']');
          return;
        }
      case STRING:
        string(n.textValue(), sb);
        return;
      case BOOLEAN:
        sb.append(n.booleanValue() ? "true" : "false");
        return;
      case NULL:
        sb.append("null");
        return;
      case NUMBER:
        if (!n.isIntegralNumber() || !n.canConvertToLong()
            || Math.abs(n.longValue()) > MAX_SAFE_INTEGER) {
          throw new IllegalArgumentException(
              "only integers of magnitude at most 2^53-1 are allowed, got " + n.asText());
        }
        sb.append(n.longValue());
        return;
      default:
        throw new IllegalArgumentException("not a JSON value: " + n.getNodeType());
    }
  }

  private static void string(String s, StringBuilder sb) {
    sb.append('"');
    int plain = plainPrefix(s);
    sb.append(s, 0, plain);
    for (int i = plain; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\f' -> sb.append("\\f");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20) {
            sb.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
          } else if (Character.isHighSurrogate(c)) {
            if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
              throw new IllegalArgumentException("unpaired surrogate in string at index " + i);
            }
            sb.append(c).append(s.charAt(++i));
          } else if (Character.isLowSurrogate(c)) {
            throw new IllegalArgumentException("unpaired surrogate in string at index " + i);
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** The length of the longest prefix of {@code s} that is copied unchanged (no escape, no surrogate). */
  private static int plainPrefix(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
        return i;
      }
    }
    return s.length();
  }
}
