package dev.forensics.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NamePatternTest {

  static final LocalDate DAY = LocalDate.of(2026, 2, 3);

  @Test
  void render_fillsEveryPlaceholder() {
    assertThat(NamePattern.parse("IMG_{n:4}.jpg").render(7, "x", DAY)).isEqualTo("IMG_0007.jpg");
    assertThat(NamePattern.parse("IMG_{n:2}.jpg").render(12345, "x", DAY)).isEqualTo("IMG_12345.jpg");
    assertThat(NamePattern.parse("{word}-{n}.docx").render(3, "harbour", DAY)).isEqualTo("harbour-3.docx");
    assertThat(NamePattern.parse("scan_{date}.pdf").render(1, "x", DAY)).isEqualTo("scan_20260203.pdf");
    assertThat(NamePattern.parse("{year}/{month}").render(1, "x", DAY)).isEqualTo("2026/02");
    assertThat(NamePattern.parse("plain.txt").render(9, "x", DAY)).isEqualTo("plain.txt");
  }

  @Test
  void suffixAndNumbering() {
    assertThat(NamePattern.parse("IMG_{n}.jpg").literalSuffix()).isEqualTo(".jpg");
    assertThat(NamePattern.parse("IMG_{n}").literalSuffix()).isEmpty();
    assertThat(NamePattern.parse("IMG_{n}.jpg").numbersFiles()).isTrue();
    assertThat(NamePattern.parse("{word}.jpg").numbersFiles()).isFalse();
    assertThat(NamePattern.parse("a{n}")).isEqualTo(NamePattern.parse("a{n}"));
  }

  @Test
  void parse_refusesUnknownPlaceholdersAndStrayBraces() {
    assertThatThrownBy(() -> NamePattern.parse("a{N}.jpg"))
        .hasMessage("unknown placeholder {N} (known: {n}, {n:WIDTH}, {word}, {date}, {year}, {month})");
    assertThatThrownBy(() -> NamePattern.parse("a{n:0}.jpg")).hasMessageStartingWith("unknown placeholder {n:0}");
    assertThatThrownBy(() -> NamePattern.parse("a{n.jpg")).hasMessage("'{' without '}' at position 2 of 'a{n.jpg'");
    assertThatThrownBy(() -> NamePattern.parse("a}.jpg")).hasMessage("'}' without '{' at position 2 of 'a}.jpg'");
  }
}
