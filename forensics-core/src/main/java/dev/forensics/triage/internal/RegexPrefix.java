package dev.forensics.triage.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The characters that any match of a {@link java.util.regex.Pattern} must begin with, position by
 * position, over text whose characters are all in 0–255 (bytes decoded as ISO-8859-1, as tika-core's
 * magic matching decodes them): for {@code BZh[1-9]} the sets {B}, {Z}, {h}, {1..9}; for
 * {@code (X|DKIM|ARC)-} the set {X, D, A}.
 *
 * <p>The sets may hold more characters than the expression can really match there (anything the
 * analysis does not follow becomes "any character" or ends the prefix), never fewer. An expression
 * that uses a construct not understood here (comments mode, Unicode case, {@code \Q}, nested or
 * intersected classes, properties, a character above 255) gives no prefix at all.
 */
final class RegexPrefix {

  /** More positions than this are not followed (a long literal prefix is already selective). */
  private static final int MAX_POSITIONS = 16;

  private final String re;
  private int pos;
  private boolean ignoreCase;

  private RegexPrefix(String re, boolean ignoreCase) {
    this.re = re;
    this.ignoreCase = ignoreCase;
  }

  /**
   * The sets, each 256 bits, for the first characters of every match of {@code regex}; empty when
   * nothing is known (the expression can match the empty string, or is not understood).
   *
   * @param caseInsensitive whether the pattern is compiled with {@code CASE_INSENSITIVE}
   */
  static List<long[]> of(String regex, boolean caseInsensitive) {
    RegexPrefix p = new RegexPrefix(regex, caseInsensitive);
    try {
      Info info = p.alternation();
      if (p.pos != regex.length()) {
        return List.of(); // an unbalanced ')'
      }
      if (info.sets.isEmpty() && !info.nullable) {
        return List.of(info.first);
      }
      return info.sets;
    } catch (Unsupported | IndexOutOfBoundsException | NumberFormatException e) {
      return List.of(); // not understood here: no prefix, so the expression is always a candidate
    }
  }

  /** What a part of the expression says about the matches it makes. */
  private static final class Info {
    /** Every match of the part begins with a character of sets[0], then of sets[1], ... */
    final List<long[]> sets;
    /** Every match of the part is exactly sets.size() characters long. */
    final boolean exact;
    /** Whether the part may match the empty string. */
    final boolean nullable;
    /** The characters a non-empty match of the part may begin with. */
    final long[] first;

    Info(List<long[]> sets, boolean exact, boolean nullable, long[] first) {
      this.sets = sets;
      this.exact = exact;
      this.nullable = nullable;
      this.first = first;
    }

    /** Zero-width: consumes nothing (an anchor, a look-around, a flag). */
    static Info empty() {
      return new Info(List.of(), true, true, new long[4]);
    }

    /** Anything, of any length (a back reference). */
    static Info unknown() {
      return new Info(List.of(), false, true, all());
    }

    static Info of(long[] set) {
      return new Info(List.of(set), true, false, set);
    }
  }

  private static final class Unsupported extends Exception {
    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  private Info alternation() throws Unsupported {
    // an inline flag lasts to the end of its group, across '|' (java.util.regex keeps it on)
    Info result = sequence();
    while (pos < re.length() && re.charAt(pos) == '|') {
      pos++;
      Info next = sequence();
      result = union(result, next);
    }
    return result;
  }

  private static Info union(Info a, Info b) {
    int n = Math.min(a.sets.size(), b.sets.size());
    List<long[]> sets = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      sets.add(or(a.sets.get(i), b.sets.get(i)));
    }
    return new Info(sets, a.exact && b.exact && a.sets.size() == b.sets.size(), a.nullable || b.nullable,
        or(a.first, b.first));
  }

