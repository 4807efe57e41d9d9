package dev.forensics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** HTML escaping, checked by hand and by reading the result back with an HTML5 parser (jsoup). */
class HtmlTextTest {

  @Test
  void escape_theFiveSpecialCharacters() {
    assertThat(HtmlText.escape("a & b < c > d \" e ' f")).isEqualTo("a &amp; b &lt; c &gt; d &quot; e &#39; f");
    assertThat(HtmlText.escape("&amp;")).isEqualTo("&amp;amp;");
    assertThat(HtmlText.escape("")).isEmpty();
    assertThat(HtmlText.escape("ghi chú ข้อมูล 😀")).isEqualTo("ghi chú ข้อมูล 😀");
  }

  @Test
  void escape_forbiddenCharacters_becomeReplacementCharacter() {
    assertThat(HtmlText.escape("a\u0000b\u0007c\u007fd\u0085e")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe");
    assertThat(HtmlText.escape("x\uFDD0\uFFFE\uFFFF")).isEqualTo("x\uFFFD\uFFFD\uFFFD");
    assertThat(HtmlText.escape("\uD83D")).isEqualTo("\uFFFD"); // unpaired high surrogate
    assertThat(HtmlText.escape("a\uDE00b")).isEqualTo("a\uFFFDb"); // unpaired low surrogate
    assertThat(HtmlText.escape(new String(Character.toChars(0x1FFFE)))).isEqualTo("\uFFFD");
    assertThat(HtmlText.escape("tab\tline\nreturn\r")).isEqualTo("tab\tline\nreturn&#13;");
  }

  @Test
  void evidence_showsControlsAndDirectionOverrides_asMarkedEscapes() {
    assertThat(HtmlText.evidence("invoice\u202Efdp.exe"))
        .isEqualTo("invoice<span class=\"ctl\" title=\"U+202E\">\\u202e</span>fdp.exe");
    assertThat(HtmlText.evidence("a\nb")).isEqualTo("a<span class=\"ctl\" title=\"U+000A\">\\n</span>b");
    assertThat(HtmlText.evidence("a\tb\rc")).contains("\\t</span>", "\\r</span>");
    assertThat(HtmlText.evidence("zero\u200Bwidth\u2066iso\uFEFF")).contains("\\u200b", "\\u2066", "\\ufeff")
        .doesNotContain("\u200B", "\u2066", "\uFEFF");
    assertThat(HtmlText.evidence("<img src=x onerror=\"alert('1')\">&"))
        .isEqualTo("&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;");
    assertThat(HtmlText.evidence("\uD800")).isEqualTo("\uFFFD");
  }

  @Test
  void escape_readBackByAnHtmlParser_inTextAndInBothAttributeQuotes() {
    String hostile = "</td></tr></table><script>alert(\"x\")</script> & 'q' <!-- -->";
    Document d = Jsoup.parse("<p id=t title=\"" + HtmlText.escape(hostile) + "\" data-s='" + HtmlText.escape(hostile)
        + "'>" + HtmlText.escape(hostile) + "</p>");
    Element p = d.getElementById("t");
    assertThat(p.text()).isEqualTo(hostile);
    assertThat(p.attr("title")).isEqualTo(hostile);
    assertThat(p.attr("data-s")).isEqualTo(hostile);
    assertThat(p.children()).isEmpty();
    assertThat(d.select("script, table")).isEmpty();
  }

  /** Any string, escaped, is one text node whose text is the string (bar the characters HTML forbids). */
  @Property(tries = 300)
  void escape_roundTripsThroughAnHtml5Parser(@ForAll("hostileText") String s) {
    Document d = Jsoup.parse("<body><p id=t title=\"" + HtmlText.escape(s) + "\">" + HtmlText.escape(s) + "</p>");
    Element p = d.getElementById("t");
    assertThat(p).isNotNull();
    assertThat(p.children()).isEmpty();
    assertThat(d.body().children()).hasSize(1);
    String expected = readable(s);
    assertThat(p.wholeText()).isEqualTo(expected);
    assertThat(p.attr("title")).isEqualTo(expected);
  }

  /** Evidence text never yields an element other than the control marks, and never a raw control. */
  @Property(tries = 300)
  void evidence_yieldsOnlyControlMarks(@ForAll("hostileText") String s) {
    Document d = Jsoup.parse("<body><p id=t>" + HtmlText.evidence(s) + "</p>");
    Element p = d.getElementById("t");
    assertThat(d.body().children()).hasSize(1);
    for (Element child : p.children()) {
      assertThat(child.tagName()).isEqualTo("span");
      assertThat(child.className()).isEqualTo("ctl");
      assertThat(child.children()).isEmpty();
    }
    assertThat(p.wholeText().codePoints()).noneMatch(c -> Character.isISOControl(c)
        || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE);
  }

  @Provide
  Arbitrary<String> hostileText() {
    Arbitrary<Character> special = Arbitraries.of('<', '>', '&', '"', '\'', '/', '=', '!', '-', '\n', '\r', '\t',
        '\u0000', '\u001b', '\u0085', '\u202E', '\u2066', '\u200B', '\uFEFF', '\uFFFE', '\uD800', '\uDC00', 'a', ' ',
        'é', '\u0E02');
    return Arbitraries.oneOf(special, Arbitraries.chars()).list().ofMaxSize(40)
        .map(cs -> {
          StringBuilder sb = new StringBuilder();
          cs.forEach(sb::append);
          return sb.toString();
        });
  }

  /** What a reader gets back from {@link HtmlText#escape}: forbidden characters as U+FFFD. */
  private static String readable(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      boolean unpaired = c <= 0xFFFF && Character.isSurrogate((char) c);
      boolean control = c != '\t' && c != '\n' && c != '\r' && Character.isISOControl(c);
      boolean nonchar = (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
      sb.appendCodePoint(unpaired || control || nonchar ? 0xFFFD : c);
    }
    return sb.toString();
  }
}
