package dev.forensics.knownfiles;

import dev.forensics.hash.HashAlgorithm;
import dev.forensics.knownfiles.internal.HexWords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * Reads an NSRL RDS v3 SQLite database, opened read-only: {@code SELECT sha256, sha1, md5 FROM FILE},
 * or from the {@code DISTINCT_HASH} view when there is no {@code FILE} table or view. File names are not
 * read. Problems carry the row's 1-based position in the query result as their line.
 */
final class NsrlRdsV3Reader {

  private static final HashAlgorithm[] COLUMNS = {
    HashAlgorithm.SHA256, HashAlgorithm.SHA1, HashAlgorithm.MD5
  };

  private NsrlRdsV3Reader() {}

  static KnownFileSetLoadResult read(Path file, HashSetKind kind, String name) throws IOException {
    String source = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(source);
    }
    KnownFileSet.Builder builder =
        KnownFileSet.builder(name, kind, HashSetFormat.NSRL_RDS_V3).names(LoadOptions.NameRetention.DROP);
    ProblemLog problems = new ProblemLog(source);
    long[][] keys = new long[HashAlgorithm.values().length][];
    for (HashAlgorithm a : COLUMNS) {
      keys[a.ordinal()] = new long[HexWords.wordsFor(a.lengthBytes())];
    }
    long entries = 0;
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    try (Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
      String relation = relation(connection, source);
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT sha256, sha1, md5 FROM \"" + relation + "\"")) {
        long row = 0;
        while (rows.next()) {
          row++;
          int mask = 0;
          String error = null;
          for (int c = 0; c < COLUMNS.length && error == null; c++) {
            HashAlgorithm a = COLUMNS[c];
            String hex = rows.getString(c + 1);
            if (hex == null || hex.isEmpty()) {
              continue;
            }
            if (hex.length() != a.hexLength()) {
              error = a.id() + " digest must be " + a.hexLength() + " hex digits, got " + hex.length();
            } else {
              int bad = HexWords.parse(hex, 0, hex.length(), keys[a.ordinal()]);
              if (bad >= 0) {
                error = ChecksumListReader.notHex(a, bad, hex.charAt(bad));
              }
              mask |= 1 << a.ordinal();
            }
          }
          if (error == null && mask == 0) {
            error = "row has no digest";
          }
          if (error != null) {
            problems.add(row, error);
            continue;
          }
          builder.addRow(mask, keys, null);
          entries++;
        }
      }
    } catch (SQLException e) {
      throw new HashSetParseException(source, 0, "cannot read NSRL RDS v3 database: " + e.getMessage(), e);
    }
    return new KnownFileSetLoadResult(builder.build(), problems.toList(), entries);
  }

  /** {@code FILE} if the database has such a table or view, else {@code DISTINCT_HASH}. */
  private static String relation(Connection connection, String source) throws SQLException, HashSetParseException {
    boolean file = false;
    boolean distinct = false;
    try (PreparedStatement s =
            connection.prepareStatement(
                "SELECT upper(name) FROM sqlite_master WHERE type IN ('table', 'view')"
                    + " AND upper(name) IN ('FILE', 'DISTINCT_HASH')");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        file |= "FILE".equals(rs.getString(1));
        distinct |= "DISTINCT_HASH".equals(rs.getString(1));
      }
    }
    if (file) {
      return "FILE";
    }
    if (distinct) {
      return "DISTINCT_HASH";
    }
    throw new HashSetParseException(
        source, 0, "not an NSRL RDS v3 database: no FILE or DISTINCT_HASH table or view");
  }
}
