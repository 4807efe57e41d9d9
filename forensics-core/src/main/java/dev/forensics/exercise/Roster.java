package dev.forensics.exercise;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The students of a course, read from a CSV file with a header row naming at least the columns
 * {@code student-id} and {@code name} (any order, other columns ignored; comma or semicolon separated, as
 * spreadsheets export; UTF-8 with or without byte-order mark). Each student gets a {@link Variant}.
 */
public record Roster(List<Roster.Student> students) {

  /** Most students in one roster. */
  public static final int MAX_STUDENTS = 10_000;
  /** Largest roster file read. */
  public static final int MAX_BYTES = 1024 * 1024;

  /** One student: id (names their folder and variant) and name (printed on their handout). */
  public record Student(String id, String name) {
    public Student {
      new Variant.Student(id);
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("name must not be empty");
      }
    }

    /** This student's variant. */
    public Variant variant() {
      return Variant.student(id);
    }
  }

  /**
   * @throws IllegalArgumentException for no students or a duplicate id
   */
  public Roster {
    students = List.copyOf(students);
    if (students.isEmpty()) {
      throw new IllegalArgumentException("no students");
    }
    if (students.stream().map(Student::id).distinct().count() != students.size()) {
      throw new IllegalArgumentException("duplicate student id");
    }
  }

  /**
   * Reads a roster file.
   *
   * @throws RosterException naming file and line for a missing column, an empty or bad id or name, a
   *     duplicate id or a malformed row
   */
  public static Roster read(Path path) throws IOException, RosterException {
    String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
    if (Files.size(path) > MAX_BYTES) {
      throw new RosterException(name, 0, "larger than " + MAX_BYTES + " bytes: not a roster");
    }
    return read(Files.readAllBytes(path), name);
  }

  /** Reads a roster from bytes; {@code name} is used in errors. */
  public static Roster read(byte[] bytes, String name) throws RosterException {
    if (bytes.length > MAX_BYTES) {
      throw new RosterException(name, 0, "larger than " + MAX_BYTES + " bytes: not a roster");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new RosterException(name, 0, "not UTF-8 text (save the spreadsheet as CSV UTF-8)");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    int eol = text.indexOf('\n');
    String header = eol < 0 ? text : text.substring(0, eol);
    char sep = header.indexOf(',') < 0 && header.indexOf(';') >= 0 ? ';' : ',';
    CsvMapper mapper = new CsvMapper();
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(sep);
    List<Student> students = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    try (CsvParser p = mapper.getFactory().createParser(new StringReader(text))) {
      p.setSchema(schema);
      p.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new RosterException(name, 1, "empty file: expected a header row with student-id,name");
      }
      List<String> columns = new ArrayList<>();
      int headerLine = p.currentLocation().getLineNr();
      readRow(p, columns);
      int idCol = -1;
      int nameCol = -1;
      for (int i = 0; i < columns.size(); i++) {
        String c = columns.get(i).trim().toLowerCase(Locale.ROOT);
        if (c.equals("student-id")) {
          idCol = i;
        } else if (c.equals("name")) {
          nameCol = i;
        }
      }
      if (idCol < 0 || nameCol < 0) {
        throw new RosterException(name, headerLine,
            "the header row must name the columns student-id and name, got: " + String.join(String.valueOf(sep), columns));
      }
      while (p.nextToken() == JsonToken.START_ARRAY) {
        int line = p.currentLocation().getLineNr();
        List<String> row = new ArrayList<>();
        readRow(p, row);
        if (row.size() == 1 && row.get(0).isBlank()) {
          continue;
        }
        if (row.size() <= Math.max(idCol, nameCol)) {
          throw new RosterException(name, line, "has " + row.size() + " columns, the header has " + columns.size());
        }
        String id = row.get(idCol).trim();
        String studentName = row.get(nameCol).trim();
        if (id.isEmpty()) {
          throw new RosterException(name, line, "student-id is empty");
        }
        if (!Variant.Student.ID.matcher(id).matches()) {
          throw new RosterException(name, line,
              "student-id must be 1 to 64 characters A-Z, a-z, 0-9, '.', '_' or '-', starting with a letter or digit, got '"
                  + id + "'");
        }
        if (studentName.isEmpty()) {
          throw new RosterException(name, line, "name is empty");
        }
        Integer first = seen.putIfAbsent(id, line);
        if (first != null) {
          throw new RosterException(name, line, "duplicate student-id '" + id + "' (first on line " + first + ")");
        }
        if (students.size() == MAX_STUDENTS) {
          throw new RosterException(name, line, "more than " + MAX_STUDENTS + " students");
        }
        students.add(new Student(id, studentName));
      }
    } catch (IOException e) {
      throw new RosterException(name, 0, "malformed CSV: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (students.isEmpty()) {
      throw new RosterException(name, 0, "no students below the header row");
    }
    return new Roster(students);
  }

  private static void readRow(CsvParser p, List<String> into) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
      into.add(p.getText());
    }
  }
}
