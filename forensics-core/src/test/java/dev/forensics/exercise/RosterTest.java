package dev.forensics.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RosterTest {

  private static Roster read(String csv) throws Exception {
    return Roster.read(csv.getBytes(StandardCharsets.UTF_8), "students.csv");
  }

  @Test
  void read_commaSeparated_withExtraColumnsAndQuotes() throws Exception {
    Roster r = read("email,student-id,name\na@x.org,ab12,\"Okafor, Ada\"\nb@x.org,cd-34,Bui Thi Lan\n");
    assertThat(r.students())
        .containsExactly(new Roster.Student("ab12", "Okafor, Ada"), new Roster.Student("cd-34", "Bui Thi Lan"));
    assertThat(r.students().get(0).variant()).isEqualTo(Variant.student("ab12"));
  }

  @Test
  void read_semicolonSeparated_withBomAndCrlf_andBlankLines() throws Exception {
    Roster r = read("\uFEFFName;Student-ID\r\nJosé Núñez;s1\r\n\r\nMaría;s2\r\n");
    assertThat(r.students()).extracting(Roster.Student::id).containsExactly("s1", "s2");
    assertThat(r.students().get(0).name()).isEqualTo("José Núñez");
  }

  @Test
  void errors_nameFileAndLine() {
    assertThatThrownBy(() -> read("id,name\nab,Ann\n"))
        .isInstanceOf(RosterException.class)
        .hasMessage("students.csv:1: the header row must name the columns student-id and name, got: id,name");
    assertThatThrownBy(() -> read("student-id,name\nab,Ann\ncd,Bob\nab,Ann again\n"))
        .hasMessage("students.csv:4: duplicate student-id 'ab' (first on line 2)");
    assertThatThrownBy(() -> read("student-id,name\nab,Ann\n,Bob\n"))
        .hasMessage("students.csv:3: student-id is empty");
    assertThatThrownBy(() -> read("student-id,name\nab/../x,Ann\n"))
        .hasMessage("students.csv:2: student-id must be 1 to 64 characters A-Z, a-z, 0-9, '.', '_' or '-',"
            + " starting with a letter or digit, got 'ab/../x'");
    assertThatThrownBy(() -> read("student-id,name\nab,\n"))
        .hasMessage("students.csv:2: name is empty");
    assertThatThrownBy(() -> read("student-id,name\nab\n"))
        .hasMessage("students.csv:2: has 1 columns, the header has 2");
    assertThatThrownBy(() -> read("student-id,name\n"))
        .hasMessage("students.csv: no students below the header row");
    assertThatThrownBy(() -> read(""))
        .hasMessage("students.csv:1: empty file: expected a header row with student-id,name");
    assertThatThrownBy(() -> Roster.read(new byte[] {'a', (byte) 0xe9, '\n'}, "students.csv"))
        .hasMessage("students.csv: not UTF-8 text (save the spreadsheet as CSV UTF-8)");
  }
}
