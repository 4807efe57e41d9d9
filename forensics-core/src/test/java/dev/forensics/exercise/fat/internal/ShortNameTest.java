package dev.forensics.exercise.fat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShortNameTest {

  private static ShortName gen(String name, Set<String> taken) {
    ShortName s = ShortName.generate(name, taken);
    taken.add(s.name11());
    return s;
  }

  private static ShortName gen(String name) {
    return ShortName.generate(name, Set.of());
  }

  @Test
  void upperCase83_isStoredAsIs_withoutLongName() {
    ShortName s = gen("README.TXT");
    assertThat(s.name11()).isEqualTo("README  TXT");
    assertThat(s.needsLongName()).isFalse();
    assertThat(s.caseFlags()).isZero();
    assertThat(s.display()).isEqualTo("README.TXT");
  }

  @Test
  void lowerCaseParts_useNtCaseFlags_withoutLongName() {
    assertThat(gen("notes.txt")).isEqualTo(new ShortName("NOTES   TXT", 0x18, false));
    assertThat(gen("notes.TXT")).isEqualTo(new ShortName("NOTES   TXT", 0x08, false));
    assertThat(gen("NOTES.txt")).isEqualTo(new ShortName("NOTES   TXT", 0x10, false));
    assertThat(gen("makefile")).isEqualTo(new ShortName("MAKEFILE   ", 0x08, false));
    assertThat(gen("2024.log")).isEqualTo(new ShortName("2024    LOG", 0x10, false));
  }

  @Test
  void mixedCase83_keepsBasisName_butNeedsLongName() {
    assertThat(gen("Mixed.Txt")).isEqualTo(new ShortName("MIXED   TXT", 0, true));
  }

  @Test
  void longNames_getNumericTails() {
    Set<String> taken = new HashSet<>();
    assertThat(gen("Quarterly Report 2024.docx", taken).display()).isEqualTo("QUARTE~1.DOC");
    assertThat(gen("Quarterly Report 2023.docx", taken).display()).isEqualTo("QUARTE~2.DOC");
    for (int i = 3; i <= 9; i++) {
      gen("Quarterly Report " + i + ".docx", taken);
    }
    assertThat(gen("Quarterly Report 10.docx", taken).display()).isEqualTo("QUART~10.DOC");
  }

  @Test
  void lossyCharacters_becomeUnderscore_withTail() {
    assertThat(gen("café menu.pdf").display()).isEqualTo("CAF_ME~1.PDF");
    assertThat(gen("a+b.txt").display()).isEqualTo("A_B~1.TXT");
    assertThat(gen("\uD83D\uDE00.txt").display()).isEqualTo("_~1.TXT"); // one '_' per character
  }

  @Test
  void periods_onlyTheLastStartsTheExtension_leadingOnesDropped() {
    assertThat(gen("a.b.c.log").display()).isEqualTo("ABC~1.LOG");
    assertThat(gen(".profile").display()).isEqualTo("PROFIL~1");
    assertThat(gen("archive.tar.gz").display()).isEqualTo("ARCHIV~1.GZ");
    assertThat(gen("long extension.html").display()).isEqualTo("LONGEX~1.HTM");
  }

  @Test
  void spaces_areDropped() {
    assertThat(gen("my file.txt").display()).isEqualTo("MYFILE~1.TXT");
  }

  @Test
  void collidingBasis_of83Name_getsTail() {
    Set<String> taken = new HashSet<>(Set.of("README  TXT"));
    assertThat(gen("Readme.txt", taken)).isEqualTo(new ShortName("README~1TXT", 0, true));
  }

  @Test
  void checksum_matchesTheSpecificationsRotateAndAdd() {
    // independent computation: sum = ((sum & 1) << 7) + (sum >> 1) + c over the 11 bytes, mod 256
    ShortName s = gen("Quarterly Report 2024.docx");
    int sum = 0;
    for (char c : "QUARTE~1DOC".toCharArray()) {
      sum = ((sum & 1) != 0 ? 0x80 : 0) + (sum >> 1) + c;
      sum &= 0xFF;
    }
    assertThat(s.checksum()).isEqualTo(sum);
  }
}