  private Info sequence() throws Unsupported {
    List<long[]> sets = new ArrayList<>();
    boolean exact = true;
    boolean nullable = true;
    long[] first = new long[4];
    while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
      Info term = term();
      if (nullable) {
        first = or(first, term.first);
        nullable = term.nullable;
      }
      if (exact) {
        for (long[] s : term.sets) {
          if (sets.size() < MAX_POSITIONS) {
            sets.add(s);
          } else {
            exact = false;
          }
        }
        exact = exact && term.exact;
      }
    }
    return new Info(sets, exact, nullable, first);
  }

  private Info term() throws Unsupported {
    Info atom = atom();
    if (pos >= re.length()) {
      return atom;
    }
    char c = re.charAt(pos);
    int min;
    int max;
    if (c == '?') {
      min = 0;
      max = 1;
      pos++;
    } else if (c == '*') {
      min = 0;
      max = Integer.MAX_VALUE;
      pos++;
    } else if (c == '+') {
      min = 1;
      max = Integer.MAX_VALUE;
      pos++;
    } else if (c == '{') {
      pos++;
      min = number();
      max = min;
      if (re.charAt(pos) == ',') {
        pos++;
        max = re.charAt(pos) == '}' ? Integer.MAX_VALUE : number();
      }
      expect('}');
    } else {
      return atom;
    }
    if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
      pos++; // lazy or possessive: the same matches at the start
    }
    if (min == 0) {
      boolean zeroWidth = atom.exact && atom.sets.isEmpty();
      return new Info(List.of(), zeroWidth, true, atom.first);
    }
    if (!atom.exact) {
      return new Info(atom.sets, false, atom.nullable, atom.first);
    }
    List<long[]> sets = new ArrayList<>();
    for (int i = 0; i < min && sets.size() + atom.sets.size() <= MAX_POSITIONS; i++) {
      sets.addAll(atom.sets);
    }
    boolean exact = min == max && sets.size() == min * atom.sets.size();
    return new Info(sets, exact, atom.nullable, atom.first);
  }

  private int number() throws Unsupported {
    int start = pos;
    while (Character.isDigit(re.charAt(pos))) {
      pos++;
    }
    if (pos == start) {
      throw new Unsupported("quantifier without a number");
    }
    return Integer.parseInt(re.substring(start, pos));
  }

  private void expect(char c) throws Unsupported {
    if (re.charAt(pos) != c) {
      throw new Unsupported("expected " + c + " at " + pos);
    }
    pos++;
  }

  private Info atom() throws Unsupported {
    char c = re.charAt(pos++);
    switch (c) {
      case '(':
        return group();
      case '[':
        return Info.of(fold(charClass()));
      case '.':
        return Info.of(all());
      case '^':
      case '$':
        return Info.empty(); // zero-width: assumed to hold
      case '\\':
        return escape();
      case '?':
      case '*':
      case '+':
      case '{':
        throw new Unsupported("dangling quantifier");
      default:
        return Info.of(fold(single(c)));
    }
  }

  private Info group() throws Unsupported {
    boolean flagsBefore = ignoreCase;
    boolean zeroWidth = false;
    if (re.charAt(pos) == '?') {
      pos++;
      char k = re.charAt(pos);
      if (k == ':' || k == '>') {
        pos++;
      } else if (k == '=' || k == '!') {
        pos++;
        zeroWidth = true;
      } else if (k == '<') {
        pos++;
        char k2 = re.charAt(pos);
        if (k2 == '=' || k2 == '!') {
          pos++;
          zeroWidth = true;
        } else {
          while (Character.isLetterOrDigit(re.charAt(pos))) {
            pos++; // a named group
          }
          expect('>');
        }
      } else {
        // inline flags: (?is) lasting to the end of the enclosing group, or (?i:...) a group of its own
        boolean on = true;
        while (true) {
          char f = re.charAt(pos++);
          if (f == '-') {
            on = false;
          } else if (f == 'i') {
            ignoreCase = on || ignoreCase; // turning it off is not followed: folding more is safe
          } else if (f == 's' || f == 'm' || f == 'd') {
            // dot-all, multi-line, Unix lines: '.', '^' and '$' are not followed anyway
          } else if (f == ')') {
            return Info.empty();
          } else if (f == ':') {
            break;
          } else {
            throw new Unsupported("flag " + f);
          }
        }
        Info inner = alternation();
        expect(')');
        ignoreCase = flagsBefore;
        return inner;
      }
    }
    Info inner = alternation();
    expect(')');
    if (zeroWidth) {
      ignoreCase = flagsBefore;
      return Info.empty(); // a look-ahead or look-behind consumes nothing: assumed to hold
    }
    // flags set inside a group end with it
    ignoreCase = flagsBefore || ignoreCase;
    return inner;
  }

  private Info escape() throws Unsupported {
    char c = re.charAt(pos);
    if (c >= '1' && c <= '9') {
      while (pos < re.length() && Character.isDigit(re.charAt(pos))) {
        pos++;
      }
      return Info.unknown(); // a back reference: its length is unknown, so the prefix ends here
    }
    if (c == 'k') {
      pos++;
      expect('<');
      while (re.charAt(pos) != '>') {
        pos++;
      }
      pos++;
      return Info.unknown();
    }
    switch (c) {
      case 'b':
      case 'B':
      case 'A':
      case 'G':
      case 'z':
      case 'Z':
        pos++;
        return Info.empty();
      default:
        return Info.of(fold(escapedSet()));
    }
  }

  /** The set for an escape that stands for one character ({@code pos} is just after the backslash). */
  private long[] escapedSet() throws Unsupported {
    char c = re.charAt(pos++);
    switch (c) {
      case 't':
        return single('\t');
      case 'n':
        return single('\n');
      case 'r':
        return single('\r');
      case 'f':
        return single('\f');
      case 'a':
        return single('\u0007');
      case 'e':
        return single('\u001B');
      case 'x': {
        if (re.charAt(pos) == '{') {
          int close = re.indexOf('}', pos);
          int cp = Integer.parseInt(re.substring(pos + 1, close), 16);
          pos = close + 1;
          return single(cp);
        }
        int cp = Integer.parseInt(re.substring(pos, pos + 2), 16);
        pos += 2;
        return single(cp);
      }
      case 'u': {
        int cp = Integer.parseInt(re.substring(pos, pos + 4), 16);
        pos += 4;
        return single(cp);
      }
      case '0': {
        int start = pos;
        while (pos < re.length() && pos < start + 3 && re.charAt(pos) >= '0' && re.charAt(pos) <= '7') {
          pos++;
        }
        if (pos == start) {
          throw new Unsupported("\\0 without digits");
        }
        return single(Integer.parseInt(re.substring(start, pos), 8));
      }
      case 'c':
        return single(re.charAt(pos++) ^ 64);
      case 'd':
        return range('0', '9');
      case 'D':
        return not(range('0', '9'));
      case 's':
        return space();
      case 'S':
        return not(space());
      case 'w':
        return word();
      case 'W':
        return not(word());
      default:
        if (Character.isLetterOrDigit(c)) {
          throw new Unsupported("escape \\" + c);
        }
        return single(c); // an escaped metacharacter stands for itself
    }
  }

  /** A bracketed class ({@code pos} is just after the '['). */
  private long[] charClass() throws Unsupported {
    boolean negate = false;
    if (re.charAt(pos) == '^') {
      negate = true;
      pos++;
    }
    if (re.charAt(pos) == ']') {
      throw new Unsupported("']' first in a class");
    }
    long[] set = new long[4];
    while (re.charAt(pos) != ']') {
      char c = re.charAt(pos);
      if (c == '[' || (c == '&' && re.charAt(pos + 1) == '&')) {
        throw new Unsupported("nested or intersected class");
      }
      long[] item;
      int low = -1;
      if (c == '\\') {
        pos++;
        char e = re.charAt(pos);
        if ("dDsSwW".indexOf(e) >= 0) {
          item = escapedSet();
        } else {
          item = escapedSet();
          low = singleValue(item);
        }
      } else {
        pos++;
        low = c;
        item = single(c);
      }
      if (low >= 0 && re.charAt(pos) == '-' && re.charAt(pos + 1) != ']') {
        pos++;
        int high;
        char h = re.charAt(pos);
        if (h == '\\') {
          pos++;
          high = singleValue(escapedSet());
        } else if (h == '[') {
          throw new Unsupported("nested class");
        } else {
          pos++;
          high = h;
        }
        if (high < 0 || high < low) {
          throw new Unsupported("bad range");
        }
        item = range(low, high);
      }
      set = or(set, item);
    }
    pos++; // ']'
    return negate ? not(set) : set;
  }

  /** The one character of a single-character set, or -1. */
  private static int singleValue(long[] set) {
    int found = -1;
    for (int b = 0; b < 256; b++) {
      if ((set[b >>> 6] & 1L << b) != 0) {
        if (found >= 0) {
          return -1;
        }
        found = b;
      }
    }
    return found;
  }

  private long[] fold(long[] set) {
    if (!ignoreCase) {
      return set;
    }
    long[] out = set.clone();
    for (int b = 0; b < 256; b++) {
      if ((set[b >>> 6] & 1L << b) != 0) {
        add(out, Character.toLowerCase(b));
        add(out, Character.toUpperCase(b));
      }
    }
    return out;
  }

  private static void add(long[] set, int c) {
    if (c < 256) {
      set[c >>> 6] |= 1L << c;
    }
  }

  private static long[] single(int c) throws Unsupported {
    if (c < 0 || c > 255) {
      throw new Unsupported("character " + c + " outside ISO-8859-1");
    }
    long[] set = new long[4];
    set[c >>> 6] |= 1L << c;
    return set;
  }

  private static long[] range(int low, int high) throws Unsupported {
    if (high > 255) {
      throw new Unsupported("range beyond ISO-8859-1");
    }
    long[] set = new long[4];
    for (int c = low; c <= high; c++) {
      set[c >>> 6] |= 1L << c;
    }
    return set;
  }

  /** {@code \s} without UNICODE_CHARACTER_CLASS: [ \t\n\x0B\f\r]. */
  private static long[] space() throws Unsupported {
    long[] set = new long[4];
    for (char c : new char[] {' ', '\t', '\n', '\u000B', '\f', '\r'}) {
      set = or(set, single(c));
    }
    return set;
  }

  /** {@code \w} without UNICODE_CHARACTER_CLASS: [a-zA-Z_0-9]. */
  private static long[] word() throws Unsupported {
    return or(or(range('a', 'z'), range('A', 'Z')), or(range('0', '9'), single('_')));
  }

  private static long[] all() {
    return new long[] {-1L, -1L, -1L, -1L};
  }

  private static long[] not(long[] set) {
    return new long[] {~set[0], ~set[1], ~set[2], ~set[3]};
  }

  private static long[] or(long[] a, long[] b) {
    return new long[] {a[0] | b[0], a[1] | b[1], a[2] | b[2], a[3] | b[3]};
  }
}
