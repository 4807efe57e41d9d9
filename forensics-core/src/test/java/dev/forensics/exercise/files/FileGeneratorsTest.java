package dev.forensics.exercise.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FileGeneratorsTest {

  static final Instant TIME = Instant.parse("2026-03-14T09:26:53Z");

  static GeneratedFile make(long seed, FileKind kind, String label) throws Exception {
    return FileGenerators.generate(ContentSource.of(seed), kind, label, TIME);
  }

  @ParameterizedTest
  @EnumSource(FileKind.class)
  void generate_sameSeedAndLabel_identicalBytes(FileKind kind) throws Exception {
    GeneratedFile a = make(42, kind, "case/evidence." + kind.extension());
    GeneratedFile b = make(42, kind, "case/evidence." + kind.extension());
    assertThat(a.content()).isEqualTo(b.content());
    assertThat(a.sha256()).isEqualTo(b.sha256());
    assertThat(a.size()).isPositive();
  }

  @ParameterizedTest
  @EnumSource(FileKind.class)
  void generate_differentSeed_differentBytes(FileKind kind) throws Exception {
    GeneratedFile a = make(42, kind, "x." + kind.extension());
    GeneratedFile b = make(43, kind, "x." + kind.extension());
    GeneratedFile c = make(42, kind, "y." + kind.extension());
    assertThat(a.sha256()).isNotEqualTo(b.sha256());
    assertThat(a.sha256()).isNotEqualTo(c.sha256());
  }

  @ParameterizedTest
  @EnumSource(FileKind.class)
  void fileCommand_identifiesEveryKind_forSeveralSeeds(FileKind kind, @TempDir Path dir) throws Exception {
    Tools.require("file");
    // no extension: `file` decides from the bytes alone
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("file", "--brief", "--mime-type"));
    for (long seed = 7; seed < 12; seed++) {
      Path p = dir.resolve("sample" + seed);
      make(seed, kind, "sample." + kind.extension()).writeTo(p);
      command.add(p.toString());
    }
    Tools.Result r = Tools.run(dir, command.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.out().strip().split("\n")).as(r.describe()).hasSize(5).containsOnly(kind.mediaType());
  }

  @Test
  void fileCommand_describesOfficeDocumentsAsOffice2007(@TempDir Path dir) throws Exception {
    Tools.require("file");
    Map<FileKind, String> expected = new EnumMap<>(FileKind.class);
    expected.put(FileKind.DOCX, "Microsoft Word 2007+");
    expected.put(FileKind.XLSX, "Microsoft Excel 2007+");
    for (Map.Entry<FileKind, String> e : expected.entrySet()) {
      Path p = dir.resolve(e.getKey().name());
      make(11, e.getKey(), "office").writeTo(p);
      Tools.Result r = Tools.run(dir, "file", "--brief", p.toString());
      assertThat(r.out().strip()).as(r.describe()).isEqualTo(e.getValue());
    }
  }

  @Test
  void writeTo_setsScenarioTimeAsMtime_andRefusesToOverwrite(@TempDir Path dir) throws Exception {
    GeneratedFile f = make(1, FileKind.TEXT, "note.txt");
    Path p = dir.resolve("note.txt");
    f.writeTo(p);
    assertThat(Files.getLastModifiedTime(p).toInstant()).isEqualTo(TIME);
    assertThat(Files.readAllBytes(p)).isEqualTo(f.content());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.writeTo(p))
        .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
  }
}
