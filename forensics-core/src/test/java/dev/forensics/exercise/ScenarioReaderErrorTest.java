package dev.forensics.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * One fixture per invalid scenario in {@code exercise/scenario-errors/}; the last line of each is
 * {@code # expect: MESSAGE}, the exact message of the {@link ScenarioException}.
 */
class ScenarioReaderErrorTest {

  private static final String EXPECT = "# expect: ";

  static Path dir() throws Exception {
    return Path.of(ScenarioReaderErrorTest.class.getResource("/exercise/scenario-errors").toURI());
  }

  static Stream<String> fixtures() throws Exception {
    try (Stream<Path> s = Files.list(dir())) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void invalidScenario_throwsWithFileLineAndField(String name) throws Exception {
    Path file = dir().resolve(name);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String last = lines.get(lines.size() - 1);
    ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioReader.read(file));
    assertThat(e).as("%s must be refused", name).isNotNull();
    assertThat(last).as("last line of %s is the expected message; got: %s", name, e.getMessage()).startsWith(EXPECT);
    assertThat(e.getMessage()).isEqualTo(last.substring(EXPECT.length()));
    assertThat(e.file()).isEqualTo(name);
  }

  @Test
  void minimal_isValid() throws Exception {
    Path file = dir().resolveSibling("minimal.yaml");
    Scenario s = ScenarioReader.read(file);
    assertThat(s.questions()).hasSize(2);
    assertThat(s.totalPoints()).isEqualByComparingTo("3");
  }

  @Test
  void times_inYamlTimestampForms_areRead() throws Exception {
    String base = Files.readString(dir().resolveSibling("minimal.yaml"));
    for (String form : List.of("2026-01-01T01:00:00+01:00", "2026-01-01 01:00:00 +01:00", "2026-01-01 00:00:00Z",
        "\"2026-01-01t00:00:00z\"", "2026-01-01 00:00:00.000 Z")) {
      Scenario s = ScenarioReader.read(
          base.replace("start: 2026-01-01T00:00:00Z", "start: " + form).getBytes(StandardCharsets.UTF_8), "t.yaml");
      assertThat(s.info().timeWindow().start()).as(form).isEqualTo(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    }
  }

  @Test
  void notUtf8_isRefused() {
    byte[] bytes = {'i', 'd', ':', ' ', (byte) 0xff, '\n'};
    assertThatThrownBy(() -> ScenarioReader.read(bytes, "x.yaml"))
        .isInstanceOf(ScenarioException.class)
        .hasMessage("x.yaml: not UTF-8 text");
  }

  @Test
  void tooLarge_isRefused() {
    byte[] bytes = new byte[ScenarioReader.MAX_BYTES + 1];
    java.util.Arrays.fill(bytes, (byte) ' ');
    assertThatThrownBy(() -> ScenarioReader.read(new java.io.ByteArrayInputStream(bytes), "big.yaml"))
        .isInstanceOf(ScenarioException.class)
        .hasMessage("big.yaml: larger than 1048576 bytes: not a scenario file");
  }
}
