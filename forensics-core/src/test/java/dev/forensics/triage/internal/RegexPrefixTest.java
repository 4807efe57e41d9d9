package dev.forensics.triage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RegexPrefixTest {

  @Test
  void literalsAndClasses_givePositionByPositionSets() {
    assertThat(render(RegexPrefix.of("BZh[1-9]", false))).containsExactly("B", "Z", "h", "123456789");
    assertThat(render(RegexPrefix.of("(X|DKIM|ARC)-", false))).containsExactly("ADX");
    assertThat(render(RegexPrefix.of("(?i)<h[123][ >]", false))).containsExactly("<", "Hh", "123", " >");
    assertThat(render(RegexPrefix.of("[0-9]{5,5}", false))).containsExactly(
        "0123456789", "0123456789", "0123456789", "0123456789", "0123456789");
    assertThat(render(RegexPrefix.of("ab", true))).containsExactly("Aa", "Bb");
  }

  @Test
  void optionalPartsAtTheStart_giveTheUnionOfWhatMayComeFirst() {
    assertThat(render(RegexPrefix.of("(?s)^\\s*(?:strict\\s+)?(?:di)?graph\\b", false)))
        .containsExactly("\t\n\u000b\f\r dgs");
    assertThat(render(RegexPrefix.of("a*b", false))).containsExactly("ab");
    assertThat(render(RegexPrefix.of("(999\\r?\\n)?0\\r?\\nSECTION", false))).containsExactly("09");
  }

  @Test
  void whatCanMatchNothing_orIsNotUnderstood_givesNoSets() {
    assertThat(RegexPrefix.of("a*", false)).isEmpty();
    assertThat(RegexPrefix.of(".*x", false)).hasSize(1).allSatisfy(s -> assertThat(Long.bitCount(s[0])
        + Long.bitCount(s[1]) + Long.bitCount(s[2]) + Long.bitCount(s[3])).isEqualTo(256));
    assertThat(RegexPrefix.of("(?x)a b", false)).isEmpty();
    assertThat(RegexPrefix.of("(?u)a", false)).isEmpty();
    assertThat(RegexPrefix.of("\\Qa\\E", false)).isEmpty();
    assertThat(RegexPrefix.of("[a[b]]", false)).isEmpty();
    assertThat(RegexPrefix.of("\\p{L}", false)).isEmpty();
    assertThat(RegexPrefix.of("\u0100", false)).isEmpty();
    assertThat(RegexPrefix.of("a)", false)).isEmpty();
  }

  @Test
  void everyMatch_beginsWithTheSets() {
    List<String> regexes = List.of("a*b", "(?i)ab|c", "a?b+c", "(ab|a)c", "[^a-c]x", "(?:x|)y", "a{2,3}b",
        "a{0}b", "\\d\\s\\w", "(?i:a)b", "((?i)a|b)c", "(?=a)ab", "(?!b)[ab]c", "(a)\\1b", "^ab$", "[a-]b",
        "[\\x41-\\x43]z", "x\\b[ .]", "(?s).a", "\\0101", "\\x{41}b", "\\u0041b", "\\cAb", "[\\d-z]a", "a+?b",
        "(?<n>a)b", "a(?<=a)b", "a|(?i)b", "(?i)x|b", "[^\\s]a", "\\D\\S\\W", "(a|bc){2}d", "(?:ab){1,2}c", "[\\]]a",
        "\\.a", "\\ta|\\n\\r", "(?i)[a-c][^x]", "(?s)^\\x0D.{3}\\x0C", "(?:\\x0D\\x0A|\\x00{1,4})(?:\\xff|ID3)");
    Random random = new Random(5);
    List<String> problems = new ArrayList<>();
    for (String re : regexes) {
      Pattern pattern = Pattern.compile(re);
      List<long[]> sets = RegexPrefix.of(re, false);
      char[] alphabet = alphabet(re);
      int matches = 0;
      for (int i = 0; i < 100_000; i++) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(7);
        for (int k = 0; k < length; k++) {
          s.append(alphabet[random.nextInt(alphabet.length)]);
        }
        Matcher m = pattern.matcher(s);
        if (m.lookingAt()) {
          matches++;
          for (int j = 0; j < sets.size(); j++) {
            char c = j < s.length() ? s.charAt(j) : 0;
            if ((sets.get(j)[c >>> 6] & 1L << c) == 0) {
              problems.add(re + " matches \"" + s + "\" but position " + j + " rules out " + (int) c);
            }
          }
        }
      }
      assertThat(matches).as(re + " matched by some random strings").isPositive();
    }
    assertThat(problems).isEmpty();
  }

  /** The characters of the expression in both cases and a few others, for random strings that often match it. */
  private static char[] alphabet(String re) {
    Set<Character> chars = new LinkedHashSet<>();
    for (char c : re.toCharArray()) {
      chars.add(c);
      chars.add(Character.toUpperCase(c));
      chars.add(Character.toLowerCase(c));
    }
    for (char c : "aA0 \t\n\r\f\u000b\u0000\u0001\u00ff".toCharArray()) {
      chars.add(c);
    }
    char[] out = new char[chars.size()];
    int i = 0;
    for (char c : chars) {
      out[i++] = c;
    }
    return out;
  }

  private static List<String> render(List<long[]> sets) {
    List<String> out = new ArrayList<>();
    for (long[] set : sets) {
      StringBuilder s = new StringBuilder();
      for (int c = 0; c < 256; c++) {
        if ((set[c >>> 6] & 1L << c) != 0) {
          s.append((char) c);
        }
      }
      out.add(s.toString());
    }
    return out;
  }
}
