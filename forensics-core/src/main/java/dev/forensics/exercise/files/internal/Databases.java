package dev.forensics.exercise.files.internal;

import dev.forensics.exercise.files.Draw;
import dev.forensics.exercise.files.Person;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A small SQLite database (contacts and messages of a chat application) built with sqlite-jdbc in a
 * private temporary directory that is deleted afterwards: page size 4096, rollback journal in DELETE
 * mode (no journal or WAL left behind), VACUUMed, and no SQL time function is used (message times are
 * offsets before the scenario time, stored as integers). It is built in a real file rather than in
 * memory so that the header carries a file change counter and the SQLite version number like any file
 * an application wrote; both are constant for one sqlite-jdbc version.
 */
public final class Databases {

  private Databases() {}

  public static byte[] sqlite(Draw draw, Instant modified) throws IOException {
    Path work = Files.createTempDirectory("forensics-sqlite-");
    Path db = work.resolve("generated.sqlite");
    try {
      build(db, draw, modified);
      try (Stream<Path> left = Files.list(work)) {
        List<Path> others = left.filter(p -> !p.equals(db)).toList();
        if (!others.isEmpty()) {
          throw new IOException("SQLite left files behind: " + others);
        }
      }
      return Files.readAllBytes(db);
    } finally {
      Files.deleteIfExists(db);
      Files.deleteIfExists(work.resolve("generated.sqlite-journal"));
      Files.deleteIfExists(work);
    }
  }

  private static void build(Path db, Draw draw, Instant modified) throws IOException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA page_size = 4096");
        s.execute("PRAGMA journal_mode = DELETE");
        s.execute("PRAGMA synchronous = OFF");
        s.execute("PRAGMA encoding = 'UTF-8'");
        s.execute("CREATE TABLE contact (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL)");
        s.execute("CREATE TABLE message (id INTEGER PRIMARY KEY, sender INTEGER NOT NULL REFERENCES contact(id),"
            + " recipient INTEGER NOT NULL REFERENCES contact(id), sent_unix INTEGER NOT NULL, body TEXT NOT NULL)");
        s.execute("CREATE INDEX message_sent ON message(sent_unix)");
      }
      c.setAutoCommit(false);
      int contacts = draw.between(3, 12);
      try (PreparedStatement p = c.prepareStatement("INSERT INTO contact (id, name, email) VALUES (?, ?, ?)")) {
        for (int i = 1; i <= contacts; i++) {
          Person person = draw.person();
          p.setInt(1, i);
          p.setString(2, person.fullName());
          p.setString(3, person.email());
          p.executeUpdate();
        }
      }
      int messages = draw.between(10, 60);
      long end = modified.getEpochSecond();
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO message (id, sender, recipient, sent_unix, body) VALUES (?, ?, ?, ?, ?)")) {
        for (int i = 1; i <= messages; i++) {
          p.setInt(1, i);
          p.setInt(2, draw.between(1, contacts));
          p.setInt(3, draw.between(1, contacts));
          p.setLong(4, end - draw.nextInt(30 * 24 * 3600));
          p.setString(5, draw.sentence().toLowerCase(Locale.ROOT));
          p.executeUpdate();
        }
      }
      c.commit();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("VACUUM");
      }
    } catch (SQLException e) {
      throw new IOException("cannot build the SQLite database: " + e.getMessage(), e);
    }
  }
}
