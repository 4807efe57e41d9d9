package dev.forensics.knownfiles;

import static dev.forensics.knownfiles.Fixtures.digests;
import static dev.forensics.knownfiles.Fixtures.md5;
import static dev.forensics.knownfiles.Fixtures.sha1;
import static dev.forensics.knownfiles.Fixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NsrlRdsV3LoadTest {

  @TempDir Path dir;

  @Test
  void load_fileTable_allThreeAlgorithmsDeduplicated() throws Exception {
    Path db = rdsV3(dir.resolve("RDS_2024.03.1_modern_minimal.db"), "FILE");

    KnownFileSetLoadResult result = KnownFileSets.loadNsrlV3(db, HashSetKind.KNOWN, "NSRL");

    assertThat(result.problems()).isEmpty();
    assertThat(result.entriesRead()).isEqualTo(4);
    KnownFileSet set = result.set();
    assertThat(set.format()).isEqualTo(HashSetFormat.NSRL_RDS_V3);
    assertThat(set.algorithms()).containsExactly(HashAlgorithm.MD5, HashAlgorithm.SHA1, HashAlgorithm.SHA256);
    assertThat(set.size()).isEqualTo(3);
    for (String word : new String[] {"alpha", "beta", "gamma"}) {
      assertThat(set.contains(sha256(word))).isTrue();
      assertThat(set.contains(sha1(word))).isTrue();
      assertThat(set.contains(md5(word))).isTrue();
    }
    assertThat(set.contains(sha256("delta"))).isFalse();
    assertThat(set.match(digests("beta", HashAlgorithm.MD5, HashAlgorithm.SHA256)))
        .hasValueSatisfying(
            m -> {
              assertThat(m.algorithm()).isEqualTo(HashAlgorithm.SHA256);
              assertThat(m.fileName()).isEmpty();
            });
  }

  @Test
  void load_fileIsAView_readsThroughIt() throws Exception {
    Path db = rdsV3(dir.resolve("view.db"), "FILE_DATA");
    try (Connection c = connect(db); Statement s = c.createStatement()) {
      s.execute("CREATE VIEW FILE AS SELECT * FROM FILE_DATA");
    }

    KnownFileSetLoadResult result = KnownFileSets.load(db, HashSetKind.KNOWN, "NSRL");

    assertThat(result.problems()).isEmpty();
    assertThat(result.set().format()).isEqualTo(HashSetFormat.NSRL_RDS_V3);
    assertThat(result.set().size()).isEqualTo(3);
    assertThat(result.set().contains(md5("gamma"))).isTrue();
  }

  @Test
  void load_onlyDistinctHash_readsTheView() throws Exception {
    Path db = rdsV3(dir.resolve("distinct.db"), "FILE_DATA");

    KnownFileSetLoadResult result = KnownFileSets.loadNsrlV3(db, HashSetKind.KNOWN, "NSRL");

    assertThat(result.problems()).isEmpty();
    assertThat(result.entriesRead()).isEqualTo(3); // DISTINCT_HASH already merged alpha's two rows
    assertThat(result.set().contains(sha1("alpha"))).isTrue();
  }

  @Test
  void load_malformedRows_reportedByRowNumber() throws Exception {
    Path db = rdsV3(dir.resolve("bad.db"), "FILE");
    try (Connection c = connect(db);
        PreparedStatement p = c.prepareStatement("INSERT INTO FILE VALUES (?, ?, ?, '00000000', 'x', 1, 1)")) {
      insert(p, "NOT-A-HASH", hex(sha1("delta")), hex(md5("delta")));
      insert(p, null, null, null);
      insert(p, hex(sha256("epsilon")), "Z" + hex(sha1("epsilon")).substring(1), hex(md5("epsilon")));
      insert(p, hex(sha256("zeta")), null, null);
    }

    KnownFileSetLoadResult result = KnownFileSets.loadNsrlV3(db, HashSetKind.KNOWN, "NSRL");

    assertThat(result.problems())
        .extracting(HashSetProblem::line, HashSetProblem::message)
        .containsExactly(
            tuple(5L, "sha256 digest must be 64 hex digits, got 10"),
            tuple(6L, "row has no digest"),
            tuple(7L, "not a hex digit at position 1 of sha1 digest: 'Z'"));
    assertThat(result.problems().get(0).toString()).isEqualTo(db + ":5: sha256 digest must be 64 hex digits, got 10");
    // a row with only a sha256 forms its own group: matched on sha256 whatever else the file has
    assertThat(result.set().match(DigestSet.of(md5("x"), sha256("zeta")))).isPresent();
    assertThat(result.set().match(DigestSet.of(md5("zeta")))).isEmpty();
  }

  @Test
  void load_opensReadOnly_databaseUntouched() throws Exception {
    Path db = rdsV3(dir.resolve("ro.db"), "FILE");
    byte[] before = Files.readAllBytes(db);

    KnownFileSets.loadNsrlV3(db, HashSetKind.KNOWN, "NSRL");

    assertThat(Files.readAllBytes(db)).isEqualTo(before);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ro.db");
    }
  }

  @Test
  void load_noFileOrDistinctHash_throws() throws Exception {
    Path db = dir.resolve("other.db");
    try (Connection c = connect(db); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE PKG (package_id INTEGER, name TEXT)");
    }

    assertThatThrownBy(() -> KnownFileSets.loadNsrlV3(db, HashSetKind.KNOWN, "NSRL"))
        .isInstanceOf(HashSetParseException.class)
        .hasMessage(db + ": not an NSRL RDS v3 database: no FILE or DISTINCT_HASH table or view");
  }

  @Test
  void load_notADatabase_throws() throws IOException {
    Path file = Files.writeString(dir.resolve("fake.db"), "this is text, not SQLite\n".repeat(100));

    assertThatThrownBy(() -> KnownFileSets.loadNsrlV3(file, HashSetKind.KNOWN, "NSRL"))
        .isInstanceOf(HashSetParseException.class)
        .hasMessageStartingWith(file + ": cannot read NSRL RDS v3 database: ")
        .hasCauseInstanceOf(SQLException.class);
  }

  @Test
  void load_missingFile_throwsWithoutCreatingIt() {
    Path missing = dir.resolve("missing.db");

    assertThatThrownBy(() -> KnownFileSets.loadNsrlV3(missing, HashSetKind.KNOWN, "NSRL"))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
    assertThat(missing).doesNotExist();
  }

  /**
   * An RDS v3-shaped database: FILE (under the given table name), PKG, OS, MFG, VERSION and the
   * DISTINCT_HASH view; alpha appears in two packages.
   */
  static Path rdsV3(Path db, String fileTable) throws SQLException {
    try (Connection c = connect(db); Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE " + fileTable + " (sha256 VARCHAR, sha1 VARCHAR, md5 VARCHAR, crc32 VARCHAR,"
              + " file_name VARCHAR, file_size INTEGER, package_id INTEGER)");
      s.execute(
          "CREATE TABLE PKG (package_id INTEGER NOT NULL, name VARCHAR NOT NULL, version VARCHAR NOT NULL,"
              + " operating_system_id INTEGER NOT NULL, manufacturer_id INTEGER NOT NULL,"
              + " language VARCHAR NOT NULL, application_type VARCHAR NOT NULL)");
      s.execute(
          "CREATE TABLE OS (operating_system_id INTEGER NOT NULL, name VARCHAR NOT NULL,"
              + " version VARCHAR NOT NULL, manufacturer_id INTEGER NOT NULL)");
      s.execute("CREATE TABLE MFG (manufacturer_id INTEGER NOT NULL, name VARCHAR NOT NULL)");
      s.execute(
          "CREATE TABLE VERSION (version VARCHAR NOT NULL, build_set VARCHAR NOT NULL,"
              + " build_date TIMESTAMP NOT NULL, release_date TIMESTAMP NOT NULL, description VARCHAR NOT NULL)");
      s.execute("CREATE VIEW DISTINCT_HASH AS SELECT DISTINCT sha256, sha1, md5, crc32 FROM " + fileTable);
      s.execute("INSERT INTO MFG VALUES (1, 'Example Corp')");
      s.execute("INSERT INTO OS VALUES (1, 'Windows', '11', 1)");
      s.execute("INSERT INTO PKG VALUES (1, 'Example Suite', '1.0', 1, 1, 'English', 'Office')");
      s.execute("INSERT INTO PKG VALUES (2, 'Example Suite', '2.0', 1, 1, 'English', 'Office')");
      s.execute("INSERT INTO VERSION VALUES ('2024.03.1', 'modern', '2024-03-01', '2024-03-01', 'test')");
      try (PreparedStatement p =
          c.prepareStatement("INSERT INTO " + fileTable + " VALUES (?, ?, ?, '00000000', ?, 5, ?)")) {
        row(p, "alpha", "alpha.exe", 1);
        row(p, "alpha", "ALPHA.EXE", 2);
        row(p, "beta", "beta.dll", 1);
        row(p, "gamma", "gamma.sys", 2);
      }
    }
    return db;
  }

  private static void row(PreparedStatement p, String word, String name, int pkg) throws SQLException {
    p.setString(1, hex(sha256(word)));
    p.setString(2, hex(sha1(word)));
    p.setString(3, hex(md5(word)));
    p.setString(4, name);
    p.setInt(5, pkg);
    p.executeUpdate();
  }

  private static void insert(PreparedStatement p, String sha256, String sha1, String md5) throws SQLException {
    p.setString(1, sha256);
    p.setString(2, sha1);
    p.setString(3, md5);
    p.executeUpdate();
  }

  private static String hex(dev.forensics.hash.Digest d) {
    return d.hex().toUpperCase(Locale.ROOT);
  }

  private static Connection connect(Path db) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + db);
  }
}
